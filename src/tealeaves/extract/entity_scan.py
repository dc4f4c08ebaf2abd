"""The shared reading of one document's alias matches for the entity stage.

``start_scan`` runs the one scan of the simplified, folded view with ``kb.alias_index`` and keeps what
the rules need about it: each phrase's targets sorted by kind (``Profile``, memoised per phrase), the
states the article names without doubt (``state_counts``, its two ``principal`` parties), and the
cue tables of data/actors/locatives.yaml and person_titles.yaml compiled once per knowledge base.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from tealeaves.knowledge.base import AliasTarget, KnowledgeBase
from tealeaves.knowledge.phrases import fold_phrase
from tealeaves.knowledge.schema import LocativeEntry, OrganizationEntry, PersonEntry, PersonTitleEntry, PlaceEntry
from tealeaves.model import Document, MentionKind
from tealeaves.text.normalize import make_view
from tealeaves.text.scan import PhraseMatch, find_phrases

Match = PhraseMatch[AliasTarget]
Via = Literal["alias", "role", "context"]

LOOKBACK = 32
"""How many characters before a name a locative cue or role blocker may start (word plus gap)."""

SPECIFIC = {"country": 0, "bloc": 0, "continent": 0, "region": 1, "sea": 2, "city": 2, "venue": 3}
"""How specific a place category is; an address runs from less to more specific."""

_NAME_TOKEN = r"(?:[A-Z](?:[a-z]+(?:[A-Z'\N{RIGHT SINGLE QUOTATION MARK}\-][A-Za-z]?[a-z]+)*|'[A-Z][a-z]+))"
"""One word of an English personal name: Carney, LeBlanc, McGuire, Okonjo-Iweala, O'Brien."""


@dataclass(frozen=True)
class Cues:
    """The compiled cue tables of one knowledge base."""

    before: re.Pattern[str] | None
    before_weak: re.Pattern[str] | None
    after: re.Pattern[str] | None
    blocker: re.Pattern[str] | None
    titled_name: re.Pattern[str] | None
    not_name: frozenset[str]


class Found(NamedTuple):
    """A mention before it becomes a validated Mention (cheap to build, hash and dedupe)."""

    start: int
    end: int
    kind: MentionKind
    actor_id: str | None
    name: str | None
    state: str | None
    via: Via = "alias"


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
    return Profile(
        persons=persons,
        members=members,
        sites=tuple(p for p in places if p.category != "country"),
        countries=countries,
        states=states,
        orgs=orgs,
        roles=roles,
        level=level,
        sole_state=owners.pop() if len(owners) == 1 else None,
        state_word=state_word,
    )


@dataclass
class Scan:
    """One document's matches and what the rules share about it."""

    doc: Document
    vtext: str
    kb: KnowledgeBase
    cues: Cues
    matches: list[Match]
    state_counts: Counter[str] = field(default_factory=Counter)
    principal: frozenset[str] = frozenset()
    profiles: dict[str, Profile] = field(default_factory=dict)

    def profile(self, m: Match) -> Profile:
        """What the match's phrase can stand for (memoised per phrase: articles repeat names)."""
        got = self.profiles.get(m.phrase)
        if got is None:
            got = self.profiles[m.phrase] = _profile(self.kb, m.payloads)
        return got

    def gap(self, a: int, b: int) -> str:
        """The original text between match ``a`` and match ``b`` (a before b)."""
        return self.doc.text[self.matches[a].end : self.matches[b].start]


def start_scan(doc: Document, kb: KnowledgeBase) -> Scan:
    """Scan ``doc`` once and collect what the entity rules share: the matches written as listed,
    the state counts and the article's two principal parties."""
    view = make_view(doc.text)
    cues = compile_cues(kb.entries("locatives", LocativeEntry), kb.entries("person_titles", PersonTitleEntry))
    matches = [m for m in find_phrases(view, kb.alias_index) if _written_as_listed(doc.text, m, kb)]
    scan = Scan(doc, view.text, kb, cues, matches)
    scan.state_counts.update(s for s in (scan.profile(m).sole_state for m in matches) if s)
    scan.principal = frozenset(s for s, _ in scan.state_counts.most_common(2))
    return scan


def _written_as_listed(text: str, m: Match, kb: KnowledgeBase) -> bool:
    """A Latin-script match must be written as the data writes it, up to harmless case changes.

    The index folds case, so "us" would match the alias "US" and "trump" the alias "Trump". We
    accept the exact spelling, an all-capital headline form of a mixed-case alias, any casing of an
    alias written in lower case, and a form that keeps the alias's capital initial.
    """
    written = text[m.start : m.end]
    if not written[0].isascii() or not written[0].isalpha():
        return True
    for form in kb.alias_spellings.get(m.phrase, ()):
        if form == written:
            return True
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


@functools.cache
def compile_cues(locatives: tuple[LocativeEntry, ...], titles: tuple[PersonTitleEntry, ...]) -> Cues:
    """Compile the locative, blocker and title tables once per distinct set of entries."""

    def words(ws: tuple[str, ...] | list[str], latin_edge: bool) -> str:
        alts = "|".join(re.escape(fold_phrase(w)) for w in sorted(set(ws), key=len, reverse=True))
        return (r"(?<![a-z0-9])" if latin_edge else "") + f"(?:{alts})"

    def before(strength: str) -> re.Pattern[str] | None:
        alts = [
            "".join(f"(?<!{re.escape(fold_phrase(x))})" for x in e.not_after) + words(e.words, e.lang == "en") + f"(?:{e.gap})$"
            for e in locatives
            if e.side == "before" and e.strength == strength
        ]
        return re.compile("|".join(alts)) if alts else None

    after = [f"(?:{e.gap})" + words(e.words, False) for e in locatives if e.side == "after"]
    blockers = [words(e.words, e.lang == "en") + r"\s*$" for e in titles if e.use == "role_blocker"]
    title_words = [w for e in titles if e.use == "title" for w in e.words]
    not_name = {w for e in titles if e.use == "not_name" for w in e.words}
    not_name |= {tok for w in title_words for tok in w.replace("-", " ").split()}
    titled = None
    if title_words:
        alts = "|".join(re.escape(w) for w in sorted(set(title_words), key=len, reverse=True))
        titled = re.compile(
            rf"(?<![A-Za-z])(?:{alts})\s+(?P<name>{_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,2}})(?![\w\-])(?! [A-Z][a-z])"
        )
    return Cues(
        before=before("strong"),
        before_weak=before("weak"),
        after=re.compile("|".join(after)) if after else None,
        blocker=re.compile("|".join(blockers)) if blockers else None,
        titled_name=titled,
        not_name=frozenset(not_name),
    )


def sentence_of(starts: list[int], pos: int) -> int:
    """Index of the sentence that holds ``pos`` (0 before the first)."""
    return max(0, bisect.bisect_right(starts, pos) - 1)
