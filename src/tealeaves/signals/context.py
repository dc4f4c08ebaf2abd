"""What every signal detector reads: one document's extracted items, indexed by sentence and family.

Detectors never scan text (``tealeaves.text`` is below them in the dependency order); they combine
cues (``extract_cues``), mentions, events and quantities by sentence index and character offset.
The small resolution rules shared by several detectors live here: which person or state a cue is
said of, and how to merge repeated findings of one signal into one.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Generic, TypeVar, overload

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import (
    Cue,
    DateRef,
    Document,
    Event,
    Evidence,
    Frozen,
    Mention,
    MentionKind,
    Quantity,
)

S = TypeVar("S", bound=Frozen)
T = TypeVar("T")


class _once(Generic[T]):
    """``functools.cached_property`` without the lock it takes on every first access in Python 3.11:
    a ``Findings`` is built per document and read by one thread, and it fills half a dozen tables.
    The value lands in the instance ``__dict__``, which then shadows this descriptor."""

    def __init__(self, compute: Callable[[Findings], T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, found: None, owner: type | None = None) -> _once[T]: ...

    @overload
    def __get__(self, found: Findings, owner: type | None = None) -> T: ...

    def __get__(self, found: Findings | None, owner: type | None = None) -> T | _once[T]:
        if found is None:
            return self
        value = found.__dict__[self.name] = self.compute(found)
        return value

_position = attrgetter("evidence.span.start", "evidence.span.end")
_start = attrgetter("evidence.span.start")


@dataclass(frozen=True)
class Findings:
    """One document's extracted items, with lookups by cue family and by sentence."""

    doc: Document
    kb: KnowledgeBase
    mentions: tuple[Mention, ...]
    dates: tuple[DateRef, ...]
    quantities: tuple[Quantity, ...]
    events: tuple[Event, ...]
    cues: tuple[Cue, ...]

    @property
    def published(self) -> dt.date | None:
        """The publication date, or None when the source does not give one."""
        return self.doc.meta.published

    @_once
    def _cues_by_family(self) -> dict[str, tuple[Cue, ...]]:
        # grouped first, so that only the families with two or more cues are sorted (stably, so
        # the order is that of sorting them all first)
        table: dict[str, list[Cue]] = defaultdict(list)
        for cue in self.cues:
            table[cue.family].append(cue)
        return {k: tuple(sorted(v, key=_position) if len(v) > 1 else v) for k, v in table.items()}

    @_once
    def _cues_by_sentence(self) -> dict[tuple[str, int], tuple[Cue, ...]]:
        table: dict[tuple[str, int], list[Cue]] = defaultdict(list)
        for family, cues in self._cues_by_family.items():
            for cue in cues:
                table[(family, cue.evidence.sentence)].append(cue)
        return {k: tuple(v) for k, v in table.items()}

    @_once
    def _mention_sentences(self) -> list[int]:
        """The sentence of each mention, in the order of ``mentions``: detectors ask for the mentions
        of a sentence or two per document, so only those are picked out and sorted."""
        return [m.evidence.sentence for m in self.mentions]

    @_once
    def _mentions_memo(self) -> dict[int, tuple[Mention, ...]]:
        return {}

    @_once
    def _events_by_sentence(self) -> dict[int, tuple[Event, ...]]:
        table: dict[int, list[Event]] = defaultdict(list)
        for e in self.events:
            if not e.more_evidence:
                table[e.evidence.sentence].append(e)
                continue
            for s in sorted({ev.sentence for ev in (e.evidence, *e.more_evidence)}):
                table[s].append(e)
        return {k: tuple(v) for k, v in table.items()}

    @_once
    def _quantities_by_sentence(self) -> dict[int, tuple[Quantity, ...]]:
        table: dict[int, list[Quantity]] = defaultdict(list)
        for q in sorted(self.quantities, key=_start):
            table[q.evidence.sentence].append(q)
        return {k: tuple(v) for k, v in table.items()}

    @_once
    def _persons_memo(self) -> dict[int, tuple[Mention, ...]]:
        return {}

    @_once
    def _stated_memo(self) -> dict[int, tuple[Mention, ...]]:
        return {}

    def persons_in(self, sentence: int) -> tuple[Mention, ...]:
        """Named person mentions of one sentence (see ``persons_in``), worked out once per sentence."""
        memo = self._persons_memo
        found = memo.get(sentence)
        if found is None:
            person = MentionKind.PERSON
            found = memo[sentence] = tuple([m for m in self.mentions_in(sentence) if m.kind is person and m.name])
        return found

    def stated_in(self, sentence: int) -> tuple[Mention, ...]:
        """Mentions of one sentence that stand for a state (see ``stated``), worked out once per sentence."""
        memo = self._stated_memo
        found = memo.get(sentence)
        if found is None:
            place = MentionKind.PLACE
            media = category_ids(self.kb, "media")
            found = memo[sentence] = tuple(
                [m for m in self.mentions_in(sentence) if m.state and m.kind is not place and m.actor_id not in media]
            )
        return found

    def cues_of(self, family: str, key: str | None = None) -> tuple[Cue, ...]:
        """Cues of one family (and key, when given), in text order."""
        cues = self._cues_by_family.get(family, ())
        return cues if key is None else tuple(c for c in cues if c.key == key)

    def cues_in(self, family: str, sentences: Iterable[int]) -> tuple[Cue, ...]:
        """Cues of one family in the given sentences, in the order the sentences are given."""
        out: list[Cue] = []
        for s in sentences:
            out.extend(self._cues_by_sentence.get((family, s), ()))
        return tuple(out)

    def mentions_in(self, sentence: int) -> tuple[Mention, ...]:
        """Mentions in one sentence, in text order (by start, then end; ties in extraction order)."""
        memo = self._mentions_memo
        found = memo.get(sentence)
        if found is None:
            mentions = self.mentions
            here = [mentions[i] for i, s in enumerate(self._mention_sentences) if s == sentence]
            found = memo[sentence] = tuple(sorted(here, key=_position) if len(here) > 1 else here)
        return found

    def events_in(self, sentence: int) -> tuple[Event, ...]:
        """Events with evidence (first or later) in one sentence."""
        return self._events_by_sentence.get(sentence, ())

    def quantities_in(self, sentence: int) -> tuple[Quantity, ...]:
        """Quantities in one sentence, in text order."""
        return self._quantities_by_sentence.get(sentence, ())

    def window(self, sentence: int, before: int, after: int) -> range:
        """Sentence indexes from ``sentence - before`` to ``sentence + after``, clipped to the document."""
        return range(max(0, sentence - before), min(len(self.doc.sentences), sentence + after + 1))


