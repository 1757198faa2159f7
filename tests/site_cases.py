"""Small help-site projects made with `kbgen init`, and how the site tests read their pages."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from kbgen import languages
from kbgen.errors import KbgenError
from kbgen.scaffold import init_project
from kbgen.site.build import build_site


REPO = Path(__file__).resolve().parent.parent


COLLECTOR = "https://feedback.acme.example"
# The interface languages and the words each shows, as the tests find them on the pages.
LANGUAGES = languages.codes()
TEXTS = {language.code: language.interface for language in languages.registered()}


ARTICLE = """\
---
title: Reset your password
status: published
---

# Reset your password

Open **Settings** and choose *Reset password*.

The customer wrote: <script>alert(1)</script>

<img src=x onerror=alert(1)>

[Open the app](javascript:alert(1)) or [read the terms](https://acme.example/terms).
"""


DRAFT = """\
---
title: Ask for a refund
status: draft
kbgen_topic: refund
---

# Ask for a refund

Write to billing within 30 days.
"""


class Elements(HTMLParser):
    """Every start tag of a page as (tag, attributes)."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def all(self, tag: str, **wanted) -> list[dict]:
        """Tags with these attributes (name_with_underscores for data-...; None: present, no value)."""
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in wanted.items()}
        return [a for t, a in self.found if t == tag and all(k in a and a[k] == v for k, v in wanted.items())]

    def one(self, tag: str, **wanted) -> dict:
        matches = self.all(tag, **wanted)
        assert len(matches) == 1, f"expected one <{tag} {wanted}>, found {len(matches)}"
        return matches[0]


def make_project(root: Path, *, language: str = "en") -> Path:
    init_project(root, site_name="Acme Help", language=language)
    (root / "content" / "account").mkdir()
    (root / "content" / "account" / "reset-your-password.md").write_text(ARTICLE, encoding="utf-8")
    (root / "content" / "billing").mkdir()
    (root / "content" / "billing" / "ask-for-a-refund.md").write_text(DRAFT, encoding="utf-8")
    return root / "mkdocs.yml"


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def article(title: str, *, tags: str = "[]", extra: str = "") -> str:
    return f"---\ntitle: {title}\nstatus: published\ntags: {tags}\n{extra}---\n\nSome answer text.\n"


def nav_links(html: str) -> list[str]:
    return [a["href"] for a in Elements(html).all("a", class_="md-nav__link") if "href" in a]


def strict_failure(project: Path) -> str:
    with pytest.raises(KbgenError) as error:
        build_site(project, strict=True)
    return str(error.value)
