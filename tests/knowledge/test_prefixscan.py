"""The prefix-dispatch scanner gives exactly the matches of the plain alternation, faster."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.loader import load_knowledge
from tealeaves.knowledge.prefixscan import PrefixScanner, prefixes
from tealeaves.text.normalize import make_view


def test_prefixscan_finds_leftmost_matches_in_order() -> None:
    scanner = PrefixScanner([r"(?P<t0>\d{4}年)", r"(?P<t1>去年)"])
    assert [(m.group(), m.lastgroup) for m in scanner.scan("去年和2025年")] == [("去年", "t1"), ("2025年", "t0")]


def test_prefixscan_earlier_alternative_wins_at_one_position() -> None:
    scanner = PrefixScanner([r"(?P<t0>ab)", r"(?P<t1>abc)"])
    assert [m.group() for m in scanner.scan("abc")] == ["ab"]


def test_prefixscan_prefixes_of_alternatives() -> None:
    assert prefixes("去年|今年[0-9]") == frozenset({"去年", *(f"今年{d}" for d in range(10))})
    assert prefixes("(?<![a-z])ab?") == frozenset({"a", "ab"})


def test_prefixscan_unbounded_alternatives_fall_back_to_a_plain_scan() -> None:
    assert prefixes(r"\w+") is None
    assert prefixes("a?") is None  # may match the empty string
    scanner = PrefixScanner([r"(?P<t0>\w+年)"])
    assert scanner.candidates is None
    assert [m.group() for m in scanner.scan("今年 去年")] == ["今年", "去年"]


_KB = load_knowledge()
_PIECES = ["2025年", "3月", "14日", "去年", "上周五", "月底", "到", "至", "March 14", "last week", "in 2019", "the ", "mid-", "2026-03-14", "今天", "x", "a", "7", " ", "，", "\n", "の"]


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=12), lang=st.sampled_from(["zh", "en"]))
def test_prefixscan_agrees_with_the_plain_pattern_on_date_grammars(parts: list[str], lang: str) -> None:
    grammar = _KB.date_grammars[lang]
    view = make_view("".join(parts)).text
    plain = [(m.span(), m.lastgroup) for m in grammar.pattern.finditer(view) if m.end() > m.start()]
    assert [(m.span(), m.lastgroup) for m in grammar.scan(view)] == plain


def test_prefixscan_is_used_by_every_date_grammar(kb: KnowledgeBase) -> None:
    assert all(g.scanner.candidates is not None for g in kb.date_grammars.values())
    for g in kb.date_grammars.values():
        groups = set(g.scanner.dispatch.values())
        assert all(group and all(0 <= i < len(g.scanner.alternatives) for i in group) for group in groups)
        assert all(isinstance(g.scanner.pattern_for(group), re.Pattern) for group in groups)


def test_prefixscan_compiles_only_the_groups_a_text_needs() -> None:
    scanner = PrefixScanner([r"(?P<t0>[0-9]{4}年)", r"(?P<t1>去年)", r"(?P<t2>明年)"])
    assert scanner.candidates is not None
    assert [m.group() for m in scanner.scan("去年")] == ["去年"]
    assert [m.group() for m in scanner.scan("去年和2025年")] == ["去年", "2025年"]
    assert len(scanner._compiled) == 2  # 明年's group never met a text


def test_prefixscan_text_with_a_lone_surrogate_falls_back_to_the_plain_pattern() -> None:
    scanner = PrefixScanner([r"(?P<t0>[0-9]{4}年)", r"(?P<t1>去年)"])
    text = "去年\ud800和2025年"
    assert [m.group() for m in scanner.scan(text)] == [m.group() for m in scanner.pattern.finditer(text)] == ["去年", "2025年"]


def test_prefixscan_latin_prefix_needs_a_word_start() -> None:
    scanner = PrefixScanner([r"(?P<t0>(?<![0-9a-z])may)", r"(?P<t1>1月)"])
    assert [m.group() for m in scanner.scan("in may, dismay; 11月 1月")] == ["may", "1月"]