def persons_in(found: Findings, sentence: int) -> tuple[Mention, ...]:
    """Named person mentions of one sentence (a mention without a name cannot be reported)."""
    return found.persons_in(sentence)


def stated(found: Findings, sentence: int) -> tuple[Mention, ...]:
    """Mentions of one sentence that stand for a state (a state, or a person or body of one).

    Places are left out: a place is where something happens, not who acts (SCHEMA.md); so are
    news outlets, which report rather than act.
    """
    return found.stated_in(sentence)


def person_of(found: Findings, cue: Cue) -> Mention | None:
    """The person a cue is said of: the nearest named person before it in its sentence, else the
    first after it, else (only when its sentence names nobody) the last person of the sentence before.

    Returns None when neither sentence names a person.
    """
    s = cue.evidence.sentence
    here = persons_in(found, s)
    before = [m for m in here if m.evidence.span.end <= cue.evidence.span.start]
    if before:
        return before[-1]
    if here:
        return here[0]
    previous = persons_in(found, s - 1) if s > 0 else ()
    return previous[-1] if previous else None


def state_before(found: Findings, cue: Cue, *, within: int | None = None) -> str | None:
    """The state of the nearest state-bearing mention ending before ``cue`` in its sentence.

    With ``within``, the mention must end at most that many characters before the cue (a modifier
    such as 美国 in 美国农民). Returns None when there is none.
    """
    best: Mention | None = None
    for m in stated(found, cue.evidence.sentence):
        if m.evidence.span.end <= cue.evidence.span.start:
            best = m
    if best is None or best.state is None:
        return None
    if within is not None and cue.evidence.span.start - best.evidence.span.end > within:
        return None
    return best.state


def first_state(found: Findings, sentence: int, *, kinds: frozenset[MentionKind] | None = None) -> str | None:
    """The state of the first state-bearing mention of a sentence (of the given kinds), or None."""
    for m in stated(found, sentence):
        if kinds is None or m.kind in kinds:
            return m.state
    return None


def is_media(found: Findings, mention: Mention) -> bool:
    """A news outlet reports; it is never a party to what it reports."""
    return mention.actor_id in category_ids(found.kb, "media")


@functools.cache
def category_ids(kb: KnowledgeBase, category: str) -> frozenset[str]:
    """Ids of the organizations of one ``category`` (``media``, ``company`` ...), worked out once
    per knowledge base and category."""
    return frozenset(oid for oid, org in kb.organizations.items() if org.category == category)


def evidence_of(*items: Cue | Mention | Event | Quantity | None) -> tuple[Evidence, ...]:
    """The evidence of the given items, in the order given, without repeats or Nones."""
    out: list[Evidence] = []
    seen: set[tuple[int, int, int, str]] = set()
    for item in items:
        if item is not None:
            key = _evidence_key(item.evidence)
            if key not in seen:
                seen.add(key)
                out.append(item.evidence)
    return tuple(out)


def _evidence_key(ev: Evidence) -> tuple[int, int, int, str]:
    """What makes two Evidence values equal (their fields), as a cheap hashable tuple."""
    span = ev.span
    return ev.sentence, span.start, span.end, span.text


def merge_by(signals: Sequence[S], key: Callable[[S], Hashable]) -> tuple[S, ...]:
    """One signal per key (the first found), with the evidence of later repeats appended.

    The scorer counts a repeated signal as a false alarm, so each detector reports a finding once.
    """
    if len(signals) < 2:
        return tuple(signals)
    first: dict[Hashable, S] = {}
    extra: dict[Hashable, list[Evidence]] = defaultdict(list)
    for sig in signals:
        k = key(sig)
        if k not in first:
            first[k] = sig
        else:
            extra[k].extend(getattr(sig, "evidence"))
    out: list[S] = []
    for k, sig in first.items():
        if k not in extra:
            out.append(sig)
            continue
        evidence: list[Evidence] = list(getattr(sig, "evidence"))
        seen = {_evidence_key(ev) for ev in evidence}
        for ev in extra[k]:
            ev_key = _evidence_key(ev)
            if ev_key not in seen:
                seen.add(ev_key)
                evidence.append(ev)
        out.append(sig.with_fields({"evidence": tuple(evidence)}))
    return tuple(out)
