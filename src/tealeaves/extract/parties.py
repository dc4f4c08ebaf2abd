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
from tealeaves.extract.party_runs import NO_BOTH, join_neighbours
from tealeaves.extract.party_types import Marker, Party, Role, cue_between, new_party
from tealeaves.extract.windows import find_in_windows
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.schema import PartyWordEntry
from tealeaves.model import Document, Mention, MentionKind
from tealeaves.text.normalize import View
from tealeaves.text.scan import PhraseMatch

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
    new, right, counted = new_party, bisect.bisect_right, named_states.append
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
            if end <= windows[k][1] and not (topic_nouns and view_text.startswith(topic_nouns, end + (view_text[end : end + 1] == " "))):
                found.append(new(Party, (start, end, (state,), "plain", place, fields["name"], False, None, kind == person_kind)))
    markers: list[Marker] = []
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
    parties = join_neighbours(
        text,
        longest_first(found, named),
        markers,
        classes.party_break_re,
        lang,
        pair=pair if both else NO_BOTH,
        possessive=classes.possessive_words,
        sentence_end=classes.sentence_end_re,
    )
    marked, used, bare = _apply_markers(text, parties, markers, classes.party_break_re, sorted(cue_starts), date_starts)
    grouped = _group(text, marked, classes.conjunctions)
    return PartyMap(grouped, used, bare, pair)


_PRONOUN_REACH = 300
"""How far back (characters) a pronoun's person may have been named."""


def _resolve_pronouns(pronouns: list[tuple[int, int]], markers: list[Marker], found: list[Party]) -> list[Party]:
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


def _outermost(markers: list[Marker]) -> list[Marker]:
    """Drop markers inside a longer one (对 inside 对于). Markers are a few characters long, so only
    those starting a few characters earlier can hold one: ``outer`` holds ``[start, end)`` when it
    starts at most 8 characters before (or with) it, reaches as far and is longer."""
    ordered = sorted(markers)
    n = len(ordered)
    out: list[Marker] = []
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


def _held(ordered: list[Marker], i: int, start: int, end: int) -> bool:
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


def _apply_markers(
    text: str,
    parties: list[Party],
    markers: list[Marker],
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
                and not cue_between(cues, m_end, start)
                and not cue_between(date_starts, m_end, start)
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
            out[k] = new_party(Party, (start, party[1], party[2], role, *party[4:]))
            owner[k] = m_start
    return tuple(out), frozenset(owner.values()), frozenset(bare)


_MARKABLE = frozenset({"plain", "target", "source", "counterpart", "pair", "both"})
"""The roles a marker may replace."""


def _group(text: str, parties: tuple[Party, ...], conjunctions: frozenset[str]) -> tuple[Party, ...]:
    """Number runs of parties joined only by conjunctions; later members take the first's role."""
    out = list(parties)
    group = 0
    longest = max(map(len, conjunctions), default=0)
    new = new_party
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
