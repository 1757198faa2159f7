"""How long work says how far it is: a stage, the items done and the items in all.

The core calls a Progress with (stage, done, total); total 0 is a step without a count. The
command line draws a bar per stage on a terminal; library callers pass their own or none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Progress = Callable[[str, int, int], None]
T = TypeVar("T")

EVERY = 1000  # items between two reports of a counted loop


def silent(stage: str, done: int = 0, total: int = 0) -> None:
    """A Progress that tells no one."""


def counted(items: Sequence[T], stage: str, progress: Progress) -> Iterator[T]:
    """The items, reporting every EVERY of them (and the last) as done in stage."""
    total = len(items)
    done = 0
    progress(stage, 0, total)
    for done, item in enumerate(items, 1):
        yield item
        if done % EVERY == 0:
            progress(stage, done, total)
    if done % EVERY:
        progress(stage, done, total)
