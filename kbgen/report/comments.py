"""Comments on an article grouped by wording, so a report shows what many readers say once.

Content words (stop words of every language in kbgen.languages left out) are cut to 5 letters so "crash",
"crashes" and "crashed" meet; two comments are alike when those overlap by SIMILAR_WORDING
(Jaccard). Cheap enough for the newest COMMENT_SAMPLE comments of every article.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from stop_words import get_stop_words

from kbgen import languages
from kbgen.report.records import CommentGroup

COMMENT_SAMPLE = 300  # newest comments of an article grouped by wording (not-helpful ones first)
COMMENT_GROUPS = 30
SIMILAR_WORDING = 0.5  # Jaccard overlap of two comments' word stems to share a group

_WORD = re.compile(r"\w+")


@languages.registry_cache
def _stop_words() -> frozenset[str]:
    """Stop words of the languages the help site serves, without accents."""
    return frozenset(_plain(w) for lang in languages.registered() if lang.stop_word_list for w in get_stop_words(lang.stop_word_list))


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _wording(text: str) -> frozenset[str]:
    """The comment's content words, cut to 5 letters so "crash", "crashes" and "crashed" meet."""
    stop = _stop_words()
    return frozenset(w[:5] for w in _WORD.findall(_plain(text)) if len(w) > 2 and w not in stop and not w.isdigit())


def group_comments(comments: Sequence[tuple[str, bool]]) -> tuple[CommentGroup, ...]:
    """Group (comment, helpful) pairs whose content words overlap by SIMILAR_WORDING (Jaccard),
    those left with a "not helpful" vote and the others apart: "thanks, that worked" is praise,
    the same words under "not helpful" are not. Each joins the first group it is similar to, in
    the order given. Largest groups first."""
    groups = [*_grouped([c for c in comments if not c[1]]), *_grouped([c for c in comments if c[1]])]
    groups.sort(key=lambda g: -g.count)  # stable: equal groups keep their order (not helpful, newest first)
    return tuple(groups[:COMMENT_GROUPS])


def _grouped(comments: Sequence[tuple[str, bool]]) -> list[CommentGroup]:
    keys: list[frozenset[str]] = []
    members: list[list[tuple[str, bool]]] = []
    holding: dict[str, list[int]] = defaultdict(list)  # word -> groups whose first comment has it
    for text, helpful in comments:
        words = _wording(text) or frozenset({_plain(" ".join(text.split()))})
        candidates = sorted({g for w in words for g in holding.get(w, ())})
        for g in candidates:
            if len(words & keys[g]) / len(words | keys[g]) >= SIMILAR_WORDING:
                members[g].append((text, helpful))
                break
        else:
            for w in words:
                holding[w].append(len(keys))
            keys.append(words)
            members.append([(text, helpful)])
    return [CommentGroup(label=group[0][0], count=len(group), not_helpful=sum(1 for _, h in group if not h)) for group in members]
