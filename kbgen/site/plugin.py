"""The ``kbgen`` MkDocs plugin: feedback form, surveys, drafts and safe Markdown on a Material site.

Enabled in mkdocs.yml with ``plugins: [search, kbgen]``; options in ``kbgen.site.config``.
Events below are in the order MkDocs fires them.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from kbgen.articles import split_front_matter
from kbgen.config import SiteConfig, load_site_config, parse_site_config
from kbgen.errors import KbgenError
from kbgen.redact import Redactor
from kbgen.site.config import KbgenPluginConfig
from kbgen.site.safe_markdown import SafeMarkdown
from kbgen.site.surveys import PROJECT_FOLDER, SurveyTemplates
from kbgen.site.texts import TEXTS

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).parent / "theme"
ASSETS_CSS = "assets/kbgen.css"
ASSETS_JS = "assets/kbgen.js"
# Front matter values the theme prints into HTML as they are.
_PRINTED_META = ("title", "description")
# kbgen's workflow states of an article; to Material "status" means an icon in the navigation.
_WORKFLOW_STATUSES = ("draft", "published")


# What the build names when it refuses a page, per kind of personal data found.
_FOUND = {
    "email": "an e-mail address",
    "phone": "a phone number",
    "iban": "an IBAN",
    "card": "a payment card number",
    "id-number": "a national identity number",
}


def is_draft(meta: dict) -> bool:
    """True for an article whose front matter says ``status: draft``."""
    return str(meta.get("status", "")).strip().lower() == "draft"


class KbgenPlugin(BasePlugin[KbgenPluginConfig]):
    def __init__(self) -> None:
        self.project_dir = Path.cwd()
        self.site = SiteConfig()
        self.redactor = Redactor()
        self.surveys: SurveyTemplates | None = None
        self.survey_pages: dict[str, str] = {}  # src_uri -> survey name

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
        # Theme folders are copied to the site as static files (all but *.html), assets included.
        if ASSETS_CSS not in config.extra_css:
            config.extra_css.append(ASSETS_CSS)
        if ASSETS_JS not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(ASSETS_JS)

        # Articles are drafted from customers' tickets: their Markdown must not carry markup.
        if not any(isinstance(ext, SafeMarkdown) for ext in config.markdown_extensions):
            config.markdown_extensions.append(SafeMarkdown())

        config.extra["kbgen"] = {
            "collector_url": self.site.collector_url,
            "language": self.site.language,
            "report_failed_searches": self.site.report_failed_searches,
            "drafts": self.config.drafts,
            "texts": TEXTS[self.site.language],
        }
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.drafts:
            for file in files.documentation_pages():
                if is_draft(self._front_matter(file)):
                    file.inclusion = InclusionLevel.EXCLUDED
        # Defence in depth: whatever redaction missed or a writer typed is not published.
        problems = [
            problem
            for file in files.documentation_pages()
            if not file.inclusion.is_excluded()
            for problem in self._personal_data(file)
        ]
        if problems:
            raise PluginError(
                "; ".join(problems)
                + f" (remove it, or add the company's own to redaction.keep in {self.config.config_dir}/kbgen.yml)"
            )

        # One page per survey, outside the navigation, for links in e-mails: /survey/<name>/.
        self.survey_pages = {}
        if self.surveys is None:
            log.info("site.collector_url is empty: no feedback form and no survey pages")
            return files
        for name in self.surveys.surveys:
            src_uri = f"survey/{name}/index.md"
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"{Path(config.docs_dir).name}/{src_uri}: clashes with the page of the '{name}' survey; "
                    "move the article or rename the survey"
                )
            try:
                title = self.surveys.title(name)
            except KbgenError as exc:
                raise PluginError(str(exc)) from None
            meta = {"title": title, "kbgen_survey": name, "search": {"exclude": True}, "hide": ["navigation", "toc"]}
            content = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n"
            files.append(File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
            self.survey_pages[src_uri] = name
        return files

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
            return ""
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        name = self.survey_pages.get(page.file.src_uri)
        if name is None or self.surveys is None:
            return html
        try:
            return self.surveys.render(name, page_url=f"/{page.url}", return_url=page.canonical_url or "")
        except KbgenError as exc:
            raise PluginError(str(exc)) from None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        for folder in (self.project_dir / self.config.config_dir, self.project_dir / PROJECT_FOLDER):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    def _site_config(self) -> SiteConfig:
        site = load_site_config(self.project_dir / self.config.config_dir)
        if self.config.collector_url:
            checked = parse_site_config({"site": {"collector_url": self.config.collector_url}}, source="collector_url")
            site = replace(site, collector_url=checked.collector_url)
        return site

    def _personal_data(self, file: File) -> list[str]:
        """"<file>:<line>: a phone number" for each publishable personal value; never the value."""
        text = file.content_string
        source = self._source(file)
        return [
            f"{source}:{text.count(chr(10), 0, offset) + 1}: {_FOUND[kind]}"
            for kind, offset in self.redactor.find(text)
        ]

    def _source(self, file: File) -> str:
        path = Path(file.abs_src_path or file.src_uri)
        return path.relative_to(self.project_dir).as_posix() if path.is_relative_to(self.project_dir) else str(path)

    def _front_matter(self, file: File) -> dict:
        source = self._source(file)
        try:
            meta, _ = split_front_matter(file.content_string, source=source)
        except UnicodeDecodeError:
            raise PluginError(f"{source}: not UTF-8 text") from None
        except KbgenError as exc:
            raise PluginError(str(exc)) from None
        return meta
