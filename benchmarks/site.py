"""The help site at scale: build time and memory, and what a reader's browser downloads.

    python benchmarks/site.py                         # 300 and 3,000 articles, 3 runs each
    python benchmarks/site.py --sizes 300 3000 10000 --runs 3
    python benchmarks/site.py --search material       # the same with Material's built-in search
    python benchmarks/site.py --phrasings 0           # articles without search_phrasings

Writes a project of N synthetic FAQ articles (about 600 words, in 30 categories, each with
--phrasings customer questions of 6-14 words in its front matter's ``search_phrasings``) per size,
builds it with ``kbgen build`` in a fresh process per run (MkDocs + Material + the kbgen plugin,
search index included) and reports the median wall time and peak RSS (the build process or its
indexer child, whichever peaked higher), then the two parts apart: MkDocs without the index
step, and the Pagefind indexer alone. On the largest size it then serves the site on
127.0.0.1, compressed as static hosts serve it, and measures in headless Chromium
(/usr/bin/chromium):

- search: the bytes transferred from typing a query until the first results show (the search
  script, index chunks, WebAssembly, result excerpts), after the page itself has loaded;
- article page: HTML + CSS + JS transferred to show one article on an empty cache;
- latency: from the last key of a question typed into the header's search box to its first
  result in the DOM (the results list's ``data-query`` becomes the question), timed inside the
  page with performance.now(), for LATENCY_QUERIES, on a cached page: the article was loaded and
  one other question searched before. Twice: on that same page (pagefind.js and its
  WebAssembly in memory, the index chunks of earlier searches in Pagefind's memory), and on a
  new tab of the same browser per question (everything fetched before comes from the HTTP
  cache, which the server allows for 10 minutes as GitHub Pages does; Pagefind starts again).
  The figure includes the box's wait after the last key (150 ms); it is also split into that
  wait (until the wait's timer fires: setTimeout is wrapped to note it), the load (until the
  page asks Pagefind's web worker to search: pagefind.js, its options), the search (until it
  asks for the first excerpt: on a new page the worker's start and WebAssembly, then the index
  chunks and the ranking) and the excerpts (until the results are in the DOM).

To measure another checkout (the code before a change), run from outside the repository with
``PYTHONPATH=<checkout>``: the builds then import that kbgen (the first line printed says which).

Targets (issue #6): 3,000 articles <= 25 s and <= 100 MB; 10,000 <= 90 s; per-article time at
3,000 <= 1.3x that at 300; search <= 400 KB; article page <= 250 KB. Issue #16 (search_phrasings):
at 3,000 articles the build within 10% of the code's before it (with --phrasings 0, through
PYTHONPATH), search <= 400 KB, and first results <= 300 ms after the last key on a cached page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path

CATEGORIES = 30
WORDS_PER_ARTICLE = 600
TARGETS = {
    "build_s_3000": 25.0,
    "rss_mb_3000": 100.0,
    "build_s_10000": 90.0,
    "linear": 1.3,
    "search_kb": 400.0,
    "page_kb": 250.0,
    "latency_ms": 300.0,
}
# A few words, and a whole question (each of its words is searched when all of them together
# find little).
QUERIES = ["cancel refund", "how can I cancel the refund of my subscription"]
# Questions typed for the latency: a few words, and whole questions of 8-12 words. WARM_UP is
# searched first, so that the page counts as cached.
LATENCY_QUERIES = QUERIES + [
    "reset password",
    "export invoice",
    "webhook token",
    "delete backup",
    "where do I find the invoice for my last payment",
    "why can't I invite a new member to my workspace",
    "how do I restore a deleted backup of my project",
    "can I change the timezone of my calendar reminders please",
    "I need to verify my domain before I connect the webhook",
    "what happens to my receipt when I remove a card from the account",
]
WARM_UP = "how do I download the report of my dashboard"
_COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml"}

VERBS = "change cancel reset export import connect share delete restore update download upload invite remove move rename archive verify enable disable".split()
THINGS = (
    "password invoice workspace project calendar report dashboard integration webhook subscription "
    "payment card receipt member role permission template label filter notification reminder "
    "backup attachment comment task board timeline budget language timezone address domain token "
    "certificate device session plan trial discount refund signature logo theme widget form survey"
).split()
FILLER = (
    "open settings choose the menu select click save page account screen button option list then "
    "your you can will when after before first next each new this that with from into only also "
    "see find check make sure wait minutes hours email link team admin owner changes appear help"
).split()
# How customers start a question; the rest of it comes from the vocabularies above.
OPENERS = [
    "how do I", "how can I", "where do I", "where can I", "can I", "why can't I", "is it possible to",
    "what happens when I", "I need to", "I want to", "please help me", "I can't",
]


def write_project(root: Path, articles: int, search: str, phrasings: int = 0, seed: int = 1) -> Path:
    """A kbgen project of synthetic FAQ articles in CATEGORIES folders, each with `phrasings`
    customer questions in its front matter; returns its mkdocs.yml."""
    rng = random.Random(seed)
    # A generator of its own, so that the articles are the same whatever the number of phrasings.
    asked = random.Random(f"phrasings-{seed}")
    (root / "site_config").mkdir(parents=True)
    (root / "site_config" / "kbgen.yml").write_text(
        f"site:\n  language: en\n  collector_url: http://127.0.0.1:8765\nsearch:\n  engine: {search}\n", encoding="utf-8"
    )
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Benchmark Help Centre\ndocs_dir: content\nuse_directory_urls: true\n"
        "theme:\n  name: material\n  language: en\n  font: false\n"
        "  features: [navigation.sections, navigation.indexes]\n"
        "plugins:\n  - search\n  - kbgen\n",
        encoding="utf-8",
    )
    content = root / "content"
    content.mkdir()
    (content / "index.md").write_text("---\ntitle: Help Centre\n---\n\nWelcome.\n", encoding="utf-8")
    for n in range(articles):
        category = THINGS[n % CATEGORIES]
        folder = content / category
        folder.mkdir(exist_ok=True)
        verb, thing = rng.choice(VERBS), rng.choice(THINGS)
        title = f"How do I {verb} a {thing} {category} {n}?"
        paragraphs = []
        words = 0
        while words < WORDS_PER_ARTICLE:
            sentence = [rng.choice(FILLER) for _ in range(rng.randint(8, 16))] + [rng.choice([verb, thing, category])]
            rng.shuffle(sentence)
            paragraphs.append(" ".join(sentence).capitalize() + ".")
            words += len(sentence)
        steps = "\n".join(f"{i}. {' '.join(rng.choice(FILLER) for _ in range(6))}." for i in range(1, 5))
        body = "\n\n".join([" ".join(paragraphs[i : i + 4]) for i in range(0, len(paragraphs), 4)])
        questions = customer_questions(asked, phrasings, verb, thing, category)
        # JSON strings are YAML's double-quoted scalars.
        listed = "".join(f"\n  - {json.dumps(q)}" for q in questions)
        front = f"search_phrasings:{listed}\n" if questions else ""
        (folder / f"{verb}-{thing}-{n}.md").write_text(
            f"---\ntitle: \"{title}\"\nstatus: published\ntags: [{thing}, {category}]\n{front}---\n\n{body}\n\n{steps}\n",
            encoding="utf-8",
        )
    return config


def customer_questions(rng: random.Random, count: int, verb: str, thing: str, category: str) -> list[str]:
    """`count` questions of 6-14 words such as customers ask about an article: mostly its own verb
    and thing (or category), sometimes another one, and a few words more."""
    questions = []
    for _ in range(count):
        action = verb if rng.random() < 0.7 else rng.choice(VERBS)
        subject = rng.choice([thing, thing, category, rng.choice(THINGS)])
        words = rng.choice(OPENERS).split() + [action, rng.choice(["my", "the", "a", "our"]), subject]
        words += [rng.choice(FILLER) for _ in range(max(0, rng.randint(6, 14) - len(words)))]
        questions.append(" ".join(words)[0].upper() + " ".join(words)[1:] + "?")
    return questions


def build_once(config: Path, site: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one `kbgen build` in a fresh process."""
    kbgen = Path(sys.executable).with_name("kbgen")
    # wait4's peak is the larger of the build process and its (waited-for) indexer child.
    return _measure([str(kbgen), "build", "--config-file", str(config), "--site-dir", str(site)])


