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
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from tealeaves.extract.event_text import event_text
from tealeaves.extract.main_states import TITLE_WEIGHT, title_states, top_two
from tealeaves.extract.party_overlaps import longest_first
from tealeaves.extract.windows import find_in_windows
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.schema import PartyWordEntry
from tealeaves.model import Document, Mention, MentionKind
from tealeaves.text.normalize import View
from tealeaves.text.scan import PhraseMatch

Role = Literal["plain", "target", "source", "counterpart", "pair", "both", "other", "topic", "pronoun"]

_Marker = tuple[int, int, Role, int]
"""start, end, role, window"""


class Party(NamedTuple):
    """A state-naming stretch ``[start, end)``: one state, two for a pair (in written order), none
    for a both-sides word not yet resolved or an ``other`` word (对方: the other side).

    ``place`` marks a location mention (a venue or a visit's destination); ``name`` is its English
    name, for the event's place. ``group`` numbers parties joined by conjunctions. A tuple, because
    a document builds many of them; compare parties by identity (``is``), not by value.
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


class _WordRule(NamedTuple):
    """What a party word does in one language: name parties (``states`` or a both/other ``role``),
    stand for a person (``pronoun``) or mark the role of the party after it (``marker``)."""

    kind: Literal["party", "pronoun", "marker"]
    states: tuple[str, ...]
    role: Role
    window: int


@functools.cache
def _word_rules(kb: KnowledgeBase, lang: str) -> dict[str, _WordRule]:
    """Folded phrase -> the rule of its first entry in ``lang`` (the others are never read), built
    once per knowledge base and language."""
    out: dict[str, _WordRule] = {}
    for phrase in kb.party_word_index.phrases():
        for entry in kb.party_word_index.lookup(phrase):
            if entry.lang != lang:
                continue
            if entry.states or entry.role in ("both", "other"):
                out[phrase] = _WordRule("party", entry.states, entry.role, entry.window)
            elif entry.role == "pronoun":
                out[phrase] = _WordRule("pronoun", (), entry.role, entry.window)
            else:
                out[phrase] = _WordRule("marker", (), entry.role, entry.window)
            break
    return out


def find_parties(
    doc: Document,
    view: View,
    kb: KnowledgeBase,
    mentions: Sequence[Mention],
    lang: str,
    cue_starts: Sequence[int],
    windows: Sequence[tuple[int, int]],
    *,
    words: Sequence[PhraseMatch[PartyWordEntry]] | None = None,
    date_starts: Sequence[int] = (),
) -> PartyMap:
    """Every party in ``doc``, sorted by position, with roles from the markers before them. Party
    words and markers are looked for only in ``windows`` (the sentences with cues, sorted and
    disjoint); mentions count everywhere, so that the article's main states are known.

    A marker does not reach past a cue (``cue_starts``): in 将增购美国大豆 the 将 is a future tense,
    not the object marker of 美国.

    Overlaps between a mention and a party word go to the longer one (对中国大陆 over 中国), so one
    stretch of text is one party. Returns an empty map when nothing names a state.

    ``words`` are the party words inside the windows (overlapping, by position) when the caller
    has scanned for them already; they are scanned here when None. ``date_starts`` (sorted) are
    where dates begin: a marker whose object is a date ("On March 4 Trump doubled…") does not
    reach the party after it.
    """
    found: list[Party] = []
    named: list[Party] = []
    named_states: list[str] = []  # every naming of a state that counts, in order (counted at the end)
    classes = event_text(kb)
    bystanders = classes.bystander_ids
    window_starts = [a for a, _ in windows]
    place_kind, person_kind = MentionKind.PLACE, MentionKind.PERSON
    first: dict[str, int] = {}  # where each state is first named, for ties between the main states
    new, right, counted = _new_party, bisect.bisect_right, named_states.append
    view_text, topic_nouns = view.text, classes.topic_nouns  # 台湾问题: a topic, not a party
    for m in mentions:
        fields = m.__dict__  # a model's field values: one lookup each instead of a model attribute each
        state = fields["state"]
        if not state:
            continue
        span = fields["evidence"].span
        start = span.start
        if state not in first:
            first[state] = start
        if fields["actor_id"] in bystanders:
            continue
        kind = fields["kind"]
        place = kind == place_kind
        if not place:
            counted(state)
        k = right(window_starts, start) - 1
        if k >= 0:
            end = span.end
            if end <= windows[k][1] and not (topic_nouns and view_text.startswith(topic_nouns, _after_space(view_text, end))):
                found.append(new(Party, (start, end, (state,), "plain", place, fields["name"], False, None, kind == person_kind)))
    markers: list[_Marker] = []
    pronouns: list[tuple[int, int]] = []
    rules = _word_rules(kb, lang)
    if words is None:
        words = find_in_windows(view, kb.party_word_index, windows, overlapping=True)
    both = False
    for match in words:
        rule = rules.get(match[2])
        if rule is None:
            continue
        kind_of = rule.kind
        if kind_of == "party":
            role = rule.role
            both = both or role == "both"
            named.append(new(Party, (match[0], match[1], rule.states, role, False, None, False, None, False)))
            named_states += rule.states
        elif kind_of == "pronoun":
            pronouns.append((match[0], match[1]))
        else:
            markers.append((match[0], match[1], rule.role, rule.window))
    counts = Counter(named_states)
    for title_state in title_states(doc, kb):
        counts[title_state] += TITLE_WEIGHT
    if markers:
        markers = _outermost(markers)
    if pronouns:
        found += _resolve_pronouns(pronouns, markers, found)
    text = doc.text
    pair = top_two(counts, first)
    parties = _join_neighbours(
        text,
        longest_first(found, named),
        markers,
        classes.party_break_re,
        lang,
        pair=pair if both else _NO_BOTH,
        possessive=classes.possessive_words,
    )
    marked, used, bare = _apply_markers(text, parties, markers, classes.party_break_re, sorted(cue_starts), date_starts)
    grouped = _group(text, marked, classes.conjunctions)
    return PartyMap(grouped, used, bare, pair)


def _after_space(text: str, pos: int) -> int:
    """``pos``, or past one space there ("Taiwan issue")."""
    return pos + 1 if text[pos : pos + 1] == " " else pos


_new_party = tuple.__new__
"""Build a Party from its fields without the NamedTuple constructor's Python frame."""

