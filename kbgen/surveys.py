"""The surveys kbgen knows: their questions' scales and how their answers are summarised.

One registry serves every stage. The collector accepts a survey answer only on the scales
registered for it; the report summarises each survey's answers; the site renders the survey
pages whose templates (``kbgen.site.survey_pages``) define the project's own surveys.

The built-in surveys are the standard ones, each with its standard measure:

* ``csat``, 1-5: the share answering 4 or 5, with its Wilson interval;
* ``nps``, 0-10: % promoters (9-10) minus % detractors (0-6), adjusted-Wald interval;
* ``ces``, 1-7: the mean effort score, Student's t interval.

A project's own survey (a template in ``survey_templates/``) asks a ``score`` and may ask other
questions on scales of their own; each question is summarised by its mean answer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from kbgen.stats import Z95, mean_interval, share

SCORE = "score"  # the question every survey asks; the one its standard measure is about

Scale = tuple[int, int]  # lowest and highest answer, inclusive
CSAT_SATISFIED = 4  # a CSAT score this high or higher is a satisfied customer (the report, standards)


@dataclass(frozen=True)
class SurveySummary:
    survey: str  # csat, nps, ces or a project's survey
    n: int
    measure: str  # what value means
    value: float | None  # csat: share 0-1 of 4-5; nps: -100..100; ces and the others: mean answer
    low: float | None = None  # 95% interval: Wilson (csat), adjusted Wald (nps), Student's t (the others)
    high: float | None = None
    counts: tuple[tuple[str, int], ...] = ()  # e.g. promoters, passives, detractors
    question: str = SCORE  # the survey's question the answers are to

    @property
    def key(self) -> str:
        """The survey for its score, "survey.question" for its other questions."""
        return self.survey if self.question == SCORE else f"{self.survey}.{self.question}"


# How the answers to one question are summarised: (survey, question, answers, scale) -> summary.
Summarize = Callable[[str, str, Sequence[int], Scale], SurveySummary]


def mean_answer(survey: str, question: str, answers: Sequence[int], scale: Scale) -> SurveySummary:
    """The mean answer with Student's t 95% interval, and how often each answer of the scale was
    given."""
    return _mean(survey, question, answers, scale, every_answer=True)


def mean_of_given(survey: str, question: str, answers: Sequence[int], scale: Scale) -> SurveySummary:
    """mean_answer for a scale known only from the answers (a survey no longer registered): the
    counts name the answers given, not every value between the lowest and the highest."""
    return _mean(survey, question, answers, scale, every_answer=False)


def _mean(survey: str, question: str, answers: Sequence[int], scale: Scale, every_answer: bool) -> SurveySummary:
    mean, low, high = mean_interval(answers, *scale)
    counts = dict.fromkeys(range(scale[0], scale[1] + 1) if every_answer else sorted(set(answers)), 0)
    for answer in answers:
        counts[answer] += 1
    return SurveySummary(
        survey=survey, n=len(answers), measure=f"mean answer ({scale[0]}-{scale[1]})", value=mean, low=low, high=high,
        counts=tuple((str(value), n) for value, n in counts.items()), question=question,
    )  # fmt: skip


def _csat(survey: str, question: str, answers: Sequence[int], scale: Scale) -> SurveySummary:
    satisfied = sum(1 for s in answers if s >= CSAT_SATISFIED)
    rate = share(satisfied, len(answers))
    return SurveySummary(
        survey=survey,
        n=len(answers),
        measure="share answering 4 or 5",
        value=rate.value,
        low=rate.low,
        high=rate.high,
        counts=(("satisfied", satisfied), ("other", len(answers) - satisfied)),
        question=question,
    )


def _nps(survey: str, question: str, answers: Sequence[int], scale: Scale) -> SurveySummary:
    """NPS with the adjusted-Wald 95% interval (Rocks 2016: 3/4 added to promoters and
    detractors, 3 to n), which holds its coverage for small samples where plain Wald does not."""
    n = len(answers)
    promoters = sum(1 for s in answers if s >= 9)
    detractors = sum(1 for s in answers if s <= 6)
    value = 100 * (promoters - detractors) / n if n else None
    low = high = None
    if n:
        adjusted = n + 3
        pro, det = (promoters + 0.75) / adjusted, (detractors + 0.75) / adjusted
        margin = Z95 * math.sqrt(max(0.0, pro + det - (pro - det) ** 2) / adjusted)
        low, high = max(-100.0, 100 * (pro - det - margin)), min(100.0, 100 * (pro - det + margin))
    return SurveySummary(
        survey=survey,
        n=n,
        measure="% promoters (9-10) minus % detractors (0-6)",
        value=value,
        low=low,
        high=high,
        counts=(("promoters", promoters), ("passives", n - promoters - detractors), ("detractors", detractors)),
        question=question,
    )


def _ces(survey: str, question: str, answers: Sequence[int], scale: Scale) -> SurveySummary:
    """Mean effort score with Student's t 95% interval (none for a single answer)."""
    mean, low, high = mean_interval(answers, *scale)
    return SurveySummary(survey=survey, n=len(answers), measure="mean effort score (1-7)", value=mean, low=low, high=high, question=question)


