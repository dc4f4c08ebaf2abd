"""Definite descriptions that point back to an organization ("the ministry", 该部): each names the
last organization of a fitting category named shortly before it (data/actors/anaphors.yaml).

Wire copy names a body once ("China's commerce ministry said ...") and then writes "the ministry
added that ...": without this, the second sentence has no party and its act goes to whoever is
named in it, often the side the ministry is answering. A description with no fitting body before
it names nothing, as it tells a reader nothing either.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import ahocorasick_rs

from tealeaves.extract.entity_scan import Found
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.schema import AnaphorEntry
from tealeaves.model import MentionKind
from tealeaves.text.scan import wordish

_ORGANIZATION = MentionKind.ORGANIZATION


@dataclass(frozen=True)
class _Words:
    """The anaphors of one language in one Aho-Corasick automaton: pattern ``i`` is ``words[i]``,
    a word of ``entries[i]``; ``edged`` says whether it must sit on a Latin word boundary."""

    automaton: ahocorasick_rs.AhoCorasick | None
    words: tuple[str, ...]
    entries: tuple[AnaphorEntry, ...]
    edged: bool


@functools.cache
def _words(kb: KnowledgeBase, lang: str) -> _Words:
    pairs = [(w, e) for e in kb.entries("anaphors", AnaphorEntry) if e.lang == lang for w in e.words]
    if not pairs:
        return _Words(None, (), (), False)
    words = tuple(w for w, _ in pairs)
    automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return _Words(automaton, words, tuple(e for _, e in pairs), lang == "en")


def resolve_anaphors(vtext: str, lang: str, kb: KnowledgeBase, found: list[Found]) -> list[Found]:
    """An organization mention (``via="context"``) for each anaphor in the folded view ``vtext``
    that no found name covers and that has a fitting organization before it within its reach.

    Example::

        # "China's commerce ministry hit back. The ministry said ..." -> the second names MOFCOM too
    """
    words = _words(kb, lang)
    if words.automaton is None or not found:
        return []
    hits = words.automaton.find_matches_as_indexes(vtext)  # a view is always encodable
    if not hits:  # most articles: nothing more to do
        return []
    orgs = kb.organizations
    named = sorted((f for f in found if f[2] is _ORGANIZATION and f[3] is not None), key=lambda f: f[0])
    if not named:
        return []
    starts = [f[0] for f in named]
    spans = sorted((f[0], f[1]) for f in found)
    n = len(vtext)
    out: list[Found] = []
    for i, start, end in hits:
        if words.edged and ((start > 0 and wordish(vtext[start - 1])) or (end < n and wordish(vtext[end]))):
            continue
        entry = words.entries[i]
        if entry.not_after and vtext.startswith(entry.not_after, end):
            continue
        k = bisect.bisect_left(spans, (end,))
        if k > 0 and spans[k - 1][1] > start:  # part of a name found (the Ministry of Commerce)
            continue
        for j in range(bisect.bisect_left(starts, start) - 1, -1, -1):
            _a, b, _, actor_id, name, state, _via = named[j]
            if b > start:
                continue
            if start - b > entry.reach:
                break
            org = orgs.get(actor_id or "")
            if org is not None and org.category in entry.categories:
                out.append((start, end, _ORGANIZATION, actor_id, name, state, "context"))
                break
    return out