_PRONOUN_REACH = 300
"""How far back (characters) a pronoun's person may have been named."""


def _resolve_pronouns(pronouns: list[tuple[int, int]], markers: list[_Marker], found: list[Party]) -> list[Party]:
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


def _outermost(markers: list[_Marker]) -> list[_Marker]:
    """Drop markers inside a longer one (对 inside 对于). Markers are a few characters long, so only
    those starting a few characters earlier can hold one: ``outer`` holds ``[start, end)`` when it
    starts at most 8 characters before (or with) it, reaches as far and is longer."""
    ordered = sorted(markers)
    n = len(ordered)
    out: list[_Marker] = []
    reach = -1  # the furthest end of the markers before this one
    for i, m in enumerate(ordered):
        start, end = m[0], m[1]
        # a holder overlaps the marker: none does when nothing before reaches into it and nothing
        # after starts with it
        unheld = start < end and reach <= start and (i + 1 == n or ordered[i + 1][0] != start)
        if unheld or not _held(ordered, i, start, end):
            out.append(m)
        if end > reach:
            reach = end
    return out


def _held(ordered: list[_Marker], i: int, start: int, end: int) -> bool:
    """Whether a marker of ``ordered`` other than the ``i``-th, ``[start, end)``, holds it."""
    length = end - start
    j = i - 1
    while j >= 0:
        o = ordered[j]
        if o[0] < start - 8:
            break
        if o[1] >= end and o[1] - o[0] > length:
            return True
        j -= 1
    j = i + 1
    while j < len(ordered):
        o = ordered[j]
        if o[0] != start:
            break
        if o[1] >= end and o[1] - o[0] > length:
            return True
        j += 1
    return False


_NO_BOTH: tuple[str, str] | None = ("", "")
"""What ``_join_neighbours`` gets for ``pair`` when no both-sides word is among the parties: the
recent states need not be followed then."""


_BOTH_REPEAT = 12
"""A both-sides word this close after another names the same two (两国领导人进行了会谈，两国领导人承诺)."""

def _partner_marked(markers: list[_Marker], a: int, b: int) -> bool:
    """Whether a counterpart marker (与, with) fills the gap ``[a, b)`` between a party and a
    both-sides word (他与两国领导人): that party is their partner, not one of the two."""
    return any(m[2] == "counterpart" and a <= m[0] and m[1] <= b and b - a <= m[1] - m[0] + 2 for m in markers)


