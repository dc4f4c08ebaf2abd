"""The neighbourhood of a number (tealeaves.extract.quantity_context): window weights and cue lookups."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tealeaves.extract import quantity_context
from tealeaves.extract.numbers import find_numbers
from tealeaves.extract.quantity_context import SCANNED_CUES, Context, weight
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document
from tealeaves.text.normalize import make_view

MakeDoc = Callable[..., Document]

_CHARS = ["a", "b", "9", ".", "'", " ", ",", "\N{CJK UNIFIED IDEOGRAPH-5428}", "\N{FULLWIDTH COMMA}", "\N{LATIN SMALL LETTER E WITH ACUTE}", "\ud800"]


@given(st.text(alphabet=st.sampled_from(_CHARS), max_size=30))
def test_quantity_context_weight_counts_latin_words_one_and_other_characters_half(text: str) -> None:
    expected = sum(1.0 if t[0].isascii() else 0.5 for t in quantity_context._TOKENS.findall(text))
    assert weight(text) == expected


_PIECES = [
    "at least ", "more than", "not less than ", "a year", "per year ", "each year", "up to ", "under", "about ",
    "12 million tons", "25%", " ", ",", "x", "over", "annually", "\N{CJK UNIFIED IDEOGRAPH-81F3}\N{CJK UNIFIED IDEOGRAPH-5C11}",
    "\N{CJK UNIFIED IDEOGRAPH-6BCF}\N{CJK UNIFIED IDEOGRAPH-5E74}", "\N{CJK UNIFIED IDEOGRAPH-4E0D}\N{CJK UNIFIED IDEOGRAPH-5C11}\N{CJK UNIFIED IDEOGRAPH-4E8E}",
    "1200\N{CJK UNIFIED IDEOGRAPH-4E07}\N{CJK UNIFIED IDEOGRAPH-5428}",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(_PIECES), max_size=8))
def test_quantity_context_cues_in_finds_what_scanning_the_range_alone_finds(make_doc: MakeDoc, kb: KnowledgeBase, parts: list[str]) -> None:
    doc = make_doc("".join(parts))
    view = make_view(doc.text)
    ctx = Context.build(doc, kb, view, [r.start for r in find_numbers(view.text)])
    n = len(view.text)
    for role, position in sorted(SCANNED_CUES):
        for a in range(n + 1):
            for b in range(a + 1, n + 2):
                alone = ctx._scan_cues(a, b, role, position)
                expected = [c for c in alone if not any(o is not c and o[0] <= c[0] and c[1] <= o[1] for o in alone)]
                assert ctx.cues_in(a, b, role, position) == expected


def _wordish(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from([*_PIECES, "$", "us$", "r$", "tons", "t", "%", "\N{CJK UNIFIED IDEOGRAPH-5143}"]), max_size=8))
def test_quantity_context_unit_and_cue_lookups_take_the_longest_form_of_their_kind(
    make_doc: MakeDoc, kb: KnowledgeBase, parts: list[str]
) -> None:
    doc = make_doc("".join(parts))
    view = make_view(doc.text)
    ctx = Context.build(doc, kb, view, [])
    text, n = view.text, len(view.text)
    for pos in range(n + 1):
        for positions in (("suffix", "both"), ("prefix", "both")):
            at = next(((e, [x for x in es if x.position in positions][0]) for e, f, es in ctx.unit_table.starting_at(text, pos)
                       if any(x.position in positions for x in es) and not (_wordish(f[-1]) and e < n and _wordish(text[e]))), None)
            assert ctx.unit_at(pos, positions) == at
            before = next(((s, [x for x in es if x.position in positions][0]) for s, _f, es in ctx.unit_table.ending_at(text, pos)
                           if any(x.position in positions for x in es) and not (s > 0 and _wordish(text[s - 1]))), None)
            assert ctx.unit_before(pos, positions) == before
        for role, position in (("bound", "after"), ("per_unit", "after"), ("range", "between"), ("vague", "before"), ("bound", "before")):
            cue = next(((e, x) for e, f, es in ctx.cue_table.starting_at(text, pos) for x in es
                        if x.role == role and x.position == position and not (_wordish(f[-1]) and e < n and _wordish(text[e]))), None)
            assert ctx.cue_at(pos, role, position) == cue
            ending = next(((s, x) for s, f, es in ctx.cue_table.ending_at(text, pos) for x in es
                           if x.role == role and x.position == position and not (_wordish(f[0]) and s > 0 and _wordish(text[s - 1]))), None)
            assert ctx.cue_ending(pos, role, position) == ending
