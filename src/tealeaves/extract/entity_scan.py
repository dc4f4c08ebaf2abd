"""The shared reading of one document's alias matches for the entity stage.

``start_scan`` runs the one scan of the simplified, folded view with ``kb.alias_index`` and keeps what
the rules need about it: each phrase's targets sorted by kind (``Profile``, memoised per phrase), the
states the article names without doubt (``state_counts``, its two ``principal`` parties), and where
the cue and title words of ``tealeaves.extract.entity_cues`` stand.

The same pass of the automaton also finds where the cue and title words stand (``Cues.probes``), so
that a document is walked once however many rules look around its names. Matches are kept as plain
columns (``starts``, ``ends``, phrase ``numbers``) and mentions as plain tuples (``Found``) until
the stage builds its Mention objects at the end.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
import string
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from tealeaves.extract.entity_cues import CueName, Cues, cue_windows, kb_cues
from tealeaves.knowledge.base import AliasTarget, KnowledgeBase
from tealeaves.knowledge.schema import (
    OrganizationEntry,
    PersonEntry,
    PlaceEntry,
)
from tealeaves.model import Document, MentionKind
from tealeaves.text.normalize import make_view
from tealeaves.text.scan import (
    PhraseMatch,
    find_phrase_spots,
    find_phrase_spots_and_probes,
)

Match = PhraseMatch[AliasTarget]
Via = Literal["alias", "role", "context"]

LOOKBACK = 32
"""How many characters before a name a locative cue or role blocker may start (word plus gap)."""

SPECIFIC = {"country": 0, "bloc": 0, "continent": 0, "region": 1, "sea": 2, "city": 2, "venue": 3}
"""How specific a place category is; an address runs from less to more specific."""

Found = tuple[int, int, MentionKind, str | None, str | None, str | None, Via]
"""A mention before it becomes a validated Mention: ``(start, end, kind, actor_id, name, state, via)``.
A plain tuple, cheap to build, hash and dedupe; ``(start, end) + tail`` makes one from the fixed
part a phrase always gives (``Profile.static``)."""

Tail = tuple[MentionKind, str | None, str | None, str | None, Via]
"""What a Found holds besides its span."""


@dataclass(frozen=True)
class Profile:
    """The targets of one phrase, looked up and sorted by kind."""

    persons: tuple[PersonEntry, ...]
    members: tuple[PersonEntry, ...]
    sites: tuple[PlaceEntry, ...]
    countries: tuple[PlaceEntry, ...]
    states: tuple[str, ...]
    orgs: tuple[OrganizationEntry, ...]
    roles: tuple[AliasTarget, ...]
    level: tuple[int, str | None] | None
    """(specificity, state) of the most specific place the phrase names."""
    sole_state: str | None
    """The one state every target belongs to, when there is exactly one."""
    state_word: str | None
    """The state a phrase names as a state or country (美方, 中国), for "China's Finance Minister"."""
    place: bool
    """The phrase names a place (a site or a country) and no person: its reading is a place or the
    state acting, decided by its neighbours (``static`` is then None)."""
    static: tuple[Tail, ...] | None
    """What the name rules make of the phrase wherever it stands, when that does not depend on the
    article (one listed person, one organization, a state word; nothing for a role descriptor);
    None when it does (a place or country, a name shared by several actors)."""


@functools.lru_cache(maxsize=1 << 15)
def _phrase_profile(kb: KnowledgeBase, phrase: str) -> Profile:
    """The profile of a phrase of ``kb.alias_index``, looked up by the phrase (whose hash Python
    keeps) rather than by its targets (whose hash is computed anew each time)."""
    return _profile(kb, kb.alias_index.lookup(phrase))


@functools.lru_cache(maxsize=1 << 15)
def _profile(kb: KnowledgeBase, payloads: tuple[AliasTarget, ...]) -> Profile:
    """What a phrase's targets stand for; pure in (knowledge base, targets), so articles share it."""
    def of(kind: str) -> list[AliasTarget]:
        return [t for t in payloads if t.kind == kind]

    places = [kb.places[t.id] for t in of("places")]
    persons = tuple(kb.persons[t.id] for t in of("persons"))
    members = tuple(kb.persons[m] for t in of("compounds") for m in kb.compounds[t.id].members)
    orgs = tuple(kb.organizations[t.id] for t in of("organizations"))
    states = tuple(t.id for t in of("states"))
    level = max(((SPECIFIC.get(p.category, 1), p.state) for p in places), key=lambda x: x[0], default=None)
    roles = tuple(of("roles"))
    owners = {p.state for p in places} | set(states) | {p.state for p in persons} | {o.state for o in orgs}
    owners |= {kb.roles[t.id].state for t in roles if not t.bare}
    countries = tuple(p for p in places if p.category == "country")
    state_word = states[0] if states else countries[0].state if countries else orgs[0].state if len(orgs) == 1 else None
    sites = tuple(p for p in places if p.category != "country")
    return Profile(
        persons=persons,
        members=members,
        sites=sites,
        countries=countries,
        states=states,
        orgs=orgs,
        roles=roles,
        level=level,
        sole_state=owners.pop() if len(owners) == 1 else None,
        state_word=state_word,
        place=bool(sites or countries) and not (persons or members),
        static=_static(kb, persons, members, bool(sites or countries), states, orgs),
    )


