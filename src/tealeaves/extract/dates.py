"""Dates: absolute and relative expressions, resolved against the publication date.

One grammar per language (``kb.date_grammars``, built from data/dates.*.yaml) scans the
simplified, folded view once; only the matches are read. Two dates joined by a range word
(至, 到, to, -) become one interval (3月底到4月初 = 2026-03-21/2026-04-10); two consecutive days
joined by 和/and (Sunday and Monday), or any two after "between", do too. How each match is
read, and what fills in a missing year, month or day, is tealeaves.extract.datereading.

Day- and week-level words inside quoted speech (“明天继续谈”, "tomorrow," he said) are skipped:
they count from when the words were said, which the text does not give. A relative date in an
article without a publication date is kept with ``value`` None and ``relative`` True.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from typing import NamedTuple

from tealeaves.extract import calendar as cal
from tealeaves.extract.calendar import Period
from tealeaves.extract.datereading import (
    Context,
    Fields,
    Unresolved,
    needs_publication_day,
    read,
)
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.dategrammar import DateGrammar, Template
from tealeaves.model import DateRef, Document, Evidence, Granularity, Span
from tealeaves.text.normalize import make_view
from tealeaves.text.scan import marked_from


class _Match(NamedTuple):
    """One template match: its span and the fields of its start (and, for a range, its end; empty
    otherwise). A tuple, cheap to build for every match."""

    start: int
    end: int
    template: Template
    fields: dict[str, int | str]
    end_fields: dict[str, int | str]


def extract_dates(doc: Document, kb: KnowledgeBase) -> tuple[DateRef, ...]:
    """Find every date expression in ``doc`` and resolve it against ``doc.meta.published``.

    Returns DateRefs in text order (an empty tuple when there are none, or no grammar for the
    language). Values follow SCHEMA.md: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END``.

    Example::

        [d.value for d in extract_dates(doc, kb)]  # 去年10月, published 2026-03-14 -> ['2025-10']
    """
    grammar = _grammar(kb, doc.meta.lang)
    if grammar is None or not doc.text:
        return ()
    view = make_view(doc.text).text
    matches = list(_find(doc.text, view, grammar))
    return tuple(_Reader(doc, view, grammar, _from_marks(kb)).read_all(matches))


@functools.cache
def _from_marks(kb: KnowledgeBase) -> tuple[str, ...]:
    """The marks of the day a measure takes effect from (自, 起, from), sorted; a knowledge base
    never changes after loading."""
    return tuple(sorted(kb.text_words("from_marks")))


def _grammar(kb: KnowledgeBase, lang: str) -> DateGrammar | None:
    """The grammar of the document's language (zh-Hant reads as zh); English for any other."""
    grammars = kb.date_grammars
    base = lang.split("-")[0].lower()
    return grammars.get(base) or grammars.get("en")


def _find(text: str, view: str, grammar: DateGrammar) -> list[_Match]:
    """Every template match whose numbers are in range and whose cased words are capitalised."""
    out: list[_Match] = []
    templates, slots, number = grammar.templates, grammar.slots, grammar.number
    for m in grammar.scan(view):
        name = m.lastgroup
        if name is None:
            continue
        k = int(name[1:])
        fields: dict[str, int | str] = {}
        end_fields: dict[str, int | str] = {}
        for slot in slots[k]:
            raw = m.group(slot.group)
            if raw is None:
                continue
            value: int | str | None
            if slot.words is None:
                value = number(raw)
                if value is None or not slot.low <= value <= slot.high:
                    break
            else:
                info = slot.words.get(raw)
                if info is None or (info.cased and not text[m.start(slot.group)].isupper()):
                    break
                value = info.value
            (end_fields if slot.end else fields)[slot.field] = value
        else:
            template = templates[k]
            for key, value in template.fixed.items():
                fields.setdefault(key, value)
            fields.pop("marker", None)
            start, end = m.span()
            out.append(_Match(start, end, template, fields, end_fields))
    return out


