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
import logging
import re
from collections.abc import Sequence
from typing import NamedTuple

from tealeaves.extract.clauses import Clause, ClauseMap
from tealeaves.extract.cue_hits import Reading, admitted_readings, cue_phrases
from tealeaves.extract.cue_surroundings import found_in, in_perfect, object_measure, place_for
from tealeaves.extract.dyads import Dyad, Setting, actors, read_dyads
from tealeaves.extract.dyads import by_clause as by_clause_parties
from tealeaves.extract.event_dates import EventDates
from tealeaves.extract.event_scope import OPPOSABLE, TOPIC_TAKERS, content_starts, find_speakers, is_opposed, is_topic, judged_sentences, new_subject
from tealeaves.extract.event_merge import Coded, merge_events
from tealeaves.extract.event_text import event_text
from tealeaves.extract.modality import ModalMark, find_modal_marks, read_modality
from tealeaves.extract.parties import find_parties
from tealeaves.extract.party_types import Party
from tealeaves.extract.windows import longest_first, scan_many, sentence_windows
from tealeaves.knowledge.base import KnowledgeBase
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

_TRIM = "\"'\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT CORNER BRACKET}\N{RIGHT CORNER BRACKET} \t"


_ASSERTED, _PLANNED, _CONDITIONAL = Modality.ASSERTED, Modality.PLANNED, Modality.CONDITIONAL
_THREATEN = EventType.THREATEN
_RETREAT = EventType.RETREAT

_RANKS = {"clause": 3, "sentence": 2, "paragraph": 1, "statement": 1}
"""How firm a date is by where it was read (see event_merge.Coded)."""


class _Doc(NamedTuple):
    """What every reading of one document is read against."""

    text: str
    lang: str
    clauses: ClauseMap
    pair: Dyad | None
    dates: EventDates
    first_cue: dict[Clause, int]
    conditions: frozenset[Clause]
    speakers: frozenset[int]
    topic_openers: tuple[str, ...]
    view_text: str
    each_re: re.Pattern[str] | None
    time_adjunct_re: re.Pattern[str] | None
    perfect_words: tuple[str, ...]
    then_re: re.Pattern[str] | None


_Sentence = tuple[tuple[Clause, ...], Sequence[Party], Sequence[Party], Sequence[ModalMark], "Setting", tuple[int, int]]
"""What the readings of one sentence share: its clauses, named places, actors (see ``dyads.actors``),
modality marks, the setting its dyads are read in (no clause opening with a list word) and its
span from its first clause to its last."""


