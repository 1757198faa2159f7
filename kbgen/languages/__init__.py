"""The languages kbgen works in: one module per language holds all of its words.

Each module of this package, named after its code, defines ``LANGUAGE = Language(...)``; the
modules are found and registered on first use, so adding a language is adding one file. Code that compiles patterns from
the words of every language builds them with :func:`registry_cache`, which builds again after a
language is registered.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from stop_words import AVAILABLE_LANGUAGES

from kbgen.errors import KbgenError

# The order menus and messages list the languages in; languages not named here follow, by code.
FIRST = ("en", "nl", "sv", "de", "pl")
# The words a site's widgets, search box and surveys show (Language.interface).
INTERFACE_KEYS = (
    "search_one", "frequent", "search_placeholder", "search_question", "search_hint", "search_none",
    "search_results", "search_more", "categories", "popular", "related", "updated", "home", "breadcrumbs",
    "feedback_question", "yes", "no", "comment_label", "send", "thanks", "error", "draft",
    "survey_comment_label", "survey_thanks", "csat_title", "csat_question", "csat_low", "csat_high",
    "nps_title", "nps_question", "nps_low", "nps_high", "ces_title", "ces_question", "ces_low", "ces_high",
    "made_with", "articles_one", "articles_count",
)


@dataclass(frozen=True)
class Language:
    """All of one language's words, and who reads them.

    Words match in any case, except in fields that say "as written". Every field after
    form_timestamp may be left empty. A pattern built from a field holds the words of every
    registered language.
    """

    code: str  # ISO 639-1: content/<code>/, <html lang>, site.language, `kbgen init --language`
    name: str  # the language's name in itself ("Nederlands"): the site's language sections
    # -- the help site (kbgen.site) -----------------------------------------------------------
    interface: Mapping[str, str]  # INTERFACE_KEYS -> the site's widget, search and survey texts
    also_asked: str  # heading above a draft's other wordings of its question (kbgen.drafts)
    # Material's search stems it, as Pagefind does: `kbgen init` writes it as mkdocs.yml's
    # search language (else English).
    search_stemmer: bool
    # -- feedback and the report --------------------------------------------------------------
    # The stop_words package's list ("dutch"): the report's comment groups skip it, and redaction
    # takes none of its words for a name.
    stop_word_list: str
    form_timestamp: str  # Google Forms' "Timestamp" column header (kbgen.feedback.imports)
    # -- reading messages (kbgen.exports.text): where a message's history and signature begin --
    # Quoted-reply header lines, "..." for the date and sender (up to 200 characters) and a
    # second "..." for what follows the verb (up to 120): "Op ... schreef ...:".
    quote_headers: tuple[str, ...] = ()
    original_message: tuple[str, ...] = ()  # "-----Original Message-----"
    from_labels: tuple[str, ...] = ()  # a quoted header's "From:" ("Van:")
    signature_starts: tuple[str, ...] = ()  # alone on one of a message's last lines: "Met vriendelijke groet,"
    sent_from: tuple[str, ...] = ()  # "Sent from my iPhone": what mail apps sign with
    # -- the site's search (Pagefind), where its stemmer misses forms -------------------------
    # Index each article with the dictionary forms of its words, and look up the dictionary form
    # of each word searched (simplemma; kbgen.site.search): "haseł" finds "hasło".
    search_lemmas: bool = False
    # -- greetings and pleasantries: titles and drafted answers leave them out (kbgen.topics) --
    greetings: tuple[str, ...] = ()  # "Hi Anna,": also before a name that redaction replaces
    addressees: tuple[str, ...] = ()  # "Hi all,", "Hallo zusammen": a greeting's everyone, never a name
    pleasantries: tuple[str, ...] = ()  # an answer's line opening so only pleases: "Let me know"
    # Words that point outside their sentence ("How much does it cost?"): a title holding one
    # must name two of its topic's words to stand alone.
    pronouns: tuple[str, ...] = ()
    # -- redaction (kbgen.redact) -------------------------------------------------------------
    opening_thanks: tuple[str, ...] = ()  # before a name at a message's start: "Thanks Daniel!"
    greeting_again: tuple[str, ...] = ()  # "Hi again Anna"; as written
    titles: tuple[str, ...] = ()  # before a name: "meneer", "Herr", "pani"; with and without "."
    sign_offs: tuple[str, ...] = ()  # before a name: "Groeten,\nPieter"
    sign_off_leads: tuple[str, ...] = ()  # before any sign-off: "met vriendelijke" (groet)
    sign_off_places: tuple[str, ...] = ()  # "Grüße aus Amsterdam"; as written
    sign_off_companies: tuple[str, ...] = ()  # "Pieter van Tasklane"; as written
    contact_labels: tuple[str, ...] = ()  # a signature's contact lines: "Tel:", "Mobile"
    support_words: tuple[str, ...] = ()  # the company signs after the name: "Anna, Tasklane Support"
    not_names: tuple[str, ...] = ()  # capitalised after a greeting or sign-off, yet no name: "Regards"
    team_words: tuple[str, ...] = ()  # a "name" holding one is the company's: "Ons Team", "Das Team"
    # Before a third person's first name, in any case: "my colleague Pieter", "moja żona Katarzyna",
    # "a user named Jessica". A word the name list knows is a name after one, even a common word.
    relations: tuple[str, ...] = ()
    conjunctions: tuple[str, ...] = ()  # "and", "or": "Pieter en Anna", "Max eller Bas", "[phone] or [email]"
    # Words that lead to a value ("call me on [phone]", "pod numer [phone]"): left out with the
    # placeholder, as is_words are (redact.without_placeholders).
    value_leads: tuple[str, ...] = ()
    # Articles and determiners: a capitalised word after one is a noun ("kein Ton", "the Max plan"),
    # not a name on its own.
    articles: tuple[str, ...] = ()
    # Words that name a password or code ("wachtwoord: ..."); each holds one of secret_stems,
    # which gate the costly pattern: a text with no stem is not searched.
    secret_words: tuple[str, ...] = ()
    code_words: tuple[str, ...] = ()  # "the code from the text message is 041652"; hold a stem too
    secret_stems: tuple[str, ...] = ()
    is_words: tuple[str, ...] = ()  # between a code and its value: "is", "är", "lautet"; lowercase
    # Words that name an account's login name ("mijn gebruikersnaam is jdevries"); each holds one
    # of username_stems, which gate the pattern as secret_stems do.
    username_words: tuple[str, ...] = ()
    username_stems: tuple[str, ...] = ()
    # Street names, as written: the letters they are spelt with (the inside of a regex character
    # class: capitals "A-ZÅÄÖ", then the rest "a-zåäö") and their endings ("Keizersgracht 221").
    street_capitals: str = "A-Z"
    street_letters: str = "a-z"
    street_suffixes: tuple[str, ...] = ()
    street_openers: tuple[str, ...] = ()  # words that may open a street's name: "Nieuwe", "Östra"
    street_types_before: tuple[str, ...] = ()  # before the name, house number after: "ul. Długa 5"
    street_types_after: tuple[str, ...] = ()  # house number first, name, then: "23 Church Lane"
    place_particles: tuple[str, ...] = ()  # inside a city's name: "Alphen aan den Rijn"; as written
    # Labels that name a postcode ("PLZ 10115"); each holds one of postcode_stems (the gate).
    postcode_labels: tuple[str, ...] = ()
    postcode_stems: tuple[str, ...] = ()


_registry: dict[str, Language] = {}
_ordered: tuple[Language, ...] = ()
_codes: tuple[str, ...] = ()
_generation = 0  # counts changes to the registry; registry_cache compares it


def register(language: Language) -> None:
    """Add a language (a registered code is replaced); KbgenError if its words are incomplete."""
    _discover()
    problems = _problems(language)
    if problems:
        raise KbgenError(f"language '{language.code}': {'; '.join(problems)}")
    _registry[language.code] = language
    _changed()


def unregister(code: str) -> None:
    """Remove a registered language (tests restore the registry with it)."""
    _discover()
    _registry.pop(code, None)
    _changed()


def get(code: str) -> Language:
    """The registered language of code; KbgenError naming the known codes if there is none."""
    _discover()
    try:
        return _registry[code]
    except KeyError:
        raise KbgenError(f"unknown language '{code}' (known: {', '.join(codes())})") from None


def registered() -> tuple[Language, ...]:
    """Every registered language, in FIRST order, then by code."""
    _discover()
    return _ordered


def codes() -> tuple[str, ...]:
    """The registered languages' codes, in FIRST order, then by code."""
    _discover()
    return _codes


