"""The help site at scale: build time and memory, and what a reader's browser downloads.

    python benchmarks/site.py                         # 300 and 3,000 articles, 3 runs each
    python benchmarks/site.py --sizes 300 3000 10000 --runs 3
    python benchmarks/site.py --search material       # the same with Material's built-in search

Writes a project of N synthetic FAQ articles (about 600 words, in 30 categories) per size,
builds it with ``kbgen build`` in a fresh process per run (MkDocs + Material + the kbgen plugin,
search index included) and reports the median wall time and peak RSS (the build process or its
indexer child, whichever peaked higher), then the two parts apart: MkDocs without the index
step, and the Pagefind indexer alone. On the largest size it then serves the site on
127.0.0.1, compressed as static hosts serve it, and measures in headless Chromium
(/usr/bin/chromium):

- search: the bytes transferred from typing a query until the first results show (the search
  script, index chunks, WebAssembly, result excerpts), after the page itself has loaded;
- article page: HTML + CSS + JS transferred to show one article on an empty cache.

Targets (issue #6): 3,000 articles <= 25 s and <= 100 MB; 10,000 <= 90 s; per-article time at
3,000 <= 1.3x that at 300; search <= 400 KB; article page <= 250 KB.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CATEGORIES = 30
WORDS_PER_ARTICLE = 600
TARGETS = {"build_s_3000": 25.0, "rss_mb_3000": 100.0, "build_s_10000": 90.0, "linear": 1.3, "search_kb": 400.0, "page_kb": 250.0}
# A few words, and a whole question (each of its words is searched when all of them together
# find little).
QUERIES = ["cancel refund", "how can I cancel the refund of my subscription"]
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


def write_project(root: Path, articles: int, search: str, seed: int = 1) -> Path:
    """A kbgen project of synthetic FAQ articles in CATEGORIES folders; returns its mkdocs.yml."""
    rng = random.Random(seed)
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
        (folder / f"{verb}-{thing}-{n}.md").write_text(
            f"---\ntitle: \"{title}\"\nstatus: published\ntags: [{thing}, {category}]\n---\n\n{body}\n\n{steps}\n",
            encoding="utf-8",
        )
    return config


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
    """Static files, text gzip-compressed when the browser accepts it (as static hosts do)."""

    def log_message(self, *args):
        pass

    def send_head(self):
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


def browser_weights(site: Path, queries: list[str]) -> tuple[dict[str, float], float]:
    """(KB transferred for the first results of each query, KB of HTML+CSS+JS of an article
    page), each on an empty cache."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    article = next(p for p in sorted(site.glob("*/*/index.html")) if p.parent.parent.name not in ("survey", "pagefind"))
    article_url = f"{origin}/{article.parent.relative_to(site).as_posix()}/"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 3000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--search", choices=["pagefind", "material"], default="pagefind")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kbgen-bench-site")
    args = parser.parse_args()

    per_article: dict[int, float] = {}
    for size in args.sizes:
        root = args.work / f"{args.search}-{size}"
        config = root / "mkdocs.yml"
        if not config.exists():
            print(f"writing {size} articles into {root} ...", file=sys.stderr)
            write_project(root, size, args.search)
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
    search_kb, page_kb = browser_weights(args.work / f"{args.search}-{largest}" / "site", QUERIES)
    for query, kb in search_kb.items():
        print(f"{largest} articles: first results for {query!r}: {kb:.0f} KB transferred")
    print(f"{largest} articles: article page {page_kb:.0f} KB (HTML+CSS+JS)")
    print("targets: " + ", ".join(f"{k} {v}" for k, v in TARGETS.items()))


if __name__ == "__main__":
    main()
