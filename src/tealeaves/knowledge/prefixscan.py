"""Leftmost-first matching of an ordered list of regex alternatives, dispatched on their prefixes.

Python's ``re`` tries every alternative of ``a|b|c|...`` at every position of the text, which for
some fifty date templates is slow. A ``PrefixScanner`` works out, from each alternative's parsed
form, the strings of ``K`` characters its matches can start with (shorter ones for matches that
can be shorter). A single candidate pattern (a branch of first characters with lookaheads, so that
``re`` skips ahead in C) finds where any of them starts; there only the alternatives that can start
with the text's prefix are tried, in their original order. The matches are those of
``re.compile("|".join(alternatives)).finditer(text)``, non-empty ones only.

The prefixes come from ``re._parser``, which is private; when it is missing, or an alternative
can start with any character (``\\w``, ``.``), the scanner falls back to the plain pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

try:
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python implementations
    _sre_parser = None

K = 3
"""Length of the prefixes alternatives are dispatched on."""

_ASCII_WORD = "[0-9a-z]"


class PrefixScanner:
    """Scan a text with an ordered list of alternatives, trying at each place only those that can
    start there. Build it once (compiling costs a few milliseconds per alternative).

    Example::

        scanner = PrefixScanner([r"(?P<t0>\\d{4}年)", r"(?P<t1>去年)"])
        [m.group() for m in scanner.scan("去年和2025年")]  # ['去年', '2025年']
    """

    def __init__(self, alternatives: list[str]) -> None:
        self.pattern = re.compile("|".join(alternatives) or "(?!)")
        self.candidates, self.dispatch = _dispatch(alternatives, [prefixes(a) for a in alternatives])

    def scan(self, text: str) -> Iterator[re.Match[str]]:
        """Every non-empty match in ``text``, leftmost first, as ``pattern.finditer`` gives them."""
        if self.candidates is None:
            yield from (m for m in self.pattern.finditer(text) if m.end() > m.start())
            return
        pos = 0
        for c in self.candidates.finditer(text):
            start = c.start()
            if start < pos:
                continue
            pattern = (
                self.dispatch.get(text[start : start + 3])
                or self.dispatch.get(text[start : start + 2])
                or self.dispatch.get(text[start])
            )
            if pattern is None:
                continue
            m = pattern.match(text, start)
            if m is not None and m.end() > start:
                pos = m.end()
                yield m


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


def _dispatch(
    alternatives: list[str], prefixes: list[frozenset[str] | None]
) -> tuple[re.Pattern[str] | None, dict[str, re.Pattern[str]]]:
    """The candidate pattern and the prefix dispatch table; none when some alternative's
    prefixes cannot be bounded."""
    if not alternatives or any(p is None for p in prefixes):
        return None, {}
    by_key: dict[str, set[int]] = {}
    for i, keys in enumerate(prefixes):
        assert keys is not None
        for key in keys:
            by_key.setdefault(key, set()).add(i)
    # a template whose whole match can be shorter than K is also tried under every longer key
    for key in list(by_key):
        for n in range(1, len(key)):
            by_key[key] |= by_key.get(key[:n], set())
    compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
    dispatch: dict[str, re.Pattern[str]] = {}
    for key, indexes in by_key.items():
        group = tuple(sorted(indexes))
        if group not in compiled:
            compiled[group] = re.compile("|".join(alternatives[i] for i in group))
        dispatch[key] = compiled[group]
    return _candidate_pattern(by_key), dispatch


_Trie = dict[str, "_Trie"]


def _char_class(chars: list[str]) -> str:
    return re.escape(chars[0]) if len(chars) == 1 else "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _candidate_pattern(keys: Iterable[str]) -> re.Pattern[str]:
    """A pattern that matches the first character of every place where some key starts.

    It is a branch of single characters, each with a lookahead for the rest of its keys, so that
    ``re`` can skip to the next possible first character in C; a key starting with an ASCII letter
    or digit must also start a word.
    """
    trie: _Trie = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def rest(node: _Trie) -> str:
        by_tail: dict[str, list[str]] = {}
        for ch, sub in node.items():
            if ch:
                by_tail.setdefault(rest(sub), []).append(ch)
        if not by_tail:
            return ""
        alts = [_char_class(cs) + tail for tail, cs in sorted(by_tail.items())]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    alts = []
    for ch in sorted(trie):
        sub = trie[ch]
        guard = f"(?<!{_ASCII_WORD}.)" if ch.isascii() and ch.isalnum() else ""
        tail = "" if "" in sub else rest(sub)
        alts.append(re.escape(ch) + guard + (f"(?={tail})" if tail else ""))
    return re.compile("|".join(alts))



def _concat(a: set[str], b: set[str]) -> set[str]:
    return {x if len(x) >= K else (x + y)[:K] for x in a for y in (b if len(x) < K else {""})}


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
