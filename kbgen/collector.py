"""The feedback collector: a small HTTP service the help site posts to.

It accepts three kinds of submissions (page feedback, survey answers, searches
without result), checks every field, and appends each accepted one as a line
(``kbgen.feedback.line``) to ``<data_dir>/feedback-YYYY-MM-DD-<host>-<pid>.jsonl``, on disk before it
answers (lines arriving together share one write and fsync). It keeps no raw
addresses and sets no cookies.

Endpoints (version 1)::

    GET  /healthz        -> 200 {"ok": true}
    POST /v1/feedback    page, helpful, comment, lang, submission
    POST /v1/survey      survey, score (and a custom survey's other scales), comment, ticket, page, lang, submission
    POST /v1/search      query, results, page, lang, opened (the result the visitor opened)

A JSON body is answered ``202 {"ok": true}``; a plain HTML form post
(no JavaScript) is answered ``303`` back to its ``return`` URL with
``kbgen=thanks`` added. Refusals store nothing: 403 (origin not allowed),
413 (body too large), 415 (content type), 429 (too many from one client), 422 ``{"ok": false, "error": "<field>: <reason>"}``.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import re
import secrets
import socket
import tempfile
import threading
import time
import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import uvicorn
from uvicorn.supervisors import Multiprocess
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from kbgen.errors import KbgenError
from kbgen.feedback import line as stored_line
from kbgen.records import FeedbackRecord
from kbgen.surveys import SCORE, Surveys

log = logging.getLogger("kbgen.collector")

JSON_TYPE = "application/json"
FORM_TYPE = "application/x-www-form-urlencoded"
MAX_PAGE = 512
MAX_COMMENT = 2000
MAX_QUERY = 200
MAX_RESULTS = 10**9
MAX_FORM_FIELDS = 32
# Submissions a minute one client may make (votes, comments, surveys and searches together),
# and how many of them may come at once.
RATE_PER_MINUTE = 60
RATE_BURST = 20
# Settings handed to worker processes, which build their own app (kbgen collect --workers).
_SETTINGS_ENV = "KBGEN_COLLECTOR_SETTINGS"

_SUBMISSION = re.compile(r"[A-Za-z0-9-]{1,64}")
_TICKET = re.compile(r"[A-Za-z0-9-]{1,40}")
_LANG = re.compile(r"[a-z]{2}")
_DIGITS = re.compile(r"[0-9]{1,10}")
# Bidirectional overrides can make a comment display as different text in a report.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Where a form post lands back on the page: the widget's own section.
_FRAGMENTS = {"feedback": "kbgen-feedback", "survey": "kbgen-survey", "search": ""}


# -- fields ---------------------------------------------------------------------------------
# Each validator raises KbgenError("<field>: <reason>"), which the endpoint answers with 422.


def _clean_text(value: str) -> str:
    """Text as data: newlines kept, other control characters and lone surrogates dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(
        c
        for c in value
        if c == "\n" or (unicodedata.category(c) not in ("Cc", "Cs") and c not in _BIDI_CONTROLS)
    ).strip()


def _string(fields: Mapping[str, Any], name: str) -> str:
    value = fields.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise KbgenError(f"{name}: expected text")
    return value


def _page(fields: Mapping[str, Any], required: bool, name: str = "page") -> str:
    value = _string(fields, name)
    if not value:
        if required:
            raise KbgenError(f"{name}: required")
        return ""
    if len(value) > MAX_PAGE:
        raise KbgenError(f"{name}: longer than {MAX_PAGE} characters")
    if (
        not value.startswith("/")
        or value.startswith("//")
        or any(c.isspace() or c in "\\?#" or unicodedata.category(c) in ("Cc", "Cs") for c in value)
    ):
        raise KbgenError(f"{name}: expected a site path such as /billing/invoices/ (no scheme, host or query)")
    return value


def _lang(fields: Mapping[str, Any]) -> str:
    value = _string(fields, "lang").lower()
    if value and not _LANG.fullmatch(value):
        raise KbgenError("lang: expected a two-letter language code such as en")
    return value


def _comment(fields: Mapping[str, Any]) -> str:
    # Capped rather than refused: a long comment still carries the vote.
    return _clean_text(_string(fields, "comment"))[:MAX_COMMENT].rstrip()


