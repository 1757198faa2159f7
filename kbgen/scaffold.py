"""A new help-site project that builds out of the box: ``kbgen init``.

The files come from ``kbgen/site/project_template/``, with the site's name and language filled
in. Existing files are never overwritten, so init can be run again to add what is missing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from string import Template

from kbgen import languages
from kbgen.errors import KbgenError

TEMPLATE_DIR = Path(__file__).parent / "site" / "project_template"


@dataclass(frozen=True)
class InitResult:
    created: tuple[Path, ...]
    skipped: tuple[Path, ...]  # already there, left as they were


def init_project(target: Path, *, site_name: str = "Help Centre", language: str = "en") -> InitResult:
    """Write mkdocs.yml, content/index.md, site_config/kbgen.yml and survey_templates/README.md."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise KbgenError(f"{target}: exists and is not a folder")
    if language not in languages.codes():
        raise KbgenError(f"language: '{language}' is not one of {', '.join(languages.codes())}")
    if not site_name.strip():
        raise KbgenError("site name: must not be empty")
    values = {
        "site_name": site_name,
        # A JSON string is a valid YAML scalar, whatever quotes or colons the name has.
        "site_name_yaml": json.dumps(site_name, ensure_ascii=False),
        "language": language,
        # Material's search stems the languages it knows; others are searched as English.
        "search_language": language if languages.get(language).search_stemmer else "en",
    }
    created, skipped = [], []
    for source in sorted(p for p in TEMPLATE_DIR.rglob("*") if p.is_file()):
        path = target / source.relative_to(TEMPLATE_DIR)
        if path.exists():
            skipped.append(path)
            continue
        text = Template(source.read_text(encoding="utf-8")).substitute(values)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise KbgenError(f"{path}: cannot write: {exc.strerror or exc}") from None
        created.append(path)
    return InitResult(tuple(created), tuple(skipped))
