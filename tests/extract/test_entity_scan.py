"""The shared reading of one document's matches (tealeaves.extract.entity_scan): Latin-script matches
written as listed, the article's state counts and principal parties, the per-phrase tables, and the
cue and title words found by the same pass."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tealeaves.extract.entity_scan import (
    LOOKBACK,
    _static,
    alias_tables,
    sentence_of,
    start_scan,
)
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import DocumentMeta, MentionKind
from tealeaves.text.document import build_document


def _scan_phrases(kb: KnowledgeBase, text: str, lang: str = "en") -> list[str]:
    doc = build_document(text, DocumentMeta(published=dt.date(2026, 3, 14), lang=lang), kb)
    return [text[m.start : m.end] for m in start_scan(doc, kb).matches]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("They told us the plan.", []),
        ("The US and China met.", ["US", "China"]),
        ("TRUMP MEETS XI", ["TRUMP", "XI"]),
        ("a trump card", []),
        ("Trump's tariffs", ["Trump"]),
    ],
)
def test_entity_scan_latin_matches_keep_the_listed_case(kb: KnowledgeBase, text: str, kept: list[str]) -> None:
    assert _scan_phrases(kb, text) == kept


def test_entity_scan_counts_states_and_picks_two_principal_parties(kb: KnowledgeBase) -> None:
    text = "美方表示，中方应当让步。美国财长贝森特说，美国与中国将在马来西亚会谈，马来西亚欢迎。"
    scan = start_scan(build_document(text, DocumentMeta(published=dt.date(2026, 3, 14)), kb), kb)
    assert (scan.state_counts["USA"], scan.state_counts["CHN"], scan.state_counts["MYS"]) == (4, 2, 2)
    assert scan.principal == {"USA", "CHN"}  # a tie goes to the state named first


def test_entity_scan_phrase_profile_is_shared_across_repeats(kb: KnowledgeBase) -> None:
    scan = start_scan(build_document("中方、中方、中方。", DocumentMeta(), kb), kb)
    assert len({id(scan.profile(m)) for m in scan.matches}) == 1


@pytest.mark.parametrize(("pos", "index"), [(0, 0), (9, 0), (10, 1), (25, 2)])
def test_entity_scan_sentence_of_position(pos: int, index: int) -> None:
    assert sentence_of([0, 10, 20], pos) == index


_CUE_PIECES = ["在", "存在", "现在", "赴", "前往", "副", "前", "时任", "美国", "中国", "总统", "，", " ", "\n", "visit to ", "in ",
               "within the ", "former ", "then", "Vice ", "China", "Paris", "x", "train ", "begin "]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=16))
def test_entity_scan_cue_windows_agree_with_a_plain_search(kb: KnowledgeBase, parts: list[str]) -> None:
    scan = start_scan(build_document("".join(parts), DocumentMeta(published=dt.date(2026, 3, 14)), kb), kb)
    assert scan.cues.words is not None  # the data's cue words can be listed, so windows are prefiltered
    for name in ("before", "before_weak", "blocker"):
        pattern = getattr(scan.cues, name)
        for end in range(len(scan.vtext) + 1):
            lo = max(0, end - LOOKBACK)
            assert scan.cue_before(name, lo, end) is (pattern.search(scan.vtext, lo, end) is not None), (name, end)


def test_entity_scan_alias_tables_follow_the_index_numbering(kb: KnowledgeBase) -> None:
    tables = alias_tables(kb)
    assert tables.phrases == kb.alias_index.phrases()
    for phrase in ("us", "trump", "贝森特", "美方"):
        n = tables.phrases.index(phrase)
        assert tables.latin[n] is phrase.isascii()
        assert tables.spellings[n] == kb.alias_spellings[phrase]
    scan = start_scan(build_document("美方与贝森特。", DocumentMeta(), kb), kb)
    assert [tables.profile(kb, n) for n in scan.numbers] == [scan.profile(m) for m in scan.matches]
    assert all(tables.profile(kb, n) is p for n, p in zip(scan.numbers, scan.profiles))


@pytest.mark.parametrize(
    ("phrase", "static"),
    [
        ("贝森特", (("person", "scott_bessent", "Scott Bessent", "USA", "alias"),)),
        ("美方", (("state", "united_states", "United States", "USA", "alias"),)),
        ("财长", ()),
        ("中国", None),  # a country: a place or the state, by its neighbours
    ],
)
def test_entity_scan_profile_fixes_readings_that_need_no_context(
    kb: KnowledgeBase, phrase: str, static: tuple[tuple[str, ...], ...] | None
) -> None:
    n = alias_tables(kb).phrases.index(phrase)
    assert alias_tables(kb).profile(kb, n).static == static


_TITLE_PIECES = ["Senator ", "senator ", "President ", "MP ", "import ", "Vice President ", "Jeanne ", "Shaheen", "Xi", " ",
                 "，", "said", "美国", "Trade Representative ", "Katherine Tai", "Secretary-General ", "\n", "x"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_PIECES), max_size=12))
def test_entity_scan_titled_names_start_where_a_listed_title_starts(kb: KnowledgeBase, parts: list[str]) -> None:
    text = "".join(parts)
    scan = start_scan(build_document(text, DocumentMeta(lang="en"), kb), kb)
    pattern = scan.cues.titled_name
    assert pattern is not None and scan.title_starts is not None
    hits = [m.span() for m in pattern.finditer(scan.doc.text)]
    assert all(start in scan.title_starts for start, _end in hits)


def test_entity_scan_fixed_reading_names_a_shared_member_once(kb: KnowledgeBase) -> None:
    trump = kb.persons["donald_trump"]
    tail = (MentionKind.PERSON, "donald_trump", "Donald Trump", "USA", "alias")
    # two compounds on one phrase that share a member, and a person alias beside them
    assert _static(kb, (), (trump, trump), False, (), ()) == (tail,)
    assert _static(kb, (trump,), (trump,), False, (), ()) == (tail,)
