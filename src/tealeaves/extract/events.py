"""Events: PLOVER-coded actions between states, with modality, date, place and evidence.

The coder scans the cue phrases of data/events/cues.{zh,en}.yaml once over the traditional-to-
simplified view (extract/cue_hits.py), then reads each admitted hit in its clause: the stronger
readings of the same clause win (a threat of tariffs is THREATEN, not SANCTION: ``overrides``), the
content of a request is no act (敦促美方取消关税: ``content_after``), and the modality
(extract/modality.py), the dyad (extract/dyads.py), the date (extract/event_dates.py) and the
place of the clause are read. Mentions of one action are merged (extract/event_merge.py). The
coding conventions are SCHEMA.md's; everything beyond the cue scan runs only inside the sentences
that hold cues (extract/windows.py).
"""

from __future__ import annotations

import bisect
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from tealeaves.extract.clauses import Clause, ClauseMap
from tealeaves.extract.cue_hits import Reading, admitted_readings
from tealeaves.extract.dyads import Dyad, Setting, actors, read_dyads
from tealeaves.extract.dyads import by_clause as by_clause_parties
from tealeaves.extract.event_dates import EventDates
from tealeaves.extract.event_merge import Coded, merge_events
from tealeaves.extract.event_text import event_text
from tealeaves.extract.modality import ModalMark, find_modal_marks, read_modality
from tealeaves.extract.parties import Party, PartyMap, find_parties
from tealeaves.extract.windows import cue_windows, longest_first, scan_many
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.phrases import PhraseIndex
from tealeaves.knowledge.schema import EventCueEntry, ModalityCueEntry, PartyWordEntry
from tealeaves.model import (
    DateRef,
    Document,
    Event,
    EventType,
    Mention,
    Modality,
    Quantity,
)
from tealeaves.text.normalize import make_view
from tealeaves.text.scan import PhraseMatch

log = logging.getLogger(__name__)

T = TypeVar("T")

_TRIM = "\"'\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT CORNER BRACKET}\N{RIGHT CORNER BRACKET} \t"


_RANKS = {"clause": 3, "sentence": 2, "paragraph": 1, "statement": 1}
"""How firm a date is by where it was read (see event_merge.Coded)."""


@dataclass(frozen=True)
class _Context:
    """What every reading of one document is read against, indexed by sentence."""

    doc: Document
    lang: str
    clauses: ClauseMap
    parties: PartyMap
    pair: Dyad | None
    dates: EventDates
    first_cue: dict[Clause, int]
    conditions: frozenset[Clause]
    parties_by_sentence: dict[int, list[Party]]
    marks_by_sentence: dict[int, list[ModalMark]]
    list_words: tuple[str, ...]
    speakers: frozenset[int]
    topic_openers: tuple[str, ...]
    view_text: str


class _Where(NamedTuple):
    """What the readings of one clause share: its sentence's clauses and span, the sentence's
    parties (as written, and as actors: both-sides words resolved) and modality marks, whether the
    clause opens with a list word, and its trimmed evidence range."""

    sentence_clauses: tuple[Clause, ...]
    sentence: tuple[int, int]
    parties: list[Party]
    actors: list[Party]
    clause_parties: dict[Clause, list[Party]]
    marks: list[ModalMark]
    listing: bool
    evidence: tuple[int, int]


