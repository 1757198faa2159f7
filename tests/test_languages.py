"""Languages: all of a language's words live in one file, kbgen/languages/<code>.py.

The interface languages are English, Dutch, Swedish, German and Polish, in that order. Adding a
sixth is writing one more file: tests/language_files/da.py (Danish) is registered here, and
the site, the configuration, redaction, message cleaning, drafts and the report speak Danish.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import replace
from pathlib import Path

import pytest

from kbgen import languages
from kbgen.config import load_site_config
from kbgen.drafts.render import render_draft
from kbgen.errors import KbgenError
from kbgen.exports.text import clean_message
from kbgen.records import Topic
from kbgen.redact import Redactor
from kbgen.report.comments import group_comments
from kbgen.scaffold import init_project
from kbgen.site.build import build_site

DANISH_FILE = Path(__file__).resolve().parent / "language_files" / "da.py"


@pytest.fixture
def danish():
    """Danish registered from its one file, as kbgen/languages/ registers its own; the registry
    as it was afterwards."""
    before = languages.registered()
    spec = importlib.util.spec_from_file_location("danish_language_file", DANISH_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    languages.register(module.LANGUAGE)
    yield module.LANGUAGE
    for code in set(languages.codes()) - {language.code for language in before}:
        languages.unregister(code)
    for language in before:
        languages.register(language)


def test_the_interface_languages_in_the_order_messages_list_them():
    assert languages.codes() == ("en", "nl", "sv", "de", "pl")
    assert [language.name for language in languages.registered()] == ["English", "Nederlands", "Svenska", "Deutsch", "Polski"]


def test_every_language_has_every_interface_text():
    for language in languages.registered():
        assert set(language.interface) == set(languages.INTERFACE_KEYS), language.code
        assert all(isinstance(text, str) and text.strip() for text in language.interface.values()), language.code


def test_every_secret_word_holds_one_of_its_languages_stems():
    # The stems gate the secret detectors: a word without one would never be looked for.
    for language in languages.registered():
        for word in language.secret_words + language.code_words:
            assert any(stem in word.lower() for stem in language.secret_stems), (language.code, word)
        for label in language.postcode_labels:
            assert any(stem in label.lower() for stem in language.postcode_stems), (language.code, label)
        for word in language.username_words:
            assert any(stem in word.lower() for stem in language.username_stems), (language.code, word)


def test_a_language_file_with_a_missing_text_or_an_ungated_secret_word_is_refused():
    english = languages.get("en")
    texts = {key: text for key, text in english.interface.items() if key != "send"}
    with pytest.raises(KbgenError, match=r"^language 'xx': interface lacks send$"):
        languages.register(replace(english, code="xx", interface=texts))
    with pytest.raises(KbgenError, match=r"^language 'xx': secret_stems hold no part of geheimzahl$"):
        languages.register(replace(english, code="xx", secret_words=("geheimzahl",)))
    with pytest.raises(KbgenError, match=r"^language 'eng': code: expected two lowercase letters"):
        languages.register(replace(english, code="eng"))
    assert languages.codes() == ("en", "nl", "sv", "de", "pl")


def test_an_unknown_language_is_named_with_the_known_ones():
    with pytest.raises(KbgenError, match=r"^unknown language 'fr' \(known: en, nl, sv, de, pl\)$"):
        languages.get("fr")


def test_merged_words_match_the_longest_whatever_the_order_of_the_files():
    for words in (["kod", "kod weryfikacyjny", "Kod."], ["Kod.", "kod weryfikacyjny", "kod"]):
        pattern = re.compile(languages.one_of(words))
        assert [m.group() for m in pattern.finditer("kod weryfikacyjny, Kod. kod")] == ["kod weryfikacyjny", "Kod.", "kod"]
    assert re.search(languages.one_of([]), "anything") is None


def test_one_file_adds_a_language(danish, tmp_path):
    assert languages.codes() == ("en", "nl", "sv", "de", "pl", "da")

    # The configuration accepts it, and `kbgen init` writes a project whose site speaks it.
    project = tmp_path / "hjaelp"
    init_project(project, site_name="Acme Hjælp", language="da")
    assert load_site_config(project / "site_config").language == "da"
    assert "lang: [da]" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "content" / "konto").mkdir()
    (project / "content" / "konto" / "nulstil-adgangskode.md").write_text(
        "---\ntitle: Nulstil din adgangskode\nstatus: published\n---\n\nKlik på **Glemt adgangskode**.\n", encoding="utf-8"
    )
    article = (build_site(project / "mkdocs.yml") / "konto" / "nulstil-adgangskode" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="da"' in article and "Var denne side nyttig?" in article

    # The names after a Danish greeting and sign-off are redacted, and so is a Danish password.
    text = "Kære Mette,\n\nJeg kan ikke logge ind, min adgangskode er Sommer2024!\n\nMed venlig hilsen\nMette Hansen"
    redacted = "Kære [name],\n\nJeg kan ikke logge ind, min adgangskode er [secret]\n\nMed venlig hilsen\n[name]"
    assert Redactor().redact_text(text) == redacted

    # Outlook's Danish quoted-reply header ends the message, and the phone's signature goes too.
    reply = (
        "Nu virker det. Tak for hjælpen!\n\nSendt fra min iPhone\n\n-----Oprindelig meddelelse-----\n"
        "Fra: Tasklane Support <support@tasklane.example>\nSendt: 4. august 2026 10:02\n\nPrøv at nulstille din adgangskode."
    )
    assert clean_message(reply) == "Nu virker det. Tak for hjælpen!"

    # A Danish topic's draft lists the other wordings under a Danish heading.
    topic = Topic(
        id="t-adgangskode",
        language="da",
        ticket_ids=("1", "2", "3", "4", "5"),
        terms=("adgangskode", "nulstil"),
        title="Hvordan nulstiller jeg min adgangskode?",
        answer="Klik på Glemt adgangskode.",
        phrasings=("Jeg har glemt min adgangskode",),
    )
    assert "## Kunderne spørger også sådan her\n\n- Jeg har glemt min adgangskode" in render_draft(topic)

    # Comments alike only in Danish stop words are not grouped together.
    comments = [("Hvor er det henne? Jeg kan ikke finde det", False), ("Hvor er det? Jeg forstår det ikke", False)]
    assert len(group_comments(comments)) == 2


@pytest.mark.parametrize(
    ("name", "text", "error"),
    [
        ("xx", "LANGUAGE = None\n", "kbgen/languages/xx.py: defines no LANGUAGE = Language(...)"),
        ("yy", "from kbgen.languages.en import LANGUAGE\n", "kbgen/languages/yy.py: holds language 'en'; name the file after its code"),
    ],
    ids=["no-language", "misnamed"],
)
def test_a_broken_language_file_is_one_error_line_of_the_command(name, text, error, tmp_path, monkeypatch, capsys):
    import sys as system

    from kbgen.cli import main

    (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    before = languages.registered()
    monkeypatch.setattr(languages, "__path__", [*languages.__path__, str(tmp_path)])
    monkeypatch.setattr(languages, "_discovered", False)
    monkeypatch.setattr(system, "argv", ["kbgen", "init", str(tmp_path / "help")])
    try:
        with pytest.raises(SystemExit) as exit_:
            main()
    finally:
        system.modules.pop(f"kbgen.languages.{name}", None)
        monkeypatch.undo()
        for language in before:
            languages.register(language)
    assert exit_.value.code == 2
    assert capsys.readouterr().err == f"Error: {error}\n"
    assert languages.codes() == ("en", "nl", "sv", "de", "pl")


def test_a_stop_word_list_the_stop_words_package_lacks_is_refused():
    with pytest.raises(KbgenError, match=r"stop_word_list: 'danisch' is not a list of the stop_words package"):
        languages.register(replace(languages.get("en"), code="xx", stop_word_list="danisch"))