class _Where(NamedTuple):
    """What the readings of one clause share: the sentence's span, its modality marks, the setting
    the dyads are read in, the clause's named places and passive marks without agent (both mostly
    none), and its trimmed evidence range."""

    sentence: tuple[int, int]
    marks: Sequence[ModalMark]
    setting: Setting
    actors: Sequence[Party]
    places: Sequence[Party]
    bare: list[int]
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
    cue_index = kb.event_cue_index
    wanted = cue_phrases(cue_index, lang)
    # one pass finds the cue phrases and, for the windows they open, the party and modality words
    scan = scan_many(view, (cue_index, kb.party_word_index, kb.modality_cue_index))
    hits: list[PhraseMatch[EventCueEntry]] = [h for h in longest_first(scan.occurrences(0)) if h[2] in wanted]
    if not hits:
        return ()
    cue_starts = [h[0] for h in hits]
    starts = [s.span.start for s in doc.sentences]
    chosen = _sentences_of(starts, cue_starts)
    windows = sentence_windows(doc, chosen)
    clauses = ClauseMap(doc, kb, chosen)
    by_clause = admitted_readings(doc, view.text, hits, clauses, lang, index=cue_index)
    if not by_clause:
        return ()  # no hit is admitted in its clause: the parties and modality words need not be read
    words: list[PhraseMatch[PartyWordEntry]] = scan.inside(1, windows)
    # an English preposition's object may be a date ("On March 4 Trump"); a Chinese marker's is not (将于下周)
    date_starts = sorted(d.evidence.span.start for d in dates) if lang == "en" else []
    parties = find_parties(doc, view, kb, mentions, lang, cue_starts, windows, words=words, date_starts=date_starts)
    modal_words: list[PhraseMatch[ModalityCueEntry]] = longest_first(scan.inside(2, windows))
    marks = find_modal_marks(
        view,
        kb,
        lang,
        windows,
        taken=[(h[0], h[1]) for h in hits],
        object_markers=parties.used_markers,
        words=modal_words,
    )
    classes = event_text(kb)
    text = doc.text
    at = clauses.at
    ctx = _Doc(
        text=text,
        lang=lang,
        clauses=clauses,
        pair=parties.pair,
        dates=EventDates(
            dates,
            published=doc.meta.published,
            text=view.text,
            until_marks=classes.until_words,
            from_marks=classes.from_words,
            attributive_marks=classes.possessive_marks,
            clause_breaks=classes.party_break,
            plan_marks=classes.plan_words,
        ),
        # the readings of a clause are in document order, so its first cue is the first reading's
        first_cue={c: rs[0].start for c, rs in by_clause.items()},
        conditions=frozenset(c for m in marks if m.entry.scope == "condition" for c in [at(m.start)] if c is not None),
        speakers=find_speakers(parties.parties, judged_sentences(by_clause), starts, classes.speaker_re, view.text),
        topic_openers=classes.topic_openers if lang == "zh" else (),
        view_text=view.text,
        each_re=classes.each_re,
        time_adjunct_re=classes.time_adjunct_re,
        perfect_words=classes.perfect_words,
        then_re=classes.then_re,
    )
    # parties and marks are sorted by position, so a sentence's are one slice of them
    party_list = parties.parties
    party_starts = [p[0] for p in party_list]
    unresolved = any(p[3] == "both" and not p[2] for p in party_list)  # else the actors are the parties
    mark_starts = [m[0] for m in marks]
    left = bisect.bisect_left
    bounds = [*starts, len(text) + 1]  # sentence k runs from bounds[k] to bounds[k + 1]
    content_from = content_starts(by_clause)
    saying = classes.saying_opener_re
    opposing, joiner = classes.opposing_re, classes.joiner_re
    list_words = classes.list_word_tuple
    bare_passives = sorted(parties.bare_passives)
    sentences: dict[int, _Sentence] = {}
    no_content = len(text)
    coded: list[Coded] = []
    new = _new_tuple
    for clause, readings in by_clause.items():
        k = clause[2]
        known = sentences.get(k)
        if known is None:
            a, b = bounds[k], bounds[k + 1]
            sentence_parties = party_list[left(party_starts, a) : left(party_starts, b)]
            sentence_actors = actors(sentence_parties, ctx.pair) if unresolved else sentence_parties
            in_sentence = clauses.in_sentence(k)
            known = sentences[k] = (
                in_sentence,
                [p for p in sentence_parties if p[4] and p[5]],  # the named places, mostly none
                sentence_actors,
                marks[left(mark_starts, a) : left(mark_starts, b)],
                new(
                    Setting,
                    (
                        in_sentence,
                        ctx.first_cue,
                        ctx.conditions,
                        lang,
                        False,
                        False,
                        by_clause_parties(sentence_actors, in_sentence),
                        ctx.speakers,
                        False,
                    ),
                ),
                (in_sentence[0][0], in_sentence[-1][1]),
            )
        where = _where(text, clause, known, list_words, bare_passives)
        content = content_from.get(k, no_content)
        if len(readings) == 1:  # the rules below for one reading, whose dyads are distinct
            only = readings[0]
            entry = only.entry
            if (
                entry.type not in entry.overrides
                and (only.start <= content or entry.content_after or new_subject(view.text, known[0], content, clause, party_starts, saying, joiner))
                and not (entry.type in OPPOSABLE and is_opposed(view.text, clause, only.start, party_starts, opposing, joiner))
            ):
                coded.extend(_read(only, entry, clause, ctx, where, (only.start,)))
            continue
        # only a clause with talks, an agreement, a protest or a request among its readings has topics
        if any(o.entry.type in TOPIC_TAKERS for o in readings):
            last_taker = max(o.start for o in readings if o.entry.type in TOPIC_TAKERS)
            topics = [r for r in readings if is_topic(ctx.view_text, clause, r, last_taker, ctx.topic_openers)]
            acts = [r for r in readings if r not in topics] if topics else readings
        else:
            acts = readings
        overridden = {t for r in acts for t in r.entry.overrides}
        seen: set[tuple[EventType, str, str]] = set()
        cue_starts_here = [r.start for r in readings]
        consented: set[int] = set()  # meetings agreed on in this clause: planned, not yet held
        channels: set[int] = set()  # standing channels agreed on in this clause: the agreement's content
        for r in acts:  # what talks are about (就延长关税暂停期等达成共识) is not an act
            entry = r.entry
            if entry.type in overridden:
                continue
            if r.start > content and not entry.content_after and not new_subject(view.text, known[0], content, clause, party_starts, saying, joiner):
                continue  # the content of a request, not an act
            if entry.type in OPPOSABLE and is_opposed(view.text, clause, r.start, party_starts, opposing, joiner):
                continue  # a measure opposed (反对单边加征关税), not taken
            if r.start in channels:
                continue  # a channel agreed on (同意保持沟通) is what the agreement says, not a meeting
            if entry.yields_to:  # a meeting after a preposition of time ("after meeting in Seoul") dates the consent
                adjunct, vt = ctx.time_adjunct_re, ctx.view_text
                later = [o for o in readings if o.start > r.start and o.entry.type in entry.yields_to and not found_in(adjunct, vt, r.end, o.start)]
                channels.update(o.start for o in later if not o.entry.consentable)
                agreed_on = [o.start for o in later if o.entry.consentable]
                if agreed_on:
                    consented.update(agreed_on)
                    continue  # consent to a meeting: the meeting is the act
            for c in _read(r, entry, clause, ctx, where, cue_starts_here, consented=r.start in consented):
                key = (c.type, c.source, c.target)
                if key not in seen:
                    seen.add(key)
                    coded.append(c)
    coded.sort(key=_evidence_start)
    return merge_events(doc, coded)


