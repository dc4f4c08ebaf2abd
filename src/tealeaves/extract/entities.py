"""Entity mentions: persons, organizations, places and states, resolved to knowledge-base actors.

One scan of the simplified, folded view with ``kb.alias_index`` (longest match wins) finds every
listed name, state short form, role descriptor and compound; the rules below only look at the
candidate spans and their immediate neighbours, so the cost stays linear in the text.

The rules, and where their words live:

- A person alias is a person mention (``via="alias"``); a compound (川习会) is one mention of each
  member (data/actors/compounds.yaml).
- A role descriptor names the holder at ``doc.meta.published``, and an English capitalised name
  after a title is a person even when unlisted (``tealeaves.extract.offices``).
- A country, or a capital that also stands for its government (北京, Washington), is a place when
  used as a location (a locative cue before or after it, data/actors/locatives.yaml) and otherwise the
  state acting (SCHEMA.md: places are "cities, regions and countries named as locations"). In an
  address ("美国华盛顿", "San Jose, California") only the most specific place is the location: the
  country in it is the state, a region in it is not reported.
- An alias that two organizations (or persons) share (外交部) goes to the one whose state the
  article names most often; a tie leaves it out.
- "The ministry", 该部 name the organization of a fitting kind named last before them
  (``tealeaves.extract.entity_anaphors``, data/actors/anaphors.yaml).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from typing import Literal

from tealeaves.extract.entity_anaphors import resolve_anaphors
from tealeaves.extract.entity_scan import (
    LOOKBACK,
    SPECIFIC,
    Found,
    Profile,
    Scan,
    Tail,
    by_dominant_state,
    start_scan,
)
from tealeaves.extract.offices import resolve_roles, titled_unknown_names
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.schema import PersonEntry, PlaceEntry
from tealeaves.model import Document, Evidence, Mention, MentionKind, Span


def extract_entities(doc: Document, kb: KnowledgeBase) -> tuple[Mention, ...]:
    """Find every actor mention in ``doc``: persons, organizations, places and acting states.

    Returns mentions sorted by (start, end, kind); an empty tuple when nothing is named. Role
    descriptors resolve only when ``doc.meta.published`` is known, because the holder of an office
    depends on the date and guessing it from the clock would make output depend on when we ran.

    Example::

        doc = build_document("美国财长贝森特将于巴黎会见中方。", DocumentMeta(published=date(2026, 3, 14)), kb)
        [(m.kind, m.name) for m in extract_entities(doc, kb)]  # [('person', 'Scott Bessent'), ('place', 'Paris'), ('state', 'China')]
    """
    if not doc.text:
        return ()
    scan = start_scan(doc, kb)
    found: list[Found] = []
    add, starts, ends = found.append, scan.starts, scan.ends
    suffixes = _title_suffixes(kb)
    for i, pr in enumerate(scan.profiles):
        static = pr.static
        if static is None:
            if pr.place:  # most names read in context are places: go straight to their rules
                f = _place_or_state(scan, i, pr, has_org=bool(pr.orgs))
                if f is not None:
                    add(f)
                elif pr.orgs:
                    found.extend(_organization(scan, i, pr))
            else:
                found.extend(_resolve_names(scan, i))
        elif static:
            if scan.vtext[ends[i] : ends[i] + 1] in suffixes and _ministries_only(kb, static):
                continue  # 加拿大农业部|长: the minister's title, not the ministry
            span = (starts[i], ends[i])
            for tail in static:
                add(span + tail)
    found.extend(resolve_roles(scan, found))
    found.extend(titled_unknown_names(scan))
    found.extend(resolve_anaphors(scan.vtext, doc.meta.lang or "", kb, found))
    # no item repeats: matches do not overlap and each one's readings are distinct, a role reading
    # differs from a name in ``via``, and a titled name overlaps no match
    found.sort(key=_order)
    return _mentions(doc.text, scan.sentence_starts, found, kb, doc.meta.published)


def _order(f: Found) -> tuple[int, int, str, str, str]:
    return f[0], f[1], f[2], f[3] or "", f[4] or ""


_PERSON = MentionKind.PERSON


def _mentions(
    text: str, sentence_starts: list[int], found: list[Found], kb: KnowledgeBase, on: dt.date | None
) -> tuple[Mention, ...]:
    """The Mention of each found item (sorted by position), with its evidence; items on the same
    span share one Evidence (a compound names several persons at once). A listed person stands for
    the state of the office they hold on ``on`` (SCHEMA.md: an official stands for its state; an EU
    commissioner acts for the EU, EUR), which ``KnowledgeBase.acts_for`` tells."""
    out: list[Mention] = []
    span_of, evidence_of, mention_of, where = Span.of, Evidence.of, Mention.of, bisect.bisect_right
    last_start = last_end = -1
    evidence: Evidence | None = None
    for start, end, kind, actor_id, name, state, via in found:
        if evidence is None or start != last_start or end != last_end:
            last_start, last_end = start, end
            k = where(sentence_starts, start) - 1
            evidence = evidence_of(k if k > 0 else 0, span_of(text, start, end))
        if kind is _PERSON and actor_id is not None:
            state = kb.acts_for(actor_id, on) or state
        out.append(mention_of(kind, actor_id, name, state, via, evidence))
    return tuple(out)


# --- names: persons, compounds, organizations, places, states ------------------------------------


def _resolve_names(scan: Scan, i: int) -> list[Found]:
    """The reading of match ``i`` when its profile has none fixed (``Profile.static`` is None)."""
    a, b = scan.starts[i], scan.ends[i]
    pr = scan.profiles[i]
    out: list[Found] = [(a, b, MentionKind.PERSON, p.id, p.name, p.state, "alias") for p in pr.members]
    if pr.persons:
        out.append(_person(scan, a, b, list(pr.persons)))
        return list(dict.fromkeys(out)) if len(out) > 1 else out
    if out:
        return list(dict.fromkeys(out))
    if pr.sites or pr.countries or pr.states:
        found = _place_or_state(scan, i, pr, has_org=bool(pr.orgs))
        if found is not None or not pr.orgs:
            return [found] if found is not None else []
    return _organization(scan, i, pr)


def _organization(scan: Scan, i: int, pr: Profile) -> list[Found]:
    """The organization match ``i`` names: the only one, or the one of the state the article names
    most often; nothing on a tie or without one."""
    orgs = pr.orgs
    if not orgs:
        return []
    k = 0 if len(orgs) == 1 else _named_before(scan, i, [o.state for o in orgs])
    if k is None:
        k = _named_earlier(scan, i, [o.id for o in orgs])
    if k is None:
        k = by_dominant_state(scan, [o.state for o in orgs])
    if k is None:
        return []
    o = orgs[k]
    return [(scan.starts[i], scan.ends[i], MentionKind.ORGANIZATION, o.id, o.name, o.state, "alias")]


@functools.cache
def _title_suffixes(kb: KnowledgeBase) -> frozenset[str]:
    """Characters that make a ministry's name a minister's title (data/text.yaml)."""
    return frozenset(kb.text_words("title_suffixes"))


def _ministries_only(kb: KnowledgeBase, tails: tuple[Tail, ...]) -> bool:
    """Whether every reading of a name is a ministry (its name then forms the minister's title)."""
    orgs = kb.organizations
    return all(t[0] is MentionKind.ORGANIZATION and (o := orgs.get(t[1] or "")) is not None and o.category == "ministry" for t in tails)


def _named_before(scan: Scan, i: int, states: list[str | None]) -> int | None:
    """Index of the candidate whose state the name right before match ``i`` gives (美国|财政部,
    "U.S. |Treasury"), or None when no state name touches it or it fits none or several."""
    if i == 0:
        return None
    a, prev_end = scan.starts[i], scan.ends[i - 1]
    if prev_end > a or scan.doc.text[prev_end:a].strip():
        return None
    named = scan.profiles[i - 1].state_word
    fits = [k for k, s in enumerate(states) if s is not None and s == named]
    return fits[0] if len(fits) == 1 else None


_EARLIER_MATCHES = 60
"""How many names back a shared alias looks for the body it last named in full."""


def _named_earlier(scan: Scan, i: int, ids: list[str]) -> int | None:
    """Index of the candidate named last before match ``i`` by a name only it bears (美国财政部……
    财政部又指: the Treasury again), or None when none is within reach."""
    profiles = scan.profiles
    for j in range(i - 1, max(-1, i - 1 - _EARLIER_MATCHES), -1):
        orgs = profiles[j].orgs
        if len(orgs) == 1 and orgs[0].id in ids:
            return ids.index(orgs[0].id)
    return None


def _person(scan: Scan, a: int, b: int, people: list[PersonEntry]) -> Found:
    """One person mention. An alias shared by several listed persons goes to the one holding an
    office on the publication date when exactly one does, else to the one whose state the article
    names most often, and otherwise stays unresolved."""
    on = scan.doc.meta.published
    if len(people) > 1 and on is not None:
        active = [p for p in people if any(s.from_ <= on and (s.to is None or on <= s.to) for s in p.roles)]
        people = active or people
    if len(people) > 1:
        k = by_dominant_state(scan, [p.state for p in people])
        people = [people[k]] if k is not None else people
    if len(people) == 1:
        p = people[0]
        return (a, b, MentionKind.PERSON, p.id, p.name, p.state, "alias")
    return (a, b, MentionKind.PERSON, None, None, None, "alias")


def _place_or_state(scan: Scan, i: int, pr: Profile, *, has_org: bool) -> Found | None:
    """A place (where something happens) or the state acting; None when the name is only part of
    a longer address or an organization reading is the better one (白宫 as the White House staff)."""
    a, b = scan.starts[i], scan.ends[i]
    sites, countries, states = pr.sites, pr.countries, pr.states
    if _in_address(scan, i):
        if not (states or countries):
            return None
        return _state(scan, a, b, states[0] if states else countries[0].state)
    if not (sites or countries):  # a state word (美方, Beijing as government): no cue can make it a place
        return _state(scan, a, b, states[0]) if states else None
    # a name that is also an organization (白宫, the White House) is the institution unless a cue
    # makes it the venue ("在白宫会见", "arrived at the White House")
    always = _always_a_place(sites[0]) and not has_org if sites else False
    if always and not states:  # a city, venue or province is a place whatever cue stands before it
        p = sites[0]
        return (a, b, MentionKind.PLACE, p.id, p.name, p.state, "alias")
    # a weak cue decides nothing for a country that is one of the article's parties: look for it
    # only where it can matter
    weak = bool(sites) or not countries or countries[0].state not in scan.principal
    located = _is_located(scan, i, weak=weak)
    if sites and (located or always) and not (states and not located):
        p = sites[0]
        return (a, b, MentionKind.PLACE, p.id, p.name, p.state, "alias")
    if countries and (located == "strong" or (located == "weak" and countries[0].state not in scan.principal)):
        p = countries[0]
        return (a, b, MentionKind.PLACE, p.id, p.name, p.state, "alias")
    if states or countries:
        return _state(scan, a, b, states[0] if states else countries[0].state)
    return None


def _always_a_place(site: PlaceEntry) -> bool:
    """A city or venue, or a region inside one state (a province, a US state: "swing states such
    as Michigan"), names a location wherever it stands; a wider region (Asia-Pacific) may be a
    topic and needs a locative cue."""
    specific = SPECIFIC.get(site.category, 1)
    return specific >= SPECIFIC["city"] or (specific == SPECIFIC["region"] and site.state is not None)


def _state(scan: Scan, a: int, b: int, code: str | None) -> Found | None:
    if code is None:
        return None
    country = scan.kb.countries.get(code)
    return (a, b, MentionKind.STATE, country.id if country else None, country.name if country else None, code, "alias")


def _in_address(scan: Scan, i: int) -> bool:
    """The name is a less specific part of an address: "美国|华盛顿", "中国|河南", "San Jose, |California"."""
    profiles = scan.profiles
    here = profiles[i].level  # (specificity, state) of the place the name names, or None
    if here is None or here[1] is None:
        return False
    starts, ends, text = scan.starts, scan.ends, scan.doc.text
    if i + 1 < len(profiles) and (ends[i] == starts[i + 1] or not text[ends[i] : starts[i + 1]].strip()):
        nxt = profiles[i + 1].level
        if nxt is not None and nxt[1] == here[1] and nxt[0] > here[0]:
            return True
    if i > 0 and text[ends[i - 1] : starts[i]].strip() == ",":
        prev = profiles[i - 1].level
        if prev is not None and prev[1] == here[1] and prev[0] > here[0]:
            return True
    return False


def _is_located(scan: Scan, i: int, *, weak: bool = True) -> Literal["strong", "weak"] | None:
    """How strongly the name is marked as a location: a strong cue (赴, "visit to", 会谈 after it), a
    weak one (在, "in"), or none. The last part of an address takes the cue of its first part
    ("在美国华盛顿"). With ``weak=False`` the caller only asks whether the mark is strong: a weak
    cue is then looked for only where it stops the address rule, and None may stand for "weak"."""
    a = scan.starts[i]
    lo = a - LOOKBACK if a > LOOKBACK else 0
    if scan.cue_before("before", lo, a):
        return "strong"
    after = scan.cues.after
    if after is not None and after.match(scan.vtext, scan.ends[i]):
        return "strong"
    head = i > 0 and not scan.doc.text[scan.ends[i - 1] : a].strip() and _in_address(scan, i - 1)
    if (weak or head) and scan.cue_before("before_weak", lo, a):
        return "weak"
    if head:
        return _is_located(scan, i - 1, weak=weak)
    return None
