"""One Aho-Corasick pass, longest match first, Latin word boundaries."""

from __future__ import annotations

from tealeaves.knowledge.phrases import PhraseIndex
from tealeaves.text.normalize import make_view
from tealeaves.text.scan import find_phrases

INDEX = PhraseIndex({"美国": ["usa"], "美国财政部": ["treasury"], "EU": ["eu"], "Rubio": ["rubio"], "U.S.": ["usa"]})


def _found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[m.start : m.end], m.payloads) for m in find_phrases(make_view(text), INDEX)]


def test_scan_longest_match_wins() -> None:
    assert _found("美國財政部表示") == [("美國財政部", ("treasury",))]


def test_scan_respects_latin_word_boundaries() -> None:
    assert _found("EURO zone; the EU said") == [("EU", ("eu",))]
    assert _found("Rubios and Rubio's") == [("Rubio", ("rubio",))]


def test_scan_matches_case_and_width_insensitively_with_original_offsets() -> None:
    text = "ＲＵＢＩＯ访华，u.s. side"
    assert _found(text) == [("ＲＵＢＩＯ", ("rubio",)), ("u.s.", ("usa",))]


def test_scan_overlapping_mode_returns_all() -> None:
    found = find_phrases(make_view("美国财政部"), INDEX, overlapping=True)
    assert [(m.start, m.end) for m in found] == [(0, 2), (0, 5)]


def test_scan_empty_index_finds_nothing() -> None:
    assert find_phrases(make_view("美国"), PhraseIndex({})) == []