def _evidence_start(c: Coded) -> int:
    return c.evidence[0]


def _sentences_of(starts: list[int], positions: Sequence[int]) -> set[int]:
    """The sentences (by their ``starts``) holding ``positions``."""
    right = bisect.bisect_right
    out = {right(starts, pos) - 1 for pos in positions}
    out.discard(-1)  # a position before the first sentence
    return out


def _where(
    text: str,
    clause: Clause,
    sentence: _Sentence,
    list_words: tuple[str, ...],
    bare_passives: list[int],
) -> _Where:
    _, places, sentence_actors, marks, setting, span = sentence
    start, end = a, b = clause[0], clause[1]
    if text[a : a + 16].lstrip().lower().startswith(list_words):  # a list word opens the clause
        setting = setting._replace(listing=True)
    # trim quotes and blanks off the evidence
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return _new_tuple(
        _Where,
        (
            span,
            marks,
            setting,
            sentence_actors,
            [p for p in places if start <= p[0] and p[1] <= end] if places else places,
            [stop for stop in bare_passives if start <= stop] if bare_passives and bare_passives[-1] >= start else [],
            (a, b),
        ),
    )


def _read(
    r: Reading, entry: EventCueEntry, clause: Clause, ctx: _Doc, where: _Where, clause_cues: Sequence[int], *, consented: bool = False
) -> list[Coded]:
    """Code one reading: modality, type, dyads, date, place and evidence; no coding when the cue is
    hypothetical or a party cannot be read. A meeting ``consented`` to (双方同意举行磋商) is yet to
    be held: planned, unless a word says otherwise."""
    start, end, _, needs_at = r
    sentence, marks, setting, sentence_actors, places, bare, evidence = where
    cue = (start, end)
    etype = entry.type
    modalities = entry.modalities
    if marks:
        modality = read_modality(
            cue,
            clause,
            marks,
            ctx.clauses,
            negatable=entry.negatable,
            other_cues=clause_cues,
            governs_content=etype == _THREATEN,
        )
        if modality is None:
            return []
        if entry.hedged and modality in (_ASSERTED, _PLANNED):
            modality = _CONDITIONAL  # a measure kept in reserve: 不排除加征关税
        if modality == _CONDITIONAL and entry.when_conditional is not None:
            etype = entry.when_conditional
        elif modality not in modalities:
            if modality == _CONDITIONAL:
                return []  # a speech act inside a condition was not made
            modality = _ASSERTED  # a threat or request voiced is asserted, whatever it announces
    else:  # no modality word in the sentence (read_modality's answer): asserted, or held in reserve
        modality = _CONDITIONAL if entry.hedged else _ASSERTED
    if consented and modality == _ASSERTED:
        modality = _PLANNED
    if bare and any(stop <= start for stop in bare):
        setting = setting._replace(agentless=True)
    if found_in(ctx.each_re, ctx.view_text, clause.start, start):  # 双方各自暂停关税: one act from each side
        setting = setting._replace(each=True)
    dyads = read_dyads(cue, entry, clause, setting, sentence_actors, ctx.pair, needs_at)
    if not dyads:
        return []
    explicit = modality != _ASSERTED
    consent = bool(entry.yields_to)
    # a re-typed act is a threat voiced; a consent (同意, agreed) is voiced too, in the news it reports
    voiced = _PLANNED not in modalities or etype != entry.type or consent
    dates = ctx.dates
    date, level = dates.find(
        cue,
        clause,
        sentence,
        modality,
        voiced=voiced,
        consent=consent,
        prior=consent and in_perfect(ctx.view_text, start, ctx.perfect_words),
        undo=etype == _RETREAT,
        anaphoric=lambda: found_in(ctx.then_re, ctx.view_text, clause.start, clause.end),
    )
    if (
        modality == _ASSERTED
        and not voiced
        and (level == "clause" or level == "sentence")
        and date is not None
        and dates.is_future(date)
        and not dates.ends_period(date, clause)
    ):
        modality, explicit = _PLANNED, True  # a date still to come: announced, not done
    place = place_for(start, places) if places else None
    rank = _RANKS[level] if level else 0
    k, new = clause[2], _new_tuple
    measure = (entry.measure or object_measure(entry, ctx.view_text, clause, needs_at)) if etype == entry.type else None  # a threat of tariffs is one threat
    if len(dyads) == 1:
        ((src, tgt),) = dyads
        return [new(Coded, (etype, src, tgt, modality, date, place, cue, evidence, rank, explicit, k, measure))]
    return [new(Coded, (etype, src, tgt, modality, date, place, cue, evidence, rank, explicit, k, measure)) for src, tgt in dyads]


_new_tuple = tuple.__new__
"""Build a NamedTuple from its fields without its constructor's Python frame."""