def _pattern(fields: Mapping[str, Any], name: str, pattern: re.Pattern[str], reason: str) -> str:
    value = _string(fields, name)
    if value and not pattern.fullmatch(value):
        raise KbgenError(f"{name}: {reason}")
    return value


def _whole_number(fields: Mapping[str, Any], name: str, low: int, high: int, reason: str) -> int:
    value = fields.get(name)
    # Forms send every value as text; JSON must send a number (true is not 1).
    if isinstance(value, str) and _DIGITS.fullmatch(value):
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise KbgenError(f"{name}: {reason}")
    return value


def _helpful(fields: Mapping[str, Any]) -> bool:
    value = fields.get("helpful")
    if isinstance(value, bool):
        return value
    if value in ("yes", "no"):
        return value == "yes"
    raise KbgenError("helpful: expected true or false (a form sends yes or no)")


# Survey name -> its questions on a scale: field -> (lowest, highest), as kbgen.surveys.Surveys.scales
# gives them (plain data: worker processes receive it through the environment).
Scales = Mapping[str, Mapping[str, tuple[int, int]]]
BUILTIN_SCALES: Scales = Surveys().scales()


def _feedback_fields(fields: Mapping[str, Any], surveys: Scales) -> dict[str, Any]:
    return {
        "page": _page(fields, required=True),
        "lang": _lang(fields),
        "helpful": _helpful(fields),
        "comment": _comment(fields),
    }


def _survey_fields(fields: Mapping[str, Any], surveys: Scales) -> dict[str, Any]:
    name = _string(fields, "survey")
    if name not in surveys:
        raise KbgenError(f"survey: unknown survey '{name[:40]}' (known: {', '.join(sorted(surveys))})")
    scales = surveys[name]
    low, high = scales[SCORE]
    record = {
        "page": _page(fields, required=False),
        "lang": _lang(fields),
        "survey": name,
        "score": _whole_number(fields, SCORE, low, high, f"expected a whole number from {low} to {high}"),
        "comment": _comment(fields),
        "ticket": _pattern(fields, "ticket", _TICKET, "expected 1 to 40 letters, digits or '-'"),
    }
    # A template's other scale questions: optional, each checked against its own range.
    record["answers"] = tuple(
        (field, _whole_number(fields, field, low, high, f"expected a whole number from {low} to {high}"))
        for field, (low, high) in sorted(scales.items())
        if field != SCORE and fields.get(field) not in (None, "")
    )
    return record


def _search_fields(fields: Mapping[str, Any], surveys: Scales) -> dict[str, Any]:
    query = " ".join(_clean_text(_string(fields, "query")).split())
    if not 1 <= len(query) <= MAX_QUERY:
        raise KbgenError(f"query: expected 1 to {MAX_QUERY} characters")
    return {
        "page": _page(fields, required=False),
        "lang": _lang(fields),
        "query": query,
        "results": _whole_number(fields, "results", 0, MAX_RESULTS, "expected a whole number >= 0"),
        "opened": _page(fields, required=False, name="opened"),
    }


# Submission kind (kbgen.feedback.line.KINDS, also the URL's last segment) -> the check of its
# fields, which returns them as FeedbackRecord fields.
CHECKS: dict[str, Callable[[Mapping[str, Any], Scales], dict[str, Any]]] = {
    "feedback": _feedback_fields,
    "survey": _survey_fields,
    "search": _search_fields,
}


def build_record(
    kind: str, fields: Mapping[str, Any], received_at: datetime, client: str, surveys: Scales = BUILTIN_SCALES
) -> FeedbackRecord:
    """The record stored for one submission; raises KbgenError naming the first bad field."""
    checked = CHECKS[kind](fields, surveys)
    submission = _pattern(fields, "submission", _SUBMISSION, "expected 1 to 64 letters, digits or '-'")
    return FeedbackRecord(kind=kind, received_at=received_at, client=client, submission=submission, **checked)


# -- origins --------------------------------------------------------------------------------


