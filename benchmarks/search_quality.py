"""Does a customer's own phrasing find the right article? Pagefind against Material's search.

    python benchmarks/search_quality.py                       # end to end, every held-out question
    python benchmarks/search_quality.py --queries 400 --keep /tmp/kbgen-e2e
    python benchmarks/search_quality.py --reuse /tmp/kbgen-e2e --engines pagefind
    python benchmarks/search_quality.py --mode articles --per-intent 20

Two modes; both type questions into the site's search box in headless Chromium
(/usr/bin/chromium), the site served on 127.0.0.1 compressed as static hosts serve it, and count
how often the right article is among the first 1 and 3 results.

``--mode articles`` tests the search engines alone: it builds one help site per
engine with one article per Banking77 intent, written the way ``kbgen draft`` writes them (the
title is a customer's question, "Customers also ask it as" lists four more, a short answer names
the topic), then searches other customers' questions of the same intent (never used in an
article).

``--mode end-to-end`` (the default; the issue's measure) tests what kbgen itself makes of the tickets:

1. Splits Banking77's tickets by id: a ticket is held out when
   ``zlib.crc32(ticket_id.encode()) % 5 == 0`` (about 20%); the other 80% are drafted.
2. ``kbgen init`` makes a fresh project, the 80% are written as a CSV export with the dataset's
   columns, and ``python -m kbgen draft export.csv --format csv`` runs in it (timed).
3. Publishes every draft as a writer would: the ``status: draft`` line goes, and kbgen's "no
   answer yet" placeholder (kbgen.drafts.markers.NO_ANSWER) becomes one neutral sentence
   (ANSWER). Nothing else changes.
4. Maps each article to the intent most of its tickets have (front matter ``kbgen_topic`` ->
   ``.kbgen/topics.json`` -> labels.csv) and prints the articles, the intents with an article
   and the median purity (share of an article's tickets with its majority intent).
5. Builds the site with ``python -m kbgen build`` once per engine (``--engines``; ``search:
   engine:`` set in site_config/kbgen.yml), timed.
6. Types the held-out questions (description, whitespace collapsed; subject when empty) into
   each site's search box. A hit at rank k: the k-th result's article has the question's
   intent as its majority intent. ``--queries N`` searches a deterministic sample stratified by
   intent (each intent's questions ordered by crc32 of the id, interleaved in proportion).
7. Measures, for kbgen's search, the bytes transferred from typing a question until its
   results show, on an empty cache after the home page loaded (median of BYTE_QUESTIONS).
8. Prints engine, top-1, top-3, no result, bytes, build time side by side, and the targets for
   kbgen's search (TARGETS: top-1 >= 0.80, top-3 >= 0.93, from the issue).

``--keep DIR`` drafts into DIR and keeps it. ``--reuse DIR`` takes such a kept project as it
is (its drafted and published content/ and .kbgen/; the held-out split comes again from the
data) and skips steps 1-3: it still rebuilds the sites, so a change to kbgen's site code or to
kbgen-search.js is measured, while a change to drafting needs a fresh run.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter, defaultdict
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "banking77"
IN_ARTICLE = 5  # questions per article: the title and four phrasings
ENGINES = ("pagefind", "material")
# What a writer puts in place of kbgen's "no answer yet" placeholder: it names nothing, so
# search finds an article by what kbgen drafted, not by what the benchmark wrote.
ANSWER = "Our support team answers this in the app under Help."
BYTE_QUESTIONS = 5
TARGETS = {"top-1": 0.80, "top-3": 0.93}  # kbgen's search, end to end


def _site_benchmark():
    """benchmarks/site.py, by path: "site" is also the name of a standard module."""
    spec = importlib.util.spec_from_file_location("site_benchmark", Path(__file__).with_name("site.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


SITE_BENCHMARK = _site_benchmark()
CompressingHandler = SITE_BENCHMARK.CompressingHandler


def read_questions(data: Path) -> dict[str, list[str]]:
    intent_of = read_intents(data)
    questions: dict[str, list[str]] = defaultdict(list)
    with open(data / "tickets.csv", encoding="utf-8", newline="") as fp:
        for row in csv.DictReader(fp):
            text = question_of(row)
            if row["ticket_id"] in intent_of and text:
                questions[intent_of[row["ticket_id"]]].append(text)
    return questions


def read_intents(data: Path) -> dict[str, str]:
    """ticket id -> Banking77 intent (for scoring only: never given to kbgen)."""
    with open(data / "labels.csv", encoding="utf-8", newline="") as fp:
        return {row["ticket_id"]: row["intent"] for row in csv.DictReader(fp)}


def question_of(row: dict[str, str]) -> str:
    """What a customer would type: the description, else the subject, whitespace collapsed."""
    return " ".join((row.get("description") or row.get("subject") or "").split())


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


def search_results(site: Path, engine: str, queries: list[str], top: int = 3) -> list[list[str]]:
    """The site paths (/a/b/) of the first `top` results of each query; [] when none."""
    from playwright.sync_api import sync_playwright

    from kbgen.pages import normalize_page

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    found = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page()
            page.goto(f"{origin}/", wait_until="networkidle")
            box = page.locator("input.md-search__input").first
            box.click()
            for n, query in enumerate(queries):
                box.fill(query)
                if engine == "pagefind":
                    # kbgen-search.js marks the list with the query its results answer.
                    page.wait_for_function(
                        "q => document.querySelector('.md-search [data-kbgen-search-results]').dataset.query === q",
                        arg=" ".join(query.split()),
                    )
                else:
                    box.press("End")  # Material searches on keyup
                    page.wait_for_timeout(250)  # its worker answers a few hundred articles in a few ms
                urls = page.locator(".md-search .md-search-result__item > a").evaluate_all(
                    "(links, top) => links.slice(0, top).map(a => a.href)", top
                )
                found.append([normalize_page(urlsplit(url).path) for url in urls])
                if (n + 1) % 200 == 0:
                    print(f"  {engine}: {n + 1} queries", file=sys.stderr)
            browser.close()
    finally:
        server.shutdown()
    return found


def ask(site: Path, engine: str, queries: list[tuple[str, str]]) -> tuple[float, float]:
    """(share with the right article first, share with it in the first three): the articles
    mode, where an intent's article is faq/<intent>/."""
    first = top3 = 0
    for (intent, _), paths in zip(queries, search_results(site, engine, [q for _, q in queries]), strict=True):
        slugs = [path.rstrip("/").rsplit("/", 1)[-1] for path in paths]
        wanted = intent.replace("_", "-")
        first += bool(slugs) and slugs[0] == wanted
        top3 += wanted in slugs
    return first / len(queries), top3 / len(queries)


