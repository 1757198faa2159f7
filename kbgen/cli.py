"""The kbgen command line: a thin layer that parses options, calls one core function, prints."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone
from pathlib import Path

import click

from kbgen import __version__
from kbgen.config import ENGINES, load_site_config
from kbgen.errors import KbgenError
from kbgen.exports import format_names


class _Progress:
    """On a terminal, a bar per stage of long work, with its count and rate; a step without a
    count is one line."""

    def __init__(self) -> None:
        self.bar = None
        self.stage = ""
        self.started = 0.0

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None:
        if not sys.stderr.isatty():
            return
        if stage != self.stage or not total:
            self.close()
            self.stage = stage
            if not total:
                click.echo(f"… {stage}", err=True)
                return
            self.bar = click.progressbar(length=total, label=stage, file=sys.stderr, show_pos=True, item_show_func=lambda rate: rate)
            self.bar.__enter__()
            self.started = time.perf_counter()
        elapsed = time.perf_counter() - self.started
        rate = f"{done / elapsed:,.0f}/s" if done and elapsed > 0.5 else None
        self.bar.update(done - self.bar.pos, rate)

    def reading(self, paths, label: str = "reading exports") -> Callable[[int], None]:
        """What hears the bytes of the files read: a bar over their size."""
        total = sum(Path(p).stat().st_size for p in paths if Path(p).is_file())
        read = 0

        def on_bytes(n: int) -> None:
            nonlocal read
            read += n
            if total:
                self(label, min(read, total), total)

        return on_bytes

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
        self.stage = ""


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kbgen")
def cli() -> None:
    """Turn resolved support tickets into a help site, and its feedback into priorities.

    \b
    The loop:
      kbgen draft tickets.json          tickets -> draft FAQ articles in content/
      kbgen build                       curated articles -> static help site in site/
      kbgen collect --data-dir fb/      the endpoint the site's feedback forms post to
      kbgen report fb/ --tickets ...    feedback + tickets -> what to improve first

    Try it on the bundled sample data: kbgen demo
    """


def _content_option(help_text: str):
    return click.option(
        "--content",
        "content_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("content"),
        show_default=True,
        help=help_text,
    )


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--site-name", default="Help Centre", show_default=True, help="Name shown in the site header.")
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="Language of the site's interface: en, nl, sv, de, pl, or another with a file in kbgen/languages/.",
)
def init(directory: Path, site_name: str, language: str) -> None:
    """Create a new help-site project in DIRECTORY that builds out of the box.

    Writes mkdocs.yml, content/, site_config/ and survey_templates/. Existing files are
    never overwritten.

    \b
    Example:
      kbgen init help-site --site-name "Acme Help" --language nl
      cd help-site && kbgen build
    """
    from kbgen.scaffold import init_project

    result = init_project(directory, site_name=site_name, language=language)
    for path in result.created:
        click.echo(f"created {path}")
    for path in result.skipped:
        click.echo(f"kept existing {path}")
    click.echo(f"Next: cd {directory} && kbgen draft <export> && kbgen build --drafts")


def _config_dir_option(help_text: str):
    return click.option(
        "--config-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("site_config"),
        show_default=True,
        help=help_text,
    )


def _reading_options(command):
    """Options of every command that reads ticket exports."""
    for option in reversed(
        [
            click.option(
                "--map",
                "mapping",
                multiple=True,
                metavar="FIELD=COLUMN",
                help="Generic formats: read FIELD from COLUMN (repeatable), e.g. --map question=Body.",
            ),
            click.option("--encoding", help="Text encoding of the exports [detected per file].", metavar="NAME"),
            click.option(
                "--timezone",
                default="UTC",
                show_default=True,
                help="Time zone of timestamps written without offset (IANA name, e.g. Europe/Amsterdam).",
            ),
            click.option("--skip-bad-rows", is_flag=True, help="Skip records that cannot be read; count and list them."),
        ]
    ):
        command = option(command)
    return command


def _read_options(mapping: tuple[str, ...], encoding: str | None, timezone: str):
    from kbgen.exports import ReadOptions
    from kbgen.exports.times import zone

    fields = {}
    for item in mapping:
        field_name, sep, column = item.partition("=")
        if not sep or not field_name.strip() or not column.strip():
            raise click.BadParameter(f"'{item}' is not FIELD=COLUMN", param_hint="'--map'")
        fields[field_name.strip()] = column.strip()
    if encoding:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise click.BadParameter(f"unknown encoding '{encoding}'", param_hint="'--encoding'") from None
    zone(timezone)
    return ReadOptions(mapping=fields, encoding=encoding, timezone=timezone)


@cli.command()
@click.argument("exports", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(format_names()),
    default="auto",
    show_default=True,
    help="Export format; auto detects it per file.",
)
@_content_option("Content directory the drafts are written into.")
@click.option(
    "--assignments",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write ticket_id,topic_id,article for every input ticket to this CSV file.",
)
@_config_dir_option("Folder holding kbgen.yml (statuses, minimum topic size, redaction).")
@click.option("--lang", help="Treat every ticket as this language instead of detecting it (e.g. en).")
@click.option("--min-topic-size", type=click.IntRange(min=2), help="Smallest topic worth a draft [site_config, else 5].")
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    help="How tickets are grouped: default (word statistics) or semantic (sentence embeddings, "
    "needs kbgen[semantic]) [site_config, else default].",
)
@click.option(
    "--embeddings",
    metavar="MODEL",
    help="sentence-transformers model name or folder for --engine semantic [site_config, else the "
    "all-MiniLM-L6-v2 copy kbgen[semantic] installs].",
)
@click.option(
    "--full",
    is_flag=True,
    help="Group every ticket of the exports anew instead of continuing the grouping kept in .kbgen/ "
    "(needed after a change of engine, model or minimum topic size).",
)
@_reading_options
def draft(
    exports: tuple[Path, ...],
    fmt: str,
    content_dir: Path,
    assignments: Path | None,
    config_dir: Path,
    lang: str | None,
    min_topic_size: int | None,
    engine: str | None,
    embeddings: str | None,
    full: bool,
    mapping: tuple[str, ...],
    encoding: str | None,
    timezone: str,
    skip_bad_rows: bool,
) -> None:
    """Read ticket EXPORTS and write one draft article per recurring question.

    Personal data is redacted before anything is grouped or written. Drafts get
    `status: draft`; an article a writer edited or published is never rewritten.

    Each run keeps its grouping in .kbgen/ (ids, dates and vectors, no ticket text), and the
    next run continues it: give it just the new export (a week's tickets). A ticket that fits a
    known question joins its draft; the others are grouped with the earlier one-off tickets, so a
    question found a few times a week gets its draft once it has enough tickets in all. --full
    groups the exports' tickets anew (give it all of them).

    Formats: Zendesk, Freshdesk, Jira Service Management, Help Scout, Zammad, and generic
    CSV / JSON / JSON Lines. Encodings (UTF-8, UTF-16, Windows-1252, ISO-8859-2) and CSV
    delimiters are detected; the newest record of a ticket id wins across files.

    \b
    Example:
      kbgen draft zendesk-export.json --assignments assignments.csv
      kbgen draft tickets-*.csv --format csv --map question=Body --timezone Europe/Amsterdam
      kbgen draft export.json --engine semantic
      kbgen draft this-week.json                 # continues the last run's grouping
      kbgen draft year.json --full               # groups every ticket anew
    """
    from kbgen.pipeline import run_draft

    options = _read_options(mapping, encoding, timezone)
    overrides = {"drafts.min_topic_size": min_topic_size, "drafts.engine": engine, "drafts.embeddings": embeddings}
    config = load_site_config(config_dir, overrides)
    progress = _Progress()
    try:
        summary = run_draft(
            exports,
            content_dir=content_dir,
            config=config,
            fmt=fmt,
            read_options=options,
            skip_bad_rows=skip_bad_rows,
            on_bytes=progress.reading(exports),
            assignments=assignments,
            language=lang,
            progress=progress,
            full=full,
        )
    finally:
        progress.close()
    for line in summary.lines():
        click.echo(line)
    for outcome in summary.outcomes:
        click.echo(f"  {outcome.action:<10} {content_dir / outcome.article}")
    if assignments:
        click.echo(f"assignments: {assignments}")


_config_file_option = click.option(
    "--config-file",
    "-f",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The site's MkDocs configuration.",
)
_collector_option = click.option(
    "--collector-url", help="Base URL of `kbgen collect` the forms post to [site_config/kbgen.yml]."
)


@cli.command()
@_config_file_option
@click.option("--drafts", is_flag=True, help="Include draft articles, marked as drafts.")
@click.option("--strict", is_flag=True, help="Fail on any warning (use this in CI).")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), help="Output folder [mkdocs.yml, else site/].")
@_collector_option
def build(config_file: Path, drafts: bool, strict: bool, site_dir: Path | None, collector_url: str | None) -> None:
    """Build the static help site with MkDocs and Material for MkDocs.

    Drafts are left out unless --drafts is given. `mkdocs build` gives the same site.

    \b
    Example:
      kbgen build --strict --site-dir public
      kbgen build --drafts --collector-url https://feedback.example.com
    """
    from kbgen.site.build import build_site

    out = build_site(config_file, drafts=drafts, strict=strict, site_dir=site_dir, collector_url=collector_url)
    click.echo(f"site: {out}")


@cli.command()
@_config_file_option
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@click.option("--no-drafts", is_flag=True, help="Hide drafts, as the public site does.")
@_collector_option
def serve(config_file: Path, dev_addr: str, no_drafts: bool, collector_url: str | None) -> None:
    """Preview the site with live reload while you edit articles (drafts shown).

    \b
    Example:
      kbgen serve --dev-addr 127.0.0.1:8001
    """
    from kbgen.site.build import serve_site

    serve_site(config_file, drafts=not no_drafts, dev_addr=dev_addr, collector_url=collector_url)


@cli.command()
@click.option(
    "--data-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder the submissions are appended to (one JSON Lines file per day and process).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option(
    "--allow-origin",
    "allow_origins",
    multiple=True,
    metavar="URL",
    help="Site origin allowed to post (repeat for several); none allows any.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes sharing the port; each writes its own files.",
)
@click.option(
    "--rate-limit",
    default=60,
    show_default=True,
    type=click.IntRange(0, 100_000),
    metavar="PER_MINUTE",
    help="Submissions a minute one client may make (bursts of up to 20); more get 429. 0: no limit.",
)
@click.option(
    "--project",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Help-site project whose survey_templates/ name the custom surveys to accept.",
)
def collect(
    data_dir: Path, host: str, port: int, allow_origins: tuple[str, ...], workers: int, rate_limit: int, project: Path
) -> None:
    """Run the feedback collector: the HTTP endpoint the site's forms post to.

    Every accepted submission is on disk (written and fsync'ed) before it is answered.
    Behind a proxy on the same machine, the client address comes from X-Forwarded-For.

    \b
    Example:
      kbgen collect --data-dir /var/lib/kbgen/feedback --port 8765 --workers 2 \\
                    --allow-origin https://help.example.com
    """
    from kbgen.collector import run_collector
    from kbgen.site.survey_pages import project_surveys

    surveys = project_surveys(project)
    click.echo(f"collecting into {data_dir} on http://{host}:{port} with {workers} worker(s) (Ctrl+C to stop)", err=True)
    click.echo(f"surveys accepted: {', '.join(surveys.names())}", err=True)
    run_collector(
        data_dir, host=host, port=port, allow_origins=allow_origins, workers=workers, rate_limit=rate_limit,
        surveys=surveys.scales(),
    )  # fmt: skip


@cli.command()
@click.argument("feedback", nargs=-1)
@click.option("--tickets", "ticket_exports", multiple=True, type=click.Path(path_type=Path), help="Ticket export for service figures (repeatable).")
@click.option("--assignments", type=click.Path(dir_okay=False, path_type=Path), help="Assignments CSV written by `kbgen draft`.")
@_content_option("Content directory, for article titles, status and publication dates.")
@click.option("--no-content", is_flag=True, help="Rank without the articles (no content folder): topics show no title, status or publication date.")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json", "html"]), default="md", show_default=True, help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here instead of printing it.")
@click.option(
    "--import",
    "imports",
    multiple=True,
    metavar="FORMAT:FILE",
    help="Feedback collected elsewhere (repeatable): ga4:FILE (Material's feedback widget in GA4) "
    "or google-forms:SURVEY=FILE (e.g. google-forms:csat=responses.csv).",
)
@_config_dir_option("Folder holding kbgen.yml (its service standards and resolved ticket statuses).")
@click.option(
    "--project",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Help-site project whose survey_templates/ give its own surveys' scales [without: taken from the answers].",
)
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="First day of the period reported on (UTC, inclusive).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Last day of the period reported on (UTC, inclusive).")
@click.option(
    "--compare-since",
    type=click.DateTime(["%Y-%m-%d"]),
    help="First day of the period to compare with (default: the equally long period before --since).",
)
@click.option("--compare-until", type=click.DateTime(["%Y-%m-%d"]), help="Last day of the period to compare with (inclusive).")
@_reading_options
def report(
    feedback: tuple[str, ...],
    ticket_exports: tuple[Path, ...],
    assignments: Path | None,
    content_dir: Path,
    no_content: bool,
    fmt: str,
    out: Path | None,
    imports: tuple[str, ...],
    config_dir: Path,
    project: Path | None,
    since: datetime | None,
    until: datetime | None,
    compare_since: datetime | None,
    compare_until: datetime | None,
    mapping: tuple[str, ...],
    encoding: str | None,
    timezone: str,
    skip_bad_rows: bool,
) -> None:
    """Rank what to improve first from FEEDBACK files (folders or globs) and tickets.

    Each item is one of fix-article, write-article, split-article, merge-articles or
    service-standard, with its evidence in numbers and a score: customers affected x
    severity, small samples discounted (the README explains each rule).

    --since and --until limit the report to a period: submissions received and
    tickets created in it. Trends set it against the equally long period before
    (or --compare-since/--compare-until). Tickets count per topic when
    --assignments names the file `kbgen draft --assignments` wrote.

    \b
    Example:
      kbgen report /var/lib/kbgen/feedback --tickets export.json \\
                   --assignments assignments.csv --format html --out report.html
      kbgen report feedback/ --since 2026-10-01 --until 2026-10-31
      kbgen report --import ga4:feedback-events.csv --import google-forms:csat=csat.csv
    """
    from kbgen.pipeline import run_report

    if not feedback and not imports:
        raise click.UsageError("give collector files (FEEDBACK) or --import FORMAT:FILE")
    window = _window(since, until)
    if bool(compare_since) != bool(compare_until):
        raise KbgenError("--compare-since and --compare-until go together (without them: the period before --since)")
    compare = _window(compare_since, compare_until, "--compare-") if compare_since else None
    if compare and (window.until is None or compare.since < window.until) and (window.since is None or compare.until > window.since):
        raise KbgenError("--compare-since/--compare-until overlap the period reported on (--since/--until): a trend needs two apart")

    # A report without the articles or the standards looks complete and is wrong: say so instead.
    if not no_content and not content_dir.is_dir():
        raise KbgenError(f"--content: no folder {content_dir} (run in the project folder, give --content DIR, or --no-content to rank without articles)")
    if not config_dir.is_dir():
        raise KbgenError(f"--config-dir: no folder {config_dir} (run in the project folder or give --config-dir DIR, the folder holding kbgen.yml)")
    options = _read_options(mapping, encoding, timezone)
    from kbgen.feedback.read import feedback_files
    from kbgen.site.survey_pages import project_surveys
    from kbgen.surveys import Surveys

    surveys = project_surveys(project) if project else Surveys()
    files = feedback_files(feedback)  # found once: the bar needs their size before they are read
    progress = _Progress()
    try:
        text = run_report(
            [str(path) for path in files],
            tickets=ticket_exports,
            read_options=options,
            skip_bad_rows=skip_bad_rows,
            on_bytes=progress.reading([*ticket_exports, *files], "reading feedback and tickets"),
            assignments=assignments,
            content_dir=None if no_content else content_dir,
            fmt=fmt,
            window=window,
            compare=compare,
            imports=imports,
            config=load_site_config(config_dir),
            surveys=surveys,
        )
    finally:
        progress.close()
    if out:
        from kbgen.files import atomic_write

        atomic_write(out, text)
        click.echo(f"report: {out}")
    else:
        click.echo(text, nl=False)


@cli.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("kbgen-demo"),
    show_default=True,
    help="Folder the demo project is written into.",
)
def demo(out_dir: Path) -> None:
    """Run the whole loop on the bundled sample data: draft -> build -> report.

    Creates a help-site project in --out, drafts articles from a sample Zendesk export
    (English, Dutch and Swedish tickets), builds the site with drafts shown, and ranks
    improvements from sample feedback. Re-running keeps what you edited there.

    \b
    Example:
      kbgen demo --out /tmp/kbgen-demo
    """
    from kbgen.demo import run_demo

    progress = _Progress()
    try:
        result = run_demo(out_dir, progress=progress)
    finally:
        progress.close()
    for line in result.draft.lines():
        click.echo(line)
    click.echo(f"site:   {result.site_dir / 'index.html'}")
    click.echo(f"report: {result.report_md}")
    click.echo(f"        {result.report_html}")
    click.echo(f"Preview (search needs a server): cd {out_dir} && kbgen serve")


def _window(since: datetime | None, until: datetime | None, option: str = "--"):
    """A report period from whole UTC days, until inclusive."""
    from kbgen.report.records import Window

    start = since.replace(tzinfo=dt_timezone.utc) if since else None
    end = until.replace(tzinfo=dt_timezone.utc) + timedelta(days=1) if until else None
    if start and end and start >= end:
        raise KbgenError(f"{option}since {since:%Y-%m-%d} is after {option}until {until:%Y-%m-%d}")
    return Window(start, end)


def main() -> None:
    """Entry point: every user mistake becomes one `Error:` line and exit status 2."""
    try:
        status = cli.main(prog_name="kbgen", standalone_mode=False)
    except KbgenError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except click.UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        click.echo(f"Error: {exc.format_message()}{hint}", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"Error: {exc.format_message()}", err=True)
        sys.exit(2)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    if isinstance(status, int) and status:
        sys.exit(status)
