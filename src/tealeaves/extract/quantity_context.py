"""The neighbourhood of a number: its clause, the cue words around it and the commodity it measures.

"Nearby" is decided by clause boundaries (data/quantities.yaml, role ``clause_break``; a comma
between digits is a thousands separator, not a break) and a small window counted in *weight*: a
Latin word weighs 1, a CJK character 1/2 (a Chinese word is about two characters), so one window
serves 12 million tons of American soybeans and 1200万吨美国大豆 alike.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tealeaves.extract.quantity_tables import (
    SCANNED_CUES,
    Edges,
    Table,
    break_pattern,
    clause_breaks,
    cue_kind,
    cue_scan,
    edges_of,
    span_of,
    start_of,
    table,
    unit_kind,
)
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.phrases import PhraseIndex
from tealeaves.knowledge.schema import CommodityEntry, QuantityCueEntry, UnitEntry
from tealeaves.model import Document
from tealeaves.text.normalize import View
from tealeaves.text.scan import every_occurrence, find_phrases, wordish

_TOKENS = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*|[^\x00-\x7f]")
_LATIN_TOKENS = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")

COMMODITY_AFTER = 4.0
"""A commodity this far after the unit belongs to it (吨美国大豆, tons of American soybeans)."""
RATE_BEFORE = 3.5
"""A rate cue this far before the number applies (每年至少采购 2500万吨, annual purchases of)."""
RATE_AFTER = 4.0
"""A rate cue this far after the unit applies (tons of soybeans a year, $40 billion of American farm products a year)."""
BOUND_BEFORE = 1.0
"""A bound cue this far before the number applies (至少购买 1200万吨); Latin cues must touch it."""


def weight(text: str) -> float:
    """Window weight of ``text``: Latin words and digit runs count 1, other characters 1/2.

    The same as summing over ``_TOKENS.findall(text)``: a token is a Latin word or digit run, or one
    non-ASCII character, and the two kinds never share a character, so they can be counted apart."""
    if text.isascii():
        return float(len(_LATIN_TOKENS.findall(text))) if text else 0.0
    wide = len(text) - len(text.encode("ascii", "ignore"))
    return len(_LATIN_TOKENS.findall(text)) + 0.5 * wide


@dataclass
class Context:
    """What the quantity extractor needs to know about one document, computed once per call."""

    doc: Document
    view: View
    cues: PhraseIndex[QuantityCueEntry]
    commodities: PhraseIndex[CommodityEntry]
    breaks: frozenset[str]
    run_starts: Sequence[int]
    unit_table: Table[UnitEntry]
    cue_table: Table[QuantityCueEntry]
    edges: Edges
    _sentence_starts: list[int] = field(default_factory=list)
    _sentence_ends: list[int] = field(default_factory=list)
    _clause_cache: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    _commodity_cache: dict[int, list[tuple[int, int, CommodityEntry]]] = field(default_factory=dict)
    _break_cache: dict[int, list[int]] = field(default_factory=dict)
    _cue_cache: dict[tuple[str, str], list[tuple[int, int, QuantityCueEntry]]] | None = None
    _cue_unscannable: bool = False

    @classmethod
    def build(cls, doc: Document, kb: KnowledgeBase, view: View, run_starts: Sequence[int]) -> Context:
        """Gather the indexes and the clause marks for ``doc``."""
        cues = kb.quantity_cue_index
        units, cue_table = table(kb.unit_index), table(cues)
        ctx = cls(doc, view, cues, kb.commodity_index, clause_breaks(cues), run_starts, units, cue_table, edges_of(units, cue_table))
        spans = [s.span for s in doc.sentences]
        ctx._sentence_starts = [span.start for span in spans]
        ctx._sentence_ends = [span.end for span in spans]
        return ctx

    # --- positions -------------------------------------------------------------------------------

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence containing ``pos`` (0 when the document has no sentences)."""
        return max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """``[start, end)`` of sentence ``index`` (the whole text when there are no sentences)."""
        if not self._sentence_starts:
            return 0, len(self.doc.text)
        return self._sentence_starts[index], self._sentence_ends[index]

    def is_break(self, i: int) -> bool:
        """True when character ``i`` of the view ends a clause (not a comma inside 1,200)."""
        text = self.view.text
        ch = text[i]
        if ch not in self.breaks:
            return False
        if ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            return False
        return True

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``[start, end)``, inside its sentence (worked out once per range: the
        extractor asks again for each rule it applies)."""
        got = self._clause_cache.get((start, end))
        if got is None:
            got = self._clause_cache[(start, end)] = self._clause(start, end)
        return got

    def _clause(self, start: int, end: int) -> tuple[int, int]:
        index = self.sentence_index(start)
        s_start, s_end = self.sentence_bounds(index)
        marks = self._break_cache.get(index)
        if marks is None:
            pattern = break_pattern(self.breaks)
            text, last = self.view.text, len(self.view.text) - 1
            # every character the pattern finds is a break mark; is_break only spares 1,200's comma
            marks = [
                i
                for i in map(start_of, pattern.finditer(text, s_start, s_end))
                if text[i] != "," or not (0 < i < last and text[i - 1].isdigit() and text[i + 1].isdigit())
            ]
            self._break_cache[index] = marks
        k = bisect.bisect_left(marks, start)
        a = marks[k - 1] + 1 if k > 0 else s_start
        k = bisect.bisect_left(marks, end)
        b = marks[k] if k < len(marks) else s_end
        return min(a, start), max(b, end)

    def next_run(self, pos: int) -> int:
        """Start of the first number run at or after ``pos`` (the text length when none)."""
        i = bisect.bisect_left(self.run_starts, pos)
        return self.run_starts[i] if i < len(self.run_starts) else len(self.view.text)

    def runs_between(self, a: int, b: int) -> bool:
        """True when a number run starts in ``[a, b)``."""
        i = bisect.bisect_left(self.run_starts, a)
        return i < len(self.run_starts) and self.run_starts[i] < b

    # --- units and cues --------------------------------------------------------------------------

    def unit_at(self, pos: int, positions: tuple[str, ...]) -> tuple[int, UnitEntry] | None:
        """The longest unit form starting at ``pos`` whose position is one of ``positions``, as
        ``(end, entry)``; a form ending in a letter must end on a word boundary."""
        return unit_kind(self.unit_table, positions).starting_at(self.view.text, pos)

    def unit_before(self, pos: int, positions: tuple[str, ...]) -> tuple[int, UnitEntry] | None:
        """The longest unit form ending at ``pos`` (a prefix such as $, US$, 百分之), as
        ``(start, entry)``; it must not follow a letter or digit (R$ is not a US dollar)."""
        return unit_kind(self.unit_table, positions).ending_at(self.view.text, pos, always_bounded=True)

    def cue_at(self, pos: int, role: str, position: str) -> tuple[int, QuantityCueEntry] | None:
        """The longest cue of ``role``/``position`` starting at ``pos``, as ``(end, entry)``."""
        return cue_kind(self.cue_table, role, position).starting_at(self.view.text, pos)

    def cue_ending(self, pos: int, role: str, position: str) -> tuple[int, QuantityCueEntry] | None:
        """The longest cue of ``role``/``position`` ending at ``pos``, as ``(start, entry)``."""
        return cue_kind(self.cue_table, role, position).ending_at(self.view.text, pos, always_bounded=False)

    def cues_in(self, a: int, b: int, role: str, position: str) -> list[tuple[int, int, QuantityCueEntry]]:
        """Every cue of ``role``/``position`` inside ``[a, b)`` on word boundaries, by position; a cue
        inside a longer one is dropped."""
        if b <= a:
            return []
        places = self._cue_cache
        if places is None or (role, position) not in SCANNED_CUES:
            places = self._cue_places() if (role, position) in SCANNED_CUES else None
        if places is None:
            if not len(self.cues):
                return []
            out = self._scan_cues(a, b, role, position)
        else:
            found = places.get((role, position))
            if not found:
                return []
            out = []
            for k in range(bisect.bisect_left(found, (a,)), len(found)):
                cue = found[k]
                if cue[0] >= b:
                    break
                if cue[1] <= b:
                    out.append(cue)
        if len(out) < 2:
            return out
        # of overlapping cues keep the longest: 不少于 (at least), not the 少于 (less than) inside it
        return [c for c in out if not any(o is not c and o[0] <= c[0] and c[1] <= o[1] for o in out)]

    def _scan_cues(self, a: int, b: int, role: str, position: str) -> list[tuple[int, int, QuantityCueEntry]]:
        """The cues of ``role``/``position`` inside ``[a, b)``, scanning that range alone."""
        text = self.view.text
        out: list[tuple[int, int, QuantityCueEntry]] = []
        # scan a slice: the automaton converts the whole string it is given on every call
        for s, e, key, payloads in every_occurrence(self.cues, text[a:b]):
            start, end = a + s, a + e
            if wordish(key[0]) and start > 0 and wordish(text[start - 1]):
                continue
            if wordish(key[-1]) and end < len(text) and wordish(text[end]):
                continue
            out.extend((start, end, e) for e in payloads if e.role == role and e.position == position)
        out.sort(key=span_of)
        return out

    def _cue_places(self) -> dict[tuple[str, str], list[tuple[int, int, QuantityCueEntry]]] | None:
        """Every cue of the ``SCANNED_CUES`` kinds in the whole view on word boundaries, by ``(role,
        position)``, each list sorted by position (one scan per document; ``cues_in`` picks those
        inside its range, which is what scanning the range alone finds). None for a text the
        scanner cannot encode (a lone surrogate): ``cues_in`` then scans each range."""
        if self._cue_cache is not None or self._cue_unscannable:
            return self._cue_cache
        scan = cue_scan(self.cues)
        text = self.view.text
        n = len(text)
        places: dict[tuple[str, str], list[tuple[int, int, QuantityCueEntry]]] = {}
        try:
            found = scan.automaton.find_matches_as_indexes(text, overlapping=True) if scan.automaton is not None else []
        except UnicodeEncodeError:
            self._cue_unscannable = True
            return None
        head, tail, entries = scan.head, scan.tail, scan.entries
        for i, start, end in found:
            if head[i] and start > 0 and wordish(text[start - 1]):
                continue
            if tail[i] and end < n and wordish(text[end]):
                continue
            for e in entries[i]:
                places.setdefault((e.role, e.position), []).append((start, end, e))
        for cues in places.values():
            cues.sort(key=span_of)  # stable: the entries of one phrase keep their order
        self._cue_cache = places
        return places

    # --- commodities -----------------------------------------------------------------------------

    def commodities_in_sentence(self, index: int) -> list[tuple[int, int, CommodityEntry]]:
        """Commodity mentions in sentence ``index`` (longest, non-overlapping), cached per call."""
        if index not in self._commodity_cache:
            a, b = self.sentence_bounds(index)
            sub = View(text=self.view.text[a:b], original=self.doc.text[a:b])
            self._commodity_cache[index] = [
                (a + m.start, a + m.end, m.payloads[0]) for m in find_phrases(sub, self.commodities)
            ]
        return self._commodity_cache[index]

    def commodity_for(self, start: int, end: int, scope: str, next_run: int) -> CommodityEntry | None:
        """The commodity a quantity at ``[start, end)`` measures, looking as far as ``scope`` allows.

        In order: right after the unit in the same clause (1200万吨大豆, tons of soybeans), up to the
        next number; before it in the same clause (大豆采购1200万吨); earlier in the sentence (在农产品
        方面，……不少于125亿美元); for ``discourse`` scope, the two sentences before (a tonnage whose
        good was named just before). Returns None when nothing is found or ``scope`` is none.
        """
        if scope == "none":
            return None
        index = self.sentence_index(start)
        mentions = self.commodities_in_sentence(index)
        c_start, c_end = self.clause(start, end)
        text = self.view.text
        for m_start, _m_end, entry in mentions:
            if end <= m_start < min(c_end, next_run) and weight(text[end:m_start]) <= COMMODITY_AFTER:
                return entry
        before = [m for m in mentions if m[1] <= start]
        in_clause = [m for m in before if m[0] >= c_start]
        if in_clause:
            return in_clause[-1][2]
        if scope == "clause":
            return None
        if before:
            return before[-1][2]
        if scope == "discourse":
            for back in (1, 2):
                if index - back < 0:
                    break
                earlier = self.commodities_in_sentence(index - back)
                if earlier:
                    return earlier[-1][2]
        return None
