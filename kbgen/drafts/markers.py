"""What kbgen writes into a draft for its writer to replace, and where a page still holds it.

The site build refuses a published page that still holds one (``kbgen.site.plugin``). A marker
is recognised by its words, whatever case, Markdown or line breaks a writer left around them:
"_No agent answer in these tickets yet_", "**No agent answer in these tickets yet:**" and
"No agent answer in these\\ntickets yet." are all found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class WriterMarker:
    """A text kbgen writes into a draft for its writer to replace."""

    markdown: str  # as a draft holds it
    words: str  # what finds it on a page: the part that is untrue once the page is written

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        # Any run of spaces, punctuation or Markdown marks ("_", "*", "\\") between and around the
        # words, but no letter or digit right before or after them.
        words = r"[\W_]+".join(map(re.escape, self.words.split()))
        return re.compile(rf"(?<![^\W_]){words}(?![^\W_])", re.IGNORECASE)


# The answer of a draft whose tickets hold no agent reply.
NO_ANSWER = WriterMarker(
    markdown="_No agent answer in these tickets yet: write the answer here._",
    words="No agent answer in these tickets yet",
)
# Every marker a draft may hold: the build looks for each of them.
MARKERS = (NO_ANSWER,)


def find_markers(text: str) -> list[tuple[int, WriterMarker]]:
    """(line, marker) for each marker text holds, lines counted from 1, in the order they appear."""
    found = [(match.start(), marker) for marker in MARKERS for match in marker.pattern.finditer(text)]
    return [(text.count("\n", 0, offset) + 1, marker) for offset, marker in sorted(found, key=lambda each: each[0])]
