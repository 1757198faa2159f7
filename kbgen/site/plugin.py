"""The ``kbgen`` MkDocs plugin: feedback form, surveys, drafts and safe Markdown on a Material site.

Enabled in mkdocs.yml with ``plugins: [search, kbgen]``; options in ``kbgen.site.config``.
Events below are in the order MkDocs fires them.
"""

from __future__ import annotations

import copy
import re
import subprocess
from collections import Counter
from datetime import date
from html import escape
from pathlib import Path

import yaml
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kbgen import languages
from kbgen.articles import HASH_KEY, SEARCH_PHRASINGS, first_heading, front_matter_problems, split_front_matter
from kbgen.config import SiteConfig, load_site_config
from kbgen.drafts.markers import find_markers
from kbgen.errors import KbgenError
from kbgen.feedback.read import read_feedback
from kbgen.pages import normalize_page, page_url
from kbgen.redact import Redactor
from kbgen.site.config import KbgenPluginConfig
from kbgen.site.catalog import Catalog, Entry, build_catalog, make_entry, page_language
from kbgen.site.links import find_links, local_target, survey_name
from kbgen.site.safe_markdown import SafeMarkdown
from kbgen.site.search import (
    PAGEFIND_THEME_DIR,
    Lemmas,
    common_words,
    index_site,
    search_phrasings_html,
    words_of,
    write_common_words,
    write_lemmas,
)
from kbgen.site.survey_pages import PROJECT_FOLDER, SurveyTemplates
from kbgen.stats import wilson_interval

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).parent / "theme"
ASSETS_CSS = "assets/kbgen.css"
ASSETS_JS = "assets/kbgen.js"
SEARCH_JS = "assets/kbgen-search.js"
# Front matter values the theme prints into HTML as they are.
_PRINTED_META = ("title", "description")
# kbgen's workflow states of an article; to Material "status" means an icon in the navigation.
_WORKFLOW_STATUSES = ("draft", "published")


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's where PyYAML has it
# kbgen's content hash in a page's front matter, which the personal-data gate passes over.
_HASH_LINE = re.compile(rf"^{HASH_KEY}:[ \t]*[0-9a-f]{{16}}[ \t]*$", re.M)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^[ \t]*(?:---|\.\.\.)[ \t]*$", re.M | re.S)
# What the build names when it refuses a page, per kind of personal data found.
_FOUND = {
    "email": "an e-mail address",
    "phone": "a phone number",
    "iban": "an IBAN",
    "card": "a payment card number",
    "id-number": "a national identity number",
}


_HTML_LANG = re.compile(r'(<html\b[^>]*?\blang=")[^"]*(")')


def git_dates(folder: Path) -> dict[str, date]:
    """Date of the last commit that changed each file below folder (paths relative to it);
    {} outside a git checkout. One `git log` for the whole folder, not one per page."""
    try:
        done = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--relative", "--", "."],
            cwd=folder, capture_output=True, text=True, check=False,
        )
    except OSError:
        return {}
    if done.returncode != 0:
        return {}
    dates: dict[str, date] = {}
    when = None
    for line in done.stdout.splitlines():
        if line.startswith("\0"):
            when = date.fromisoformat(line[1:].strip())
        elif line.strip() and when is not None:
            dates.setdefault(line.strip(), when)  # newest first: the first date seen is the last change
    return dates


def _url(files: Files, src_uri: str) -> str:
    file = files.get_file_from_path(src_uri)
    return file.url if file else ""


def _front_matter_only(meta: dict) -> str:
    """The Markdown of a page kbgen adds: front matter, the theme draws the rest."""
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n"


# A section of a page's own Markdown: a heading below the title with text under it.
_SECTION = re.compile(r"^#{2,6}[ \t]+\S[^\n]*\n\s*(?!#)\S", re.M)


def is_searchable(meta: dict, markdown: str) -> bool:
    """Whether search finds a page: every article, and a home or category page only where it
    holds an answer of its own (a section under a "## " heading) or its front matter says
    ``search: {exclude: false}``; a list of links answers nothing. ``search: {exclude: true}``
    leaves any page out."""
    wish = meta.get("search", {}).get("exclude") if isinstance(meta.get("search"), dict) else None
    if isinstance(wish, bool):
        return not wish
    return bool(meta.get("kbgen_article")) or bool(_SECTION.search(markdown))


