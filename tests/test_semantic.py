"""The semantic engine: sentence embeddings behind the same interface as the default engine."""

import csv
import sys

import pytest
from test_cli import run_main
from test_topics import DUTCH, NOISE, QUESTIONS, make_tickets

from kbgen.errors import KbgenError
from kbgen.topics import find_topics, make_engine


def test_recurring_questions_become_topics_and_one_offs_stay_unassigned(semantic_engine):
    tickets = make_tickets(QUESTIONS, "en") + make_tickets({"noise": NOISE}, "x")
    result = find_topics(tickets, min_size=5, language="en", engine=semantic_engine)
    groups = sorted(sorted({tid.split("-")[1] for tid in t.ticket_ids}) for t in result.topics)
    assert groups == [["cancel"], ["invoice"], ["password"]]
    assert set(result.unassigned) == {f"x-noise-{n}" for n in range(3)}


def test_languages_are_grouped_apart(semantic_engine):
    tickets = make_tickets({"password": QUESTIONS["password"]}, "en") + make_tickets(DUTCH, "nl")
    result = find_topics(tickets, min_size=5, engine=semantic_engine)
    assert sorted(t.language for t in result.topics) == ["en", "nl"]
    for topic in result.topics:
        assert {tid.split("-")[0] for tid in topic.ticket_ids} == {topic.language}


def test_vectors_are_unit_length(semantic_engine):
    vectors = semantic_engine.vectors(["How do I reset my password?", "Waar vind ik mijn factuur?"])
    assert vectors.shape == (2, 384)
    assert abs(float((vectors**2).sum(axis=1).max()) - 1) < 1e-5


def test_draft_with_the_semantic_engine(semantic_engine, tmp_path, capsys, monkeypatch):
    export = tmp_path / "tickets.csv"
    with export.open("w", encoding="utf-8", newline="") as fp:
        writer = csv.writer(fp)
        writer.writerow(["id", "subject", "description", "status"])
        writer.writerows([n, text, text, "solved"] for n, text in enumerate(QUESTIONS["invoice"] + QUESTIONS["cancel"]))
    code, out, err = run_main(
        monkeypatch, capsys, "draft", str(export), "--content", str(tmp_path / "content"),
        "--config-dir", str(tmp_path), "--engine", "semantic", "--lang", "en",
    )
    assert code == 0, err
    assert "topics found: 2 in" in out and "new drafts: 2" in out


def test_a_model_that_is_not_there_is_one_clear_error(tmp_path):
    pytest.importorskip("sentence_transformers")
    with pytest.raises(KbgenError, match=r"^--embeddings .*no-model: cannot load the model"):
        make_engine("semantic", str(tmp_path / "no-model"))


def test_without_the_extra_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import fails as if not installed
    with pytest.raises(KbgenError, match=r"pip install 'kbgen\[semantic\]'"):
        make_engine("semantic")


def test_long_embedding_work_reports_progress(semantic_engine, monkeypatch):
    import kbgen.semantic

    steps = []
    monkeypatch.setattr(kbgen.semantic, "PROGRESS_EVERY", 4)
    engine = make_engine("semantic", progress=lambda *step: steps.append(step))
    vectors = engine.vectors(QUESTIONS["invoice"] + QUESTIONS["cancel"][:3])
    assert vectors.shape == (9, 384)
    assert steps == [("embedding texts", 4, 9), ("embedding texts", 8, 9), ("embedding texts", 9, 9)]


def test_texts_embedded_before_come_from_the_cache_which_holds_no_text(semantic_engine, tmp_path, monkeypatch):
    import numpy as np

    texts = QUESTIONS["invoice"] + ["Quokkamarmalade is what I called my workspace"]
    first = make_engine("semantic", cache=tmp_path / "cache").vectors(texts)
    again = make_engine("semantic", cache=tmp_path / "cache")
    encoded, encode = [], again._model.encode
    monkeypatch.setattr(again._model, "encode", lambda chunk, **options: encoded.append(list(chunk)) or encode(chunk, **options))
    second = again.vectors([*texts, "Can I get last year's invoices at once?"])
    assert encoded == [["Can I get last year's invoices at once?"]]
    assert np.abs(second[: len(texts)] - first).max() < 1e-6
    stored = b"".join(path.read_bytes() for path in (tmp_path / "cache").rglob("*") if path.is_file()).lower()
    assert stored and b"quokkamarmalade" not in stored and b"invoice" not in stored
