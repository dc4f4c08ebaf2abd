"""One Aho-Corasick pass, longest match first, Latin word boundaries."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tealeaves.knowledge.phrases import PhraseIndex, fold_phrase
from tealeaves.text.normalize import View, make_view
from tealeaves.text.scan import (
    ends_with_mark,
    every_occurrence,
    find_phrase_spots,
    find_phrase_spots_and_probes,
    find_phrases,
)

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


_WORDISH = set("abcdefghijklmnopqrstuvwxyz0123456789_")
_PIECES = ["美", "国", "财", "美国", "财政部", "美国财政部", "eu", "EU", "euro", "rubio", "Rubio", "u.s.", "U.S.", "x", " ", "中", "\ud800", "_"]


def _reference(text: str, index: PhraseIndex[str], overlapping: bool) -> list[tuple[int, int, str]]:
    """The rules of find_phrases, spelled out: every occurrence of every phrase, Latin-edged ones
    on word boundaries, then the longest (then leftmost) of any that overlap."""
    view = fold_phrase(text)
    found = []
    for phrase in index.phrases():
        start = view.find(phrase)
        while start >= 0:
            end = start + len(phrase)
            head_ok = not (phrase[0] in _WORDISH and start > 0 and view[start - 1] in _WORDISH)
            tail_ok = not (phrase[-1] in _WORDISH and end < len(view) and view[end] in _WORDISH)
            if head_ok and tail_ok:
                found.append((start, end, phrase))
            start = view.find(phrase, start + 1)
    if overlapping:
        return sorted(found)
    taken: list[tuple[int, int, str]] = []
    for m in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
        if all(m[1] <= t[0] or t[1] <= m[0] for t in taken):
            taken.append(m)
    return sorted(taken)


@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.booleans())
def test_scan_agrees_with_the_rules_spelled_out(parts: list[str], overlapping: bool) -> None:
    text = "".join(parts)
    index = PhraseIndex({p: [p] for p in ["美国", "财政部", "美国财政部", "国财", "EU", "euro", "Rubio", "U.S.", "s. x", "中美国"]})
    view = View(text=fold_phrase(text), original=text)  # not make_view: OpenCC refuses lone surrogates
    got = [(m.start, m.end, m.phrase) for m in find_phrases(view, index, overlapping=overlapping)]
    assert got == _reference(text, index, overlapping)


def test_scan_text_with_a_lone_surrogate_is_scanned_too() -> None:
    text = "美国\ud800Rubio"
    found = find_phrases(View(text=fold_phrase(text), original=text), INDEX)
    assert [(text[m.start : m.end], m.payloads) for m in found] == [("美国", ("usa",)), ("Rubio", ("rubio",))]


_SPOT_INDEX = PhraseIndex({p: [p] for p in ["美国", "财政部", "美国财政部", "国财", "EU", "euro", "Rubio", "U.S.", "s. x", "中美国"]})


@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.booleans())
def test_scan_spots_are_the_matches_as_numbered_tuples(parts: list[str], overlapping: bool) -> None:
    text = "".join(parts)
    view = View(text=fold_phrase(text), original=text)
    phrases = _SPOT_INDEX.phrases()
    spots = [(s, e, phrases[n]) for s, e, n in find_phrase_spots(view, _SPOT_INDEX, overlapping=overlapping)]
    assert spots == [(m.start, m.end, m.phrase) for m in find_phrases(view, _SPOT_INDEX, overlapping=overlapping)]


_PROBES = [("在", "in", "x"), ("在", "in", "美国", "in", "x")]
"""Probe words: distinct words none of the index has; then with one repeated and one that is also a
phrase of the index."""


def _every(view: str, word: str) -> list[tuple[int, int]]:
    return [(i, i + len(word)) for i in range(len(view)) if view.startswith(word, i)]


@given(st.lists(st.sampled_from(_PIECES + ["在", "in", "inside", "begin"]), max_size=14), st.sampled_from(_PROBES))
def test_scan_probes_are_found_in_the_same_pass_as_the_phrases(parts: list[str], probes: tuple[str, ...]) -> None:
    text = "".join(parts)
    view = View(text=fold_phrase(text), original=text)
    spots, hits = find_phrase_spots_and_probes(view, _SPOT_INDEX, probes)
    assert spots == find_phrase_spots(view, _SPOT_INDEX)
    if "\ud800" in text:  # the automaton cannot take a lone surrogate: every place is then a candidate
        assert hits is None
        return
    assert hits is not None
    expected = sorted((k, s, e) for k, probe in enumerate(probes) for s, e in _every(view.text, probe))
    assert sorted(hits) == expected


def test_scan_probes_without_words_report_none_found() -> None:
    spots, hits = find_phrase_spots_and_probes(make_view("美国在"), INDEX, ())
    assert (len(spots), hits) == (1, [])


@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_scan_every_occurrence_is_every_place_a_phrase_occurs(parts: list[str]) -> None:
    text = fold_phrase("".join(parts))
    got = sorted((s, e, p) for s, e, p, _ in every_occurrence(_SPOT_INDEX, text))
    assert got == sorted((s, e, p) for p in _SPOT_INDEX.phrases() for s, e in _every(text, p))
    assert all(payloads == _SPOT_INDEX.lookup(p) for _, _, p, payloads in every_occurrence(_SPOT_INDEX, text))


def test_scan_every_occurrence_of_an_empty_index_is_none() -> None:
    assert every_occurrence(PhraseIndex({}), "美国") == []


def test_scan_ends_with_mark_keeps_latin_marks_on_a_word_boundary() -> None:
    assert ends_with_mark("tariffs from", ("from", "自"))
    assert ends_with_mark("from", ("from",))
    assert not ends_with_mark("therefrom", ("from",))
    assert ends_with_mark("宣布自", ("from", "自"))  # a Chinese mark needs no boundary
    assert not ends_with_mark("tariffs", ("from", "自"))

