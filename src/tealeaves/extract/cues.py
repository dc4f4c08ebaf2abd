"""Signal cues: the phrases the signal detectors rest on, found once in the text with evidence.

The detectors in ``tealeaves.signals`` may not read text (they sit above ``tealeaves.text`` in the
dependency order), so every word they need is looked up here: red-line wording and the issues it
names, stance words, commitment and delivery words, ordinal rounds, summit framing, travel, and
domestic constituencies. The words live in data/signals/*.yaml; a cue is ``(family, key)`` plus the
span it was found at, for example ``("issue", "Taiwan")`` at 台湾问题.

Rules:

- phrases are matched on the simplified, folded view with one Aho-Corasick scan, whatever the
  document's language; patterns (regular expressions from the same files) run once each over the
  view, only those written for the document's language (an English "visit China" pattern has
  nothing to find in a Chinese article, and scanning for it costs time);
- pattern matches obey the word-boundary rule of phrases, checked here rather than written as
  ``\\b`` in the data: a regex that starts with a literal lets the engine jump from candidate to
  candidate, and one that starts with ``\\b`` or a capturing group runs ten times slower (so the
  data writes patterns that start with a literal, or with ``(?:…)``);
- within one family matches never overlap: the longest wins, then the leftmost, so 没有改变
  (stance ``none``) hides the 改变 inside it (stance ``shift``); matches of different families may
  overlap (访华前 is both a visit and, for the summit detector, its own cue);
- a pattern key ``{n}`` is filled from the pattern's group ``n`` (第 6 轮 -> round ``6``).

Most patterns find nothing in a given article, and running each one over the text costs more than
everything else here. So each pattern's *required strings* are worked out once from its parse tree
(``required_strings``: every match contains one of them, such as 一边 or "this is"/"that is"), one
Aho-Corasick scan finds which of them the view contains, and only the patterns whose strings occur
run. A pattern without required strings always runs; the result is the same as running them all.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick_rs

from tealeaves.extract.windows import scan_many
from tealeaves.knowledge.base import CuePattern, CueTarget, KnowledgeBase
from tealeaves.model import Cue, Document, Evidence
from tealeaves.text.evidence import EvidenceMaker
from tealeaves.text.normalize import make_view
from tealeaves.text.scan import wordish

_Hit = tuple[int, int, str, str]
"""start, end, family, key"""


def extract_cues(doc: Document, kb: KnowledgeBase) -> tuple[Cue, ...]:
    """Find the signal cues of ``doc``, sorted by position then family.

    Returns an empty tuple for an empty body or when no cue word occurs.

    Example::

        [(c.family, c.key) for c in extract_cues(make_doc("台湾问题是中方的红线。"), kb)]
        # [('issue', 'Taiwan'), ('red_line', 'core')]
    """
    text = doc.text
    if not text.strip():
        return ()
    view = make_view(text)
    vt = view.text
    hits: list[_Hit] = []
    add = hits.append
    for start, end, _phrase, targets in scan_many(view, (kb.signal_cue_index,)).occurrences(0):
        for target in targets:
            add((start, end, target.family, target.key))
    for cue_pattern in _plan(kb, doc.meta.lang).candidates(vt):
        has_number = "n" in cue_pattern.regex.groupindex
        target = cue_pattern.target
        for found in cue_pattern.regex.finditer(vt):
            start, end = found.span()
            if end == start or not _on_word_boundary(vt, start, end):
                continue
            add((start, end, target.family, _fill_key(target, found.group("n") if has_number else None)))
    if not hits:
        return ()
    # keys of several families may share a span, and then share one Evidence
    make = Cue.of
    evidence = EvidenceMaker(doc).at
    out: list[Cue] = []
    last_start = last_end = -1
    quoted: Evidence | None = None
    for start, end, family, key in _longest_per_family(hits):  # sorted, so one span's hits are adjacent
        if quoted is None or start != last_start or end != last_end:
            quoted = evidence(start, end)
            last_start, last_end = start, end
        out.append(make(family, key, quoted))
    return tuple(out)


def _on_word_boundary(text: str, start: int, end: int) -> bool:
    """The rule ``find_phrases`` applies to phrases, for pattern matches: a match that begins or ends
    with a Latin letter or digit must not continue a word ("go to China" is not found in "ago")."""
    if wordish(text[start]) and start > 0 and wordish(text[start - 1]):
        return False
    return not (wordish(text[end - 1]) and end < len(text) and wordish(text[end]))


def _fill_key(target: CueTarget, number: str | None) -> str:
    """The cue key, with ``{n}`` replaced by the number a pattern captured (leading zeros dropped)."""
    if "{n}" not in target.key or number is None:
        return target.key
    return target.key.replace("{n}", str(int(number)) if number.isdigit() else number)


def _longest_per_family(hits: list[_Hit]) -> list[_Hit]:
    """Keep non-overlapping hits within each family, longest first then leftmost; sorted by position.

    Two keys of one family on exactly the same span are both kept (one phrase may mark two keys).
    Only hits that overlap can exclude each other, so the choice runs inside each run of chained
    overlaps of one family; a hit that overlaps nothing of its family stands.
    """
    kept: list[_Hit] = []
    runs: dict[str, list[_Hit]] = {}  # family -> its current run of chained overlaps
    reach: dict[str, int] = {}  # family -> the end of its current run
    for hit in sorted(set(hits)):
        family = hit[2]
        run = runs.get(family)
        if run is None:
            runs[family] = [hit]
            reach[family] = hit[1]
        elif hit[0] >= reach[family]:
            kept.extend(run if len(run) == 1 else _settle(run))
            runs[family] = [hit]
            reach[family] = hit[1]
        else:
            run.append(hit)
            if hit[1] > reach[family]:
                reach[family] = hit[1]
    for run in runs.values():
        kept.extend(run if len(run) == 1 else _settle(run))
    kept.sort()  # (start, end, family, key)
    return kept


def _settle(run: list[_Hit]) -> list[_Hit]:
    """The hits of one family's run of chained overlaps that stand: longest first, then leftmost."""
    spans: list[tuple[int, int]] = []  # kept spans, sorted, never overlapping
    kept: list[_Hit] = []
    for hit in sorted(run, key=_rank):
        start, end = hit[0], hit[1]
        i = bisect.bisect_left(spans, (start, end))
        if i < len(spans) and spans[i] == (start, end):
            kept.append(hit)
            continue
        if (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end):
            continue
        spans.insert(i, (start, end))
        kept.append(hit)
    return kept


