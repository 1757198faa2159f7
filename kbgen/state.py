"""What `kbgen draft` keeps for its next run: ``.kbgen/grouping.npz`` beside the content folder.

Per language: the word features' hashed vocabularies, IDF and LSA (kbgen.features), each
topic's id, ticket ids, dates and the sum of its tickets' vectors (its centre), and the
one-off tickets' ids, dates and vectors, so that a question that grows across exports is found
once it has enough tickets in total. Ids, dates and numbers only: no ticket text or personal
data. The settings the vectors were made with are kept too; a run with other settings asks
for ``--full``. The file is written in one piece (kbgen.files.atomic_target) and safe to
delete: the next run is then a full one.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from kbgen.errors import KbgenError
from kbgen.files import atomic_target

if TYPE_CHECKING:  # the report imports this module too, and needs no scikit-learn
    from kbgen.features import Features

STATE_FILE = "grouping.npz"
VERSION = 1
# One-off tickets kept per language for later runs to group with (waiting): a question that has
# not come back among this many later one-offs is let go.
PENDING_LIMIT = 100_000


@dataclass(frozen=True)
class LanguageState:
    """A language's grouping as a later run continues it."""

    features: Features
    topic_ids: tuple[str, ...]
    tickets: tuple[tuple[str, ...], ...]  # each topic's ticket ids
    seen: np.ndarray  # topics x 2: first and last ticket date (POSIX seconds, NaN unknown)
    sums: np.ndarray  # topics x dimensions, float32: the sum of each topic's tickets' vectors
    pending_ids: tuple[str, ...]  # one-off tickets
    pending_dates: np.ndarray  # POSIX seconds, NaN unknown
    pending: object  # their vectors: dense float32 rows or sparse rows

    def centres(self) -> np.ndarray:
        """Each topic's centre, of unit length."""
        norms = np.linalg.norm(self.sums, axis=1, keepdims=True)
        return (self.sums / np.maximum(norms, 1e-12)).astype(np.float32)

    def known(self) -> set[str]:
        """The ids of the tickets a topic holds or that wait as one-offs."""
        return {ticket for ids in self.tickets for ticket in ids} | set(self.pending_ids)


@dataclass(frozen=True)
class GroupingState:
    settings: dict[str, str]  # what the vectors and groups were made with (settings_of)
    languages: dict[str, LanguageState]


def settings_of(version: str, engine: str, model: str, min_size: int, language: str | None) -> dict[str, str]:
    """The settings a later run must share to continue a grouping, by their configuration keys
    (version: kbgen's, whose releases may make other vectors)."""
    return {
        "kbgen": version,
        "drafts.engine": engine,
        "drafts.embeddings": model,
        "drafts.min_topic_size": str(min_size),
        "--lang": language or "detected",
    }


def state_path(content_dir: str | Path) -> Path:
    return Path(content_dir).parent / ".kbgen" / STATE_FILE


def read_state(content_dir: str | Path, settings: Mapping[str, str]) -> GroupingState | None:
    """The grouping an earlier run kept (None if there is none); KbgenError where it was made with
    other settings or cannot be read."""
    path = state_path(content_dir)
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as arrays:
            index = json.loads(bytes(arrays["index"]).decode("utf-8"))
            if index.get("version") != VERSION:
                raise ValueError(f"version {index.get('version')}")
            _same_settings(path, index["settings"], settings)
            languages = {lang: _language(arrays, lang, part) for lang, part in index["languages"].items()}
    except KbgenError:
        raise
    except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile) as exc:
        raise KbgenError(f"{path}: unreadable ({exc.__class__.__name__}: {exc}); delete it or run `kbgen draft --full`") from None
    return GroupingState(dict(index["settings"]), languages)


def _same_settings(path: Path, kept: Mapping[str, str], settings: Mapping[str, str]) -> None:
    for key, value in settings.items():
        if kept.get(key) != value:
            raise KbgenError(
                f"{path}: {key} was {kept.get(key)!r} when these topics were found and is {value!r} now;"
                " run `kbgen draft --full` to group every ticket again"
            )