def parts_once(config: Path, site: Path) -> tuple[tuple[float, float], tuple[float, float]]:
    """(seconds, peak MB) of the MkDocs build without its index step, and of the Pagefind
    indexer alone on the site that build wrote."""
    skip_index = (
        "import sys, kbgen.site.plugin as plugin; plugin.index_site = lambda site: None; "
        "from kbgen.site.build import build_site; build_site(sys.argv[1], site_dir=sys.argv[2])"
    )
    mkdocs = _measure([sys.executable, "-c", skip_index, str(config), str(site)])
    indexer = _measure([sys.executable, "-m", "pagefind", "--site", str(site), "--silent"])
    return mkdocs, indexer


def _measure(command: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        process = subprocess.Popen(command, stdout=quiet)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}")
    return wall, usage.ru_maxrss / 1024


class CompressingHandler(SimpleHTTPRequestHandler):
    """Static files, text gzip-compressed when the browser accepts it, and cacheable for 10
    minutes (as static hosts do: GitHub Pages' max-age is 600). Each path asked for is appended
    to `requested`, when given."""

    def __init__(self, *args, requested: list[str] | None = None, **kwargs):
        self.requested = [] if requested is None else requested
        super().__init__(*args, **kwargs)  # handles the request

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        self.requested.append(self.path)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in _COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str, list[str]]:
    """The site served on 127.0.0.1 in a thread: (server, URL of one article page, the paths
    asked for so far)."""
    requested: list[str] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CompressingHandler, directory=str(site), requested=requested))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    article = next(p for p in sorted(site.glob("*/*/index.html")) if p.parent.parent.name not in ("survey", "pagefind"))
    return server, f"{origin}/{article.parent.relative_to(site).as_posix()}/", requested


