"""Where the bundled sample data lives: inside the installed package, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

from kbgen.errors import KbgenError


def sample_root() -> Path:
    """Folder holding examples/, content/ and site_config/ of the Tasklane sample."""
    packaged = Path(__file__).parent / "_sample"
    if (packaged / "examples").is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "examples").is_dir():
        return checkout
    raise KbgenError(f"sample data not found in {packaged} or {checkout}; reinstall kbgen")