def sections_only(html: str) -> str:
    """A home or category page's HTML with its introduction (all before its first section)
    hidden from both search engines: only the answers it holds are found."""
    first = re.search(r"<h[2-6][\s>]", html)
    if first is None or first.start() == 0:
        return html
    return f"<div data-pagefind-ignore data-search-exclude>{html[: first.start()]}</div>{html[first.start():]}"


def is_draft(meta: dict) -> bool:
    """True for an article whose front matter says ``status: draft``."""
    return str(meta.get("status", "")).strip().lower() == "draft"


class KbgenPlugin(BasePlugin[KbgenPluginConfig]):
    def __init__(self) -> None:
        self.project_dir = Path.cwd()
        self.site = SiteConfig()
        self.redactor = Redactor()
        self.surveys: SurveyTemplates | None = None
        # src_uri -> (survey name, the surveys in its page's language)
        self.survey_pages: dict[str, tuple[str, SurveyTemplates]] = {}
        self.catalog = Catalog("en")
        self.word_holders: dict[str, Counter] = {}  # language -> articles holding each word
        self.front_matters: dict[str, dict] = {}  # src_uri -> front matter of a page holding search phrasings
        self.helpful: dict[str, tuple[float, float]] = {}  # src_uri -> Wilson interval of the helpful share
        self.theme_languages: set[str] = set()
        self.lemmas: dict[str, Lemmas] = {}  # language -> the lemmas of its articles, where search_lemmas
        self.site_name = ""
        self.made_nav = False  # the navigation is kbgen's: one section per other language
        self.sections: dict = {}  # language -> its Section of the navigation kbgen made

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.config_file_path:
            self.project_dir = Path(config.config_file_path).resolve().parent
        if config.theme.name != "material":
            raise PluginError("the kbgen plugin needs Material for MkDocs: set theme: name: material in mkdocs.yml")
        try:
            self.site = self._site_config()
            self.redactor = Redactor(self.site)
            if self.site.collector_url:
                self.surveys = SurveyTemplates(
                    self.project_dir, language=self.site.language, collector_url=self.site.collector_url
                )
        except KbgenError as exc:
            raise PluginError(str(exc)) from None

        if config.theme.get("language", "en") != self.site.language:
            log.warning(
                f"theme.language is '{config.theme.get('language')}' but {self.site.source} says "
                f"'{self.site.language}': set both to the same language"
            )

        # After the project's own custom_dir, before Material: the project can still override us.
        theme_dir = str(THEME_DIR)
        if theme_dir not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
        if self.site.search_engine == "pagefind":
            # Its search box replaces Material's; Material's own index is left empty (on_page_markdown).
            if str(PAGEFIND_THEME_DIR) not in config.theme.dirs:
                config.theme.dirs.insert(config.theme.dirs.index(theme_dir), str(PAGEFIND_THEME_DIR))
        self.site_name = config.site_name
        # The languages Material has its interface strings in (partials/languages/<code>.html).
        self.theme_languages = {p.stem for d in config.theme.dirs for p in (Path(d) / "partials" / "languages").glob("*.html")}
        # Theme folders are copied to the site as static files (all but *.html), assets included.
        if ASSETS_CSS not in config.extra_css:
            config.extra_css.append(ASSETS_CSS)
        scripts = [ASSETS_JS, SEARCH_JS] if self.site.search_engine == "pagefind" else [ASSETS_JS]
        for script in scripts:
            if script not in [str(each) for each in config.extra_javascript]:
                config.extra_javascript.append(script)

        # Articles are drafted from customers' tickets: their Markdown must not carry markup.
        if not any(isinstance(ext, SafeMarkdown) for ext in config.markdown_extensions):
            config.markdown_extensions.append(SafeMarkdown())

        config.extra["kbgen"] = {
            "collector_url": self.site.collector_url,
            "language": self.site.language,
            "report_failed_searches": self.site.report_failed_searches,
            "search": self.site.search_engine,
            "drafts": self.config.drafts,
            "texts": languages.get(self.site.language).interface,
        }
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.word_holders = {}  # filled page by page (on_page_content), written on_post_build
        self.lemmas = {}  # likewise
        self.front_matters = {}
        published: list[tuple[File, dict, str]] = []  # (file, front matter, first heading)
        problems: list[str] = []
        unfinished: list[str] = []
        for file in files.documentation_pages():
            source = self._source(file)
            text = self._text(file, source)
            meta, heading = self._front_matter(text, source)
            if not self.config.drafts and is_draft(meta):
                file.inclusion = InclusionLevel.EXCLUDED
            if file.inclusion.is_excluded():
                continue
            if SEARCH_PHRASINGS in meta:
                self.front_matters[file.src_uri] = meta
            # Defence in depth: whatever redaction missed or a writer typed is not published.
            problems += self._personal_data(text, source)
            # A draft may hold what kbgen wrote for its writer; a page about to go live may not.
            if not is_draft(meta):
                unfinished += self._writer_markers(text, source)
            published.append((file, meta, heading))
        refused = []
        if problems:
            refused.append(
                "; ".join(problems)
                + f" (remove it, or add the company's own to redaction.keep in {self.config.config_dir}/kbgen.yml)"
            )
        if unfinished:
            refused.append("; ".join(unfinished) + " (write the page's own text in its place, or keep it a draft: status: draft)")
        if refused:
            raise PluginError("; ".join(refused))

        self._catalog(files, published, config)

        # One page per survey and language section, outside the navigation, for links in
        # e-mails: /survey/<name>/, /nl/survey/<name>/.
        self.survey_pages = {}
        if self.surveys is None:
            log.info("site.collector_url is empty: no feedback form and no survey pages")
            return files
        sections = [("", self.surveys)] + [
            (f"{code}/", SurveyTemplates(self.project_dir, language=code, collector_url=self.site.collector_url))
            for code in self.catalog.languages()[1:]
        ]
        for prefix, surveys in sections:
            for name in surveys.surveys:
                src_uri = f"{prefix}survey/{name}/index.md"
                if files.get_file_from_path(src_uri) is not None:
                    raise PluginError(
                        f"{Path(config.docs_dir).name}/{src_uri}: clashes with the page of the '{name}' survey; "
                        "move the article or rename the survey"
                    )
                try:
                    title = surveys.title(name)
                except KbgenError as exc:
                    raise PluginError(str(exc)) from None
                meta = {"title": title, "kbgen_survey": name, "search": {"exclude": True}, "hide": ["navigation", "toc"]}
                files.append(File.generated(config, src_uri, content=_front_matter_only(meta), inclusion=InclusionLevel.NOT_IN_NAV))
                self.survey_pages[src_uri] = (name, surveys)
        return files

    def _catalog(self, files: Files, published: list[tuple[File, dict, str]], config: MkDocsConfig) -> None:
        """Catalog the published pages (file, front matter, first heading); unless mkdocs.yml
        sets a nav, make the navigation of home pages and categories, writing the category pages
        that have no index.md."""
        language = self.site.language
        self.made_nav = False
        dates = git_dates(Path(config.docs_dir))
        entries, category_titles = [], {}
        for file, meta, heading in published:
            entry = make_entry(file.src_uri, meta, heading, language, dates.get(file.src_uri))
            entries.append(entry)
            if meta.get("category") and entry.category:
                category_titles.setdefault(f"{entry.language}/{entry.category}", str(meta["category"]))
        self.catalog = build_catalog(entries, language, category_titles, self.site.categories)
        self.helpful = self._helpfulness()
        if config.nav is not None:
            return
        for category in self.catalog.categories:
            if category.index_uri not in self.catalog.entries:
                files.append(File.generated(config, category.index_uri, content=_front_matter_only({"title": category.title})))
        for file, _, _ in published:
            entry = self.catalog.entries[file.src_uri]
            if not entry.is_index:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        self.made_nav = True
        nav: list = []
        for lang in self.catalog.languages():
            home = self.catalog.home_uri(lang)
            section = [{languages.get(lang).interface["home"]: home}]
            section += [{c.title: c.index_uri} for c in self.catalog.categories_in(lang)]
            if lang == language:
                nav.extend(section)
            else:
                nav.append({languages.get(lang).name: section})
        config.nav = nav

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        # MkDocs parses front matter with PyYAML's pure-Python loader: for 3,000 articles of 50
        # search phrasings that alone took seconds. on_files parsed it with libyaml already, so
        # MkDocs gets the front matter without the phrasings (on_page_content takes them from
        # there). MkDocs 1.6 prefers setting File.content_string in on_files, but that unsets
        # the file's path, which messages, git dates and edit links need.
        meta = self.front_matters.get(page.file.src_uri)
        if meta is None:
            return None
        text = page.file.content_string
        front = _FRONT_MATTER.match(text)
        if front is None:
            return None
        rest = {key: value for key, value in meta.items() if key != SEARCH_PHRASINGS}
        return f"---\n{yaml.dump(rest, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)}---{text[front.end():]}"

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Front matter values reach the HTML unescaped (nav, <h1>, meta description): escape them
        # here, as a ticket-made title may contain "<".
        for key in _PRINTED_META:
            if isinstance(page.meta.get(key), (str, int, float)):
                page.meta[key] = escape(str(page.meta[key]))
        if is_draft(page.meta):
            page.meta["kbgen_draft"] = True
        if str(page.meta.get("status", "")).strip().lower() in _WORKFLOW_STATUSES:
            page.meta["kbgen_status"] = page.meta.pop("status")
        if page.file.src_uri in self.survey_pages:
            self._describe(page, files)  # its language section's words and menus
            return ""
        self._check_links(page, markdown, files, config)
        self._describe(page, files)
        page.meta["kbgen_searchable"] = is_searchable(page.meta, markdown)
        if self.site.search_engine == "pagefind" or not page.meta["kbgen_searchable"]:
            # Pagefind indexes the searchable pages (data-pagefind-body in the theme); Material's
            # index then stays empty.
            page.meta["search"] = {"exclude": True}
        return markdown

    def _check_links(self, page: Page, markdown: str, files: Files, config: MkDocsConfig) -> None:
        """Warn, with file and line, of links to pages that are not built and to unknown surveys
        (a strict build fails on warnings)."""
        source = self._source(page.file)
        text = page.file.content_string
        # MkDocs hands over the file without its front matter (and the blank lines after it).
        first_line = text.count("\n", 0, len(text) - len(markdown)) + 1 if text.endswith(markdown) else 1
        for link in find_links(markdown, first_line=first_line):
            path = local_target(page.file.src_uri, link.target)
            if path is None:
                continue
            name = survey_name(path)
            if name is not None:
                known = sorted(self.surveys.surveys) if self.surveys else []
                if name not in known:
                    log.warning(
                        f"{source}:{link.line}: link to the survey '{name}', but there is no such survey "
                        f"(known: {', '.join(known) or 'none, as site.collector_url is empty'}; add {PROJECT_FOLDER}/{name}.html)"
                    )
                continue
            if not path.endswith(".md"):
                continue
            target = files.get_file_from_path(path)
            if target is None:
                log.warning(f"{source}:{link.line}: link to '{link.target}', but there is no {path} in {Path(config.docs_dir).name}/")
            elif target.inclusion.is_excluded():
                log.warning(f"{source}:{link.line}: link to '{link.target}', a draft that this build leaves out")

    def _describe(self, page: Page, files: Files) -> None:
        """What the theme shows around a page: its language's words, where it belongs, related
        articles, the last update, and on home and category pages their lists."""
        uri = page.file.src_uri
        entry = self.catalog.entries.get(uri)
        language = entry.language if entry else page_language(uri, page.meta, self.site.language)
        page.meta["kbgen_lang"] = language
        page.meta["kbgen_texts"] = languages.get(language).interface
        if language in self.theme_languages:  # Material's own words too (partials/language.html)
            page.meta["kbgen_theme_lang"] = language
        page.meta["kbgen_search_lemmas"] = self.site.search_engine == "pagefind" and languages.get(language).search_lemmas

        def link(item: Entry) -> dict:
            file = files.get_file_from_path(item.src_uri)
            return {"title": item.title, "url": file.url if file else "", "description": item.description}

        category = self.catalog.category_of(uri)
        home_uri = self.catalog.home_uri(language)
        home = self.catalog.entries.get(home_uri)
        # Without a home page of its own, a section is named by its language ("Nederlands").
        page.meta["kbgen_home_title"] = home.title if home else self.site_name if language == self.site.language else languages.get(language).name
        page.meta["kbgen_home_url"] = _url(files, home_uri)
        sections = self.catalog.languages()
        if len(sections) > 1:
            # The language menu: the same question's article in each language, else that home.
            translated = self._translations(uri, language)
            page.meta["kbgen_alternates"] = [
                {"name": languages.get(code).name, "lang": code, "link": _url(files, translated.get(code) or self.catalog.home_uri(code))}
                for code in sections
            ]
        if entry and not entry.is_index:
            page.meta["kbgen_article"] = True
            if category is not None:
                page.meta["kbgen_category"] = {"title": category.title, "url": _url(files, category.index_uri)}
            page.meta["kbgen_related"] = [link(e) for e in self.catalog.related.get(uri, [])]
            if entry.updated:
                page.meta["kbgen_updated"] = entry.updated.isoformat()
            return
        for each in self.catalog.categories:
            if each.index_uri == uri and each.slug:
                page.meta["kbgen_articles"] = [link(e) for e in each.articles]
        if uri == home_uri:
            page.meta["kbgen_home"] = True
            # A help centre's home is its own layout, without the side menus.
            hidden = page.meta.get("hide") if isinstance(page.meta.get("hide"), list) else []
            page.meta["hide"] = [*hidden, *(h for h in ("navigation", "toc") if h not in hidden)]
            page.meta["kbgen_categories"] = [
                {"title": c.title, "url": _url(files, c.index_uri), "count": len(c.articles), "description": c.description}
                for c in self.catalog.categories_in(language)
            ]
            page.meta["kbgen_popular"] = [link(e) for e in self.catalog.popular(language, self.helpful)]
            page.meta["kbgen_popular_by_votes"] = bool(self.helpful)

    def _translations(self, uri: str, language: str) -> dict[str, str]:
        """language -> src_uri of the page's translations: a survey's page in each section, a
        category's (the same folder), an article's by its kbgen_topic; the page itself included."""
        if uri in self.survey_pages:
            name = self.survey_pages[uri][0]
            return {page_language(other, {}, self.site.language): other for other, (each, _) in self.survey_pages.items() if each == name}
        slug = next((c.slug for c in self.catalog.categories if c.index_uri == uri and c.slug), "")
        if slug:
            return {c.language: c.index_uri for c in self.catalog.categories if c.slug == slug} | {language: uri}
        return self.catalog.translations(uri) | {language: uri}

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.meta.get("kbgen_article"):
            html += search_phrasings_html(self.front_matters.get(page.file.src_uri, {}).get(SEARCH_PHRASINGS))
            if self.site.search_engine == "pagefind":
                language = page.meta["kbgen_lang"]
                found = words_of(html)
                self.word_holders.setdefault(language, Counter()).update(found)
                if page.meta.get("kbgen_search_lemmas"):
                    if language not in self.lemmas:
                        self.lemmas[language] = Lemmas(language)
                    html += self.lemmas[language].html(found)
        elif page.meta.get("kbgen_searchable"):
            html = sections_only(html)
        if page.file.src_uri not in self.survey_pages:
            return html
        name, surveys = self.survey_pages[page.file.src_uri]
        try:
            return surveys.render(name, page_url=f"/{page.url}", return_url=page.canonical_url or "")
        except KbgenError as exc:
            raise PluginError(str(exc)) from None

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.sections = {}
        if self.made_nav:
            names = {languages.get(code).name: code for code in self.catalog.languages()[1:]}
            self.sections = {names[item.title]: item for item in nav.items if item.is_section and item.title in names}
        return nav

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        """A language section's pages see the site as theirs: Material's header, menu and title
        show the section's name, its home and its navigation, and the language menu links each
        page to its translations."""
        language = page.meta.get("kbgen_lang")
        if not language:
            return context
        extra = dict(config.extra)
        if page.meta.get("kbgen_alternates") and "alternate" not in config.extra:
            # True shows Material's language menu (partials/alternate.html lists the page's
            # translations) without its <link rel="alternate"> tags: for those, Material's
            # script fetches a sitemap.xml beside each linked page, which is there only at a
            # site's root.
            extra["alternate"] = True
        section = copy.copy(config)  # a shallow copy: the site's config is not changed
        section["extra"] = extra
        if language != self.site.language:
            # Material prints site_name as it is: escaped here (a title may hold "<" or '"').
            section["site_name"] = Markup(escape(page.meta["kbgen_home_title"]))
            extra.setdefault("homepage", page.meta["kbgen_home_url"])
        context["config"] = section
        if self.sections:
            own = self.sections.get(language)
            items = own.children if own else [i for i in nav.items if i not in self.sections.values()]
            context["nav"] = Navigation(items, nav.pages)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Material writes the site's language into every page; a Dutch article must say nl, for
        # screen readers, and for Pagefind, which keeps one index per language.
        language = page.meta.get("kbgen_lang")
        if language and language != self.site.language:
            output = _HTML_LANG.sub(rf"\g<1>{language}\g<2>", output, count=1)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site.search_engine == "pagefind":
            try:
                index_site(Path(config.site_dir))
            except KbgenError as exc:
                raise PluginError(str(exc)) from None
            articles = Counter(e.language for e in self.catalog.entries.values() if not e.is_index)
            # One file per language with pages, even empty: the search box asks for it.
            for language in self.catalog.languages():
                holders = self.word_holders.get(language, Counter())
                write_common_words(Path(config.site_dir), language, common_words(holders, articles[language]))
            for lemmas in self.lemmas.values():
                write_lemmas(Path(config.site_dir), lemmas)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        for folder in (self.project_dir / self.config.config_dir, self.project_dir / PROJECT_FOLDER):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    def _site_config(self) -> SiteConfig:
        # The plugin's collector_url option (mkdocs.yml, or --collector-url) overrides kbgen.yml's.
        return load_site_config(
            self.project_dir / self.config.config_dir,
            {"site.collector_url": self.config.collector_url or None},
            overridden_by="collector_url",
        )

    def _helpfulness(self) -> dict[str, tuple[float, float]]:
        """Wilson 95% interval of the helpful share per src_uri, from site.feedback's files."""
        if not self.site.feedback:
            return {}
        pattern = self.site.feedback
        source = pattern if Path(pattern).is_absolute() else str(self.project_dir / pattern)
        try:
            records = read_feedback([source]).records
        except KbgenError as exc:
            raise PluginError(f"site.feedback: {exc}") from None
        votes: dict[str, list[int]] = {}
        for record in records:
            if record.kind == "feedback" and record.helpful is not None:
                # The report's page forms: /a/b, /a/b/index.html and /a/b/ are one page.
                counts = votes.setdefault(normalize_page(record.page), [0, 0])
                counts[0] += record.helpful
                counts[1] += 1
        by_url = {page_url(uri): uri for uri in self.catalog.entries}
        return {by_url[page]: wilson_interval(*counts) for page, counts in votes.items() if page in by_url}

    def _personal_data(self, text: str, source: str) -> list[str]:
        """"<file>:<line>: a phone number" for each publishable personal value; never the value."""
        # kbgen's content hash is hex: its digits alone may pass a card number's checksum. Only
        # the front matter's hash line is passed over, never a look-alike in the page's body.
        front = _FRONT_MATTER.match(text)
        if front:
            head = _HASH_LINE.sub(lambda line: " " * len(line.group()), front.group())
            text = head + text[front.end():]
        return [
            f"{source}:{text.count(chr(10), 0, offset) + 1}: {_FOUND[kind]}"
            for kind, offset in self.redactor.find(text)
        ]

    def _writer_markers(self, text: str, source: str) -> list[str]:
        """'<file>:<line>: kbgen's placeholder "..."' for each text kbgen wrote for a draft's writer."""
        return [f'{source}:{line}: kbgen\'s placeholder "{marker.words}"' for line, marker in find_markers(text)]

    def _source(self, file: File) -> str:
        path = Path(file.abs_src_path or file.src_uri)
        return path.relative_to(self.project_dir).as_posix() if path.is_relative_to(self.project_dir) else str(path)

    def _text(self, file: File, source: str) -> str:
        try:
            return file.content_string
        except UnicodeDecodeError:
            raise PluginError(f"{source}: not UTF-8 text") from None

    def _front_matter(self, text: str, source: str) -> tuple[dict, str]:
        """(front matter, first "# " heading) of a page; problems with the fields are warnings."""
        try:
            meta, body = split_front_matter(text, source=source)
        except KbgenError as exc:
            raise PluginError(str(exc)) from None
        for problem in front_matter_problems(meta, text):
            log.warning(f"{source}:{problem}")
        return meta, first_heading(body)
