"""extract_cues on sentences we wrote: families and keys, spans, overlap rules, pattern keys."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tealeaves.extract.cues as cues_module
from tealeaves.extract.cues import extract_cues, required_strings
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.schema import SignalCueEntry
from tealeaves.text.normalize import make_view


def _pairs(doc_text: str, make_doc, kb: KnowledgeBase, lang: str = "zh") -> set[tuple[str, str]]:
    return {(c.family, c.key) for c in extract_cues(make_doc(doc_text, lang=lang), kb)}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("台湾问题是中方的红线。", "zh", {("issue", "Taiwan"), ("red_line", "core")}),
        ("台灣問題是中方的紅線。", "zh", {("issue", "Taiwan"), ("red_line", "core")}),
        ("Beijing called Taiwan a red line.", "en", {("issue", "Taiwan"), ("red_line", "core")}),
        ("美国农民正遭受重创。", "zh", {("constituency", "farmers"), ("pressure", "pressure")}),
        ("中美第六轮经贸磋商。", "zh", {("round", "6"), ("talks", "talks")}),
        ("第六輪中美經貿磋商。", "zh", {("round", "6")}),
        ("国务卿也将随行访华。", "zh", {("accompany", "any"), ("visit", "CHN"), ("summit", "visit")}),
        ("Washington pursues a carrot-and-stick policy.", "en", {("dual_track", "explicit")}),
    ],
)
def test_cues_find_family_and_key(make_doc, kb: KnowledgeBase, text: str, lang: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _pairs(text, make_doc, kb, lang)


def test_cues_longest_match_wins_within_a_family(make_doc, kb: KnowledgeBase) -> None:
    cues = extract_cues(make_doc("部长说,立场没有改变。"), kb)
    stance = [(c.key, c.evidence.quote) for c in cues if c.family == "stance"]
    assert stance == [("none", "没有改变")]


def test_cues_families_may_overlap(make_doc, kb: KnowledgeBase) -> None:
    cues = extract_cues(make_doc("中方已履行承诺。"), kb)
    assert {(c.family, c.evidence.quote) for c in cues} >= {("commitment", "履行承诺"), ("delivery", "履行承诺")}


@pytest.mark.parametrize(("text", "lang", "round_"), [("双方举行第 12 轮磋商。", "zh", "12"), ("Round 07 of the trade talks began.", "en", "7")])
def test_cues_pattern_key_is_filled_from_the_number(make_doc, kb: KnowledgeBase, text: str, lang: str, round_: str) -> None:
    assert ("round", round_) in _pairs(text, make_doc, kb, lang)


def test_cues_sorted_with_evidence_spans(make_doc, kb: KnowledgeBase) -> None:
    doc = make_doc("时隔近五个月,双方举行第六轮磋商。中方表示台湾问题是核心利益。")
    cues = extract_cues(doc, kb)
    assert list(cues) == sorted(cues, key=lambda c: (c.evidence.span.start, c.evidence.span.end, c.family, c.key))
    for c in cues:
        assert doc.text[c.evidence.span.start : c.evidence.span.end] == c.evidence.quote
        sentence = doc.sentences[c.evidence.sentence].span
        assert sentence.start <= c.evidence.span.start < sentence.end


def test_cues_empty_document(make_doc, kb: KnowledgeBase) -> None:
    assert extract_cues(make_doc("   "), kb) == ()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("台湾红线底线美国农民受苦第六轮磋商访华随行 ,。abc")), max_size=60))
def test_cues_spans_always_quote_the_text(make_doc_session, kb: KnowledgeBase, text: str) -> None:
    doc = make_doc_session(text)
    for c in extract_cues(doc, kb):
        assert doc.text[c.evidence.span.start : c.evidence.span.end] == c.evidence.quote
        assert c.evidence.span.end > c.evidence.span.start


@pytest.fixture(scope="session")
def make_doc_session(kb: KnowledgeBase):
    """A document builder usable inside hypothesis tests (function-scoped fixtures are not reset there)."""
    import datetime as dt

    from tealeaves.model import DocumentMeta
    from tealeaves.text.document import build_document

    return lambda text, lang="zh": build_document(text, DocumentMeta(published=dt.date(2026, 3, 14), lang=lang), kb)


# --- the pattern prefilter: required strings -------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?:this|that) is a red line", {"this is a red line", "that is a red line"}),
        ("第(?P<n>\\d+)轮", {"第"}),
        ("visit(?:s|ed)? (?:china|beijing)", {" china", " beijing"}),
        ("(?:态度|立场)[^。]{0,6}?软化", {"软化"}),  # as long as the other, and one string
        ("no longer (?:be )?nice", {"no longer "}),
        ("(?i)red line", None),  # a flag changes what a literal matches
        ("\\d+[a-z]*", None),  # classes only
        ("(?:a|)b", {"ab", "b"}),
    ],
)
def test_cues_required_strings_of_a_pattern(pattern: str, expected: set[str] | None) -> None:
    found = required_strings(re.compile(pattern))
    assert (set(found) if found is not None else None) == expected


_ATOMS = st.sampled_from(["a", "b", "ab", "ba", "[ab]", ".", "a+", "b*", "(?:a|b)", "(?:ab|b)", "(?:a)?", "(a|bb)", "(?:ba|)"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ATOMS, min_size=1, max_size=5), st.text(alphabet="abc", max_size=30))
def test_cues_every_match_contains_a_required_string(atoms: list[str], text: str) -> None:
    regex = re.compile("".join(atoms))
    required = required_strings(regex)
    if required is None:
        return
    for start in range(len(text) + 1):  # every match, overlapping ones too
        found = regex.match(text, start)
        if found is not None:
            assert any(r in found.group(0) for r in required), (regex.pattern, found.group(0), required)


def test_cues_every_data_pattern_example_match_contains_a_required_string(kb: KnowledgeBase) -> None:
    checked = 0
    for entry in kb.entries("signal_cues", SignalCueEntry):
        for pattern in entry.patterns:
            regex = re.compile(pattern)
            required = required_strings(regex)
            for example in entry.examples:
                for found in regex.finditer(make_view(example).text):
                    checked += 1
                    assert required is None or any(r in found.group(0) for r in required), (pattern, example)
    assert checked > 50


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["zh", "en"]), st.data())
def test_cues_prefilter_gives_what_running_every_pattern_gives(
    make_doc_session, kb: KnowledgeBase, lang: str, data: st.DataObject
) -> None:
    examples = sorted({e for entry in kb.entries("signal_cues", SignalCueEntry) if entry.lang == lang for e in entry.examples})
    text = " ".join(data.draw(st.lists(st.sampled_from(examples), min_size=1, max_size=6)))
    doc = make_doc_session(text, lang=lang)
    plan = cues_module._plan(kb, lang)
    view = make_view(doc.text).text
    assert set(plan.candidates(view)) >= {p for p in plan.patterns if p.regex.search(view)}
    every = cues_module._Plan(plan.patterns, frozenset(range(len(plan.patterns))), (), (), None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cues_module, "_plan", lambda kb, lang: every)
        expected = extract_cues(doc, kb)
    assert extract_cues(doc, kb) == expected


def _longest_per_family_reference(hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """The rule written plainly: per family, longest first then leftmost, one span may carry two keys."""
    taken: dict[str, list[tuple[int, int]]] = {}
    kept = []
    for hit in sorted(set(hits), key=lambda h: (-(h[1] - h[0]), h[0], h[2], h[3])):
        spans = taken.setdefault(hit[2], [])
        if (hit[0], hit[1]) in spans:
            kept.append(hit)
        elif all(hit[1] <= a or b <= hit[0] for a, b in spans):
            spans.append((hit[0], hit[1]))
            kept.append(hit)
    return sorted(kept)


_HITS = st.lists(
    st.tuples(st.integers(0, 12), st.integers(1, 4), st.sampled_from(["stance", "issue"]), st.sampled_from(["k1", "k2"])).map(
        lambda t: (t[0], t[0] + t[1], t[2], t[3])
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(_HITS)
def test_cues_longest_per_family_follows_the_plain_rule(hits: list[tuple[int, int, str, str]]) -> None:
    assert cues_module._longest_per_family(hits) == _longest_per_family_reference(hits)
