"""Build or preview the help site in-process with MkDocs; MkDocs' failures become KbgenError.

The site itself is made by the ``kbgen`` plugin (``kbgen.site.plugin``), so these functions only
set its options from the command line and report problems in one line.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path
from typing import Iterator

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError
from mkdocs.utils.yaml import yaml_load

from kbgen.errors import KbgenError

PLUGIN = "kbgen"


def build_site(
    config_file: Path,
    *,
    drafts: bool = False,
    strict: bool = False,
    site_dir: Path | None = None,
    collector_url: str | None = None,
) -> Path:
    """Build the site described by config_file (a mkdocs.yml); return the folder written.

    drafts includes draft articles (marked as drafts); strict fails on any warning;
    site_dir and collector_url override mkdocs.yml and site_config/kbgen.yml.
    """
    config_file = Path(config_file)
    with _mkdocs_messages() as messages:
        try:
            config = load_config(
                config_file=str(_existing(config_file)),
                # None leaves mkdocs.yml's own value; False would switch its strict: true off.
                strict=True if strict else None,
                # Relative to where the command runs, as a user expects, not to mkdocs.yml.
                site_dir=str(Path(site_dir).resolve()) if site_dir is not None else None,
            )
            options = _plugin(config, config_file).config
            options.drafts = drafts
            if collector_url is not None:
                options.collector_url = collector_url
            build(config)
        except (Abort, ConfigurationError, BuildError) as exc:
            raise KbgenError(_one_line(exc, messages, config_file)) from None
    return Path(config.site_dir)


def serve_site(
    config_file: Path,
    *,
    drafts: bool = True,
    dev_addr: str = "127.0.0.1:8000",
    collector_url: str | None = None,
) -> None:
    """Serve the site with live reload until interrupted (drafts shown unless drafts=False)."""
    config_file = Path(config_file)
    with _mkdocs_messages(show_info=True) as messages:
        try:
            plugins = plugins_with_options(config_file, drafts=drafts, collector_url=collector_url)
            serve(config_file=str(config_file), dev_addr=dev_addr, plugins=plugins, livereload=True)
        except (Abort, ConfigurationError, BuildError) as exc:
            raise KbgenError(_one_line(exc, messages, config_file)) from None


def plugins_with_options(config_file: Path, *, drafts: bool, collector_url: str | None) -> dict[str, dict]:
    """mkdocs.yml's plugins, as a mapping of name to options, with the kbgen plugin's options set.

    ``mkdocs serve`` loads the configuration afresh for every rebuild, so the options cannot be
    set on a loaded configuration as build_site does: they go in as a replacement ``plugins``.
    A mapping, as MkDocs empties the one-entry dicts of a plugins list while loading it.
    """
    with open(_existing(config_file), "rb") as fd:
        raw = yaml_load(fd)
    entries = raw.get("plugins", ["search"]) or []
    if isinstance(entries, dict):
        entries = [{name: options} for name, options in entries.items()]
    plugins: dict[str, dict] = {}
    for entry in entries:
        name, options = (entry, None) if isinstance(entry, str) else next(iter(dict(entry).items()))
        plugins[name] = dict(options or {})
    if PLUGIN not in plugins:
        raise KbgenError(_not_enabled(config_file))
    plugins[PLUGIN]["drafts"] = drafts
    if collector_url is not None:
        plugins[PLUGIN]["collector_url"] = collector_url
    return plugins


def _existing(config_file: Path) -> Path:
    if not config_file.is_file():
        raise KbgenError(f"{config_file}: MkDocs configuration not found (create a project with `kbgen init`)")
    return config_file


def _plugin(config: MkDocsConfig, config_file: Path):
    if PLUGIN not in config.plugins:
        raise KbgenError(_not_enabled(config_file))
    return config.plugins[PLUGIN]


def _not_enabled(config_file: Path) -> str:
    return f"{config_file}: the kbgen plugin is not enabled; add '- kbgen' under 'plugins:'"


def _one_line(exc: Exception, messages: _MkDocsMessages, config_file: Path) -> str:
    # MkDocs logs the real problem, then raises Abort with a generic "Aborted with ..." text.
    cause = exc.__context__ if isinstance(exc, Abort) else exc
    if isinstance(cause, PluginError):
        return str(cause)  # the kbgen plugin's messages name their own file
    if isinstance(cause, BuildError):
        return f"{config_file}: {cause}"
    if messages.errors:
        return f"{config_file}: {'; '.join(messages.errors)}"
    if messages.warnings and isinstance(exc, Abort):
        return f"{config_file}: {exc} ({'; '.join(messages.warnings)})"
    return f"{config_file}: {' '.join(str(exc).split())}"


class _MkDocsMessages(logging.Handler):
    """Show MkDocs' messages like `mkdocs` does, and keep them for the one-line KbgenError.

    A build shows warnings only, as its errors end up in the KbgenError; serve also shows
    progress, and errors too, as a failed rebuild does not stop the server.
    """

    def __init__(self, show_info: bool):
        super().__init__(logging.INFO if show_info else logging.WARNING)
        self.show_errors = show_info
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.ERROR:
            self.errors.append(" ".join(message.split()))
            if not self.show_errors:
                return
        elif record.levelno == logging.WARNING:
            self.warnings.append(" ".join(message.split()))
        print(f"{record.levelname:<8}-  {message}", file=sys.stderr)


@contextlib.contextmanager
def _mkdocs_messages(show_info: bool = False) -> Iterator[_MkDocsMessages]:
    logger = logging.getLogger("mkdocs")
    handler = _MkDocsMessages(show_info)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if show_info else logging.WARNING)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