def words(*fields: str, of: str | None = None) -> tuple[str, ...]:
    """The words in these Language fields of every registered language, each once, in order; of
    the language with code of alone when given (none when it is not registered)."""
    _discover()
    chosen = _ordered if of is None else [language for language in _ordered if language.code == of]
    return tuple(dict.fromkeys(word for language in chosen for field in fields for word in getattr(language, field)))


def one_of(words: Iterable[str]) -> str:
    """A regex group matching any of words, each escaped: the longest first where several fit
    ("kod weryfikacyjny" before "kod"), so the order of the language files changes nothing.
    With no words, a group that never matches."""
    groups: dict[str, list[str]] = {}
    for word in sorted({word for word in words if word}, key=lambda word: (-len(word), word)):
        groups.setdefault(word[0].lower(), []).append(word)
    if not groups:
        return "(?!)"
    return f"(?:{'|'.join(_by_first_letter(group) for _, group in sorted(groups.items()))})"


def _by_first_letter(words: list[str]) -> str:
    """Words that open with one letter (longest first), that letter written once: the regex
    engine then tries the rest only where the letter stands, as fast as a hand-written pattern."""
    first = words[0][0]
    if len(words) == 1 or any(word[0] != first for word in words):  # "Van" and "van": nothing to share
        return "|".join(map(re.escape, words))
    return f"{re.escape(first)}(?:{'|'.join(re.escape(word[1:]) for word in words)})"