def extract_events(
    doc: Document,
    kb: KnowledgeBase,
    *,
    mentions: tuple[Mention, ...],
    dates: tuple[DateRef, ...],
    quantities: tuple[Quantity, ...],
) -> tuple[Event, ...]:
    """Code the events of ``doc``: one per distinct action, with every mention as evidence.

    Assumes ``mentions`` carry the state each actor belongs to (an official stands for its state).
    An act whose source or target cannot be read is left out rather than guessed. Returns an empty
    tuple for a document without cue phrases.

    Example::

        extract_events(doc, kb, mentions=m, dates=d, quantities=q)
        # (Event(type=CONSULT, source='USA', target='CHN', modality=planned, date='2026-03-14', ...),)
    """
    if not doc.sentences:
        return ()
    lang = "en" if doc.meta.lang.startswith("en") else "zh"
    view = make_view(doc.text)
    langs = _phrase_langs(kb.event_cue_index)
    # one pass finds the cue phrases and, for the windows they open, the party and modality words
    scan = scan_many(view, (kb.event_cue_index, kb.party_word_index, kb.modality_cue_index))
    hits: list[PhraseMatch[EventCueEntry]] = [h for h in longest_first(scan.matches(0)) if lang in langs[h.phrase]]
    if not hits:
        return ()
    cue_starts = [h.start for h in hits]
    starts = [s.span.start for s in doc.sentences]
    windows = cue_windows(doc, cue_starts, starts=starts)
    clauses = ClauseMap(doc, kb, _sentences_of(starts, cue_starts))
    words: list[PhraseMatch[PartyWordEntry]] = scan.inside(1, windows)
    parties = find_parties(doc, view, kb, mentions, lang, cue_starts, windows, words=words)
    modal_words: list[PhraseMatch[ModalityCueEntry]] = longest_first(scan.inside(2, windows))
    marks = find_modal_marks(
        view,
        kb,
        lang,
        windows,
        taken=[(h.start, h.end) for h in hits],
        object_markers=parties.used_markers,
        words=modal_words,
    )
    by_clause = admitted_readings(doc, view.text, hits, clauses, lang)
    classes = event_text(kb)
    ctx = _Context(
        doc=doc,
        lang=lang,
        clauses=clauses,
        parties=parties,
        pair=parties.pair,
        dates=EventDates(dates, published=doc.meta.published, text=doc.text, until_marks=classes.until_marks),
        first_cue={c: min(r.start for r in rs) for c, rs in by_clause.items()},
        conditions=frozenset(
            c for m in marks if m.entry.scope == "condition" for c in [clauses.at(m.start)] if c is not None
        ),
        parties_by_sentence=_by_sentence(starts, parties.parties, _party_start),
        marks_by_sentence=_by_sentence(starts, marks, _mark_start),
        list_words=classes.list_word_tuple,
        speakers=frozenset(p.start for p in parties.parties if classes.speaker_re.match(view.text, p.end)),
        topic_openers=classes.topic_openers if lang == "zh" else (),
        view_text=view.text,
    )
    content_from = _content_starts(by_clause)
    actors_by_sentence: dict[int, tuple[list[Party], dict[Clause, list[Party]]]] = {}
    no_content = len(doc.text)
    coded: list[Coded] = []
    for clause, readings in by_clause.items():
        k = clause.sentence
        if k not in actors_by_sentence:
            sentence_actors = actors(ctx.parties_by_sentence.get(k, []), ctx.pair)
            actors_by_sentence[k] = (sentence_actors, by_clause_parties(sentence_actors, clauses.in_sentence(k)))
        where = _where(ctx, clause, *actors_by_sentence[k])
        topics = [r for r in readings if _is_topic(ctx, clause, r, readings)]
        acts = [r for r in readings if r not in topics] if topics else readings
        overridden = {t for r in acts for t in r.entry.overrides}
        seen: set[tuple[EventType, str, str]] = set()
        cue_starts_here = [r.start for r in readings]
        content = content_from.get(k, no_content)
        for r in acts:  # what talks are about (就延长关税暂停期等达成共识) is not an act
            if r.entry.type in overridden:
                continue
            if r.start > content and not r.entry.content_after:
                continue  # the content of a request, not an act
            if r.entry.yields_to and any(o.start > r.start and o.entry.type in r.entry.yields_to for o in readings):
                continue  # consent to a meeting: the meeting is the act
            for c in _read(r, clause, ctx, where, cue_starts_here):
                key = (c.type, c.source, c.target)
                if key not in seen:
                    seen.add(key)
                    coded.append(c)
    coded.sort(key=_evidence_start)
    return merge_events(doc, coded)


@functools.cache
def _phrase_langs(index: PhraseIndex[EventCueEntry]) -> dict[str, frozenset[str]]:
    """Cue phrase -> the languages of its entries; an index never changes once loaded."""
    return {p: frozenset(e.lang for e in index.lookup(p)) for p in index.phrases()}


def _party_start(p: Party) -> int:
    return p.start


def _mark_start(m: ModalMark) -> int:
    return m.start


def _evidence_start(c: Coded) -> int:
    return c.evidence[0]


def _sentences_of(starts: list[int], positions: Sequence[int]) -> set[int]:
    out: set[int] = set()
    for pos in positions:
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0:
            out.add(k)
    return out


def _by_sentence(starts: list[int], items: Sequence[T], position: Callable[[T], int]) -> dict[int, list[T]]:
    out: dict[int, list[T]] = {}
    for item in items:
        k = bisect.bisect_right(starts, position(item)) - 1
        if k in out:
            out[k].append(item)
        else:
            out[k] = [item]
    return out


def _content_starts(by_clause: dict[Clause, list[Reading]]) -> dict[int, int]:
    """Per sentence, where the first act whose content follows it (a request) ends."""
    out: dict[int, int] = {}
    for clause, readings in by_clause.items():
        for r in readings:
            if r.entry.content_after:
                out[clause.sentence] = min(out.get(clause.sentence, r.end), r.end)
    return out