def _static(
    kb: KnowledgeBase,
    persons: tuple[PersonEntry, ...],
    members: tuple[PersonEntry, ...],
    places: bool,
    states: tuple[str, ...],
    orgs: tuple[OrganizationEntry, ...],
) -> tuple[Tail, ...] | None:
    """The name rules of ``tealeaves.extract.entities`` for a phrase whose reading needs no context:
    each member of a compound, then one listed person; else a state word (an organization sharing
    it gives way); else one organization; nothing for a role or a non-name. None when the reading
    depends on the article: several persons or organizations, or a place (located or not). No
    reading appears twice (two compounds may share a member)."""
    out: list[Tail] = [(MentionKind.PERSON, p.id, p.name, p.state, "alias") for p in members]
    if persons:
        if len(persons) > 1:
            return None
        p = persons[0]
        return tuple(dict.fromkeys((*out, (MentionKind.PERSON, p.id, p.name, p.state, "alias"))))
    if out:
        return tuple(dict.fromkeys(out))
    if places:
        return None
    if states:
        country = kb.countries.get(states[0])
        name = country.name if country else None
        return ((MentionKind.STATE, country.id if country else None, name, states[0], "alias"),)
    if len(orgs) > 1:
        return None
    return tuple((MentionKind.ORGANIZATION, o.id, o.name, o.state, "alias") for o in orgs)


@dataclass(frozen=True)
class AliasTables:
    """Per phrase of ``kb.alias_index`` (numbered as ``phrases()``): the phrase, whether it starts
    with a Latin letter (then its written case is checked) and the spellings the data gives it.
    Profiles are looked up on first use, since an article names a handful of the thousands."""

    phrases: tuple[str, ...]
    latin: tuple[bool, ...]
    any_latin: bool
    spellings: tuple[frozenset[str], ...]
    profiles: list[Profile | None]

    def profile(self, kb: KnowledgeBase, n: int) -> Profile:
        """The profile of phrase ``n``, looked up once (``kb`` is the knowledge base of these tables)."""
        got = self.profiles[n]
        if got is None:
            got = self.profiles[n] = _phrase_profile(kb, self.phrases[n])
        return got


@functools.lru_cache(maxsize=8)
def alias_tables(kb: KnowledgeBase) -> AliasTables:
    """The alias tables of ``kb``, built once per knowledge base."""
    phrases = kb.alias_index.phrases()
    spellings = kb.alias_spellings
    latin = tuple("a" <= p[0] <= "z" for p in phrases)
    return AliasTables(
        phrases=phrases,
        latin=latin,
        any_latin=any(latin),
        spellings=tuple(spellings.get(p, frozenset()) for p in phrases),
        profiles=[None] * len(phrases),
    )


