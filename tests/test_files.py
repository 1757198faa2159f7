"""Shared file helpers: writes that never leave half a file."""

from pathlib import Path

import pytest

from kbgen.files import atomic_write


def test_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.md"
    target.write_text("old", encoding="utf-8")

    def crash_midway(self, text, encoding=None):
        with open(self, "w", encoding=encoding) as fp:
            fp.write(text[:2])
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "write_text", crash_midway)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new text")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
