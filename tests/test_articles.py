"""Articles in the content folder: front matter, status, language, and edits told apart."""

from __future__ import annotations

from datetime import date

import pytest

from kbgen.articles import front_matter_problems, read_article_files, read_articles, split_front_matter
from kbgen.drafts.render import render_draft
from kbgen.errors import KbgenError
from kbgen.records import Topic


def test_front_matter_and_body_are_split():
    assert split_front_matter("---\ntitle: A\ntags: [x]\n---\n\nBody\n") == ({"title": "A", "tags": ["x"]}, "\nBody\n")
    assert split_front_matter("# No front matter\n") == ({}, "# No front matter\n")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("---\ntitle: A\n", r"^a\.md:1: front matter opened with '---' is never closed"),
        ("---\ntitle: A\ntags: [x\n---\n", r"^a\.md:\d: front matter is not valid YAML"),
        ("---\n- a list\n---\n", r"^a\.md:2: front matter must be a mapping of fields"),
    ],
    ids=["unclosed", "not-yaml", "not-a-mapping"],
)
def test_broken_front_matter_names_the_file_and_line(text, error):
    with pytest.raises(KbgenError, match=error):
        split_front_matter(text, source="a.md")


def test_a_field_of_the_wrong_type_is_named_with_its_line():
    text = "---\ntitle: A\ntags: password\npublished: soon\nsearch_phrasings:\n- {a: b}\n---\n"
    meta, _ = split_front_matter(text)
    assert front_matter_problems(meta, text) == [
        "3: front matter 'tags': expected a list of words, got 'password'",
        "4: front matter 'published': expected a date (YYYY-MM-DD), got 'soon'",
        "5: front matter 'search_phrasings': expected a list of texts, got [{'a': 'b'}]",
    ]


def test_an_article_is_read_with_its_status_language_url_and_dates(tmp_path):
    (tmp_path / "nl" / "facturen").mkdir(parents=True)
    (tmp_path / "nl" / "facturen" / "downloaden.md").write_text("---\npublished: 2026-10-02\n---\n\n# Een factuur downloaden\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("---\ntitle: Help\nstatus: Draft\nlang: en\n---\n", encoding="utf-8")
    home, dutch = read_articles(tmp_path)  # in path order
    assert (home.path, home.title, home.status, home.url, home.language) == ("index.md", "Help", "draft", "/", "en")
    assert (dutch.title, dutch.status, dutch.url, dutch.language) == ("Een factuur downloaden", "published", "/nl/facturen/downloaden/", "nl")
    assert dutch.published_on == date(2026, 10, 2)
    [(article, text)] = read_article_files(tmp_path / "nl")
    assert article.path == "facturen/downloaden.md" and text.startswith("---\npublished")


def test_a_draft_a_writer_changed_is_told_apart_by_its_hash(tmp_path):
    topic = Topic("t-1", "en", ("1", "2"), ("invoice",), "Where is my invoice?", "Open Billing.", ())
    path = tmp_path / "invoice.md"
    path.write_text(render_draft(topic), encoding="utf-8")
    assert not read_articles(tmp_path)[0].edited
    path.write_text(path.read_text(encoding="utf-8").replace("Open Billing.", "Open Billing > Invoices."), encoding="utf-8")
    assert read_articles(tmp_path)[0].edited


def test_a_missing_content_folder_is_named(tmp_path):
    with pytest.raises(KbgenError, match=r"nothing: content directory not found"):
        read_articles(tmp_path / "nothing")
