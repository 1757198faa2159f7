"""Ticket text in drafts shows on the site exactly as typed: no markup forms, nothing is lost,
and no backslash stands before a character that did not need one.

Every check renders with the help site's own Markdown: a new project's mkdocs.yml, configured by
the kbgen plugin as a build configures it.
"""

from __future__ import annotations

import random
import re
from html import escape
from html.parser import HTMLParser

import markdown
import pytest
from mkdocs.config import load_config

from kbgen.drafts.escape import (
    ESCAPABLE,
    SITE_EXTENSIONS,
    markdown_block,
    markdown_heading,
    markdown_text,
)
from kbgen.drafts.render import render_draft
from kbgen.records import Topic
from kbgen.scaffold import init_project
from kbgen.site.build import build_site

# What customers and agents write, in the five languages: none of it needs a backslash.
ORDINARY = [
    "Go to Settings > Billing and click Download.",
    "50% off! Use the code SPRING_2026 before Friday.",
    "Save it as file_name_v2.txt in C:\\Users\\x\\Documents",
    "The app says: Error #1042 | try again later",
    "2 * 3 = 6, and 4*5 = 20",
    "Press Ctrl + Shift + R, then F5.",
    "Open https://tasklane.example/help?topic=billing&lang=en#invoices",
    "Thanks a lot :) 👍🎉",
    "Your files are in /home/anna/my_docs/*.pdf",
    "Run the app with -v (or --verbose) and send us the log.",
    "Het lukt niet! Ga naar Instellingen > Facturen > Downloaden.",
    "Mijn bestand heet factuur_2026_03.pdf en is 2 MB.",
    "Bedankt!!! 😊",
    "Det fungerar inte! Gå till Inställningar > Konto > Lösenord.",
    "Filen heter kvitto_mars.pdf (se bilaga).",
    "Es klappt nicht! Öffnen Sie Einstellungen > Rechnungen.",
    "Preis: 49,99 € (inkl. MwSt.) – gültig bis 31.12.",
    "Nie działa! Przejdź do Ustawienia > Płatności.",
    "Plik nr 2: faktura_03.pdf, kwota: 100 zł",
    "Version 4.12.1 costs EUR 1,249.00 since 2026-08-03.",
    "C# and F# are supported; so is node_modules/.bin",
    "A < B and C > D, 5 <= 6, <3",
    "Tom & Jerry, Q&A, R&D, AT&T, &c.",
    "Use {name} and [optional] parts, e.g. [beta] or (see above).",
    "See the section 'Billing' -> 'Invoices' => Download",
    "Tickets ~ 40 a day, 2^10 = 1024, ==> done",
]

# Text that would form markup if written as it is: the hostile strings of the other tests, and
# ordinary text that happens to look like Markdown.
MARKUP = [
    "<script>alert(1)</script> [click](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    '<img src=x onerror="document.body.dataset.pwned = 1">',
    "[Open the app](javascript:alert(1)) or [read the terms](https://acme.example/terms).",
    '=HYPERLINK("http://evil") <script>alert(1)</script> [click](http://evil) `x` | y',
    "[x](&#106;avascript:alert(1)) and ![pic](data:text/html,<b>x</b>)",
    "<http://evil.example/> or <anna.devries@example.nl>",
    "<!-- hidden --> <?php echo 1; ?> </div>",
    "&copy; &amp; &#169; &#x41; &nbsp;",
    "This is *really* important and **very** urgent",
    "_Please_ note: __init__.py and _config_",
    "Use `npm install` or ``two ticks``, then ` and `` alone",
    "# Not a heading, #hashtag",
    "> not a quote",
    "1. not a numbered list, 2026. a year",
    "+ not a bullet",
    "* * *",
    "---",
    "[TOC]",
    "[1]: https://evil.example",
    "Path C:\\",
    "\\*not bold\\* and \\\\server\\share and \\`tick",
    "***bold italic*** and *a*b*c*",
    "``two` then one, `one`` then two",
]


def expected_text(reply: str) -> str:
    """The text a reply shows: its lines, steps without their "1." or "-"."""
    return "\n".join(re.sub(r"^(\d{1,2}[.)]|[-*•])\s+", "", line.strip()) for line in reply.splitlines())


