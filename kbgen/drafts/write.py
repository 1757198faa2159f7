"""``write_drafts``: the content folder read once, the drafts planned, rendered and written.

Only untouched drafts are rewritten (``kbgen.drafts.plan``); every file is written through a
temporary file and a rename, so an interrupted run leaves each file whole. Beside the content
folder:

- ``evidence/<article>.yml``: new tickets for an article a writer edited or published, for the
  writer to read;
- ``.kbgen/topics.json``, kbgen's own record of which tickets each article's topic held, so a
  later run that groups a question a little differently still finds its article. ``.kbgen/``
  holds ids, dates and numbers only (kbgen.state): no ticket text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kbgen.articles import read_article_files
from kbgen.drafts.plan import MERGED, NEW, PROTECTED, RECOUNT, REFRESH, plan_drafts
from kbgen.drafts.render import recount_draft, render_draft, render_evidence
from kbgen.errors import KbgenError
from kbgen.files import atomic_write
from kbgen.progress import Progress, counted, silent
from kbgen.records import Article, Draft, Topic

TOPICS_FILE = "topics.json"

# What happened to each topic's article (MERGED, NEW and PROTECTED as planned).
REFRESHED, UNCHANGED = "refreshed", "unchanged"
__all__ = ["MERGED", "NEW", "PROTECTED", "REFRESHED", "UNCHANGED", "DraftOutcome", "write_drafts"]


@dataclass(frozen=True)
class DraftOutcome:
    topic_id: str
    article: str  # path relative to the content directory
    action: str  # NEW, REFRESHED, UNCHANGED, PROTECTED or MERGED


def write_drafts(
    topics: Sequence[Topic],
    content_dir: str | Path,
    *,
    site_language: str = "en",
    files: Sequence[tuple[Article, str]] | None = None,
    progress: Progress = silent,
    grown: frozenset[str] = frozenset(),
) -> tuple[DraftOutcome, ...]:
    """Write or refresh one draft per topic (topics largest first); never touch an edited or
    published article. One outcome per topic, in their order. files: the content folder's
    articles as read_article_files gave them, when the caller read them already; grown: the
    topics that continue an earlier run's (their drafts are recounted, plan_drafts)."""
    root = Path(content_dir)
    root.mkdir(parents=True, exist_ok=True)
    files = read_article_files(root) if files is None else files
    texts = {article.path: text for article, text in files}
    held = read_topic_tickets(root)
    drafts = plan_drafts(topics, [article for article, _ in files], texts, held, site_language, grown)
    outcomes = tuple(_write(root, draft, texts) for draft in counted(drafts, "writing drafts", progress))
    for topic, outcome in zip(topics, outcomes, strict=True):
        held[outcome.topic_id] = sorted(set(held.get(outcome.topic_id, ())) | set(topic.ticket_ids))
    write_topic_tickets(root, held)
    return outcomes


def _write(root: Path, draft: Draft, texts: Mapping[str, str]) -> DraftOutcome:
    """Carry out one planned draft: texts are the articles' files as read before any writing."""
    action = draft.action
    if action == PROTECTED:
        atomic_write(evidence_path(root, draft.article), render_evidence(draft.article, draft.topic))
    elif action in (NEW, REFRESH, RECOUNT):
        if action == RECOUNT:
            text = recount_draft(texts[draft.article], draft.topic)
        else:
            text = render_draft(draft.topic, topic_id=draft.topic_id)
        if action != NEW and texts[draft.article] == text:
            action = UNCHANGED
        else:
            atomic_write(root / draft.article, text)
            action = NEW if action == NEW else REFRESHED
    return DraftOutcome(draft.topic_id, draft.article, action)


def evidence_path(root: Path, article: str) -> Path:
    """Where the evidence of an article (path relative to the content folder root) is kept."""
    return root.parent / "evidence" / (article.replace("/", "__").removesuffix(".md") + ".yml")


def read_topic_tickets(root: Path) -> dict[str, list[str]]:
    """Article topic id -> the ticket ids its topic held, from earlier runs ({} at first)."""
    path = root.parent / ".kbgen" / TOPICS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KbgenError(f"{path}: unreadable ({exc.__class__.__name__}); delete it and kbgen rebuilds it") from None
    topics = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(topics, dict):
        raise KbgenError(f"{path}: expected {{\"topics\": {{topic id: [ticket ids]}}}}; delete it and kbgen rebuilds it")
    return {str(k): [str(t) for t in v] for k, v in topics.items() if isinstance(v, list)}


def write_topic_tickets(root: Path, held: dict[str, list[str]]) -> None:
    path = root.parent / ".kbgen" / TOPICS_FILE
    atomic_write(path, json.dumps({"version": 1, "topics": held}, indent=1, sort_keys=True) + "\n")
