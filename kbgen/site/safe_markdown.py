"""Markdown that cannot carry markup: article text comes from customers' tickets.

Raw HTML is rendered as text, and links, images and attributes that could run script are
dropped, so a ticket that contained ``<script>`` or ``[x](javascript:...)`` shows up as harmless
text on the site.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "background")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")


def is_safe_url(value: str) -> bool:
    """True for relative URLs and http(s), mailto and tel; False for javascript:, data: and the like."""
    plain = _IGNORED_IN_URL.sub("", html.unescape(value)).lower()
    match = _SCHEME.match(plain)
    return match is None or match.group(1) in SAFE_SCHEMES


class _DropUnsafeAttributes(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name, value in list(element.items()):
                lowered = name.lower()
                if lowered.startswith("on") or (lowered in URL_ATTRIBUTES and not is_safe_url(value or "")):
                    del element.attrib[name]


class SafeMarkdown(Extension):
    """Render raw HTML blocks and inline tags as text; drop script-carrying URLs and attributes."""

    def extendMarkdown(self, md: Markdown) -> None:
        # Without these two, "<script>" in the source is no longer passed through but escaped
        # like any other text; inline "<" and "&" are escaped by the serializer.
        if "html_block" in md.preprocessors:
            md.preprocessors.deregister("html_block")
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        # After "unescape" (0), so backslash escapes and entities cannot hide a scheme.
        md.treeprocessors.register(_DropUnsafeAttributes(md), "kbgen_drop_unsafe_attributes", -10)
