"""Leftmost-first matching of an ordered list of regex alternatives, dispatched on their prefixes.

Python's ``re`` tries every alternative of ``a|b|c|...`` at every position of the text, which for
some fifty date templates is slow. A ``PrefixScanner`` works out, from each alternative's parsed
form, the strings of ``K`` characters its matches can start with (shorter ones for matches that
can be shorter). One Aho-Corasick pass over the text (``ahocorasick_rs``) finds every place where
one of these prefixes starts (one starting with a Latin letter or digit only where a word starts);
there only the alternatives that can start with the text's prefix are tried, in their original
order. The matches are those of ``re.compile("|".join(alternatives)).finditer(text)``, non-empty
ones only.

The prefixes come from ``re._parser``, which is private; when it is missing, or an alternative
can start with any character (``\\w``, ``.``), the scanner falls back to the plain pattern.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import ahocorasick_rs

try:
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python implementations
    _sre_parser = None

K = 3
"""Length of the prefixes alternatives are dispatched on."""

_ASCII_WORD = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")
"""A prefix starting with a Latin letter or digit is a candidate only where none of these precedes
it: the date templates start on a word boundary of the lower-cased view."""


class PrefixScanner:
    """Scan a text with an ordered list of alternatives, trying at each place only those that can
    start there. Build it once (compiling costs a few milliseconds per alternative).

    Example::

        scanner = PrefixScanner([r"(?P<t0>\\d{4}年)", r"(?P<t1>去年)"])
        [m.group() for m in scanner.scan("去年和2025年")]  # ['去年', '2025年']
    """

    def __init__(self, alternatives: list[str]) -> None:
        self.alternatives = tuple(alternatives)
        self.dispatch = _dispatch(alternatives, [prefixes(a) for a in alternatives])
        keys = tuple(self.dispatch)
        self.candidates = ahocorasick_rs.AhoCorasick(keys) if keys else None
        """Every dispatch key, compiled to find where one starts; None when the plain pattern is used."""
        self._word_start = tuple(k[0].isascii() and k[0].isalnum() for k in keys)
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._by_key: dict[str, re.Pattern[str]] = {}
        """Dispatch key of ``K`` characters -> the pattern of its group, filled as keys are met (a
        string key hashes once per string; a group tuple would hash anew on every lookup)."""

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """All alternatives as one pattern (the plain scan, and the fallback), compiled on first use."""
        return re.compile("|".join(self.alternatives) or "(?!)")

    def pattern_for(self, group: tuple[int, ...]) -> re.Pattern[str]:
        """The alternatives numbered ``group`` (a value of ``dispatch``), in order, as one pattern.

        Compiled on first use and kept: compiling every group up front costs a quarter of a second,
        and one article needs a few of them. There are at most as many as ``dispatch`` has values.
        """
        got = self._compiled.get(group)
        if got is None:
            got = self._compiled[group] = re.compile("|".join(self.alternatives[i] for i in group))
        return got

    def scan(self, text: str) -> Iterator[re.Match[str]]:
        """Every non-empty match in ``text``, leftmost first, as ``pattern.finditer`` gives them."""
        starts = self._candidates(text)
        if starts is None:
            yield from (m for m in self.pattern.finditer(text) if m.end() > m.start())
            return
        pos = 0
        by_key = self._by_key
        for start in starts:
            if start < pos:
                continue
            pattern = by_key.get(text[start : start + K])
            if pattern is None:
                pattern = self._pattern_at(text, start)
                if pattern is None:
                    continue
            m = pattern.match(text, start)
            if m is not None and m.end() > start:
                pos = m.end()
                yield m

    def _pattern_at(self, text: str, start: int) -> re.Pattern[str] | None:
        """The pattern of the longest dispatch key starting at ``start``; None when none does."""
        dispatch = self.dispatch
        for n in range(K, 0, -1):
            key = text[start : start + n]
            group = dispatch.get(key)
            if group is not None:
                pattern = self.pattern_for(group)
                if len(key) == K:
                    self._by_key[key] = pattern
                return pattern
        return None

    def _candidates(self, text: str) -> list[int] | None:
        """Sorted places in ``text`` where a dispatch key starts; None when the plain pattern must
        scan instead (unbounded alternatives, or a text with a lone surrogate)."""
        if self.candidates is None:
            return None
        try:
            found = self.candidates.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:
            return None
        word_start = self._word_start
        return sorted({s for i, s, _e in found if not (word_start[i] and s and text[s - 1] in _ASCII_WORD)})


def prefixes(regex: str) -> frozenset[str] | None:
    """The strings of ``K`` characters a match of ``regex`` can start with, plus any shorter
    whole match; None when that cannot be bounded (a class such as ``\\w``, any character, or a
    pattern that can match the empty string).

    Example::

        sorted(prefixes("去年|今年[0-9]"))  # ['今年0', '今年1', ..., '去年']
    """
    if _sre_parser is None:
        return None
    try:
        found = _seq(_sre_parser.parse(regex).data)
    except (ValueError, TypeError, AttributeError, re.error):
        return None
    if found is None or "" in found or len(found) > 20000:
        return None
    return frozenset(found)


def _dispatch(alternatives: list[str], prefixes: list[frozenset[str] | None]) -> dict[str, tuple[int, ...]]:
    """The prefix dispatch table: prefix -> the numbers of the alternatives to try there, in order;
    empty when some alternative's prefixes cannot be bounded."""
    if not alternatives or any(p is None for p in prefixes):
        return {}
    by_key: dict[str, set[int]] = {}
    for i, keys in enumerate(prefixes):
        assert keys is not None
        for key in keys:
            by_key.setdefault(key, set()).add(i)
    # a template whose whole match can be shorter than K is also tried under every longer key
    for key, indexes in by_key.items():
        for n in range(1, len(key)):
            shorter = by_key.get(key[:n])
            if shorter:
                indexes |= shorter
    groups: dict[tuple[int, ...], tuple[int, ...]] = {}
    dispatch: dict[str, tuple[int, ...]] = {}
    for key, indexes in by_key.items():
        group = tuple(sorted(indexes))
        dispatch[key] = groups.setdefault(group, group)
    return dispatch


def _concat(a: set[str], b: set[str]) -> set[str]:
    """Each string of ``a`` followed by each of ``b``, cut to ``K`` (one already ``K`` long is kept)."""
    out = {x for x in a if len(x) >= K}
    for x in a:
        if len(x) < K:
            out.update([(x + y)[:K] for y in b])
    return out


def _seq(items: Any) -> set[str] | None:
    out = {""}
    for op, av in items:
        if all(len(x) >= K for x in out):
            break
        item = _item(op, av)
        if item is None:
            return None
        out = _concat(out, item)
    return out


def _item(op: Any, av: Any) -> set[str] | None:
    c = _sre_constants
    if op is c.LITERAL:
        return {chr(av)}
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < 512:
                chars.update(chr(x) for x in range(value[0], value[1] + 1))
            else:
                return None
        return chars
    if op is c.SUBPATTERN:
        return _seq(av[3].data)
    if op is c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _seq(branch.data)
            if found is None:
                return None
            out |= found
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        lo, hi, sub = av
        once = _seq(sub.data)
        if once is None:
            return None
        result: set[str] = set()
        reps = {""}
        for n in range(0, K + 1):
            if n >= lo:
                result |= reps
            if n >= hi:
                break
            reps = _concat(reps, once)
        if lo > K:
            result |= reps
        return result
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return {""}
    return None