def run_articles(args: argparse.Namespace) -> None:
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
        for engine in args.engines:
            site = write_site(Path(work) / engine, articles, engine)
            at1, at3 = ask(site, engine, queries)
            print(f"{engine:>9}: right article first {at1:.1%}, in the first three {at3:.1%}")


# --- end to end ---------------------------------------------------------------------------


def is_held_out(ticket_id: str) -> bool:
    return zlib.crc32(ticket_id.encode()) % 5 == 0


def split_tickets(data: Path) -> tuple[list[str], list[dict[str, str]], list[dict[str, str]]]:
    """(the export's columns, the tickets to draft, the held-out tickets), in file order."""
    with open(data / "tickets.csv", encoding="utf-8", newline="") as fp:
        reader = csv.DictReader(fp)
        rows = list(reader)
    drafted = [row for row in rows if not is_held_out(row["ticket_id"])]
    held = [row for row in rows if is_held_out(row["ticket_id"])]
    return list(reader.fieldnames or []), drafted, held


def held_out_questions(held: list[dict[str, str]], intent_of: dict[str, str], limit: int | None) -> list[tuple[str, str]]:
    """(intent, question) of the held-out tickets; with a limit, the first `limit` of an order
    that interleaves the intents in proportion to their size (each intent's tickets by crc32)."""
    by_intent: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in held:
        text = question_of(row)
        if text and row["ticket_id"] in intent_of:
            by_intent[intent_of[row["ticket_id"]]].append((zlib.crc32(row["ticket_id"].encode()), text))
    ordered = []
    for intent, asked in by_intent.items():
        asked.sort()
        # The i-th of an intent's n questions stands at (i + 0.5) / n: any prefix of the order
        # holds each intent about in its share.
        ordered += [((i + 0.5) / len(asked), crc, intent, text) for i, (crc, text) in enumerate(asked)]
    ordered.sort()
    return [(intent, text) for _, _, intent, text in ordered[:limit]]


