"""Parties of events: the states behind mentions and party words, with the role their markers give.

A party is a stretch of text that names a state acting or acted upon: an entity mention with a
state (an official or a ministry stands for its state, SCHEMA.md), or a party word of
data/events/parties.yaml (对华, 中美, 双方, 对方). A role marker right before a party gives it a role:
对 / on / against mark the target, 被 / by the acting source of a passive, 与 / with a partner.
Parties joined by a conjunction (和, 及, and) form a group that shares the first one's role.
Location mentions (kind place) are kept apart: they are venues, never actors, except as the
destination of a visit.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from tealeaves.extract.event_text import event_text
from tealeaves.extract.windows import find_in_windows
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document, Mention, MentionKind
from tealeaves.text.normalize import View, make_view
from tealeaves.text.scan import find_phrases

Role = Literal["plain", "target", "source", "counterpart", "pair", "both", "other", "topic", "pronoun"]


@dataclass(frozen=True, slots=True)
class Party:
    """A state-naming stretch ``[start, end)``: one state, two for a pair (in written order), none
    for a both-sides word not yet resolved or an ``other`` word (对方: the other side).

    ``place`` marks a location mention (a venue or a visit's destination); ``name`` is its English
    name, for the event's place. ``group`` numbers parties joined by conjunctions.
    """

    start: int
    end: int
    states: tuple[str, ...]
    role: Role = "plain"
    place: bool = False
    name: str | None = None
    possessive: bool = False
    group: int | None = None
    person: bool = False


@dataclass(frozen=True, slots=True)
class PartyMap:
    """The parties of a document, the markers that gave a role (a 将 that marks an object is no
    future tense), the ends of passive markers with no agent after them (被列入) and the article's
    two most-named states (``pair``)."""

    parties: tuple[Party, ...]
    used_markers: frozenset[int]
    bare_passives: frozenset[int]
    pair: tuple[str, str] | None


def find_parties(
    doc: Document,
    view: View,
    kb: KnowledgeBase,
    mentions: Sequence[Mention],
    lang: str,
    cue_starts: Sequence[int],
    windows: Sequence[tuple[int, int]],
) -> PartyMap:
    """Every party in ``doc``, sorted by position, with roles from the markers before them. Party
    words and markers are looked for only in ``windows`` (the sentences with cues); mentions count
    everywhere, so that the article's main states are known.

    A marker does not reach past a cue (``cue_starts``): in 将增购美国大豆 the 将 is a future tense,
    not the object marker of 美国.

    Overlaps between a mention and a party word go to the longer one (对中国大陆 over 中国), so one
    stretch of text is one party. Returns an empty map when nothing names a state.
    """
    found: list[Party] = []
    words: list[Party] = []
    counts: Counter[str] = Counter()
    classes = event_text(kb)
    bystanders = classes.non_actor_categories
    window_starts = [a for a, _ in windows]
    for m in mentions:
        if not m.state:
            continue
        org = kb.organizations.get(m.actor_id or "")
        if org is not None and org.category in bystanders:
            continue
        place = m.kind == MentionKind.PLACE
        if not place:
            counts[m.state] += 1
        span = m.evidence.span
        k = bisect.bisect_right(window_starts, span.start) - 1
        if k >= 0 and span.end <= windows[k][1]:
            person = m.kind == MentionKind.PERSON
            found.append(Party(span.start, span.end, (m.state,), place=place, name=m.name, person=person))
    markers: list[tuple[int, int, Role, int]] = []
    pronouns: list[tuple[int, int]] = []
    for match in find_in_windows(view, kb.party_word_index, windows, overlapping=True):
        for entry in match.payloads:
            if entry.lang != lang:
                continue
            if entry.states or entry.role in ("both", "other"):
                words.append(Party(match.start, match.end, entry.states, entry.role))
                counts.update(entry.states)
            elif entry.role == "pronoun":
                pronouns.append((match.start, match.end))
            else:
                markers.append((match.start, match.end, entry.role, entry.window))
            break
    for title_state in _title_states(doc, kb):
        counts[title_state] += _TITLE_WEIGHT
    markers = _outermost(markers)
    found += _resolve_pronouns(pronouns, markers, found)
    breaks = classes.party_break
    parties = _join_neighbours(doc.text, _longest_first(found, words), markers, breaks, lang)
    pair = _top_two(counts, mentions)
    parties = _resolve_both(parties, pair)
    possessive_marks = tuple(classes.possessive_marks)
    parties = [replace(p, possessive=True) if doc.text.startswith(possessive_marks, p.end) else p for p in parties]
    marked, used, bare = _apply_markers(doc.text, parties, markers, breaks, sorted(cue_starts))
    grouped = _group(doc.text, marked, classes.conjunctions)
    return PartyMap(grouped, used, bare, pair)


_TITLE_WEIGHT = 5
"""How many mentions a state named in the title counts for: the title names the article's parties."""

_PRONOUN_REACH = 300
"""How far back (characters) a pronoun's person may have been named."""


def _title_states(doc: Document, kb: KnowledgeBase) -> list[str]:
    """The states of the actors named in the title (a person, a ministry, a country, a role)."""
    title = doc.meta.title
    if not title:
        return []
    out: list[str] = []
    for match in find_phrases(make_view(title), kb.alias_index):
        for target in match.payloads:
            state: str | None = None
            if target.kind == "states":
                state = target.id
            elif target.kind == "persons" and target.id in kb.persons:
                state = kb.persons[target.id].state
            elif target.kind == "organizations" and target.id in kb.organizations:
                state = kb.organizations[target.id].state
            elif target.kind == "places" and target.id in kb.places and kb.places[target.id].category == "country":
                state = kb.places[target.id].state
            elif target.kind == "roles" and target.id in kb.roles and not target.bare:
                state = kb.roles[target.id].state
            if state:
                out.append(state)
                break
    return out


def _resolve_pronouns(
    pronouns: list[tuple[int, int]], markers: list[tuple[int, int, Role, int]], found: list[Party]
) -> list[Party]:
    """A personal pronoun (他, she) stands for the last person named before it, if one was named
    shortly before (a form naming two people at once, 川习会, names no one person); inside a longer
    word (其他, 吉他: topic entries) it is no pronoun."""
    out: list[Party] = []
    spans = Counter((p.start, p.end) for p in found if p.person)
    people = sorted((p for p in found if p.person and spans[(p.start, p.end)] == 1), key=lambda p: p.start)
    for a, b in pronouns:
        if any(m[0] <= a and b <= m[1] and m[1] - m[0] > b - a for m in markers):
            continue
        before = [p for p in people if p.end <= a and a - p.end <= _PRONOUN_REACH]
        if before:
            out.append(Party(a, b, before[-1].states, person=True))
    return out


def _outermost(markers: list[tuple[int, int, Role, int]]) -> list[tuple[int, int, Role, int]]:
    """Drop markers inside a longer one (对 inside 对于). Markers are a few characters long, so only
    those starting a few characters earlier can hold one."""
    ordered = sorted(markers)
    starts = [m[0] for m in ordered]
    out: list[tuple[int, int, Role, int]] = []
    for m in ordered:
        lo = bisect.bisect_left(starts, m[0] - 8)
        hi = bisect.bisect_right(starts, m[0])
        if not any(o[1] >= m[1] and o[1] - o[0] > m[1] - m[0] for o in ordered[lo:hi]):
            out.append(m)
    return out


def _longest_first(mentioned: list[Party], words: list[Party]) -> list[Party]:
    """Resolve overlaps: the longer stretch wins; on a tie the mention beats the party word (对中国:
    the marker 对 and the mention 中国, not the word 对中)."""
    if not words:
        return sorted(mentioned, key=lambda p: p.start)
    taken: list[Party] = []
    occupied: set[int] = set()
    ranked = [(p, 0) for p in mentioned] + [(p, 1) for p in words]
    for p, _ in sorted(ranked, key=lambda x: (-(x[0].end - x[0].start), x[1], x[0].start, x[0].place)):
        if p.start in occupied or (p.end - 1) in occupied or any(i in occupied for i in range(p.start + 1, p.end - 1)):
            continue
        taken.append(p)
        occupied.update(range(p.start, p.end))
    return sorted(taken, key=lambda p: p.start)


def _join_neighbours(
    text: str, parties: list[Party], markers: list[tuple[int, int, Role, int]], breaks: frozenset[str], lang: str
) -> list[Party]:
    """Join a run of mentions of one state into one party: 美国总统特朗普, U.S. Treasury Secretary Scott
    Bessent, China's commerce ministry name one actor, and a marker before the run applies to all
    of it. Only a short gap without a clause mark or a role marker may separate them."""
    limit = 30 if lang == "en" else 6
    marker_starts = sorted(m[0] for m in markers)
    out: list[Party] = []
    for p in parties:
        if out:
            prev = out[-1]
            gap = text[prev.end : p.start]
            k = bisect.bisect_left(marker_starts, prev.end)
            if (
                prev.states == p.states
                and len(p.states) == 1
                and prev.role == p.role == "plain"
                and prev.place == p.place
                and len(gap) <= limit
                and not any(ch in breaks for ch in gap)
                and not (k < len(marker_starts) and marker_starts[k] < p.start)
            ):
                out[-1] = replace(prev, end=p.end, name=prev.name or p.name)
                continue
        out.append(p)
    return out


def _resolve_both(parties: list[Party], pair: tuple[str, str] | None) -> list[Party]:
    """A both-sides word (双方, the two countries) names the article's two main states (``pair``)
    when both were among the last four states named before it and one of them among the last two;
    else the last two named (两国领导人 after 墨西哥和加拿大); at the start of an article, nobody yet
    (the main states stand in later)."""
    out: list[Party] = []
    recent: list[str] = []
    for p in parties:
        if p.role == "both":
            last_two = recent[-2:]
            if pair is not None and set(pair) <= set(recent[-4:]) and (set(last_two) & set(pair)):
                p = replace(p, states=pair)
            elif len(recent) >= 2:
                p = replace(p, states=(recent[-2], recent[-1]))
        elif not p.place:
            for s in p.states:
                if s in recent:
                    recent.remove(s)
                recent.append(s)
        out.append(p)
    return out


def _apply_markers(
    text: str, parties: list[Party], markers: list[tuple[int, int, Role, int]], breaks: frozenset[str], cues: list[int]
) -> tuple[tuple[Party, ...], frozenset[int], frozenset[int]]:
    """Give each party the role of the nearest marker ending at most ``window`` characters before
    it, with no clause mark between (a marker inside a party's own name does not count)."""
    starts = [p.start for p in parties]
    out = list(parties)
    owner: dict[int, int] = {}  # party index -> start of the marker that gave its role (the nearest wins)
    bare: set[int] = set()
    for m_start, m_end, role, window in sorted(markers):
        k = bisect.bisect_left(starts, m_end)
        if k > 0 and out[k - 1].end > m_start:
            continue  # the marker lies inside a party's own name
        party = out[k] if k < len(out) else None
        reachable = (
            party is not None
            and party.start - m_end <= window
            and not any(ch in breaks for ch in text[m_end : party.start])
            and not _cue_between(cues, m_end, party.start)
        )
        if party is None or not reachable:
            if role == "source":
                bare.add(m_end)
            continue
        if role == "topic":
            continue
        if party.role in ("plain", "target", "source", "counterpart", "pair", "both") and party.states and not party.place:
            new_role: Role = role
            out[k] = replace(party, role=new_role)
            owner[k] = m_start
    return tuple(out), frozenset(owner.values()), frozenset(bare)


def _cue_between(cues: list[int], a: int, b: int) -> bool:
    k = bisect.bisect_left(cues, a)
    return k < len(cues) and cues[k] < b


def _group(text: str, parties: tuple[Party, ...], conjunctions: frozenset[str]) -> tuple[Party, ...]:
    """Number runs of parties joined only by conjunctions; later members take the first's role."""
    out = list(parties)
    group = 0
    for i in range(1, len(out)):
        gap = text[out[i - 1].end : out[i].start].strip()
        if gap and gap.lower() in conjunctions and not out[i].place and not out[i - 1].place:
            if out[i - 1].group is None:
                group += 1
                out[i - 1] = replace(out[i - 1], group=group)
            role = out[i].role
            if role == "plain" and out[i - 1].role in ("target", "source", "counterpart"):
                role = out[i - 1].role
            out[i] = replace(out[i], group=out[i - 1].group, role=role)
    return tuple(out)


def _top_two(counts: Counter[str], mentions: Sequence[Mention]) -> tuple[str, str] | None:
    """The article's two most-named states (ties: first named first), or None when fewer than two
    states are named. Counterpart inference uses it: in a US-China article, an act of one side
    with no named object is taken to be directed at the other."""
    if len(counts) < 2:
        return None
    first: dict[str, int] = {}
    for m in mentions:
        if m.state and m.state not in first:
            first[m.state] = m.evidence.span.start
    ranked = sorted(counts, key=lambda s: (-counts[s], first.get(s, 1 << 62)))
    return ranked[0], ranked[1]