def browser_weights(site: Path, queries: list[str]) -> tuple[dict[str, float], float]:
    """(KB transferred for the first results of each query, KB of HTML+CSS+JS of an article
    page), each on an empty cache."""
    from playwright.sync_api import sync_playwright

    server, article_url, _ = serve(site)
    search_kb: dict[str, float] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            for query in queries:
                context = browser.new_context()  # an empty cache for each query
                page = context.new_page()
                sizes: list[tuple[str, int]] = []
                page.on("requestfinished", lambda request: sizes.append((request.resource_type, _transferred(request))))
                page.goto(article_url, wait_until="networkidle")
                page_kb = sum(n for kind, n in sizes if kind in ("document", "stylesheet", "script")) / 1024
                # Material's search fetches its index and worker as the page loads; Pagefind's
                # script fetches nothing until the reader types.
                loaded_for_search = sum(n for kind, n in sizes if kind in ("fetch", "xhr", "other") or "worker" in kind)
                sizes.clear()
                box = page.locator("input.md-search__input").first
                box.click()
                box.press_sequentially(query, delay=20)
                page.locator(".md-search .md-search-result__item a").first.wait_for(timeout=60_000)
                page.wait_for_load_state("networkidle")
                search_kb[query] = (sum(n for _, n in sizes) + loaded_for_search) / 1024
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return search_kb, page_kb


def _transferred(request) -> int:
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