def _join_neighbours(
    text: str,
    parties: list[Party],
    markers: list[_Marker],
    breaks: re.Pattern[str],
    lang: str,
    *,
    pair: tuple[str, str] | None = _NO_BOTH,
    possessive: tuple[str, ...] = (),
) -> list[Party]:
    """Join a run of mentions of one state into one party: 美国总统特朗普, U.S. Treasury Secretary Scott
    Bessent, China's commerce ministry name one actor, and a marker before the run applies to all
    of it. Only a short gap without a clause mark or a role marker may separate them.

    In the same pass a party that a ``possessive`` word follows is marked possessive, and a
    both-sides word (双方, the two countries) takes its states (skipped when ``pair`` is
    ``_NO_BOTH``): the article's two main states (``pair``) when both were among the last four
    states named before it and one of them among the last two; else the last two named (两国领导人
    after 墨西哥和加拿大); at the start of an article, nobody yet (the main states stand in later).
    A run joins plain parties of one state only, so following the states named on the parties
    before or after joining gives the same."""
    limit = 30 if lang == "en" else 6
    marker_starts = [m[0] for m in markers]
    if any(marker_starts[i] > marker_starts[i + 1] for i in range(len(marker_starts) - 1)):
        marker_starts.sort()
    out: list[Party] = []
    prev: Party | None = None
    follow = pair is not _NO_BOTH  # whether both-sides words are to be resolved
    recent: list[str] = []
    last_both: Party | None = None  # the last both-sides word resolved
    pair_states = set(pair) if follow and pair is not None else set()
    starts = text.startswith
    new = _new_party
    for p in parties:
        if follow:
            if p[3] == "both":
                named = recent
                if prev is not None and len(prev[2]) == 1 and len(recent) >= 3 and _partner_marked(markers, prev[1], p[0]):
                    # 他与两国领导人: the two countries are not the one meeting them
                    named = [r for r in recent if r != prev[2][0]]
                if last_both is not None and p[0] - last_both[1] <= _BOTH_REPEAT:
                    p = new(Party, (p[0], p[1], last_both[2], *p[3:]))  # the same two again (两国领导人……两国领导人承诺)
                elif pair is not None and pair_states <= set(named[-4:]) and (set(named[-2:]) & pair_states):
                    p = new(Party, (p[0], p[1], pair, *p[3:]))
                elif len(named) >= 2:
                    p = new(Party, (p[0], p[1], (named[-2], named[-1]), *p[3:]))
                if p[2]:
                    last_both = p
            elif not p[4]:
                for state in p[2]:
                    if recent and recent[-1] == state:
                        continue  # already the last named
                    if state in recent:
                        recent.remove(state)
                    recent.append(state)
        if (
            prev is not None
            and prev[2] == p[2]
            and len(p[2]) == 1
            and prev[3] == "plain"
            and p[3] == "plain"
            and prev[4] == p[4]
            and p[0] - prev[1] <= limit  # (negative for overlapping mentions, like an empty gap)
            and breaks.search(text, prev[1], p[0]) is None
            and not _cue_between(marker_starts, prev[1], p[0])
        ):
            prev = out[-1] = new(Party, (prev[0], p[1], prev[2], prev[3], prev[4], prev[5] or p[5], *prev[6:]))
            continue
        if prev is not None and possessive and starts(possessive, prev[1]):
            out[-1] = new(Party, (*prev[:6], True, *prev[7:]))
        out.append(p)
        prev = p
    if prev is not None and possessive and starts(possessive, prev[1]):
        out[-1] = new(Party, (*prev[:6], True, *prev[7:]))
    return out


def _apply_markers(
    text: str,
    parties: list[Party],
    markers: list[_Marker],
    breaks: re.Pattern[str],
    cues: list[int],
    date_starts: Sequence[int] = (),
) -> tuple[tuple[Party, ...], frozenset[int], frozenset[int]]:
    """Give each party the role of the nearest marker ending at most ``window`` characters before
    it, with no clause mark, cue or date between (a marker inside a party's own name does not
    count; a date between is the marker's own object: "On March 4 Trump")."""
    starts = [p[0] for p in parties]
    out = list(parties)
    n = len(out)
    owner: dict[int, int] = {}  # party index -> start of the marker that gave its role (the nearest wins)
    bare: set[int] = set()
    left, search, markable = bisect.bisect_left, breaks.search, _MARKABLE
    for m_start, m_end, role, window in sorted(markers):
        k = left(starts, m_end)
        if k > 0 and out[k - 1][1] > m_start:
            continue  # the marker lies inside a party's own name
        if k < n:
            party = out[k]
            start = party[0]
            reachable = (
                start - m_end <= window
                and search(text, m_end, start) is None
                and not _cue_between(cues, m_end, start)
                and not _cue_between(date_starts, m_end, start)
            )
        else:
            reachable = False
        if not reachable:
            if role == "source":
                bare.add(m_end)
            continue
        if role == "topic":
            continue
        if party[3] in markable and party[2] and not party[4]:
            out[k] = _new_party(Party, (start, party[1], party[2], role, *party[4:]))
            owner[k] = m_start
    return tuple(out), frozenset(owner.values()), frozenset(bare)


_MARKABLE = frozenset({"plain", "target", "source", "counterpart", "pair", "both"})
"""The roles a marker may replace."""


def _cue_between(cues: Sequence[int], a: int, b: int) -> bool:
    k = bisect.bisect_left(cues, a)
    return k < len(cues) and cues[k] < b


def _group(text: str, parties: tuple[Party, ...], conjunctions: frozenset[str]) -> tuple[Party, ...]:
    """Number runs of parties joined only by conjunctions; later members take the first's role."""
    out = list(parties)
    group = 0
    longest = max(map(len, conjunctions), default=0)
    new = _new_party
    blank = str.isspace
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if cur[4] or prev[4]:  # a place
            continue
        a, b = prev[1], cur[0]
        if b - a > longest and not blank(text[a]) and not blank(text[b - 1]):
            continue  # a gap longer than any conjunction, with no blanks to strip
        gap = text[a:b].strip()
        if gap and gap.lower() in conjunctions:
            if prev[7] is None:
                group += 1
                prev = out[i - 1] = new(Party, (*prev[:7], group, prev[8]))
            role = cur[3]
            if role == "plain" and prev[3] in ("target", "source", "counterpart"):
                role = prev[3]
            out[i] = new(Party, (cur[0], cur[1], cur[2], role, cur[4], cur[5], cur[6], prev[7], cur[8]))
    return tuple(out)