def _rank(hit: _Hit) -> tuple[int, int, str, str]:
    return hit[0] - hit[1], hit[0], hit[2], hit[3]


# --- which patterns can match: their required strings ------------------------------------------

_MAX_STRINGS = 64
"""Most strings a required set may hold (alternations multiply); a larger one is not worth it."""


def _sre() -> tuple[Any, Any] | None:
    """The regex parser and its opcodes (``re._parser``, private to the standard library); None
    where it is missing, and every pattern then simply runs."""
    try:
        return importlib.import_module("re._parser"), importlib.import_module("re._constants")
    except ImportError:  # pragma: no cover - a Python without the module
        return None


def _exact(items: Sequence[tuple[Any, Any]], ops: Any) -> frozenset[str] | None:
    """The strings a whole parsed sequence can match, when each item matches one of a few fixed
    strings (a literal, an alternation of such sequences, a group of one); else None."""
    out = frozenset({""})
    for op, av in items:
        one = _literal_set(op, av, ops)
        if one is None:
            return None
        out = frozenset(a + b for a in out for b in one)
        if len(out) > _MAX_STRINGS:
            return None
    return out


def _literal_set(op: Any, av: Any, ops: Any) -> frozenset[str] | None:
    if op is ops.LITERAL:
        return frozenset({chr(av)})
    if op is ops.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            strings = _exact(alternative.data, ops)
            if strings is None:
                return None
            out |= strings
        return frozenset(out) if len(out) <= _MAX_STRINGS else None
    if op is ops.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return None if add_flags or del_flags else _exact(inner.data, ops)
    return None