# Runs in the page before its own scripts (PAUSE: the search box's wait, read from its script).
# Notes the last keydown; when the search box's wait after it ends (its timer fires); when the page first asks Pagefind's worker to search and to load
# an excerpt after that (Pagefind fetches its chunks in a web worker, out of the page's resource
# timings); and when the results of the expected question are in the DOM.
_TIMING_SCRIPT = """
(() => {
  const bench = window.__kbgenBench = {};
  const reset = () => Object.assign(bench, {searchStart: null, searchSent: null, dataSent: null});
  Object.assign(reset(), {expect: null, lastKey: null, shown: null});
  addEventListener("keydown", () => { bench.lastKey = performance.now(); }, true);
  const setTimeoutBefore = window.setTimeout;
  window.setTimeout = function (callback, delay, ...rest) {
    if (delay === PAUSE && typeof callback === "function") {
      const noted = function () { reset().searchStart = performance.now(); return callback.apply(this, arguments); };
      return setTimeoutBefore.call(window, noted, delay, ...rest);
    }
    return setTimeoutBefore.call(window, callback, delay, ...rest);
  };
  const postBefore = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    const method = message && message.method;
    if (bench.searchStart !== null && method === "search" && bench.searchSent === null) bench.searchSent = performance.now();
    if (bench.searchStart !== null && method === "getData" && bench.dataSent === null) bench.dataSent = performance.now();
    return postBefore.call(this, message, ...rest);
  };
  document.addEventListener("DOMContentLoaded", () => {
    const list = document.querySelector(".md-search [data-kbgen-search-results]");
    new MutationObserver(() => {
      if (bench.shown === null && bench.expect !== null && list.getAttribute("data-query") === bench.expect
          && list.querySelector(".md-search-result__item")) bench.shown = performance.now();
    }).observe(list, {attributes: true, attributeFilter: ["data-query"], childList: true});
  });
})();
"""
_EXPECT = "q => Object.assign(window.__kbgenBench, {expect: q, lastKey: null, shown: null})"
# Milliseconds from the last key to each mark (null where the page gave none).
_MARKS = """() => {
  const b = window.__kbgenBench;
  const since = t => (t === null || b.lastKey === null || t < b.lastKey ? null : t - b.lastKey);
  return {searchStart: since(b.searchStart), searchSent: since(b.searchSent), dataSent: since(b.dataSent), shown: since(b.shown)};
}"""


@dataclass(frozen=True)
class Latency:
    """One question's time from its last key to its first result in the DOM, and its parts in
    order (milliseconds; None where the page gave no mark)."""

    query: str
    total_ms: float
    wait_ms: float | None  # the search box's wait after the last key, until its timer fired
    load_ms: float | None  # until the page asked Pagefind to search (pagefind.js, its options)
    search_ms: float | None  # until it asked for the first excerpt (index chunks, ranking)
    excerpts_ms: float | None  # until the results were in the DOM
    chunks_fetched: int  # index chunks the server sent for the question (not from a cache)
    fragments_fetched: int  # result excerpts the server sent


def search_pause(site: Path) -> int:
    """The search box's wait after the last key, in ms (its script's PAUSE)."""
    script = (site / "assets" / "kbgen-search.js").read_text(encoding="utf-8")
    named = re.search(r"\bvar PAUSE = (\d+);", script)
    return int(named.group(1)) if named else 250  # the box's wait before it was named


def search_latency(site: Path, queries: list[str], warm_up: str = WARM_UP) -> dict[str, list[Latency]]:
    """Latencies of each query on a cached page, by kind of cache: "same page" (the page that
    searched `warm_up` and the queries before), "new page" (a new tab per query, HTTP cache)."""
    from playwright.sync_api import sync_playwright

    server, article_url, requested = serve(site)
    found: dict[str, list[Latency]] = {"same page": [], "new page": []}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            for kind, latencies in found.items():
                context = browser.new_context()  # an empty cache, filled by the warm-up
                context.add_init_script(_TIMING_SCRIPT.replace("PAUSE", str(search_pause(site))))
                page = context.new_page()
                page.goto(article_url, wait_until="networkidle")
                _timed_search(page, warm_up, requested)
                for query in queries:
                    if kind == "new page":
                        page.close()
                        page = context.new_page()
                        page.goto(article_url, wait_until="networkidle")
                    latencies.append(_timed_search(page, query, requested))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return found


def _timed_search(page, query: str, requested: list[str]) -> Latency:
    box = page.locator(".md-search input.md-search__input").first
    box.fill("")
    page.evaluate(_EXPECT, query)
    before = len(requested)
    box.press_sequentially(query, delay=30)
    page.wait_for_function("() => window.__kbgenBench.shown !== null", timeout=60_000)
    page.wait_for_load_state("networkidle")
    marks = page.evaluate(_MARKS)
    order = [0.0, marks["searchStart"], marks["searchSent"], marks["dataSent"], marks["shown"]]
    parts = [None if a is None or b is None else b - a for a, b in pairwise(order)]
    paths = requested[before:]
    return Latency(
        query,
        marks["shown"],
        *parts,
        chunks_fetched=sum("/pagefind/index/" in path for path in paths),
        fragments_fetched=sum("/pagefind/fragment/" in path for path in paths),
    )