@dataclass(frozen=True)
class Survey:
    """A survey: the questions its page asks on a scale, and how their answers are summarised."""

    name: str  # also its page: /survey/<name>/
    scales: Mapping[str, Scale]  # question (the form field) -> scale; SCORE always among them
    summarize_score: Summarize = mean_answer  # the score's measure
    summarize_other: Summarize = mean_answer  # the other questions'

    def summarize(self, answers: Mapping[str, Sequence[int]]) -> tuple[SurveySummary, ...]:
        """question -> answers, summarised per question that has answers on its scale, score first."""
        summaries = []
        for question in sorted(self.scales, key=lambda q: (q != SCORE, q)):
            low, high = self.scales[question]
            valid = [a for a in answers.get(question, ()) if low <= a <= high]
            if valid:
                summarize = self.summarize_score if question == SCORE else self.summarize_other
                summaries.append(summarize(self.name, question, valid, (low, high)))
        return tuple(summaries)


# The standard surveys, in the order reports show them. Add an entry for another built-in one.
BUILTIN: Mapping[str, Survey] = MappingProxyType(
    {
        "csat": Survey("csat", {SCORE: (1, 5)}, _csat),
        "nps": Survey("nps", {SCORE: (0, 10)}, _nps),
        "ces": Survey("ces", {SCORE: (1, 7)}, _ces),
    }
)


@dataclass(frozen=True)
class Surveys:
    """The surveys of one project: the built-in ones and those its templates define."""

    surveys: Mapping[str, Survey] = field(default_factory=lambda: BUILTIN)  # read-only, so shared

    @classmethod
    def with_templates(cls, scales: Mapping[str, Mapping[str, Scale]]) -> Surveys:
        """The built-in surveys and the project's: name -> question -> scale, as the survey pages
        ask them. A template named like a built-in survey replaces its page and scales, and keeps
        its measure."""
        surveys = dict(BUILTIN)
        for name, questions in scales.items():
            known = BUILTIN.get(name)
            summarize = known.summarize_score if known else mean_answer
            surveys[name] = Survey(name, dict(questions), summarize)
        return cls(MappingProxyType(surveys))

    def __getitem__(self, name: str) -> Survey:
        return self.surveys[name]

    def names(self) -> list[str]:
        return sorted(self.surveys)

    def scales(self) -> dict[str, dict[str, Scale]]:
        """name -> question -> scale: what the collector accepts (plain data, for its workers)."""
        return {name: dict(survey.scales) for name, survey in self.surveys.items()}

    def summarize(self, answers: Mapping[str, Mapping[str, Sequence[int]]]) -> tuple[SurveySummary, ...]:
        """survey -> question -> answers, summarised: built-in surveys first, in their order,
        then the others by name. Answers to a survey not registered here (its template was
        removed, or the report was not given the project) are summarised on the scale of the
        answers given."""
        order = [name for name in BUILTIN if name in self.surveys]
        order += sorted(name for name in self.surveys if name not in BUILTIN)
        order += sorted(name for name in answers if name not in self.surveys)
        summaries: list[SurveySummary] = []
        for name in order:
            given = answers.get(name)
            if not given:
                continue
            survey = self.surveys.get(name) or Survey(
                name, {q: (min(values), max(values)) for q, values in given.items() if values}, mean_of_given, mean_of_given
            )
            summaries.extend(survey.summarize(given))
        return tuple(summaries)
