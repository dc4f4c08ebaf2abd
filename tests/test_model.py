"""The span invariants, and the unvalidated constructors that build the same objects faster."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from tealeaves.model import Evidence, Mention, MentionKind, Sentence, Span


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
