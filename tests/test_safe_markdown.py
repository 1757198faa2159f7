"""Article text cannot carry markup: raw HTML shows as text, script links are dropped."""

from __future__ import annotations


import pytest

from kbgen.site.safe_markdown import is_safe_url
from site_cases import Elements, page


def test_raw_html_in_articles_is_shown_as_text(site):
    html = page(site, "/account/reset-your-password/")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    article = html.split("<article")[1].split("</article>")[0]
    assert "<script" not in article
    assert "<img" not in article


def test_script_links_are_dropped_and_web_links_kept(site):
    links = Elements(page(site, "/account/reset-your-password/")).all("a")
    assert {"href": "https://acme.example/terms"} in links
    assert not any(a.get("href", "").startswith("javascript:") for a in links)


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://acme.example/a?b=1", True),
        ("../billing/", True),
        ("mailto:help@acme.example", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("&#106;avascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
    ],
)
def test_only_web_and_mail_links_are_safe(url, safe):
    assert is_safe_url(url) is safe