def _language(arrays, lang: str, part: dict) -> LanguageState:
    from kbgen.features import Features

    prefix = f"{lang}."
    features = Features.restore({k[len(prefix) + 9 :]: arrays[k] for k in arrays.files if k.startswith(prefix + "features.")}, lang)
    if f"{prefix}pending.data" in arrays.files:
        shape = tuple(arrays[f"{prefix}pending.shape"])
        pending = sparse.csr_matrix(
            (arrays[f"{prefix}pending.data"], arrays[f"{prefix}pending.indices"], arrays[f"{prefix}pending.indptr"]), shape=shape
        )
    else:
        pending = arrays[f"{prefix}pending"]
    found = LanguageState(
        features=features,
        topic_ids=tuple(part["topics"]),
        tickets=tuple(tuple(ids) for ids in part["tickets"]),
        seen=arrays[f"{prefix}seen"],
        sums=arrays[f"{prefix}sums"],
        pending_ids=tuple(part["pending"]),
        pending_dates=arrays[f"{prefix}pending_dates"],
        pending=pending,
    )
    if not len(found.topic_ids) == len(found.tickets) == len(found.sums) == len(found.seen):
        raise ValueError(f"{lang}: topics, tickets and centres differ in number")
    if not len(found.pending_ids) == len(found.pending_dates) == found.pending.shape[0]:
        raise ValueError(f"{lang}: one-off tickets and their vectors differ in number")
    return found


def write_state(content_dir: str | Path, state: GroupingState) -> None:
    """Keep state for the next run."""
    arrays: dict[str, np.ndarray] = {}
    index: dict = {"version": VERSION, "settings": state.settings, "languages": {}}
    for lang, part in state.languages.items():
        prefix = f"{lang}."
        arrays.update({f"{prefix}features.{k}": v for k, v in part.features.arrays().items()})
        arrays[f"{prefix}seen"] = np.asarray(part.seen, dtype=np.float64).reshape(-1, 2)
        arrays[f"{prefix}sums"] = np.asarray(part.sums, dtype=np.float32)
        arrays[f"{prefix}pending_dates"] = np.asarray(part.pending_dates, dtype=np.float64)
        if sparse.issparse(part.pending):
            pending = sparse.csr_matrix(part.pending)
            arrays.update({f"{prefix}pending.{k}": getattr(pending, k) for k in ("data", "indices", "indptr")})
            arrays[f"{prefix}pending.shape"] = np.asarray(pending.shape, dtype=np.int64)
        else:
            arrays[f"{prefix}pending"] = np.asarray(part.pending, dtype=np.float32)
        index["languages"][lang] = {"topics": list(part.topic_ids), "tickets": [list(ids) for ids in part.tickets], "pending": list(part.pending_ids)}
    arrays["index"] = np.frombuffer(json.dumps(index).encode("utf-8"), dtype=np.uint8)
    with atomic_target(state_path(content_dir)) as tmp:
        with open(tmp, "wb") as fp:
            np.savez(fp, **arrays)


def waiting(dates: np.ndarray) -> np.ndarray:
    """Which of the one-offs with these dates a later run groups with its tickets: the latest
    PENDING_LIMIT, in their order (tickets without a date count as the oldest)."""
    if len(dates) <= PENDING_LIMIT:
        return np.arange(len(dates))
    return np.sort(np.argsort(-np.nan_to_num(dates, nan=-np.inf), kind="stable")[:PENDING_LIMIT])


def timestamps(dates: Sequence[datetime | None]) -> np.ndarray:
    """POSIX seconds of each date, NaN where there is none."""
    return np.asarray([d.timestamp() if d else np.nan for d in dates], dtype=np.float64)


def as_date(seconds: float) -> datetime | None:
    return None if np.isnan(seconds) else datetime.fromtimestamp(float(seconds), tz=timezone.utc)