def _origin_of(url: str) -> str | None:
    """scheme://host[:port] of an http(s) URL, lower-case and without a default port."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        return None
    if port is None or port == {"http": 80, "https": 443}[parts.scheme]:
        return f"{parts.scheme}://{parts.hostname}"
    return f"{parts.scheme}://{parts.hostname}:{port}"


def _normalize_origins(allow_origins: Sequence[str]) -> frozenset[str]:
    origins = set()
    for entry in allow_origins:
        origin = _origin_of(entry.strip().rstrip("/"))
        if origin is None or urlsplit(entry.strip().rstrip("/")).path:
            raise KbgenError(f"allowed origin '{entry}': expected scheme://host[:port], e.g. https://help.example.com")
        origins.add(origin)
    return frozenset(origins)


class _OriginPolicy:
    """Which sites may post. An empty allow list accepts every origin (local use, demos)."""

    def __init__(self, allow_origins: Sequence[str]):
        self.origins = _normalize_origins(allow_origins)

    def allows(self, origin: str) -> bool:
        if not self.origins:
            return True
        # Browsers send the bare serialized origin; anything else ("null", a path) is refused.
        normalized = _origin_of(origin)
        return normalized is not None and normalized == origin.lower() and normalized in self.origins

    def return_url(self, fields: Mapping[str, Any], kind: str, origin: str | None = None) -> str:
        """Where a form post goes back to, with the thanks marker; KbgenError when not allowed.

        Without a ``return`` field (a site built without site_url), the page on the posting
        origin: right for a site at the root of its host.
        """
        url = _string(fields, "return")
        page = _string(fields, "page")
        if not url and origin and _origin_of(origin) == origin.lower() and page.startswith("/"):
            url = origin + page
        if not url:
            raise KbgenError("return: required for form posts")
        origin = _origin_of(url) if len(url) <= 2048 else None
        if origin is None or any(c.isspace() or c == "\\" or unicodedata.category(c) == "Cc" for c in url):
            raise KbgenError("return: expected an http(s) URL of the help site")
        if self.origins and origin not in self.origins:
            raise KbgenError("return: not a page of an allowed site")
        parts = urlsplit(url)
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "kbgen"]
        query.append(("kbgen", "thanks"))
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), _FRAGMENTS[kind]))


# -- storage --------------------------------------------------------------------------------


class _DailySalt:
    """A random salt per UTC day, only in memory: client hashes cannot be linked across days."""

    def __init__(self) -> None:
        self._day = ""
        self._salt = b""

    def client(self, day: str, address: str, user_agent: str) -> str:
        # Called only from the event loop thread, so the check-and-rotate needs no lock.
        if day != self._day:
            self._day, self._salt = day, secrets.token_bytes(16)
        digest = hashlib.sha256(self._salt + address.encode() + b"\0" + user_agent.encode("utf-8", "replace"))
        return digest.hexdigest()[:16]


class _Journal:
    """Appends lines to one file per UTC day and process, durably, before a 2xx is sent.

    Group commit: requests hand their line to one writer thread and wait; the writer takes every
    line waiting, writes them with one write() and one fsync(), then releases their requests.
    Under load many submissions share an fsync; alone, a submission waits for its own.
    """

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self._waiting: list[tuple[str, bytes, Callable[[BaseException | None], None]]] = []
        self._wake = threading.Condition()
        self._writer: threading.Thread | None = None
        self._open: tuple[str, int] | None = None  # (day, fd) of the file being appended to

    def path_for(self, day: str) -> Path:
        # hostname-pid: several collector processes (or hosts sharing a disk) never share a file.
        host = re.sub(r"[^A-Za-z0-9.-]", "-", socket.gethostname()) or "host"
        return self.data_dir / f"feedback-{day}-{host}-{os.getpid()}.jsonl"

    async def append(self, day: str, line: bytes) -> None:
        """Return once line is on disk; OSError when it could not be stored."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()

        def settle(error: BaseException | None) -> None:
            if not done.done():
                done.set_exception(error) if error else done.set_result(None)

        with self._wake:
            if self._writer is None:
                self._writer = threading.Thread(target=self._write_forever, name="kbgen-journal", daemon=True)
                self._writer.start()
            self._waiting.append((day, line, lambda error: loop.call_soon_threadsafe(settle, error)))
            self._wake.notify()
        await done

    def _write_forever(self) -> None:
        while True:
            with self._wake:
                while not self._waiting:
                    self._wake.wait()
                batch, self._waiting = self._waiting, []
            for day in dict.fromkeys(day for day, _, _ in batch):
                lines = [(line, release) for each_day, line, release in batch if each_day == day]
                try:
                    self._write(day, b"".join(line for line, _ in lines))
                    error = None
                except OSError as exc:
                    error = exc
                for _, release in lines:
                    release(error)

    def _write(self, day: str, data: bytes) -> None:
        if self._open is None or self._open[0] != day:
            if self._open is not None:
                os.close(self._open[1])
                self._open = None
            path = self.path_for(day)
            created = not path.exists()
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
            if created:
                _fsync_dir(self.data_dir)  # the new file's name survives a crash too
            self._open = (day, fd)
        fd = self._open[1]
        view = memoryview(data)
        while view:
            try:
                written = os.write(fd, view)
            except OSError:
                os.write(fd, b"\n")  # end a partial line so the next record starts clean
                raise
            view = view[written:]
        os.fsync(fd)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _RateLimit:
    """A token bucket per client: up to `per_minute` submissions a minute, in bursts of up to
    `burst`. Each process keeps its own buckets, so N workers allow up to N times as much."""

    def __init__(self, per_minute: int, burst: int):
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, when counted)
        self._forgot_at = 0.0

    def allow(self, client: str, now: float) -> bool:
        if self.rate <= 0:
            return True
        tokens, then = self._buckets.get(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - then) * self.rate)
        # Forget clients whose bucket has filled up again; a sweep of every bucket, so at most
        # once a minute, not on every request while many clients are busy.
        if len(self._buckets) > 100_000 and now - self._forgot_at > 60:
            self._forgot_at = now
            self._buckets = {k: v for k, v in self._buckets.items() if v[0] + (now - v[1]) * self.rate < self.burst}
        if tokens < 1:
            self._buckets[client] = (tokens, now)
            return False
        self._buckets[client] = (tokens - 1, now)
        return True


