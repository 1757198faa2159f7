"""The package's layout follows the data flow: no module imports one that comes later in it.

    exports -> tickets -> (redacted) tickets -> topics -> (categories and) drafts -> site
    feedback lines -> feedback records -> report

Every module has its place below; a module may import the foundation, and modules of its own
flow at its own step or an earlier one. The commands at the top may import anything.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kbgen"

# Imported by every stage: records, settings, errors and helpers that know no stage.
FOUNDATION = (
    "kbgen.errors", "kbgen.records", "kbgen.config", "kbgen.files", "kbgen.stats", "kbgen.pages",
    "kbgen.surveys", "kbgen.languages", "kbgen.words", "kbgen.progress",
)  # fmt: skip
# Each flow's steps in order; a step may hold several modules (a module's own package included).
FLOWS = {
    "draft": (
        ("kbgen.exports",),
        ("kbgen.redact",),
        ("kbgen.topics", "kbgen.features", "kbgen.clusters", "kbgen.semantic", "kbgen.state", "kbgen.sampling"),
        ("kbgen.categories", "kbgen.drafts", "kbgen.articles"),
        ("kbgen.site",),
    ),
    "feedback": (
        ("kbgen.feedback.line", "kbgen.feedback"),
        ("kbgen.collector", "kbgen.feedback.read", "kbgen.feedback.imports"),
        ("kbgen.report",),
    ),
}
# The commands: they run the flows and may import any module.
TOP = ("kbgen.cli", "kbgen.pipeline", "kbgen.demo", "kbgen.scaffold", "kbgen.samples", "kbgen.__main__", "kbgen")
# Where one flow reads another's output: the site ranks its home page by the votes in the
# collector's files.
CROSSINGS = {("kbgen.site", "kbgen.feedback.read")}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def owner(module: str, names: tuple[str, ...]) -> str | None:
    """The longest name of names that module is or lies within ("kbgen" itself: only its __init__)."""
    found = [n for n in names if module == n or (n != "kbgen" and module.startswith(n + "."))]
    return max(found, key=len) if found else None


def place(module: str) -> tuple[str, int, str] | None:
    """(flow, step, the name that placed it); None for the foundation and the commands."""
    candidates = []
    for flow, steps in FLOWS.items():
        for step, names in enumerate(steps):
            name = owner(module, names)
            if name:
                candidates.append((len(name), flow, step, name))
    foundation = owner(module, FOUNDATION) or ""
    top = owner(module, TOP) or ""
    best = max(candidates, default=None)
    if best is None or len(foundation) >= best[0] or len(top) > best[0]:
        return None
    return best[1], best[2], best[3]


def imports(path: Path) -> set[str]:
    """The kbgen modules a file imports, at any depth (``from kbgen.a import b`` is kbgen.a.b
    when that is a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("kbgen"))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("kbgen"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    return found


def test_every_module_has_a_place():
    unplaced = [m for m in MODULES if place(m) is None and not owner(m, FOUNDATION) and not owner(m, TOP)]
    assert unplaced == []


def test_no_module_imports_one_later_in_the_data_flow():
    wrong = []
    for module, path in MODULES.items():
        here = place(module)
        if here is None and not owner(module, FOUNDATION):
            continue  # a command
        for imported in sorted(imports(path)):
            there = place(imported)
            if owner(imported, FOUNDATION) and there is None:
                continue
            if here is None:  # the foundation imports nothing of a flow
                wrong.append(f"{module} (foundation) imports {imported}")
            elif there is None:
                wrong.append(f"{module} imports the command module {imported}")
            elif (here[2], there[2]) in CROSSINGS:
                continue
            elif there[0] != here[0] or there[1] > here[1]:
                wrong.append(f"{module} ({here[0]} flow, step {here[1]}) imports {imported} ({there[0]} flow, step {there[1]})")
    assert wrong == []


def test_the_site_does_not_import_the_report():
    site = [m for m in MODULES if owner(m, ("kbgen.site",))]
    assert site and not [m for m in site if any(owner(i, ("kbgen.report",)) for i in imports(MODULES[m]))]
