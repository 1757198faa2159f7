"""The collector, served for real by uvicorn in a child process and spoken to over HTTP."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from conftest import free_port

from kbgen.collector import run_collector
from kbgen.errors import KbgenError

SITE = "https://help.example.com"
PAGE = "/billing/download-invoice/"


def start_collector(data_dir: Path, *options: str) -> tuple[subprocess.Popen, str]:
    """`kbgen collect` in its own process group (so a test can kill it and its workers) and
    its base URL, once /healthz answers."""
    port = free_port()
    # The child imports kbgen from this checkout, installed or not.
    paths = [str(Path(__file__).parents[1]), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    log = data_dir.parent / f"collector-{port}.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "kbgen", "collect", "--data-dir", str(data_dir), "--port", str(port), *options],
            stderr=stderr, env=env, start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).json() == {"ok": True}:
                return process, base
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            pytest.fail(f"collector did not start: {log.read_text()}")
        time.sleep(0.05)


def stop_collector(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=15)


@pytest.fixture(scope="module")
def collector(tmp_path_factory):
    """(base URL, data dir) of a collector that allows only SITE (no rate limit: tests send many)."""
    data_dir = tmp_path_factory.mktemp("collector") / "feedback"
    process, base = start_collector(data_dir, "--allow-origin", SITE, "--rate-limit", "0")
    yield base, data_dir
    stop_collector(process)


def _snapshot(data_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data_dir.iterdir())}


def _new_lines(before: dict[str, bytes], after: dict[str, bytes]) -> list[dict]:
    lines = []
    for name, content in after.items():
        added = content[len(before.get(name, b"")) :]
        lines += [json.loads(line) for line in added.decode("utf-8").splitlines()]
    return lines


def test_feedback_json_is_stored_as_one_line_without_the_address(collector):
    base, data_dir = collector
    before = _snapshot(data_dir)
    response = httpx.post(
        f"{base}/v1/feedback",
        json={
            "page": PAGE,
            "helpful": False,
            "comment": "Where is the\x07 PDF?\r\nI looked",
            "lang": "en",
            "submission": "a1-b2",
        },
        headers={"Origin": SITE, "User-Agent": "test-browser"},
    )
    assert response.status_code == 202
    assert response.json() == {"ok": True}
    assert response.headers["access-control-allow-origin"] == SITE
    assert "set-cookie" not in response.headers
    after = _snapshot(data_dir)
    [record] = _new_lines(before, after)
    assert list(record) == ["v", "kind", "received_at", "page", "lang", "helpful", "comment", "client", "submission"]
    assert record["v"] == 1 and record["kind"] == "feedback"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", record["received_at"])
    assert (record["page"], record["helpful"], record["lang"]) == (PAGE, False, "en")
    assert record["comment"] == "Where is the PDF?\nI looked"
    assert re.fullmatch(r"[0-9a-f]{16}", record["client"])
    assert record["submission"] == "a1-b2"
    [name] = [n for n in after if after[n] != before.get(n)]
    assert re.fullmatch(r"feedback-\d{4}-\d\d-\d\d-[A-Za-z0-9.-]+-\d+\.jsonl", name)
    assert b"127.0.0.1" not in after[name]


def test_client_hash_is_stable_for_one_browser_and_differs_between_browsers(collector):
    base, data_dir = collector
    before = _snapshot(data_dir)
    for agent in ("browser-a", "browser-a", "browser-b"):
        body = {"page": PAGE, "helpful": True}
        assert httpx.post(f"{base}/v1/feedback", json=body, headers={"User-Agent": agent}).status_code == 202
    first, second, third = (r["client"] for r in _new_lines(before, _snapshot(data_dir)))
    assert first == second != third


def test_survey_and_search_records_have_their_fields(collector):
    base, data_dir = collector
    before = _snapshot(data_dir)
    survey = {"survey": "nps", "score": 9, "ticket": "ZD-1042", "page": "/survey/", "comment": "fast"}
    assert httpx.post(f"{base}/v1/survey", json=survey).status_code == 202
    assert httpx.post(f"{base}/v1/search", json={"query": "  refund  policy ", "results": 0}).status_code == 202
    survey_line, search_line = _new_lines(before, _snapshot(data_dir))
    assert list(survey_line)[3:] == ["page", "lang", "survey", "score", "comment", "ticket", "client"]
    assert (survey_line["survey"], survey_line["score"], survey_line["ticket"]) == ("nps", 9, "ZD-1042")
    assert list(search_line)[3:] == ["page", "lang", "query", "results", "client"]
    assert (search_line["query"], search_line["results"]) == ("refund policy", 0)


def test_a_search_that_led_to_a_page_names_it_and_a_bad_page_is_refused(collector):
    base, data_dir = collector
    before = _snapshot(data_dir)
    opened = {"query": "refund", "results": 3, "opened": "/billing/refunds/"}
    assert httpx.post(f"{base}/v1/search", json=opened).status_code == 202
    [line] = _new_lines(before, _snapshot(data_dir))
    assert (line["query"], line["results"], line["opened"]) == ("refund", 3, "/billing/refunds/")
    before = _snapshot(data_dir)
    response = httpx.post(f"{base}/v1/search", json={**opened, "opened": "https://evil.example/"})
    assert response.status_code == 422
    assert response.json()["error"].startswith("opened: expected a site path")
    assert _snapshot(data_dir) == before


def test_form_post_redirects_back_with_thanks(collector):
    base, data_dir = collector
    before = _snapshot(data_dir)
    response = httpx.post(
        f"{base}/v1/feedback",
        data={"page": PAGE, "helpful": "yes", "comment": "", "return": f"{SITE}{PAGE}?lang=en#top"},
        headers={"Origin": SITE},
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"{SITE}{PAGE}?lang=en&kbgen=thanks#kbgen-feedback"
    [record] = _new_lines(before, _snapshot(data_dir))
    assert record["helpful"] is True and record["comment"] == ""


def test_form_post_without_return_goes_back_to_the_page_on_the_posting_origin(collector):
    base, data_dir = collector
    response = httpx.post(f"{base}/v1/feedback", data={"page": PAGE, "helpful": "no", "return": ""}, headers={"Origin": SITE})
    assert response.status_code == 303
    assert response.headers["location"] == f"{SITE}{PAGE}?kbgen=thanks#kbgen-feedback"
    before = _snapshot(data_dir)
    # Without an origin there is nowhere to go back to.
    response = httpx.post(f"{base}/v1/feedback", data={"page": PAGE, "helpful": "no", "return": ""})
    assert (response.status_code, _snapshot(data_dir)) == (422, before)


def test_survey_form_post_scores_from_text(collector):
    base, data_dir = collector
    before = _snapshot(data_dir)
    response = httpx.post(f"{base}/v1/survey", data={"survey": "csat", "score": "4", "return": f"{SITE}/survey/"})
    assert response.status_code == 303
    assert response.headers["location"] == f"{SITE}/survey/?kbgen=thanks#kbgen-survey"
    [record] = _new_lines(before, _snapshot(data_dir))
    assert record["score"] == 4


def test_preflight_for_an_allowed_origin(collector):
    base, _ = collector
    response = httpx.options(
        f"{base}/v1/feedback",
        headers={
            "Origin": SITE,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == SITE
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "content-type" in response.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in response.headers
    refused = httpx.options(f"{base}/v1/feedback", headers={"Origin": EVIL})
    assert refused.status_code == 403
    assert "access-control-allow-origin" not in refused.headers


VALID = {"page": PAGE, "helpful": True}
AS_JSON = {"Content-Type": "application/json"}
EVIL = "https://evil.example"

# case -> (httpx.post arguments, status, start of the error message)
HOSTILE = {
    "body too large": ({"content": json.dumps({**VALID, "comment": "x" * 20_000}), "headers": AS_JSON}, 413, "body: "),
    "text/plain": ({"content": json.dumps(VALID), "headers": {"Content-Type": "text/plain"}}, 415, "content-type: "),
    "no content type": ({"content": json.dumps(VALID)}, 415, "content-type: "),
    "bad JSON": ({"content": b'{"page": "/a/", ', "headers": AS_JSON}, 422, "body: "),
    "JSON list": ({"json": [VALID]}, 422, "body: "),
    "page with host": ({"json": {**VALID, "page": "http://evil"}}, 422, "page: "),
    "page protocol-relative": ({"json": {**VALID, "page": "//evil.example/"}}, 422, "page: "),
    "page too long": ({"json": {**VALID, "page": "/" + "a" * 512}}, 422, "page: "),
    "helpful as text": ({"json": {**VALID, "helpful": "maybe"}}, 422, "helpful: "),
    "bad language": ({"json": {**VALID, "lang": "english"}}, 422, "lang: "),
    "bad submission id": ({"json": {**VALID, "submission": "a b"}}, 422, "submission: "),
    "origin not allowed": ({"json": VALID, "headers": {"Origin": EVIL}}, 403, "origin: "),
    "form return elsewhere": ({"data": {"page": PAGE, "helpful": "yes", "return": f"{EVIL}/"}}, 422, "return: "),
    "form return javascript": ({"data": {"page": PAGE, "helpful": "yes", "return": "javascript:alert(1)"}}, 422, "return: "),
}

SURVEY_HOSTILE = {
    "score out of range": ({"survey": "csat", "score": 6}, "score: "),
    "score as boolean": ({"survey": "nps", "score": True}, "score: "),
    "unknown survey": ({"survey": "mood", "score": 3}, "survey: unknown survey"),
    "bad ticket": ({"survey": "ces", "score": 3, "ticket": "<script>"}, "ticket: "),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_feedback_is_refused_and_nothing_is_stored(collector, case):
    base, data_dir = collector
    request, status, error = HOSTILE[case]
    before = _snapshot(data_dir)
    response = httpx.post(f"{base}/v1/feedback", **request)
    assert response.status_code == status
    assert response.json()["ok"] is False
    assert response.json()["error"].startswith(error)
    assert _snapshot(data_dir) == before


@pytest.mark.parametrize("case", sorted(SURVEY_HOSTILE))
def test_hostile_survey_is_refused_and_nothing_is_stored(collector, case):
    base, data_dir = collector
    body, error = SURVEY_HOSTILE[case]
    before = _snapshot(data_dir)
    response = httpx.post(f"{base}/v1/survey", json=body)
    assert response.status_code == 422
    assert response.json()["error"].startswith(error)
    assert _snapshot(data_dir) == before


@pytest.mark.parametrize("query", ["", "   ", "q" * 201])
def test_search_query_length_is_checked(collector, query):
    base, data_dir = collector
    before = _snapshot(data_dir)
    response = httpx.post(f"{base}/v1/search", json={"query": query, "results": 0})
    assert response.status_code == 422
    assert response.json()["error"].startswith("query: ")
    assert _snapshot(data_dir) == before


def test_honeypot_looks_accepted_but_stores_nothing(collector):
    base, data_dir = collector
    before = _snapshot(data_dir)
    response = httpx.post(f"{base}/v1/feedback", json={**VALID, "website": "http://spam.example"})
    assert response.status_code == 202
    form = {"page": PAGE, "helpful": "no", "website": "spam", "return": f"{SITE}{PAGE}"}
    response = httpx.post(f"{base}/v1/feedback", data=form)
    assert response.status_code == 303
    assert "kbgen=thanks" in response.headers["location"]
    assert _snapshot(data_dir) == before


def test_comment_is_capped_and_stored_as_data(collector):
    base, data_dir = collector
    before = _snapshot(data_dir)
    comment = "<script>alert('x')</script> [link](http://evil) " + "é" * 3000
    assert httpx.post(f"{base}/v1/feedback", json={**VALID, "comment": comment}).status_code == 202
    [record] = _new_lines(before, _snapshot(data_dir))
    assert len(record["comment"]) == 2000
    assert record["comment"].startswith("<script>alert('x')</script> [link](http://evil) éé")


def test_data_dir_that_cannot_be_created_is_a_kbgen_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(KbgenError, match="cannot write feedback files"):
        run_collector(blocker / "feedback")


def test_busy_port_is_a_kbgen_error(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        with pytest.raises(KbgenError, match=f"127.0.0.1:{port}: cannot listen"):
            run_collector(tmp_path, port=port)


def test_allowed_origins_must_be_origins(tmp_path):
    with pytest.raises(KbgenError, match="expected scheme://host"):
        run_collector(tmp_path, port=free_port(), allow_origins=["https://help.example.com/docs"])


# -- load, rate limit, workers, crashes ------------------------------------------------------


def _feedback(n: int) -> dict:
    return {"v": 1, "page": PAGE, "helpful": n % 2 == 0, "submission": f"s-{n}"}


def _stored_submissions(data_dir: Path) -> list[str]:
    """Submission ids of every complete line (a torn last line, from a crash, is not a record)."""
    found = []
    for path in sorted(data_dir.glob("*.jsonl")):
        for line in path.read_bytes().split(b"\n"):
            try:
                found.append(json.loads(line)["submission"])
            except ValueError:
                pass
    return found


def test_too_many_submissions_from_one_client_get_429_and_nothing_is_stored(tmp_path):
    process, base = start_collector(tmp_path / "feedback", "--rate-limit", "5")
    try:
        answers = [httpx.post(f"{base}/v1/feedback", json=_feedback(n)).status_code for n in range(5)]
        before = _snapshot(tmp_path / "feedback")
        refused = httpx.post(f"{base}/v1/feedback", json=_feedback(5))
        assert answers == [202] * 5
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert _snapshot(tmp_path / "feedback") == before
        # Another client (as a proxy on this machine reports it) has its own bucket.
        other = httpx.post(f"{base}/v1/feedback", json=_feedback(6), headers={"X-Forwarded-For": "203.0.113.7"})
        assert other.status_code == 202
    finally:
        stop_collector(process)


def test_workers_share_the_port_and_each_writes_its_own_file(tmp_path):
    data_dir = tmp_path / "feedback"
    process, base = start_collector(data_dir, "--workers", "2", "--rate-limit", "0")
    try:
        with httpx.Client() as client, ThreadPoolExecutor(16) as pool:
            codes = list(pool.map(lambda n: client.post(f"{base}/v1/feedback", json=_feedback(n)).status_code, range(400)))
    finally:
        stop_collector(process)
    assert codes == [202] * 400
    assert sorted(_stored_submissions(data_dir)) == sorted(f"s-{n}" for n in range(400))
    pids = {path.stem.rsplit("-", 1)[-1] for path in data_dir.glob("*.jsonl")}
    assert str(process.pid) not in pids  # the workers write, not the supervisor


def test_killing_the_server_loses_no_acknowledged_submission(tmp_path):
    data_dir = tmp_path / "feedback"
    process, base = start_collector(data_dir, "--workers", "2", "--rate-limit", "0")
    acknowledged: list[str] = []
    stop = threading.Event()

    def send(worker: int) -> None:
        with httpx.Client(timeout=5) as client:
            for n in range(worker * 100_000, worker * 100_000 + 100_000):
                if stop.is_set():
                    return
                try:
                    if client.post(f"{base}/v1/feedback", json=_feedback(n)).status_code == 202:
                        acknowledged.append(f"s-{n}")
                except httpx.HTTPError:
                    return  # the server is gone

    threads = [threading.Thread(target=send, args=(w,)) for w in range(12)]
    for thread in threads:
        thread.start()
    while len(acknowledged) < 500:
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # supervisor and workers, mid-load
    process.wait(timeout=10)
    stop.set()
    for thread in threads:
        thread.join(timeout=10)
    stored = set(_stored_submissions(data_dir))
    assert len(acknowledged) >= 500
    assert [s for s in acknowledged if s not in stored] == []


ONBOARDING = """\
{% extends "_survey.html" %}
{% block title %}How was your start?{% endblock %}
{% block questions %}
{{ scale(min=1, max=3, question="How was setting up your workspace?", low="Hard", high="Easy") }}
{{ scale(name="ease", min=1, max=5, question="How clear was the guide?", low="Unclear", high="Clear") }}
{{ comment() }}
{% endblock %}
"""


def test_a_projects_own_survey_is_accepted_with_the_scales_its_page_offers(tmp_path):
    (tmp_path / "survey_templates").mkdir()
    (tmp_path / "survey_templates" / "onboarding.html").write_text(ONBOARDING, encoding="utf-8")
    data_dir = tmp_path / "feedback"
    process, base = start_collector(data_dir, "--project", str(tmp_path), "--rate-limit", "0")
    try:
        ok = httpx.post(f"{base}/v1/survey", json={"survey": "onboarding", "score": 3, "ease": 4, "ticket": "T-9"})
        before = _snapshot(data_dir)
        too_high = httpx.post(f"{base}/v1/survey", json={"survey": "onboarding", "score": 4})
        bad_ease = httpx.post(f"{base}/v1/survey", json={"survey": "onboarding", "score": 2, "ease": 6})
        unknown = httpx.post(f"{base}/v1/survey", json={"survey": "offboarding", "score": 2})
    finally:
        stop_collector(process)
    assert ok.status_code == 202
    assert (too_high.status_code, too_high.json()["error"]) == (422, "score: expected a whole number from 1 to 3")
    assert (bad_ease.status_code, bad_ease.json()["error"]) == (422, "ease: expected a whole number from 1 to 5")
    assert unknown.status_code == 422 and "known: ces, csat, nps, onboarding" in unknown.json()["error"]
    assert _snapshot(data_dir) == before
    [record] = [json.loads(line) for path in data_dir.glob("*.jsonl") for line in path.read_text().splitlines()]
    assert (record["survey"], record["score"], record["answers"], record["ticket"]) == ("onboarding", 3, {"ease": 4}, "T-9")


def test_a_survey_without_a_score_is_refused_at_start(tmp_path, monkeypatch, capsys):
    (tmp_path / "survey_templates").mkdir()
    (tmp_path / "survey_templates" / "notes.html").write_text(
        '{% extends "_survey.html" %}{% block questions %}{{ comment() }}{% endblock %}', encoding="utf-8"
    )
    from kbgen.cli import main

    monkeypatch.setattr(sys, "argv", ["kbgen", "collect", "--data-dir", str(tmp_path / "f"), "--project", str(tmp_path)])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2
    assert capsys.readouterr().err == "Error: survey_templates/notes.html: a survey needs a scale named score (scale(min=..., max=...))\n"


def test_every_kind_of_stored_line_has_its_endpoint_and_check():
    from kbgen.collector import CHECKS
    from kbgen.feedback.line import KINDS

    assert CHECKS.keys() == KINDS.keys()
