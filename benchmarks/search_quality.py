"""Does a customer's own phrasing find the right article? Pagefind against Material's search.

    python benchmarks/search_quality.py                    # Banking77 from ../shared/data
    python benchmarks/search_quality.py --per-intent 20

Builds one help site per search engine with one article per Banking77 intent, written the way
``kbgen draft`` writes them: the title is a customer's question, "Customers also ask it as"
lists four more, and a short answer names the topic. Other customers' questions of the same
intent (never used in an article) are then typed into the site's search box in headless
Chromium (/usr/bin/chromium), and the benchmark counts how often the intent's article is among
the first 1 and 3 results.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import random
import sys
import tempfile
import threading
from collections import defaultdict
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path


REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "banking77"
IN_ARTICLE = 5  # questions per article: the title and four phrasings


def _site_benchmark():
    """benchmarks/site.py, by path: "site" is also the name of a standard module."""
    spec = importlib.util.spec_from_file_location("site_benchmark", Path(__file__).with_name("site.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CompressingHandler = _site_benchmark().CompressingHandler


def read_questions(data: Path) -> dict[str, list[str]]:
    intent_of = {}
    with open(data / "labels.csv", encoding="utf-8", newline="") as fp:
        for row in csv.DictReader(fp):
            intent_of[row["ticket_id"]] = row["intent"]
    questions: dict[str, list[str]] = defaultdict(list)
    with open(data / "tickets.csv", encoding="utf-8", newline="") as fp:
        for row in csv.DictReader(fp):
            text = " ".join((row.get("description") or row.get("subject") or "").split())
            if row["ticket_id"] in intent_of and text:
                questions[intent_of[row["ticket_id"]]].append(text)
    return questions


def write_site(root: Path, articles: dict[str, list[str]], engine: str) -> Path:
    (root / "site_config").mkdir(parents=True)
    (root / "site_config" / "kbgen.yml").write_text(f"site:\n  collector_url: ''\nsearch:\n  engine: {engine}\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Bank Help\ndocs_dir: content\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n  - kbgen\n",
        encoding="utf-8",
    )
    content = root / "content" / "faq"
    content.mkdir(parents=True)
    (root / "content" / "index.md").write_text("# Bank Help\n", encoding="utf-8")
    for intent, (title, *also) in articles.items():
        topic = intent.replace("_", " ")
        body = "\n".join(f"- {q}" for q in also)
        (content / f"{intent.replace('_', '-')}.md").write_text(
            f"---\ntitle: {title!r}\nstatus: published\n---\n\nThis article is about {topic}. "
            f"Our support team answers it in the app under Help.\n\n## Customers also ask it as\n\n{body}\n",
            encoding="utf-8",
        )
    from kbgen.site.build import build_site

    return build_site(root / "mkdocs.yml", site_dir=root / "site")


def ask(site: Path, engine: str, queries: list[tuple[str, str]]) -> tuple[float, float]:
    """(share with the right article first, share with it in the first three)."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    first = top3 = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page()
            page.goto(f"{origin}/", wait_until="networkidle")
            box = page.locator("input.md-search__input").first
            box.click()
            for n, (intent, query) in enumerate(queries):
                box.fill(query)
                if engine == "pagefind":
                    # kbgen-search.js marks the list with the query its results answer.
                    page.wait_for_function(
                        "q => document.querySelector('.md-search [data-kbgen-search-results]').dataset.query === q",
                        arg=" ".join(query.split()),
                    )
                else:
                    box.press("End")  # Material searches on keyup
                    page.wait_for_timeout(250)  # its worker answers a 77-article index in a few ms
                urls = page.locator(".md-search .md-search-result__item > a").evaluate_all("links => links.slice(0, 3).map(a => a.href)")
                slugs = [url.rstrip("/").rsplit("/", 1)[-1] for url in urls]
                wanted = intent.replace("_", "-")
                first += bool(slugs) and slugs[0] == wanted
                top3 += wanted in slugs
                if (n + 1) % 200 == 0:
                    print(f"  {engine}: {n + 1} queries", file=sys.stderr)
            browser.close()
    finally:
        server.shutdown()
    return first / len(queries), top3 / len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--per-intent", type=int, default=10, help="held-out questions searched per intent")
    args = parser.parse_args()
    rng = random.Random(7)
    questions = read_questions(args.data)
    articles, queries = {}, []
    for intent, asked in sorted(questions.items()):
        asked = asked[:]
        rng.shuffle(asked)
        articles[intent] = asked[:IN_ARTICLE]
        queries += [(intent, q) for q in asked[IN_ARTICLE : IN_ARTICLE + args.per_intent]]
    print(f"{len(articles)} articles, {len(queries)} held-out questions")
    with tempfile.TemporaryDirectory() as work:
        for engine in ("pagefind", "material"):
            site = write_site(Path(work) / engine, articles, engine)
            at1, at3 = ask(site, engine, queries)
            print(f"{engine:>9}: right article first {at1:.1%}, in the first three {at3:.1%}")


if __name__ == "__main__":
    main()
