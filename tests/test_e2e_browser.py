"""End to end: a customer searches the built sample site, votes "not helpful" with a comment,
and the report made from the collector's files shows that vote on that article."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from conftest import REPO, free_port

pytestmark = pytest.mark.browser

ARTICLE = "/account/reset-your-password/"
COMMENT = "The reset link had expired before the email arrived"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def static_site(tmp_path):
    """The repository's sample help site, built by the real CLI and served on localhost."""
    site_port, collector_port = free_port(), free_port()
    collector_url = f"http://127.0.0.1:{collector_port}"
    site_dir = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "kbgen", "build", "--config-file", str(REPO / "mkdocs.yml"),
         "--site-dir", str(site_dir), "--collector-url", collector_url],
        check=True,
        cwd=tmp_path,
    )
    server = ThreadingHTTPServer(("127.0.0.1", site_port), partial(QuietHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{site_port}", collector_port
    server.shutdown()


@pytest.fixture
def collector(tmp_path, static_site):
    origin, port = static_site
    data_dir = tmp_path / "feedback"
    process = subprocess.Popen(
        [sys.executable, "-m", "kbgen", "collect", "--data-dir", str(data_dir), "--port", str(port),
         "--allow-origin", origin],
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail("kbgen collect did not start")
        time.sleep(0.1)
    yield data_dir
    process.terminate()
    process.wait(timeout=10)


def test_customer_finds_the_article_votes_and_the_report_shows_it(browser, static_site, collector):
    origin, _ = static_site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    console_errors: list[str] = []
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)

    page.goto(f"{origin}/")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("I forgot my password", delay=30)
    result = page.locator(f".md-search-result__item a[href*='{ARTICLE.strip('/')}']").first
    result.wait_for(timeout=15_000)
    result.click()
    page.wait_for_url(f"**{ARTICLE}**")

    form = page.locator("#kbgen-feedback")
    form.scroll_into_view_if_needed()
    form.locator("[data-kbgen-vote='no']").click()
    comment = form.locator("textarea[name='comment']")
    comment.wait_for(state="visible")
    comment.fill(COMMENT)
    form.locator("[data-kbgen-send]").click()
    page.locator("[data-kbgen-thanks]").filter(has_text="Thank").wait_for(timeout=10_000)
    assert console_errors == []
    page.close()

    report = subprocess.run(
        [sys.executable, "-m", "kbgen", "report", str(collector), "--content", str(REPO / "content"), "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(report.stdout)
    [article] = [a for a in data["articles"] if a["page"] == ARTICLE]
    assert (article["votes"], article["not_helpful"], article["helpful"]) == (1, 1, 0)
    assert COMMENT in json.dumps(article["comments"])
    assert any(item["kind"] == "fix-article" and item["target"] == ARTICLE for item in data["improvements"])