# -- HTTP -----------------------------------------------------------------------------------


def _answer(status: int, error: str = "", headers: Mapping[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"ok": not error}
    if error:
        body["error"] = error
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


async def _read_body(request: Request, limit: int) -> bytes | None:
    """The body, or None when it is larger than limit (read no further than that)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def _parse_body(media_type: str, body: bytes) -> dict[str, Any]:
    if media_type == JSON_TYPE:
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            raise KbgenError("body: not valid JSON") from None
        if not isinstance(data, dict):
            raise KbgenError("body: expected a JSON object")
        return data
    try:
        pairs = parse_qsl(
            body.decode("utf-8"), keep_blank_values=True, errors="strict", max_num_fields=MAX_FORM_FIELDS
        )
    except ValueError:
        raise KbgenError("body: not a valid form submission") from None
    return dict(pairs)


def create_app(
    data_dir: Path,
    allow_origins: Sequence[str] = (),
    max_body_bytes: int = 16_384,
    rate_limit: int = RATE_PER_MINUTE,
    surveys: Scales = BUILTIN_SCALES,
) -> Starlette:
    """The collector as an ASGI app writing into data_dir (which must exist and be writable);
    rate_limit: submissions a minute per client (0: no limit); surveys: the surveys it accepts."""
    data_dir = Path(data_dir)
    surveys = {name: {field: (int(low), int(high)) for field, (low, high) in scales.items()} for name, scales in surveys.items()}
    policy = _OriginPolicy(allow_origins)
    salt = _DailySalt()
    journal = _Journal(data_dir)
    limit = _RateLimit(rate_limit, burst=max(1, min(rate_limit, RATE_BURST)))

    def cors_headers(origin: str | None) -> dict[str, str]:
        if origin is None:
            return {}
        # Echo the one origin (never "*") and no credentials: the site needs no cookies.
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}

    async def healthz(request: Request) -> Response:
        return _answer(200)

    async def preflight(request: Request) -> Response:
        origin = request.headers.get("origin")
        if origin is None or not policy.allows(origin):
            return _answer(403, "origin: not allowed")
        headers = cors_headers(origin)
        headers.update(
            {
                "Access-Control-Allow-Methods": "POST, OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type",
                "Access-Control-Max-Age": "600",
            }
        )
        return Response(status_code=204, headers=headers)

    async def submit(request: Request) -> Response:
        kind = request.url.path.rsplit("/", 1)[-1]
        origin = request.headers.get("origin")
        if origin is not None and not policy.allows(origin):
            return _answer(403, "origin: not allowed")
        headers = cors_headers(origin)
        now = datetime.now(timezone.utc)
        address = request.client.host if request.client else ""
        # Keyed by the address alone (a user agent is the client's to vary), salted daily.
        if not limit.allow(salt.client(now.strftime("%Y-%m-%d"), address, ""), time.monotonic()):
            headers = {**headers, "Retry-After": str(max(1, round(60 / max(rate_limit, 1))))}
            return _answer(429, "too many submissions from this client; try again later", headers)
        media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type not in (JSON_TYPE, FORM_TYPE):
            return _answer(415, f"content-type: expected {JSON_TYPE} or {FORM_TYPE}", headers)
        body = await _read_body(request, max_body_bytes)
        if body is None:
            return _answer(413, f"body: larger than {max_body_bytes} bytes", headers)
        is_form = media_type == FORM_TYPE
        try:
            fields = _parse_body(media_type, body)
            # Checked before the honeypot: a bot must not get an open redirect either.
            redirect = policy.return_url(fields, kind, origin) if is_form else ""
            if not _string(fields, "website").strip():
                client = salt.client(now.strftime("%Y-%m-%d"), address, request.headers.get("user-agent", ""))
                record = build_record(kind, fields, now, client, surveys)
            else:
                record = None  # honeypot filled in: a bot; look accepted, keep nothing
        except KbgenError as exc:
            return _answer(422, str(exc), headers)
        if record is not None:
            try:
                await journal.append(now.strftime("%Y-%m-%d"), stored_line.encode(record))
            except OSError:
                log.exception("cannot store a %s submission", kind)
                return _answer(503, "storage: cannot save the submission, try again later", headers)
        if is_form:
            return RedirectResponse(redirect, status_code=303, headers=headers)
        return _answer(202, headers=headers)

    routes = [Route("/healthz", healthz, methods=["GET"])]
    for kind in CHECKS:
        routes.append(Route(f"/v1/{kind}", submit, methods=["POST"]))
        routes.append(Route(f"/v1/{kind}", preflight, methods=["OPTIONS"]))
    return Starlette(routes=routes)


def check_data_dir(data_dir: Path) -> None:
    """Create data_dir if needed and prove a file can be written there."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=data_dir, prefix=".kbgen-probe-"):
            pass
    except OSError as exc:
        raise KbgenError(f"{data_dir}: cannot write feedback files there: {exc.strerror or exc}") from None


def run_collector(
    data_dir: str | Path,
    host: str = "127.0.0.1",
    port: int = 8765,
    allow_origins: Sequence[str] = (),
    workers: int = 1,
    rate_limit: int = RATE_PER_MINUTE,
    surveys: Scales = BUILTIN_SCALES,
) -> None:
    """Serve the collector until interrupted; KbgenError when data_dir or the port is unusable.

    With workers > 1, uvicorn runs that many processes on the one socket; each appends to its
    own file (the file name carries its pid), so no process waits for another's lock.
    """
    data_dir = Path(data_dir)
    check_data_dir(data_dir)
    _normalize_origins(allow_origins)  # a bad origin is an error here, not in every worker
    settings = {"data_dir": str(data_dir), "allow_origins": list(allow_origins), "rate_limit": rate_limit, "surveys": surveys}
    # Bind here rather than in uvicorn so a busy port is a clear error, not a log line and exit 1.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise KbgenError(f"{host}:{port}: cannot listen there: {exc.strerror or exc}") from None
    if workers <= 1:
        config = uvicorn.Config(create_app(**settings), log_level="warning", access_log=False)
        uvicorn.Server(config).run(sockets=[sock])
        return
    os.environ[_SETTINGS_ENV] = json.dumps(settings)
    config = uvicorn.Config(
        "kbgen.collector:app_from_environment", factory=True, workers=workers, log_level="warning", access_log=False
    )
    Multiprocess(config, sockets=[sock]).run()


def app_from_environment() -> Starlette:
    """The app of one worker process, from the settings its parent left in the environment."""
    return create_app(**json.loads(os.environ[_SETTINGS_ENV]))