class Rendered(HTMLParser):
    """The element names and the text of rendered HTML."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: set[str] = set()
        self.texts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)

    def handle_data(self, data):
        self.texts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.texts).split())


@pytest.fixture(scope="module")
def site_markdown(tmp_path_factory):
    """The site's Markdown converter, as `kbgen build` configures it for a new project."""
    root = tmp_path_factory.mktemp("escape") / "help"
    init_project(root)
    config = load_config(str(root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    md.configured = [e if isinstance(e, str) else type(e).__name__ for e in config.markdown_extensions]
    return md


# Each place ticket text stands in a draft: (how it is written there, the elements it may make).
PLACES = {
    "paragraph": (markdown_text, {"p"}),
    "list item": (lambda text: f"- {markdown_text(text)}", {"ul", "li"}),
    "heading": (lambda text: f"# {markdown_heading(text)}", {"h1"}),
    "reply": (markdown_block, {"p", "ul", "ol", "li"}),
}


def shows_as_typed(md: markdown.Markdown, written: str, text: str, place: str) -> bool:
    md.reset()
    rendered = Rendered(md.convert(written))
    wanted = expected_text(text) if place == "reply" else text
    return rendered.tags <= PLACES[place][1] and rendered.text == " ".join(wanted.split())


def needless_escapes(md: markdown.Markdown, written: str, text: str, place: str) -> list[str]:
    """The escaped characters of written that show as typed without their backslashes (a run
    of one character escaped together, like "\\_\\_", counts as one)."""
    needless = []
    for run in re.finditer(r"(?:\\([\\`*_{}\[\]()>#+\-.!|]))(?:\\\1)*", written):
        unescaped = written[: run.start()] + run.group().replace("\\" + run.group(1), run.group(1)) + written[run.end() :]
        if shows_as_typed(md, unescaped, text, place):
            needless.append(run.group())
    return needless


def test_the_escaping_knows_the_sites_markdown(site_markdown):
    # The rules are written for these extensions: another one (attr_list, admonition, ...)
    # adds syntax that ticket text could then form.
    assert tuple(site_markdown.configured) == SITE_EXTENSIONS
    assert ESCAPABLE == set(site_markdown.ESCAPED_CHARS)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_support_text_is_left_as_typed(site_markdown, text):
    assert markdown_text(text) == text
    assert markdown_heading(text) == text
    assert markdown_block(text) == text
    for place in PLACES:
        assert shows_as_typed(site_markdown, PLACES[place][0](text), text, place), place


@pytest.mark.parametrize("text", MARKUP + ORDINARY)
@pytest.mark.parametrize("place", PLACES)
def test_text_shows_as_typed_with_no_needless_backslash(site_markdown, text, place):
    written = PLACES[place][0](text)
    assert shows_as_typed(site_markdown, written, text, place), written
    assert needless_escapes(site_markdown, written, text, place) == [], written


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
        ("[click](javascript:alert(1))", "\\[click](javascript:alert(1))"),
        ("*really* sure", "\\*really* sure"),
        ("__init__.py", "\\_\\_init__.py"),
        ("my_file_name.txt", "my_file_name.txt"),
        ("`a` and `b`", "\\`a\\` and \\`b`"),
        ("# 1 fan", "\\# 1 fan"),
        ("&copy; 2026", "&amp;copy; 2026"),
        ("\\\\server\\share", "\\\\\\server\\share"),
    ],
)
def test_only_what_would_form_markup_is_escaped(text, written):
    assert markdown_text(text) == written


def test_a_heading_keeps_its_closing_hash_and_backslash():
    assert markdown_heading("Install C#") == "Install C\\#"
    assert markdown_heading("Path C:\\") == "Path C:\\\\"
    assert markdown_heading("# of seats") == "# of seats"  # after "# " a hash is text


@pytest.mark.parametrize(
    ("reply", "written"),
    [
        ("Fill in:\nName\n---\nthen save.", "Fill in:\nName\n\\---\nthen save."),  # no heading underline
        ("a | b\n--|--", "a | b\n\\--|--"),  # no table
        ("```\nrm -rf /\n```", "\\`\\`\\`\nrm -rf /\n```"),  # no fenced code
        ("[1]: https://evil.example\nsee [1]", "\\[1]: https://evil.example\nsee [1]"),  # no link definition
        ("Do this:\n1) Open\n+ Save\n\n2026. A year", "Do this:\n\n1. Open\n\n\\+ Save\n\n2026\\. A year"),
    ],
)
def test_block_markup_is_escaped_only_where_it_would_form(reply, written):
    assert markdown_block(reply) == written


def test_random_markup_never_forms(site_markdown):
    pieces = list("*_`[]()<>&#!|-+=~:.\\ \nab1") + ["&lt;", "&#1;", "http://x", "a@b.c", "1. ", "- ", "\n\n", "[TOC]", "```", "---"]
    draw = random.Random(14)
    for _ in range(2000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(1, 16)))
        for place, (write, _) in PLACES.items():
            one_line = text if place == "reply" else " ".join(text.split())
            assert shows_as_typed(site_markdown, write(text), one_line, place), (place, text, write(text))


def test_a_drafts_ticket_text_shows_as_typed_on_the_built_site(tmp_path):
    project = tmp_path / "help"
    init_project(project)
    answer = [
        "Open Settings > Billing, then choose *Invoices*.",
        "1) Click [Download](javascript:alert(1))",
        "2) Save it as invoice_2026_03.pdf, not __init__.py",
        "# Not a heading: <b>bold</b> and `code` &copy;",
        "---",
        "Het lukt niet! 👍",
    ]
    topic = Topic(
        id="t-invoice",
        language="en",
        ticket_ids=("1", "2"),
        terms=("invoice",),
        title="Why does *my* invoice say #1042 | C#",
        answer="\n".join(answer),
        phrasings=("Where is my [invoice](http://evil.example)?", "> Settings > Billing is empty!"),
    )
    (project / "content" / "billing").mkdir()
    (project / "content" / "billing" / "invoice.md").write_text(render_draft(topic), encoding="utf-8")
    html = (build_site(project / "mkdocs.yml", drafts=True) / "billing" / "invoice" / "index.html").read_text(encoding="utf-8")
    article = html.split('<h1 id="', 1)[1].split("</ul>", 1)[0]
    shown = [topic.title, *(re.sub(r"^\d\) ", "", line) for line in answer), *topic.phrasings]
    assert [line for line in shown if escape(line, quote=False) not in article] == []
    assert re.findall(r"<(?!/)(\w+)", article) == ["p", "ol", "li", "li", "p", "h2", "ul", "li", "li"]


def test_a_tab_after_a_link_label_forms_no_link_definition(site_markdown):
    from kbgen.drafts.render import render_draft
    from kbgen.records import Topic

    topic = Topic(
        id="t-x", language="en", ticket_ids=("1",), terms=("reset",), title="Reset page",
        answer="Open the [reset page] and follow it.", phrasings=("[reset page]:\thttps://evil.example/login",),
    )
    site_markdown.reset()
    html = site_markdown.convert(render_draft(topic).split("---\n", 2)[2])
    assert "evil.example" in html and "<a " not in html