T = TypeVar("T")


def registry_cache(build: Callable[[], T]) -> Callable[[], T]:
    """build() run once, and again after the registry changes: for patterns compiled from the
    words of every language, which a hot path can then fetch for the price of a comparison."""
    built: list = [None, None]  # [generation, value]

    def cached() -> T:
        # Two global reads on the hot path; the call to _discover only before the first build.
        if built[0] != _generation or not _discovered:
            _discover()
            built[1], built[0] = build(), _generation
        return built[1]

    return functools.update_wrapper(cached, build)


def _changed() -> None:
    global _ordered, _codes, _generation
    _ordered = tuple(sorted(_registry.values(), key=_rank))
    _codes = tuple(language.code for language in _ordered)
    _generation += 1


def _rank(language: Language) -> tuple[int, str]:
    return (FIRST.index(language.code) if language.code in FIRST else len(FIRST), language.code)


def _problems(language: Language) -> list[str]:
    """What keeps a language from working everywhere its words are read."""
    problems = []
    if not re.fullmatch(r"[a-z]{2}", language.code):
        problems.append("code: expected two lowercase letters (ISO 639-1), as the collector accepts")
    missing = [key for key in INTERFACE_KEYS if key not in language.interface]
    extra = sorted(set(language.interface) - set(INTERFACE_KEYS))
    if missing:
        problems.append(f"interface lacks {', '.join(missing)}")
    if extra:
        problems.append(f"interface has unknown keys {', '.join(extra)}")
    if language.stop_word_list and language.stop_word_list not in AVAILABLE_LANGUAGES:
        problems.append(f"stop_word_list: '{language.stop_word_list}' is not a list of the stop_words package")
    for words, stems, field in (
        (language.secret_words + language.code_words, language.secret_stems, "secret_stems"),
        (language.username_words, language.username_stems, "username_stems"),
        (language.postcode_labels, language.postcode_stems, "postcode_stems"),
    ):
        # The gate searches the lowercased text: a stem with a capital covers nothing.
        uncovered = [w for w in words if not any(stem in w.lower() for stem in stems if stem == stem.lower())]
        if uncovered:
            problems.append(f"{field} hold no part of {', '.join(uncovered)}")
    return problems


def _discover() -> None:
    """Register the LANGUAGE of every module in this package, once, on first use (not at import:
    a broken language file is then a command's one-line error, not a traceback)."""
    global _discovered
    if _discovered:
        return
    _discovered = True  # set first: register() below calls back here
    try:
        for module in pkgutil.iter_modules(__path__):
            where = f"kbgen/languages/{module.name}.py"
            language = getattr(importlib.import_module(f"{__name__}.{module.name}"), "LANGUAGE", None)
            if not isinstance(language, Language):
                raise KbgenError(f"{where}: defines no LANGUAGE = Language(...)")
            if language.code != module.name:
                raise KbgenError(f"{where}: holds language '{language.code}'; name the file after its code")
            register(language)
    except BaseException:
        _discovered = False
        _registry.clear()
        raise


_discovered = False
