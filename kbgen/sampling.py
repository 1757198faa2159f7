"""Samples and hashes the topic step shares: the same on every run, and across exports.

A large export's features, answer weight and grouping are worked out on a sample. Taken by a
hash of each ticket's id (stable_key), the sample of a year's export and of the same year plus
a week share all but the week's few: two runs over exports that share most tickets group them
alike.
"""

from __future__ import annotations

import hashlib

import numpy as np


def stable_key(text: str) -> int:
    """A text's 64-bit hash, the same on every run and machine (Python's hash() is not)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little", signed=True)


def sample(rows: np.ndarray, size: int, order: np.ndarray | None = None, seed: int = 0) -> np.ndarray:
    """size of the rows (all of them where fewer), in their order: those first by order, a
    priority per row of the whole set (the stable_key of each ticket's id), else a seeded
    random choice."""
    rows = np.asarray(rows)
    if len(rows) <= size:
        return rows
    if order is None:
        return np.sort(np.random.default_rng(seed).choice(rows, size, replace=False))
    return np.sort(rows[np.argsort(order[rows], kind="stable")[:size]])
