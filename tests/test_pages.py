"""Site paths: one form per page, from a file name or from whatever a browser sent."""

import pytest

from kbgen.pages import normalize_page, page_url


@pytest.mark.parametrize(
    ("path", "url"),
    [("billing/invoice.md", "/billing/invoice/"), ("index.md", "/"), ("nl/index.md", "/nl/"), ("nl/billing/index.md", "/nl/billing/")],
)
def test_a_file_is_served_at_its_directory_url(path, url):
    assert page_url(path) == url


@pytest.mark.parametrize(
    "sent", ["/billing/invoice", "/billing/invoice/", "/billing/invoice/index.html", "/billing/invoice.html", "/billing/invoice/?a=1#b", "/billing/%69nvoice/"]
)
def test_every_form_a_browser_sends_is_one_page(sent):
    assert normalize_page(sent) == "/billing/invoice/"
