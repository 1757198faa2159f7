"""Options of the ``kbgen`` MkDocs plugin (``plugins: - kbgen: {...}`` in mkdocs.yml).

Site settings shared with the other stages (language, collector URL, ...) live in
``site_config/kbgen.yml``; these options only say where that is and how to build.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class KbgenPluginConfig(Config):
    # Folder holding kbgen.yml, relative to the folder of mkdocs.yml.
    config_dir = c.Type(str, default="site_config")
    # Build draft articles too, each marked with a "Draft — not published" banner.
    drafts = c.Type(bool, default=False)
    # Base URL the feedback forms post to; empty takes site.collector_url from kbgen.yml.
    collector_url = c.Type(str, default="")