class _Reader:
    """Reads matches in text order, keeping the context that later matches depend on.

    One ``Context`` serves every expression: before each reading it is set to what the text says
    up to that expression (the sentence's year and month so far, the last year and day named) and
    ``lean`` answers for that expression's position, computed only when a rule needs it.
    """

    def __init__(self, doc: Document, view: str, grammar: DateGrammar, starts_from: tuple[str, ...] = ()) -> None:
        self.text = doc.text
        self.starts_from = starts_from  # marks of the day a measure takes effect from (自, 起, from)
        self.view = view
        self.grammar = grammar
        self._starts = [s.span.start for s in doc.sentences]
        self._clause_ends: list[int] | None = None
        self._quotes: list[tuple[int, int]] | None = None
        self._here = 0
        self._leans: dict[int, int] = {}
        self.last_year: int | None = None
        self.last_day: dt.date | None = None
        self.last_day_sentence = -1
        self.sentence_years: dict[int, int] = {}
        self.sentence_months: dict[int, tuple[int, int]] = {}
        self.ctx = Context(published=doc.meta.published, lean=self._lean_here)

    def read_all(self, matches: list[_Match]) -> list[DateRef]:
        out: list[DateRef] = []
        view, pair_joiners, range_joiners = self.view, self.grammar.pair_joiners, self.grammar.range_joiners
        n = len(matches)
        i = 0
        while i < n:
            a = matches[i]
            fields = a.fields
            if i + 1 < n:
                b = matches[i + 1]
                gap = view[a.end : b.start].strip()
                if (gap in range_joiners or gap in pair_joiners) and self._joinable(a, b, gap):
                    joined = self._join(a, b, gap)
                    if joined is not None:
                        out.append(joined)
                        i += 2
                        continue
                if gap in pair_joiners:
                    fields = _coordinated(a.fields, b.fields)
            ref = self._ref(a, fields)
            if ref is not None:
                out.append(ref)
            i += 1
        return out

    # --- joining two matches into one range ------------------------------------------------------

    def _joinable(self, a: _Match, b: _Match, gap: str) -> bool:
        if a.end_fields or b.end_fields:
            return False
        if gap in self.grammar.range_joiners:
            return True
        if gap in self.grammar.pair_joiners:
            before = self.view[max(0, a.start - 24) : a.start].rstrip().split()
            return (bool(before) and before[-1] in self.grammar.pair_openers) or (_weekday_only(a) and _weekday_only(b))
        return False

    def _join(self, a: _Match, b: _Match, gap: str) -> DateRef | None:
        """One DateRef for ``a`` to ``b``, or None when they do not form a forward range (then
        each is read on its own)."""
        if self._skipped(a) or self._skipped(b):
            return None
        sentence = self._sentence(a.start)
        try:
            reading = self._read_range(a.fields, b.fields, self._context(a.start, sentence), a.template.mode, b.template.mode)
        except Unresolved:
            return None
        if reading is None:
            return None
        period, relative = reading
        if _weekday_only(a) and gap in self.grammar.pair_joiners:
            if (period.last - period.first).days != 1:
                return None
        return self._emit(a.start, b.end, sentence, period, relative, a.fields)

    def _read_range(
        self, start: Fields, end: Fields, ctx: Context, start_mode: str | None, end_mode: str | None
    ) -> tuple[Period, bool] | None:
        """The period from ``start`` to ``end``. The start first borrows what only the end writes
        (March 1 to 5, 2026); when that makes the range run backwards (10月至2027年3月) it is read
        without. None when no reading runs forward."""
        shared, end_fields = _share(start, end)
        for start_fields in (shared, dict(start)) if shared != dict(start) else (shared,):
            first = read(start_fields, ctx, mode=start_mode)
            if first is None:
                continue
            last = self._read_end(end_fields, ctx, end_mode, first[0])
            if last is not None:
                return cal.join(first[0], last[0]), first[1] or last[1]
        return None

    def _read_end(self, fields: Fields, ctx: Context, mode: str | None, first: Period) -> tuple[Period, bool] | None:
        """The end of a range; an end that takes its year (or month) from the start moves one year
        (or month) on when it would fall before the start (12月20日至1月5日)."""
        inherits_year = not any(k in fields for k in ("year", "roc_year", "rel_year", "anaphor", "rel_month", "rel_day", "weekday", "rel_week"))
        last = read(fields, ctx, mode=mode, inherit=first if inherits_year else None)
        if last is None:
            return None
        if last[0].last < first.first and inherits_year:
            shifted = dict(fields)
            if "month" in fields:
                shifted["year"] = first.first.year + 1
            elif "day" in fields:
                y, m = cal.add_months(first.first.year, first.first.month, 1)
                shifted.update(year=y, month=m)
            last = read(shifted, ctx, mode=mode)
            if last is None:
                return None
        return last if last[0].last >= first.first else None

    # --- one expression ------------------------------------------------------------------------

    def _ref(self, match: _Match, fields: dict[str, int | str]) -> DateRef | None:
        if self._skipped(match):
            return None
        start, end = match.start, match.end
        sentence = max(0, bisect.bisect_right(self._starts, start) - 1)  # as _sentence
        ctx = self._context(start, sentence)
        mode = match.template.mode
        try:
            if match.end_fields:
                reading = self._read_range(fields, match.end_fields, ctx, mode, mode)
            else:
                reading = read(fields, ctx, mode=mode)
        except Unresolved:
            granularity = Granularity.INTERVAL if match.end_fields else _granularity(fields)
            evidence = Evidence.of(sentence, Span.of(self.text, start, end))
            return DateRef.of(None, granularity, True, evidence)
        if reading is None:
            return None
        return self._emit(start, end, sentence, reading[0], reading[1], fields)

    def _emit(self, start: int, end: int, sentence: int, period: Period, relative: bool, fields: Fields) -> DateRef:
        first = period.first
        self.last_year = first.year
        if period.is_day and not (self.last_day_sentence == sentence and self._effective(start, end)):
            # a day a measure takes effect from (今天宣布，自明天起……) is not the day just named
            # when its sentence named the day of the news before it
            self.last_day = first
            self.last_day_sentence = sentence
        if "year" in fields or "roc_year" in fields or ("rel_year" in fields and first.year == period.last.year):
            self.sentence_years[sentence] = first.year  # 去年7月……自8月1日起: the same year
        if "month" in fields and first.month == period.last.month and first.year == period.last.year:
            self.sentence_months[sentence] = (first.year, first.month)
        evidence = Evidence.of(sentence, Span.of(self.text, start, end))
        return DateRef.of(period.value, period.granularity, relative, evidence)

    def _effective(self, start: int, end: int) -> bool:
        """Whether a mark of the day something takes effect from stands before (自, from) or after (起) it."""
        return marked_from(self.view, start, end, self.starts_from)

    def _skipped(self, match: _Match) -> bool:
        """Day- and week-level deixis inside quoted speech is not resolvable (module docstring)."""
        return needs_publication_day(match.fields) and self._in_quote(match.start)

    def _sentence(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (as evidence_at counts them)."""
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def _context(self, start: int, sentence: int) -> Context:
        """The context for an expression at ``start`` in ``sentence``."""
        ctx = self.ctx
        ctx.sentence_year = self.sentence_years.get(sentence)
        ctx.sentence_month = self.sentence_months.get(sentence)
        ctx.last_year = self.last_year
        ctx.last_day = self.last_day
        self._here = start
        return ctx

    def _lean_here(self) -> int:
        """``_lean`` at the expression being read, computed once per position."""
        pos = self._here
        lean = self._leans.get(pos)
        if lean is None:
            lean = self._leans[pos] = self._lean(pos)
        return lean

    # --- the text around an expression -----------------------------------------------------------

    def _lean(self, start: int) -> int:
        """+1 when the nearest tense word before ``start`` in its clause is a future one (将, will),
        -1 when it is a past one (曾, was), 0 when the clause has none."""
        clause_start = self._clause_start(start)
        best, lean = -1, 0
        for pattern, sign in ((self.grammar.future, 1), (self.grammar.past, -1)):
            if pattern is not None:
                for m in pattern.finditer(self.view, clause_start, start):
                    if m.end() > best:
                        best, lean = m.end(), sign
        return lean

    def _clause_start(self, start: int) -> int:
        """Where the clause holding ``start`` begins: just after the last clause mark before it (a
        point or comma between two digits, as in 75.8% or 1,200, is part of a number, not a mark)."""
        marks = self.grammar.clause_marks
        if marks:
            # every mark is one character, so the marks the pattern finds are each occurrence
            view, i = self.view, start - 1
            while i >= 0 and (view[i] not in marks or _inside_number(view, i)):
                i -= 1
            return i + 1
        if self._clause_ends is None:
            pattern, view = self.grammar.clause, self.view
            self._clause_ends = [m.end() for m in pattern.finditer(view) if not _inside_number(view, m.start())] if pattern else []
        k = bisect.bisect_right(self._clause_ends, start) - 1
        return self._clause_ends[k] if k >= 0 else 0

    def _in_quote(self, pos: int) -> bool:
        if self._quotes is None:
            self._quotes = _quote_regions(self.view, self.grammar.quote_open, self.grammar.quote_close)
        k = bisect.bisect_right(self._quotes, (pos, len(self.view) + 1)) - 1
        return k >= 0 and self._quotes[k][0] <= pos < self._quotes[k][1]


def _inside_number(view: str, i: int) -> bool:
    """Whether character ``i`` stands between two digits (the point of 75.8, the comma of 1,200)."""
    return 0 < i < len(view) - 1 and view[i - 1].isdigit() and view[i + 1].isdigit()


def _quote_regions(view: str, opens: frozenset[str], closes: frozenset[str]) -> list[tuple[int, int]]:
    """``[start, end)`` of each quotation; a line break ends an unclosed one. A mark that both
    opens and closes (the ASCII double quote) toggles."""
    marks = opens | closes
    if not marks:
        return []
    pattern = re.compile("[" + re.escape("".join(sorted(marks))) + "\n]")
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in pattern.finditer(view):
        ch = m.group()
        if ch == "\n":
            if open_at is not None:
                regions.append((open_at, m.start()))
            open_at = None
        elif open_at is None:
            if ch in opens:
                open_at = m.start()
        elif ch in closes:
            regions.append((open_at, m.end()))
            open_at = None
        elif ch in opens:
            open_at = m.start()
    if open_at is not None:
        regions.append((open_at, len(view)))
    return regions


def _share(start: Fields, end: Fields) -> tuple[dict[str, int | str], dict[str, int | str]]:
    """Let the start of a range take what only its end states: "1-5 March" (month), "March 15-16,
    2026" (year)."""
    first, last = dict(start), dict(end)
    if "day" in first and "month" not in first and "month" in last and "weekday" not in first:
        first["month"] = last["month"]
    if not any(k in first for k in ("year", "roc_year", "rel_year", "anaphor", "rel_month", "rel_day", "weekday", "rel_week")):
        for key in ("year", "roc_year", "rel_year"):
            if key in last:
                first[key] = last[key]
    return first, last


def _coordinated(first: Fields, second: Fields) -> dict[str, int | str]:
    """Two coordinated dates share what only the second writes: "April and May 2025" (the year),
    "5月1日和2日" needs nothing. Returns the fields of the first."""
    out = dict(first)
    if "month" in out and not any(k in out for k in ("year", "roc_year", "rel_year", "anaphor")):
        for key in ("year", "roc_year"):
            if key in second:
                out[key] = second[key]
    return out


def _weekday_only(match: _Match) -> bool:
    return "weekday" in match.fields and "day" not in match.fields


def _granularity(fields: Fields) -> Granularity:
    """The granularity a relative expression would have once resolved."""
    if "part" in fields or ("rel_week" in fields and "weekday" not in fields) or "count" in fields:
        return Granularity.INTERVAL
    if any(k in fields for k in ("rel_day", "weekday", "day")):
        return Granularity.DAY
    if any(k in fields for k in ("month", "rel_month")):
        return Granularity.MONTH
    return Granularity.YEAR