def draft_project(project: Path, columns: list[str], tickets: list[dict[str, str]]) -> float:
    """`kbgen init` a project, write the tickets as its CSV export, run `kbgen draft` on it;
    returns the draft command's wall seconds."""
    kbgen = [sys.executable, "-m", "kbgen"]
    subprocess.run([*kbgen, "init", str(project)], check=True, stdout=subprocess.DEVNULL)
    export = project / "export.csv"
    with open(export, "w", encoding="utf-8", newline="") as fp:
        writer = csv.DictWriter(fp, columns)
        writer.writeheader()
        writer.writerows(tickets)
    start = time.perf_counter()
    done = subprocess.run(
        [*kbgen, "draft", export.name, "--format", "csv"], cwd=project, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"kbgen draft failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")
    for line in done.stdout.splitlines():
        if not line.startswith(" "):  # the summary, not one line per draft
            print(f"  draft: {line}", file=sys.stderr)
    return seconds


def publish_drafts(content: Path) -> tuple[int, int]:
    """Publish every draft as a writer would: its `status: draft` line removed and kbgen's
    no-answer placeholder replaced by ANSWER. Returns (drafts published, placeholders replaced)."""
    from kbgen.articles import split_front_matter
    from kbgen.drafts.markers import NO_ANSWER, find_markers

    published = replaced = 0
    for path in sorted(content.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta, body = split_front_matter(text, source=str(path))
        if str(meta.get("status", "")).strip().lower() != "draft":
            continue
        front = text[: len(text) - len(body)]
        front = re.sub(r"(?m)^status:[ \t]*['\"]?draft['\"]?[ \t]*\n", "", front, count=1)
        replaced += body.count(NO_ANSWER.markdown)
        body = body.replace(NO_ANSWER.markdown, ANSWER)
        if find_markers(body):
            sys.exit(f"{path}: kbgen's placeholder is not {NO_ANSWER.markdown!r} any more; update publish_drafts")
        path.write_text(front + body, encoding="utf-8")
        published += 1
    return published, replaced


def article_intents(project: Path, intent_of: dict[str, str]) -> dict[str, tuple[str, float]]:
    """Site path of each drafted article -> (its majority intent, the share of its tickets
    that have it), from its front matter's kbgen_topic and the project's .kbgen/topics.json."""
    from kbgen.articles import read_article_files
    from kbgen.drafts.write import read_topic_tickets

    content = project / "content"
    held = read_topic_tickets(content)
    intents = {}
    for article, _ in read_article_files(content):
        if not article.topic_id:
            continue
        counts = Counter(intent_of[t] for t in held.get(article.topic_id, ()) if t in intent_of)
        if not counts:
            print(f"  {article.path}: topic {article.topic_id} has no labelled tickets", file=sys.stderr)
            continue
        intent, n = min(counts.items(), key=lambda item: (-item[1], item[0]))
        intents[article.url] = (intent, n / sum(counts.values()))
    return intents


def build_project(project: Path, engine: str) -> tuple[Path, float]:
    """(the site folder, wall seconds) of `kbgen build` with search.engine set to engine."""
    settings_file = project / "site_config" / "kbgen.yml"
    settings = yaml.safe_load(settings_file.read_text(encoding="utf-8")) or {}
    settings.setdefault("search", {})["engine"] = engine
    settings_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    site = project / f"site-{engine}"
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kbgen", "build", "--site-dir", site.name], cwd=project, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"kbgen build ({engine}) failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return site, seconds


def score(
    questions: list[tuple[str, str]], results: list[list[str]], intents: dict[str, tuple[str, float]]
) -> tuple[float, float, float]:
    """(share with a right article first, in the first three, with no result at all)."""
    first = top3 = none = 0
    for (intent, _), paths in zip(questions, results, strict=True):
        right = [intents.get(path, ("",))[0] == intent for path in paths[:3]]
        first += bool(right) and right[0]
        top3 += any(right)
        none += not paths
    return first / len(questions), top3 / len(questions), none / len(questions)


def bytes_to_first_result(site: Path, queries: list[str]) -> list[int]:
    """Bytes transferred from typing each query into kbgen's search box until its results
    show, each on an empty cache after the home page loaded."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    transferred = []
    sizes: list[int] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            for query in queries:
                context = browser.new_context()  # an empty cache for each query
                page = context.new_page()
                page.on("requestfinished", lambda request: sizes.append(SITE_BENCHMARK._transferred(request)))
                page.goto(f"{origin}/", wait_until="networkidle")
                sizes.clear()
                box = page.locator("input.md-search__input").first
                box.click()
                box.press_sequentially(query, delay=20)
                page.wait_for_function(
                    "q => document.querySelector('.md-search [data-kbgen-search-results]').dataset.query === q", arg=query
                )
                page.wait_for_load_state("networkidle")
                transferred.append(sum(sizes))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return transferred


def run_end_to_end(args: argparse.Namespace) -> None:
    steps: dict[str, float] = {}

    def took(step: str, start: float) -> None:
        steps[step] = time.perf_counter() - start
        print(f"  {step}: {steps[step]:.1f} s", file=sys.stderr)

    intent_of = read_intents(args.data)
    columns, drafted, held = split_tickets(args.data)
    questions = held_out_questions(held, intent_of, args.queries)
    print(f"tickets: {len(drafted)} drafted, {len(held)} held out; searching {len(questions)} held-out questions")
    with tempfile.TemporaryDirectory() as work:
        project = args.reuse or args.keep or Path(work) / "project"
        if args.reuse:
            if not (project / ".kbgen" / "topics.json").is_file():
                sys.exit(f"{project}: no drafted project (.kbgen/topics.json) to reuse")
            print(f"reusing the drafted, published project in {project}")
        else:
            if project.exists() and any(project.iterdir()):
                sys.exit(f"{project}: not empty; --keep needs a new or empty folder")
            start = time.perf_counter()
            draft_s = draft_project(project, columns, drafted)
            took("init + draft", start)
            print(f"kbgen draft: {draft_s:.1f} s for {len(drafted)} tickets")
            start = time.perf_counter()
            published, replaced = publish_drafts(project / "content")
            took("publish", start)
            print(f"published {published} drafts, {replaced} no-answer placeholders replaced")

        start = time.perf_counter()
        intents = article_intents(project, intent_of)
        took("map articles", start)
        purities = [purity for _, purity in intents.values()]
        covered = {intent for intent, _ in intents.values()}
        print(f"articles: {len(intents)}, intents with an article: {len(covered)} of {len(set(intent_of.values()))}, "
              f"median purity {statistics.median(purities):.1%}")
        print(f"held-out questions whose intent has an article: {sum(i in covered for i, _ in questions) / len(questions):.1%}")

        rows = []
        for engine in args.engines:
            start = time.perf_counter()
            site, build_s = build_project(project, engine)
            took(f"build ({engine})", start)
            start = time.perf_counter()
            results = search_results(site, engine, [q for _, q in questions])
            took(f"search ({engine}, {len(questions)} queries)", start)
            weight = None
            if engine == "pagefind":
                start = time.perf_counter()
                weight = statistics.median(bytes_to_first_result(site, [q for _, q in questions[:BYTE_QUESTIONS]]))
                took("bytes to first result", start)
            rows.append((engine, *score(questions, results, intents), weight, build_s))

    print(f"\n{'engine':<9} {'top-1':>6} {'top-3':>6} {'no result':>9} {'to 1st result':>13} {'build s':>7}")
    for engine, at1, at3, none, weight, build_s in rows:
        shown = f"{weight / 1024:.0f} KB" if weight is not None else "-"
        print(f"{engine:<9} {at1:>6.1%} {at3:>6.1%} {none:>9.1%} {shown:>13} {build_s:>7.1f}")
    for engine, at1, at3, *_ in rows:
        if engine == "pagefind":
            met = {"top-1": at1, "top-3": at3}
            print("targets for kbgen's search: " + ", ".join(
                f"{name} >= {target:.0%}: {'met' if met[name] >= target else 'not met'} ({met[name]:.1%})"
                for name, target in TARGETS.items()
            ))
    if args.keep:
        print(f"kept the project in {args.keep} (rerun searches with --reuse {args.keep})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["articles", "end-to-end"], default="end-to-end")
    parser.add_argument("--end-to-end", dest="mode", action="store_const", const="end-to-end", help="same as --mode end-to-end")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--per-intent", type=int, default=10, help="articles mode: held-out questions searched per intent")
    parser.add_argument("--queries", type=int, help="end-to-end: held-out questions searched [all]")
    projects = parser.add_mutually_exclusive_group()
    projects.add_argument("--keep", type=Path, help="end-to-end: draft into this new folder and keep it")
    projects.add_argument("--reuse", type=Path, help="end-to-end: skip drafting, rebuild and search a kept project")
    args = parser.parse_args()
    if args.mode == "end-to-end":
        run_end_to_end(args)
    else:
        run_articles(args)


if __name__ == "__main__":
    main()