def _score(strings: frozenset[str]) -> tuple[int, int]:
    """How selective a required set is: its shortest string, then fewer strings."""
    return min(map(len, strings)), -len(strings)


def _required(items: Sequence[tuple[Any, Any]], ops: Any) -> frozenset[str] | None:
    """The most selective run of consecutive fixed-string items of a parsed sequence (every match
    of the sequence contains one string of it), looking into groups too; None without one."""
    best: frozenset[str] | None = None
    chain = frozenset({""})

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and min(map(len, candidate)) > 0 and (best is None or _score(candidate) > _score(best)):
            best = candidate

    for op, av in items:
        one = _literal_set(op, av, ops)
        if one is not None:
            joined = frozenset(a + b for a in chain for b in one)
            if len(joined) <= _MAX_STRINGS:
                chain = joined
                continue
            consider(chain)
            chain = one
            continue
        consider(chain)
        chain = frozenset({""})
        if op is ops.SUBPATTERN and not av[1] and not av[2]:
            consider(_required(av[3].data, ops))
    consider(chain)
    return best


def required_strings(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``regex`` contains, or None when none can be named (a
    pattern with flags such as IGNORECASE, or one that starts and ends with classes).

    Example::

        required_strings(re.compile("(?:this|that) is a red line"))  # {'this is a red line', 'that is a red line'}
    """
    sre = _sre()
    if sre is None or regex.flags & ~re.UNICODE:
        return None
    parser, ops = sre
    try:
        tree = parser.parse(regex.pattern, regex.flags)
    except (re.error, AttributeError, TypeError, ValueError):  # pragma: no cover - an unknown parser
        return None
    return _required(tree.data, ops)


@dataclass(frozen=True)
class _Plan:
    """The cue patterns of one language, and which of them each required string can set off."""

    patterns: tuple[CuePattern, ...]
    always: frozenset[int]
    strings: tuple[str, ...]
    owners: tuple[tuple[int, ...], ...]
    scanner: ahocorasick_rs.BytesAhoCorasick | None

    def candidates(self, text: str) -> list[CuePattern]:
        """The patterns that may match ``text``, in data order.

        The strings are looked for in the UTF-8 bytes (a UTF-8 string occurs in another only at
        character boundaries, and no offsets are needed), which spares the scanner its mapping of
        byte offsets to characters.
        """
        chosen = set(self.always)
        if self.scanner is not None:
            try:
                found = self.scanner.find_matches_as_indexes(text.encode(), overlapping=True)
            except UnicodeEncodeError:  # a lone surrogate: run them all
                return list(self.patterns)
            for i, _start, _end in found:
                chosen.update(self.owners[i])
        return [self.patterns[k] for k in sorted(chosen)]


@functools.cache
def _plan(kb: KnowledgeBase, lang: str) -> _Plan:
    """The pattern plan of ``lang``, built once per knowledge base (two languages at most)."""
    patterns = tuple(p for p in kb.signal_cue_patterns if p.lang == lang)
    always: set[int] = set()
    owners: dict[str, list[int]] = {}
    for k, pattern in enumerate(patterns):
        strings = required_strings(pattern.regex)
        if strings is None:
            always.add(k)
            continue
        for string in sorted(strings):
            owners.setdefault(string, []).append(k)
    keys = tuple(owners)
    return _Plan(
        patterns=patterns,
        always=frozenset(always),
        strings=keys,
        owners=tuple(tuple(owners[key]) for key in keys),
        scanner=ahocorasick_rs.BytesAhoCorasick([k.encode() for k in keys], implementation=ahocorasick_rs.Implementation.DFA)
        if keys
        else None,
    )