@dataclass
class Scan:
    """One document's matches and what the rules share about it: match ``i`` spans
    ``[starts[i], ends[i])`` and ``profiles[i]`` is its profile."""

    doc: Document
    vtext: str
    kb: KnowledgeBase
    cues: Cues
    starts: list[int]
    ends: list[int]
    numbers: list[int]
    """The phrase number of each match (``kb.alias_index.phrases()``)."""
    state_counts: Counter[str] = field(default_factory=Counter)
    principal: frozenset[str] = frozenset()
    profiles: list[Profile] = field(default_factory=list)
    probe_hits: list[tuple[int, int, int]] | None = None
    """Where the words of ``cues.probes`` stand, ``(probe number, start, end)``, from the alias
    scan; None when they could not be listed with it."""
    _cue_windows: dict[CueName, tuple[re.Pattern[str] | None, list[int] | None]] | None = None

    @cached_property
    def matches(self) -> list[Match]:
        """The matches as PhraseMatch objects (for a reader that wants phrases and payloads)."""
        phrases, index = alias_tables(self.kb).phrases, self.kb.alias_index
        return [
            PhraseMatch(a, b, phrases[n], index.lookup(phrases[n])) for a, b, n in zip(self.starts, self.ends, self.numbers)
        ]

    @cached_property
    def title_starts(self) -> list[int] | None:
        """Sorted places where a title word starts (``cues.titles``); None when not listed."""
        if self.cues.titles is None or self.probe_hits is None:
            return None
        first = len(self.cues.probes) - len(self.cues.titles)
        return sorted({start for k, start, _end in self.probe_hits if k >= first})

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Where each sentence of the document starts."""
        return [s.span.start for s in self.doc.sentences]

    def profile(self, m: Match) -> Profile:
        """What the match's phrase can stand for (one object per phrase: articles repeat names)."""
        return _phrase_profile(self.kb, m.phrase)

    def gap(self, a: int, b: int) -> str:
        """The original text between match ``a`` and match ``b`` (a before b)."""
        return self.doc.text[self.ends[a] : self.starts[b]]

    def cue_before(self, name: CueName, lo: int, end: int) -> bool:
        """True when cue pattern ``name`` has a match in the view within ``[lo, end)`` ending at
        ``end`` (``pattern.search(view, lo, end)``), searching only from the first place where
        one of its words starts."""
        windows = self._cue_windows
        if windows is None:
            windows = self._cue_windows = cue_windows(self.cues, self.vtext, self.probe_hits)
        pattern, starts = windows[name]
        if starts is None:
            return pattern is not None and pattern.search(self.vtext, lo, end) is not None
        k = bisect.bisect_left(starts, lo)
        return k < len(starts) and starts[k] < end and pattern is not None and pattern.search(self.vtext, starts[k], end) is not None


def start_scan(doc: Document, kb: KnowledgeBase) -> Scan:
    """Scan ``doc`` once and collect what the entity rules share: the matches written as listed,
    their profiles, the state counts and the article's two principal parties."""
    view, text = make_view(doc.text), doc.text
    tables, cues = alias_tables(kb), kb_cues(kb)
    if cues.probes:
        spots, probe_hits = find_phrase_spots_and_probes(view, kb.alias_index, cues.probes)
    else:
        spots, probe_hits = find_phrase_spots(view, kb.alias_index), None
    if tables.any_latin:
        latin, spellings = tables.latin, tables.spellings
        spots = [
            (a, b, n) for a, b, n in spots if not (latin[n] and text[a] in _LATIN) or _written_as_listed(text[a:b], spellings[n])
        ]
    known = tables.profiles
    profiles = [known[n] or tables.profile(kb, n) for _a, _b, n in spots]
    counts: Counter[str] = Counter(filter(None, [p.sole_state for p in profiles]))
    # what Counter.most_common(2) gives (it is documented as this sort), without its heap in Python
    principal = frozenset(s for s, _ in sorted(counts.items(), key=_count, reverse=True)[:2])
    starts, ends, numbers = (list(column) for column in zip(*spots)) if spots else ([], [], [])
    return Scan(
        doc,
        view.text,
        kb,
        cues,
        starts,
        ends,
        numbers,
        state_counts=counts,
        principal=principal,
        profiles=profiles,
        probe_hits=probe_hits,
    )


_count = operator.itemgetter(1)


_LATIN = frozenset(string.ascii_letters)
"""First characters of the matches whose case ``_written_as_listed`` checks."""


def _written_as_listed(written: str, spellings: frozenset[str]) -> bool:
    """A Latin-script match must be written as the data writes it, up to harmless case changes.

    The index folds case, so "us" would match the alias "US" and "trump" the alias "Trump". We
    accept the exact spelling, an all-capital headline form of a mixed-case alias, any casing of an
    alias written in lower case, and a form that keeps the alias's capital initial. ``spellings``
    are the alias's spellings in the data (``kb.alias_spellings``).
    """
    if written in spellings:
        return True
    for form in spellings:
        if form.isupper():
            continue
        if written.isupper() and len(written) > 3:
            return True
        if form[0].islower() or form[0] == written[0]:
            return True
    return False


def by_dominant_state(scan: Scan, states: list[str | None]) -> int | None:
    """Index of the candidate whose state the article names most often; None on a tie or no count."""
    counts = [scan.state_counts.get(s, 0) if s else 0 for s in states]
    best = max(counts, default=0)
    if best == 0 or counts.count(best) > 1:
        return None
    return counts.index(best)


def sentence_of(starts: list[int], pos: int) -> int:
    """Index of the sentence that holds ``pos`` (0 before the first)."""
    return max(0, bisect.bisect_right(starts, pos) - 1)
