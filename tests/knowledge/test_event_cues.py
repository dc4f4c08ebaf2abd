"""The event cue lexicons (data/events/cues.{zh,en}.yaml) and their companions (modality.yaml,
parties.yaml): every example we wrote is coded as it says by the real pipeline, the phrases are in
the form matching runs on, and the entry schemas reject what the coder could not read."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.loader import load_knowledge
from tealeaves.knowledge.phrases import fold_phrase
from tealeaves.knowledge.schema import (
    CueExample,
    EventCueEntry,
    ModalityCueEntry,
    PartyWordEntry,
)
from tealeaves.model import DocumentMeta, EventType
from tealeaves.pipeline import analyse
from tealeaves.text.document import build_document
from tealeaves.text.normalize import to_simplified

SYMMETRIC = {EventType.CONSULT, EventType.COOPERATE, EventType.AGREE}


def _examples() -> list[tuple[str, str, EventType, CueExample]]:
    kb = load_knowledge()
    return [(e.id, e.lang, e.type, ex) for e in kb.entries("event_cues", EventCueEntry) for ex in e.examples]


@pytest.mark.parametrize(("entry", "lang", "etype", "example"), _examples(), ids=lambda v: str(v)[:30])
def test_event_cues_every_example_is_coded_as_written(
    kb: KnowledgeBase, entry: str, lang: str, etype: EventType, example: CueExample
) -> None:
    doc = build_document(example.text, DocumentMeta(published=dt.date(2026, 3, 14), lang=lang), kb)
    events = analyse(doc, kb).events
    coded = [(e.type, e.source, e.target, e.modality) for e in events]
    assert not set(example.absent) & {e.type for e in events}, f"{entry}: {example.text!r} gives {coded}"
    if example.type is None:
        assert etype not in {e.type for e in events}, f"{entry}: {example.text!r} gives {coded}"
        return
    wanted = {(example.type, example.source, example.target, example.modality)}
    if example.type in SYMMETRIC:
        wanted.add((example.type, example.target, example.source, example.modality))
    assert wanted & set(coded), f"{entry}: {example.text!r} gives {coded}"


@pytest.mark.parametrize("kind", ["event_cues", "modality_cues", "party_words"])
def test_event_cues_phrases_are_simplified_and_folded(kb: KnowledgeBase, kind: str) -> None:
    model = {"event_cues": EventCueEntry, "modality_cues": ModalityCueEntry, "party_words": PartyWordEntry}[kind]
    bad = [
        (e.id, p)
        for e in kb.entries(kind, model)
        for p in e.phrases
        if p != p.strip() or fold_phrase(to_simplified(p)) != p
    ]
    assert bad == []


def test_event_cues_every_type_with_cues_has_both_languages(kb: KnowledgeBase) -> None:
    langs: dict[EventType, set[str]] = {}
    for e in kb.entries("event_cues", EventCueEntry):
        langs.setdefault(e.type, set()).add(e.lang)
    assert {t for t, ls in langs.items() if ls != {"zh", "en"}} == set()


_GOOD = {
    "id": "x",
    "type": "CONSULT",
    "lang": "zh",
    "phrases": ["会谈"],
    "examples": [{"text": "中美会谈。", "type": "CONSULT", "source": "CHN", "target": "USA"}],
    "source": "test",
}


@pytest.mark.parametrize(
    "change",
    [
        {"type": "MEET"},
        {"lang": "fr"},
        {"phrases": []},
        {"examples": []},
        {"frame": "sideways"},
        {"states": ["USA"]},
        {"states": ["usa", "CHN"]},
        {"modalities": ["maybe"]},
        {"examples": [{"text": "中美会谈。", "type": "CONSULT", "source": "China"}]},
        {"colour": "blue"},
        {"measures": {"关税": "tariffs"}},  # a measured noun the entry does not need
    ],
    ids=lambda c: next(iter(c)),
)
def test_event_cues_schema_rejects_bad_entries(change: dict[str, object]) -> None:
    EventCueEntry.model_validate(_GOOD)
    with pytest.raises(ValidationError):
        EventCueEntry.model_validate({**_GOOD, **change})


@pytest.mark.parametrize(
    ("row", "ok"),
    [
        ({"id": "x", "lang": "zh", "modality": "planned", "phrases": ["将"], "source": "test"}, True),
        ({"id": "x", "lang": "zh", "scope": "question", "phrases": ["是否"], "source": "test"}, True),
        ({"id": "x", "lang": "zh", "scope": "question", "modality": "negated", "phrases": ["是否"], "source": "test"}, False),
        ({"id": "x", "lang": "zh", "phrases": ["将"], "source": "test"}, False),
        ({"id": "x", "lang": "zh", "modality": "planned", "scope": "later", "phrases": ["将"], "source": "test"}, False),
    ],
)
def test_event_cues_modality_schema_needs_a_modality_except_for_questions(row: dict[str, object], ok: bool) -> None:
    if ok:
        ModalityCueEntry.model_validate(row)
    else:
        with pytest.raises(ValidationError):
            ModalityCueEntry.model_validate(row)


@pytest.mark.parametrize(
    ("states", "ok"), [(["CHN"], True), (["CHN", "USA"], True), ([], True), (["China"], False)]
)
def test_event_cues_party_word_states_are_alpha3(states: list[str], ok: bool) -> None:
    row = {"id": "x", "lang": "zh", "role": "target", "phrases": ["对华"], "states": states, "source": "test"}
    if ok:
        PartyWordEntry.model_validate(row)
    else:
        with pytest.raises(ValidationError):
            PartyWordEntry.model_validate(row)
