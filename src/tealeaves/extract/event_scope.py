"""How far a cue's words reach in its sentence: where the content of a charge or a request starts
and ends (what follows 敦促, 指责, "urged" is asked or charged, not done, until a clause opens with a
new subject), and which parties speak (a verb of saying follows them), so that a judgement's judge
can be told from the party judged."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from tealeaves.extract.clauses import Clause
from tealeaves.extract.cue_hits import Reading
from tealeaves.extract.party_types import Party
from tealeaves.model import EventType

TALKS = frozenset({EventType.CONSULT, EventType.AGREE})
"""Acts whose subject a topic opener introduces (双方就…进行磋商, 就…达成共识)."""

TOPIC_TAKERS = TALKS | {EventType.ACCUSE, EventType.REQUEST}
"""Acts after which a cue under a topic opener is what they are about (就取消关税进行了交涉)."""


def judged_sentences(by_clause: dict[Clause, list[Reading]]) -> set[int]:
    """The sentences holding a reading whose entry judges a party (``frame: judged``): the only
    ones whose speakers are ever asked for (dyads._judged)."""
    return {clause.sentence for clause, readings in by_clause.items() if any(r.entry.frame == "judged" for r in readings)}


def find_speakers(parties: Sequence[Party], sentences: set[int], starts: list[int], speaker: re.Pattern[str], view_text: str) -> frozenset[int]:
    """The starts of the ``parties`` in ``sentences`` (by their ``starts``) that a verb of saying
    follows in ``view_text``; the other sentences' speakers are never read."""
    if not sentences:
        return frozenset()
    right = bisect.bisect_right
    return frozenset(
        p[0] for p in parties if right(starts, p[0]) - 1 in sentences and speaker.match(view_text, p[1]) is not None
    )


def new_subject(
    view_text: str,
    in_sentence: Sequence[Clause],
    content: int,
    clause: Clause,
    party_starts: list[int],
    saying: re.Pattern[str] | None = None,
    joiner: re.Pattern[str] | None = None,
) -> bool:
    """Whether a clause after the content's start, up to ``clause``, opens with a party or with a
    verb of saying (``saying``): a new subject ends what was asked or charged (美方无端指责中方违反共识，
    严重背离事实，中方坚决拒绝: the refusal is China's own act, not part of the charge), and so does a
    further statement ("urged Washington to stop …, and said China would take measures"). A joining
    word may stand before the new subject (``joiner``: "asked Beijing for talks, but China refused").
    Read in the folded view (並表示 is 并表示)."""
    for c in in_sentence:
        if c[0] <= content or c[0] > clause[0]:
            continue
        k = bisect.bisect_left(party_starts, c[0])
        if k < len(party_starts):
            head = view_text[c[0] : party_starts[k]].strip()
            if not head or (joiner is not None and joiner.fullmatch(head) is not None):
                return True
        if saying is not None and saying.match(view_text, c[0]) is not None:
            return True
    return False


def content_starts(by_clause: dict[Clause, list[Reading]]) -> dict[int, int]:
    """Per sentence, where the first act whose content follows it (a request) ends."""
    out: dict[int, int] = {}
    for clause, readings in by_clause.items():
        for r in readings:
            if r.entry.content_after:
                out[clause.sentence] = min(out.get(clause.sentence, r.end), r.end)
    return out


def is_topic(view_text: str, clause: Clause, r: Reading, last_taker: int, topic_openers: tuple[str, ...]) -> bool:
    """Whether the cue ``r`` names a subject of talks: a topic opener (就, 围绕) stands before it in
    its clause and a verb of talking, agreeing, protesting or asking after it (``last_taker``: where
    the clause's last such cue starts; 双方就延长关税休战、出口管制等问题达成共识). The talks and the
    agreement are coded; what they were about is not an act."""
    if r.entry.type in TALKS or last_taker < r.end:
        return False
    head = view_text[clause.start : r.start]
    return any(w in head for w in topic_openers)


OPPOSABLE = frozenset({EventType.SANCTION, EventType.THREATEN, EventType.RETREAT, EventType.COERCE})
"""Measures that can stand as the object of a verb of opposing (反对单边加征关税)."""


def is_opposed(
    view_text: str,
    clause: Clause,
    start: int,
    party_starts: list[int],
    opposing: re.Pattern[str] | None,
    joiner: re.Pattern[str] | None,
) -> bool:
    """Whether the cue at ``start`` is what a verb of opposing before it in its clause opposes, no
    party and no joining word standing between the two (中方一贯反对各种形式的单边加征关税, "Beijing
    opposes unilateral tariffs"): the measure is not the opposer's act. With a party between
    (反对美方加征关税) that party is the measure's subject; after a joining word ("opposed the
    listing and would take all necessary measures") the measure is the opposer's next act."""
    if opposing is None:
        return False
    last = None
    for m in opposing.finditer(view_text, clause[0], start):
        last = m
    if last is None:
        return False
    end = last.end()
    if joiner is not None and joiner.search(view_text, end, start) is not None:
        return False
    k = bisect.bisect_left(party_starts, end)
    return not (k < len(party_starts) and party_starts[k] < start)
