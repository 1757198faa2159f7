"""Survey pages: Jinja2 templates, built in (csat, nps, ces) or a project's own (kbgen.surveys).

A survey is ``<name>.html`` in ``kbgen/site/surveys/`` or in the project's ``survey_templates/``;
a project template replaces the built-in one of the same name. Files whose name starts with
``_`` are building blocks (``_survey.html``, ``_macros.html``), not surveys.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from kbgen import languages
from kbgen.errors import KbgenError
from kbgen.surveys import SCORE, Surveys

BUILTIN_DIR = Path(__file__).parent / "surveys"
PROJECT_FOLDER = "survey_templates"
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class SurveyTemplate:
    name: str  # also its page: /survey/<name>/
    path: Path  # the template file


def find_surveys(project_dir: Path) -> dict[str, SurveyTemplate]:
    """Every survey by name, built-in ones first; a project template replaces a built-in one."""
    surveys: dict[str, SurveyTemplate] = {}
    for folder in (BUILTIN_DIR, project_dir / PROJECT_FOLDER):
        for path in sorted(folder.glob("*.html")) if folder.is_dir() else ():
            name = path.stem
            if name.startswith("_"):
                continue
            if not _NAME.fullmatch(name):
                raise KbgenError(
                    f"{_display(path, project_dir)}: survey names become page addresses; "
                    "use lowercase letters, digits and '-' (e.g. onboarding.html)"
                )
            surveys[name] = SurveyTemplate(name, path)
    return surveys


class SurveyTemplates:
    """Renders the surveys of one project in one language; errors name the template and line."""

    def __init__(self, project_dir: Path, *, language: str, collector_url: str):
        self.project_dir = project_dir
        self.surveys = find_surveys(project_dir)
        folders = [project_dir / PROJECT_FOLDER, BUILTIN_DIR]
        self._folders = [f for f in folders if f.is_dir()]
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(self._folders),
            autoescape=True,
            # A misspelt variable fails the build instead of leaving a blank question.
            undefined=jinja2.StrictUndefined,
        )
        self.env.globals.update(t=languages.get(language).interface, lang=language, collector_url=collector_url)
        macros = self._run(lambda: self.env.get_template("_macros.html").module)
        self.env.globals.update(scale=macros.scale, comment=macros.comment)

    def title(self, name: str) -> str:
        """The page title the survey sets in its ``title`` block, as plain text."""

        def render() -> str:
            template = self.env.get_template(f"{name}.html")
            block = template.blocks.get("title")
            if block is None:
                return ""
            context = template.new_context(self._variables(name, page_url="", return_url=""))
            return Markup("".join(block(context))).unescape().strip()

        return self._run(render) or name.replace("-", " ").capitalize()

    def render(self, name: str, *, page_url: str, return_url: str = "") -> str:
        """The survey's HTML for its page; return_url is where a form post without JavaScript goes back to."""
        variables = self._variables(name, page_url=page_url, return_url=return_url)
        return self._run(lambda: self.env.get_template(f"{name}.html").render(variables))

    def _variables(self, name: str, *, page_url: str, return_url: str) -> dict:
        return {"survey": name, "page_url": page_url, "return_url": return_url}

    def _run(self, job):
        # Template mistakes surface as Jinja errors, or as TypeError/ValueError from a macro call
        # with a wrong argument; all of them are the template author's to fix.
        try:
            return job()
        except jinja2.TemplateSyntaxError as exc:
            where = f"{_display(Path(exc.filename), self.project_dir)}:{exc.lineno}" if exc.filename else exc.name
            raise KbgenError(f"{where}: {exc.message}") from None
        except (jinja2.TemplateError, TypeError, ValueError) as exc:
            raise KbgenError(f"{self._where(exc)}: {exc}") from None

    def _where(self, exc: Exception) -> str:
        """file:line of the innermost template frame of a rendering error."""
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            path = Path(frame.filename)
            if any(path.is_relative_to(folder) for folder in self._folders):
                return f"{_display(path, self.project_dir)}:{frame.lineno}"
        return PROJECT_FOLDER


def _display(path: Path, project_dir: Path) -> str:
    """A template's path as a user reads it: relative to the project, or to kbgen for built-ins."""
    for base in (project_dir, BUILTIN_DIR.parent.parent.parent):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return str(path)


_RADIO = re.compile(r'<input\b[^>]*\btype="radio"[^>]*>')
_ATTRIBUTE = re.compile(r'\b(name|value)="([^"]*)"')


def project_surveys(project_dir: Path) -> Surveys:
    """The surveys the project's pages offer, with the scale questions each form asks, read
    from the rendered template, so the collector accepts exactly what the page lets a customer
    choose. A survey must ask a "score" (the number reports summarise); KbgenError naming the
    template otherwise."""
    templates = SurveyTemplates(project_dir, language="en", collector_url="https://collector.invalid")
    scales: dict[str, dict[str, tuple[int, int]]] = {}
    for name, survey in templates.surveys.items():
        values: dict[str, list[int]] = {}
        for tag in _RADIO.findall(templates.render(name, page_url=f"/survey/{name}/")):
            attributes = dict(_ATTRIBUTE.findall(tag))
            if attributes.get("value", "").isdigit() and attributes.get("name"):
                values.setdefault(attributes["name"], []).append(int(attributes["value"]))
        if SCORE not in values:
            raise KbgenError(f"{_display(survey.path, project_dir)}: a survey needs a scale named score (scale(min=..., max=...))")
        scales[name] = {field: (min(found), max(found)) for field, found in values.items()}
    return Surveys.with_templates(scales)
