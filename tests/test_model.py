"""The span invariants, and the unvalidated constructors that build the same objects faster."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from tealeaves.model import (
    Analysis,
    Cue,
    DateRef,
    Document,
    DocumentMeta,
    Event,
    EventType,
    Evidence,
    Granularity,
    Mention,
    MentionKind,
    Modality,
    Quantity,
    RedLine,
    SanctionedOfficialTravel,
    Sentence,
    Span,
)


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [(3, 2, ""), (0, 3, "ab"), (0, 1, "ab"), (-1, 1, "ab")],
)
def test_model_span_rejects_text_that_does_not_fit_its_range(start: int, end: int, text: str) -> None:
    with pytest.raises(ValidationError):
        Span(start=start, end=end, text=text)


@given(st.text(max_size=30), st.data())
def test_model_span_of_equals_the_validated_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    fast = Span.of(text, start, end)
    slow = Span(start=start, end=end, text=text[start:end])
    assert fast == slow and hash(fast) == hash(slow)
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    assert text[fast.start : fast.end] == fast.text


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 6)])
def test_model_span_of_rejects_a_range_outside_the_text(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        Span.of("abcde", start, end)


def test_model_evidence_and_sentence_of_equal_the_validated_models() -> None:
    span = Span.of("中美会谈。", 0, 5)
    assert Evidence.of(2, span) == Evidence(sentence=2, span=span)
    assert Sentence.of(2, span) == Sentence(index=2, span=span)
    assert Evidence.of(2, span).model_dump_json() == Evidence(sentence=2, span=span).model_dump_json()
    with pytest.raises(ValueError, match="negative"):
        Evidence.of(-1, span)
    with pytest.raises(ValueError, match="negative"):
        Sentence.of(-1, span)


def test_model_frozen_models_built_without_validation_stay_frozen() -> None:
    span = Span.of("abc", 0, 2)
    with pytest.raises(ValidationError):
        span.start = 1  # type: ignore[misc]
    assert span.model_copy(update={"end": 1}).end == 1 and span.end == 2
    other = Span.of("abc", 1, 3)  # built instances share one fields set; a copy must not touch it
    assert span.model_fields_set == other.model_fields_set == {"start", "end", "text"}


@pytest.mark.parametrize(
    ("kind", "actor_id", "name", "state", "via"),
    [
        (MentionKind.PERSON, "scott_bessent", "Scott Bessent", "USA", "alias"),
        (MentionKind.STATE, None, None, None, "context"),
        (MentionKind.PLACE, "paris", "Paris", "FRA", "role"),
    ],
)
def test_model_mention_of_equals_the_validated_mention(
    kind: MentionKind, actor_id: str | None, name: str | None, state: str | None, via: str
) -> None:
    evidence = Evidence.of(0, Span.of("贝森特访问巴黎", 0, 3))
    fast = Mention.of(kind, actor_id, name, state, via, evidence)  # type: ignore[arg-type]
    slow = Mention.model_validate({"kind": kind, "actor_id": actor_id, "name": name, "state": state, "via": via, "evidence": evidence})
    assert fast == slow and hash(fast) == hash(slow)
    assert fast.model_dump_json() == slow.model_dump_json()


def test_model_mention_of_rejects_a_kind_that_is_not_a_mention_kind() -> None:
    evidence = Evidence.of(0, Span.of("ab", 0, 1))
    with pytest.raises(TypeError, match="MentionKind"):
        Mention.of("person", None, None, None, "alias", evidence)  # type: ignore[arg-type]


@given(st.text(max_size=30), st.data())
def test_model_evidence_and_sentence_at_equal_of_with_span_of(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    index = data.draw(st.integers(0, 50))
    slow_evidence = Evidence(sentence=index, span=Span(start=start, end=end, text=text[start:end]))
    slow_sentence = Sentence(index=index, span=Span(start=start, end=end, text=text[start:end]))
    for fast, slow in ((Evidence.at(text, index, start, end), slow_evidence), (Sentence.at(text, index, start, end), slow_sentence)):
        assert fast == slow and hash(fast) == hash(slow)
        assert fast.model_dump_json() == slow.model_dump_json()
        assert fast.model_fields_set == slow.model_fields_set


@pytest.mark.parametrize(("index", "start", "end", "message"), [(-1, 0, 1, "negative"), (0, 2, 1, "outside"), (0, 0, 6, "outside")])
def test_model_evidence_and_sentence_at_reject_what_of_rejects(index: int, start: int, end: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Evidence.at("abcde", index, start, end)
    with pytest.raises(ValueError, match=message):
        Sentence.at("abcde", index, start, end)


def _same(fast: BaseModel, slow: BaseModel) -> None:
    assert fast == slow and hash(fast) == hash(slow)
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set


_EVIDENCE = Evidence.at("美方将于3月14日在巴黎会见中方", 0, 4, 9)


@pytest.mark.parametrize("relative", [True, False])
def test_model_dateref_and_cue_of_equal_the_validated_models(relative: bool) -> None:
    _same(
        DateRef.of("2026-03-14", Granularity.DAY, relative, _EVIDENCE),
        DateRef(value="2026-03-14", granularity=Granularity.DAY, relative=relative, evidence=_EVIDENCE),
    )
    _same(Cue.of("red_line", "Taiwan", _EVIDENCE), Cue(family="red_line", key="Taiwan", evidence=_EVIDENCE))
    with pytest.raises(TypeError, match="Granularity"):
        DateRef.of(None, "day", relative, _EVIDENCE)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value_base", "value", "low", "high", "bound"),
    [(25_000_000, 25, None, None, "exact"), (1.5e9, 1.5, 1e9, 1.5e9, "about"), (3, 3, 2, 3, "at_most")],
)
def test_model_quantity_of_equals_the_validated_quantity(value_base: float, value: float, low: float | None, high: float | None, bound: str) -> None:
    fields = {"value_base": value_base, "unit": "t", "value": value, "unit_text": "万吨", "commodity": "soybeans",
              "low_base": low, "high_base": high, "bound": bound}  # fmt: skip
    _same(Quantity.of(**fields, evidence=_EVIDENCE), Quantity(**fields, evidence=_EVIDENCE))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="bound"):
        Quantity.of(1.0, "t", 1.0, "t", None, None, None, "roughly", _EVIDENCE)  # type: ignore[arg-type]


def test_model_event_of_equals_the_validated_event() -> None:
    more = (Evidence.at("美方将于3月14日在巴黎会见中方", 0, 0, 2),)
    fields = {"type": EventType.CONSULT, "source": "USA", "target": "CHN", "modality": Modality.PLANNED,
              "date": "2026-03-14", "place": "Paris", "cue": "会见", "evidence": _EVIDENCE, "more_evidence": more}  # fmt: skip
    _same(Event.of(**fields), Event(**fields))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="enum"):
        Event.of("CONSULT", None, None, Modality.ASSERTED, None, None, "", _EVIDENCE, ())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="tuple"):
        Event.of(EventType.CONSULT, None, None, Modality.ASSERTED, None, None, "", _EVIDENCE, [])  # type: ignore[arg-type]


def test_model_document_and_analysis_of_equal_the_validated_models() -> None:
    text = "中美会谈。双方同意。"
    sentences = (Sentence.at(text, 0, 0, 5), Sentence.at(text, 1, 5, 10))
    meta = DocumentMeta(path="a.txt", published=None, lang="zh")
    _same(Document.of("abc", meta, text, sentences), Document(doc_id="abc", meta=meta, text=text, sentences=sentences))
    signal = RedLine(issue="Taiwan", actor="CHN", evidence=(_EVIDENCE,))
    cue = Cue.of("red_line", "Taiwan", _EVIDENCE)
    fields = {"mentions": (), "dates": (), "quantities": (), "events": (), "cues": (cue,), "signals": (signal,)}
    _same(
        Analysis.of("abc", meta, "0.1.0", "kb1", sentences, **fields),  # type: ignore[arg-type]
        Analysis(doc_id="abc", meta=meta, analyzer_version="0.1.0", kb_version="kb1", sentences=sentences, **fields),  # type: ignore[arg-type]
    )
    with pytest.raises(TypeError, match="tuple"):
        Document.of("abc", meta, text, list(sentences))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="tuple"):
        Analysis.of("abc", meta, "0.1.0", "kb1", sentences, **{**fields, "cues": [cue]})  # type: ignore[arg-type]


def test_model_meta_with_fields_equals_model_copy() -> None:
    meta = DocumentMeta(path="a.txt", encoding="utf-8", script=None, format=None)
    update = {"format": "frontmatter", "title": "Talks", "script": "zh-Hans"}
    fast, slow = meta.with_fields(update), meta.model_copy(update=update)
    _same(fast, slow)
    assert meta.format is None and list(fast.__dict__) == list(DocumentMeta.model_fields)
    with pytest.raises(KeyError, match="author"):
        meta.with_fields({"author": "x"})


def test_model_red_line_and_travel_of_equal_the_validated_signals() -> None:
    _same(RedLine.of("Taiwan", None, (_EVIDENCE,)), RedLine(issue="Taiwan", actor=None, evidence=(_EVIDENCE,)))
    _same(RedLine.of("Taiwan", "CHN", (_EVIDENCE,)), RedLine(issue="Taiwan", actor="CHN", evidence=(_EVIDENCE,)))
    _same(
        SanctionedOfficialTravel.of("Marco Rubio", (_EVIDENCE,)),
        SanctionedOfficialTravel(person="Marco Rubio", evidence=(_EVIDENCE,)),
    )
    with pytest.raises(ValueError, match="non-empty"):
        RedLine.of("Taiwan", None, ())
    with pytest.raises(ValueError, match="non-empty"):
        SanctionedOfficialTravel.of("Marco Rubio", [_EVIDENCE])  # type: ignore[arg-type]


def test_model_with_fields_copies_any_model_like_model_copy() -> None:
    signal = RedLine.of("Taiwan", "CHN", (_EVIDENCE,))
    update = {"evidence": (_EVIDENCE, Evidence.at("美方将于3月14日", 0, 0, 2))}
    _same(signal.with_fields(update), signal.model_copy(update=update))
    assert type(signal.with_fields(update)) is RedLine and signal.evidence == (_EVIDENCE,)
