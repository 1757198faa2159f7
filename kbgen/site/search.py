"""Pagefind: the site's search index, written after MkDocs has written the pages.

Pagefind (the ``pagefind`` package ships its indexer binary) reads the built HTML and writes an
index split into small chunks, one index per page language (``<html lang>``), with stemming
where it has a stemmer for the language. A reader's browser fetches only the chunks a query
needs, where Material's built-in search fetches the whole index before the first result
(the comparison is in the README). Only article bodies are indexed (``data-pagefind-body`` in
the theme), so home, category and survey pages never crowd out the answers.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kbgen.errors import KbgenError

# Theme folder whose partials/search.html replaces Material's search box with Pagefind's.
PAGEFIND_THEME_DIR = Path(__file__).parent / "theme_pagefind"
BUNDLE = "pagefind"  # folder of the index in the site
# Pagefind's ready-made interfaces, which the site does not use (kbgen-search.js talks to
# pagefind.js): left out of the site, with their translators' names.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


def index_site(site_dir: Path) -> None:
    """Write the Pagefind index of the built site into <site_dir>/pagefind/."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE, "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise KbgenError(f"search index: cannot run Pagefind ({exc}); reinstall kbgen") from None
    if done.returncode != 0:
        lines = [line for line in (done.stderr or done.stdout).splitlines() if line.strip()]
        raise KbgenError(f"search index: Pagefind failed: {lines[-1] if lines else f'exit code {done.returncode}'}")
    for pattern in UNUSED:
        for path in (site_dir / BUNDLE).glob(pattern):
            path.unlink()