def _where(ctx: _Context, clause: Clause, sentence_actors: list[Party], clause_parties: dict[Clause, list[Party]]) -> _Where:
    sentence_clauses = ctx.clauses.in_sentence(clause.sentence)
    return _Where(
        sentence_clauses=sentence_clauses,
        sentence=(sentence_clauses[0].start, sentence_clauses[-1].end),
        parties=ctx.parties_by_sentence.get(clause.sentence, []),
        actors=sentence_actors,
        clause_parties=clause_parties,
        marks=ctx.marks_by_sentence.get(clause.sentence, []),
        listing=_opens_list(ctx, clause),
        evidence=_trim(ctx.doc.text, clause.start, clause.end),
    )


def _read(r: Reading, clause: Clause, ctx: _Context, where: _Where, clause_cues: Sequence[int]) -> list[Coded]:
    """Code one reading: modality, type, dyads, date, place and evidence; no coding when the cue is
    hypothetical or a party cannot be read."""
    entry = r.entry
    modality = read_modality(
        (r.start, r.end),
        clause,
        where.marks,
        ctx.clauses,
        negatable=entry.negatable,
        other_cues=clause_cues,
        governs_content=entry.type == EventType.THREATEN,
    )
    if modality is None:
        return []
    etype = entry.type
    if modality == Modality.CONDITIONAL and entry.when_conditional is not None:
        etype = entry.when_conditional
    elif modality not in entry.modalities:
        if modality == Modality.CONDITIONAL:
            return []  # a speech act inside a condition was not made
        modality = Modality.ASSERTED  # a threat or request voiced is asserted, whatever it announces
    bare = ctx.parties.bare_passives
    setting = Setting(
        sentence_clauses=where.sentence_clauses,
        first_cue=ctx.first_cue,
        conditions=ctx.conditions,
        lang=ctx.lang,
        agentless=bool(bare) and any(clause.start <= end <= r.start for end in bare),
        listing=where.listing,
        clause_parties=where.clause_parties,
        speakers=ctx.speakers,
    )
    dyads = read_dyads((r.start, r.end), entry, clause, setting, where.actors, ctx.pair, r.needs_at)
    if not dyads:
        return []
    explicit = modality != Modality.ASSERTED
    voiced = Modality.PLANNED not in entry.modalities or etype != entry.type  # a re-typed act is a threat voiced
    date, level = ctx.dates.find((r.start, r.end), clause, where.sentence, modality, voiced=voiced)
    firm = level in ("clause", "sentence") and not voiced
    to_come = date is not None and ctx.dates.is_future(date) and not ctx.dates.ends_period(date, clause)
    if modality == Modality.ASSERTED and firm and to_come:
        modality, explicit = Modality.PLANNED, True  # a date still to come: announced, not done
    place = _place_for(r.start, clause, where.parties)
    rank = _RANKS.get(level or "", 0)
    return [
        Coded(etype, src, tgt, modality, date, place, (r.start, r.end), where.evidence, rank, explicit, clause.sentence)
        for src, tgt in dyads
    ]


_TALKS = frozenset({EventType.CONSULT, EventType.AGREE})
"""Acts whose subject a topic opener introduces (双方就…进行磋商, 就…达成共识)."""


def _is_topic(ctx: _Context, clause: Clause, r: Reading, readings: Sequence[Reading]) -> bool:
    """Whether the cue ``r`` names a subject of talks: a topic opener (就, 围绕) stands before it in
    its clause and a verb of talking or agreeing after it (双方就延长关税休战、出口管制等问题达成
    共识). The talks and the agreement are coded; what they were about is not an act."""
    if r.entry.type in _TALKS or not any(o.start >= r.end and o.entry.type in _TALKS for o in readings):
        return False
    head = ctx.view_text[clause.start : r.start]
    return any(w in head for w in ctx.topic_openers)


def _opens_list(ctx: _Context, clause: Clause) -> bool:
    head = ctx.doc.text[clause.start : clause.start + 16].lstrip().lower()
    return head.startswith(ctx.list_words)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _place_for(cue_start: int, clause: Clause, parties: Sequence[Party]) -> str | None:
    """The named location in the cue's clause nearest the cue, if any."""
    best: tuple[int, str] | None = None
    for p in parties:
        if p.place and p.name and clause.start <= p.start and p.end <= clause.end:
            distance = abs(p.start - cue_start)
            if best is None or distance < best[0]:
                best = (distance, p.name)
    return best[1] if best else None
