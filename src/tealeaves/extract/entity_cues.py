"""The cue tables of the entity stage, compiled once per knowledge base: locative cues that make a
country or capital a location (data/actors/locatives.yaml), the words that block a role descriptor,
and the titles that introduce an English name (data/actors/person_titles.yaml).

The window patterns (``before``, ``before_weak``, ``blocker``) must end where a name starts; they
are searched only from a place where one of their words starts, and those places come from the
alias scan itself (``Cues.probes``), which also lists where a title word starts.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

import ahocorasick_rs

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.phrases import fold_phrase
from tealeaves.knowledge.schema import LocativeEntry, PersonTitleEntry

_NAME_TOKEN = r"(?:[A-Z](?:[a-z]+(?:[A-Z'\N{RIGHT SINGLE QUOTATION MARK}\-][A-Za-z]?[a-z]+)*|'[A-Z][a-z]+))"
"""One word of an English personal name: Carney, LeBlanc, McGuire, Okonjo-Iweala, O'Brien."""


CueName = Literal["before", "before_weak", "blocker"]
"""The cue patterns that must end where a name starts (searched in a window before it)."""


@dataclass(frozen=True)
class CueWords:
    """Every word the ``before``, ``before_weak`` and ``blocker`` patterns can start with, compiled
    for one scan of a view. A match of such a pattern starts where one of its words starts, so a
    window holding no word start holds no match and need not be searched."""

    automaton: ahocorasick_rs.AhoCorasick
    words: tuple[str, ...]
    uses: tuple[tuple[tuple[CueName, bool], ...], ...]
    """Per word: the patterns it belongs to, and whether there it must not follow a Latin letter or digit."""

    def starts(self, view: str) -> dict[CueName, list[int]]:
        """Sorted positions in ``view`` where a word of each pattern starts (after the Latin edge check)."""
        try:
            found = self.automaton.find_matches_as_indexes(view, overlapping=True)
        except UnicodeEncodeError:  # a lone surrogate: every place is a candidate
            found = None
        return self.starts_among(view, found)

    def starts_among(self, view: str, found: list[tuple[int, int, int]] | None) -> dict[CueName, list[int]]:
        """``starts`` from the occurrences ``(word number, start, end)`` of the words in ``view``,
        found by another pass (``text.scan.find_phrase_spots_and_probes``); None means they could
        not be listed, and then every place is a candidate."""
        out: dict[CueName, list[int]] = {"before": [], "before_weak": [], "blocker": []}
        if found is None:
            return {name: list(range(len(view))) for name in out}
        uses = self.uses
        for i, start, _end in found:
            latin_before = start > 0 and view[start - 1] in _LATIN_EDGE
            for name, edge in uses[i]:
                if not (edge and latin_before):
                    out[name].append(start)
        for positions in out.values():
            positions.sort()
        return out


_LATIN_EDGE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
"""What ``(?<![a-z0-9])`` refuses before a Latin cue word (the view is lower-cased)."""


@dataclass(frozen=True)
class Cues:  # not slotted: ``probes`` is a cached_property
    """The compiled cue tables of one knowledge base."""

    before: re.Pattern[str] | None
    before_weak: re.Pattern[str] | None
    after: re.Pattern[str] | None
    blocker: re.Pattern[str] | None
    titled_name: re.Pattern[str] | None
    not_name: frozenset[str]
    words: CueWords | None = None
    """The words the window patterns start with; None when some cannot be listed (then every
    window is searched)."""
    titles: tuple[str, ...] | None = None
    """The title words (folded) a titled name starts with; None when they cannot be listed (then
    the whole text is searched)."""

    @cached_property
    def probes(self) -> tuple[str, ...]:
        """The words the alias scan also looks for: the cue words (numbered as ``words.words``),
        then the title words."""
        return (self.words.words if self.words is not None else ()) + (self.titles or ())