def _ms(value: float | None) -> str:
    return "?" if value is None else f"{value:.0f}"


def _median(values) -> str:
    known = [v for v in values if v is not None]
    return _ms(statistics.median(known) if known else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 3000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--search", choices=["pagefind", "material"], default="pagefind")
    parser.add_argument("--phrasings", type=int, default=50, help="search_phrasings per article (0: none)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kbgen-bench-site")
    args = parser.parse_args()

    where = subprocess.run([sys.executable, "-c", "import kbgen; print(kbgen.__file__)"], capture_output=True, text=True, check=False)
    print(f"kbgen under test: {where.stdout.strip() or where.stderr.strip()}; {args.phrasings} phrasings per article")
    per_article: dict[int, float] = {}
    for size in args.sizes:
        root = args.work / f"{args.search}-{size}-phrasings{args.phrasings}"
        config = root / "mkdocs.yml"
        if not config.exists():
            print(f"writing {size} articles into {root} ...", file=sys.stderr)
            write_project(root, size, args.search, args.phrasings)
        walls, rss = [], []
        for run in range(1, args.runs + 1):
            wall, peak = build_once(config, root / "site")
            walls.append(wall)
            rss.append(peak)
            print(f"{size} articles, run {run}: {wall:.1f} s, {peak:.0f} MB", file=sys.stderr)
        median = statistics.median(walls)
        per_article[size] = median / size
        print(f"{size:>6} articles: build {median:.1f} s (median of {args.runs}), peak RSS {statistics.median(rss):.0f} MB, "
              f"{1000 * median / size:.2f} ms per article")
        if args.search == "pagefind":
            (mkdocs_s, mkdocs_mb), (index_s, index_mb) = parts_once(config, root / "site")
            print(f"{size:>6} articles: of which MkDocs {mkdocs_s:.1f} s, {mkdocs_mb:.0f} MB; "
                  f"the Pagefind indexer {index_s:.1f} s, {index_mb:.0f} MB (one run each)")
    if len(per_article) > 1:
        small, large = min(per_article), max(per_article)
        print(f"per-article time at {large} / at {small}: {per_article[large] / per_article[small]:.2f}x")

    largest = max(args.sizes)
    site = args.work / f"{args.search}-{largest}-phrasings{args.phrasings}" / "site"
    search_kb, page_kb = browser_weights(site, QUERIES)
    for query, kb in search_kb.items():
        print(f"{largest} articles: first results for {query!r}: {kb:.0f} KB transferred")
    print(f"{largest} articles: article page {page_kb:.0f} KB (HTML+CSS+JS)")
    if args.search == "pagefind":
        for kind, latencies in search_latency(site, LATENCY_QUERIES).items():
            for each in latencies:
                print(f"  {kind}: {each.total_ms:4.0f} ms = wait {_ms(each.wait_ms)} + load {_ms(each.load_ms)} + search "
                      f"{_ms(each.search_ms)} + excerpts {_ms(each.excerpts_ms)}; from the server {each.chunks_fetched} "
                      f"index chunks, {each.fragments_fetched} excerpts: {each.query!r}", file=sys.stderr)
            totals = [each.total_ms for each in latencies]
            after_wait = [each.total_ms - each.wait_ms for each in latencies if each.wait_ms is not None]
            print(f"{largest} articles: last key to first result, {kind}: median {statistics.median(totals):.0f} ms, "
                  f"max {max(totals):.0f} ms over {len(totals)} questions; after the wait median {_median(after_wait)} ms, "
                  f"max {_ms(max(after_wait, default=None))} ms; medians of the parts: wait "
                  f"{_median(e.wait_ms for e in latencies)}, load {_median(e.load_ms for e in latencies)}, search "
                  f"{_median(e.search_ms for e in latencies)}, excerpts {_median(e.excerpts_ms for e in latencies)} ms")
    print("targets: " + ", ".join(f"{k} {v}" for k, v in TARGETS.items()))


if __name__ == "__main__":
    main()
