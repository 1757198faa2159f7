"""Site paths of pages: the one form a page has wherever it is named.

Articles are files (``billing/invoice.md``), the site serves them at directory URLs
(``/billing/invoice/``), and feedback names the page a visitor was on in whatever form the
browser had (``/billing/invoice``, ``.../index.html``). The site and the report both meet them.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote


def page_url(rel_path: str) -> str:
    """Site path MkDocs gives a Markdown file with directory URLs: a/b.md -> /a/b/."""
    stem = rel_path[: -len(".md")] if rel_path.endswith(".md") else rel_path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return "/" + stem if stem else "/"
    return f"/{stem}/"


@lru_cache(maxsize=65_536)  # a site has few pages and customers repeat their searches
def normalize_page(page: str) -> str:
    """One form per page: /a/b, /a/b/, /a/b/index.html and /a/b.html are all /a/b/."""
    path = unquote(page.split("?", 1)[0].split("#", 1)[0]) or "/"
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")]
    return path if path.endswith("/") else path + "/"