@functools.lru_cache(maxsize=8)
def kb_cues(kb: KnowledgeBase) -> Cues:
    """``compile_cues`` for a knowledge base's own tables, looked up once per knowledge base."""
    return compile_cues(kb.entries("locatives", LocativeEntry), kb.entries("person_titles", PersonTitleEntry))


@functools.cache
def compile_cues(locatives: tuple[LocativeEntry, ...], titles: tuple[PersonTitleEntry, ...]) -> Cues:
    """Compile the locative, blocker and title tables once per distinct set of entries."""

    lead: dict[str, list[tuple[CueName, bool]]] = {}

    def words(ws: tuple[str, ...] | list[str], latin_edge: bool, name: CueName | None = None) -> str:
        for w in ws:
            if name is not None:
                lead.setdefault(fold_phrase(w), []).append((name, latin_edge))
        alts = "|".join(re.escape(fold_phrase(w)) for w in sorted(set(ws), key=len, reverse=True))
        return (r"(?<![a-z0-9])" if latin_edge else "") + f"(?:{alts})"

    def before(strength: str, name: CueName) -> re.Pattern[str] | None:
        alts = [
            "".join(f"(?<!{re.escape(fold_phrase(x))})" for x in e.not_after)
            + words(e.words, e.lang == "en", name)
            + f"(?:{e.gap})$"
            for e in locatives
            if e.side == "before" and e.strength == strength
        ]
        return re.compile("|".join(alts)) if alts else None

    after = [f"(?:{e.gap})" + words(e.words, False) for e in locatives if e.side == "after"]
    blockers = [words(e.words, e.lang == "en", "blocker") + r"\s*$" for e in titles if e.use == "role_blocker"]
    title_words = [w for e in titles if e.use == "title" for w in e.words]
    not_name = {w for e in titles if e.use == "not_name" for w in e.words}
    not_name |= {tok for w in title_words for tok in w.replace("-", " ").split()}
    titled = None
    if title_words:
        # each title checks the character before it after matching, so that every alternative
        # starts with a literal and re skips ahead to the next possible first character in C
        alts = "|".join(f"{re.escape(w)}(?<![A-Za-z]{re.escape(w)})" for w in sorted(set(title_words), key=len, reverse=True))
        titled = re.compile(
            rf"(?:{alts})\s+(?P<name>{_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,2}})(?![\w\-])(?! [A-Z][a-z])"
        )
    cues = Cues(
        before=before("strong", "before"),
        before_weak=before("weak", "before_weak"),
        after=re.compile("|".join(after)) if after else None,
        blocker=re.compile("|".join(blockers)) if blockers else None,
        titled_name=titled,
        not_name=frozenset(not_name),
    )
    folded_titles = tuple(dict.fromkeys(fold_phrase(w) for w in title_words))
    if titled is not None and "" not in folded_titles:  # a title folding to nothing could start anywhere
        cues = replace(cues, titles=folded_titles)
    if not lead or "" in lead:
        return cues  # a cue word that folds to nothing could start a match anywhere
    listed = tuple(lead)
    cue_words = CueWords(ahocorasick_rs.AhoCorasick(listed), listed, tuple(tuple(dict.fromkeys(lead[w])) for w in listed))
    return replace(cues, words=cue_words)


def cue_windows(
    cues: Cues, view: str, found: list[tuple[int, int, int]] | None
) -> dict[CueName, tuple[re.Pattern[str] | None, list[int] | None]]:
    """Each window pattern with the sorted places in ``view`` where one of its words starts (None
    when the words cannot be listed: then every window is searched). ``found`` are the probe
    occurrences of the alias scan (``Scan.probe_hits``)."""
    words = cues.words
    starts: dict[CueName, list[int]] | None = None
    if words is not None:
        if found is not None:
            n = len(words.words)
            found = [hit for hit in found if hit[0] < n]
        starts = words.starts_among(view, found)
    return {
        name: (getattr(cues, name), starts[name] if starts is not None else None)
        for name in ("before", "before_weak", "blocker")
    }
