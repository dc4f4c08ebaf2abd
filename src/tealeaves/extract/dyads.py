"""Source and target states of an event, read from the parties around its cue.

Rules (SCHEMA.md: source and target are the states of the acting and receiving parties):

- the acting party is the passive agent (被中方制裁: 中方) if there is one, else a possessor right
  before the cue (美国的关税威胁, Trump's latest threat), else the clause's subject: in Chinese the
  first unmarked party before the cue (relative clauses come before their noun: 中国对当时仍是参议员的
  卢比奥实施制裁), in English the nearest one (the decision of the Dutch government to expand export
  controls); else, for a cue whose object noun follows it (暂停的美方对等关税), the party between the
  two; else the subject of the nearest earlier clause of the sentence, read before that clause's
  own cue and never from a condition ("美方一边推动对话，一边启动新的贸易调查"; a clause opening
  with a list word takes the party nearest it instead: "accused the US of restrictions, including
  new export controls");
- the receiving party is a marked party before the cue (对华, 对中国 in 美方对中国加征关税), else the
  first party after it (中方敦促美方, tariffs on Chinese goods), else another unmarked party before it
  (特朗普与习近平会晤), else a marked party of an earlier clause; 与/with mark a partner only of a
  joint act (CONSULT, AGREE, COOPERATE); parties joined by 和/及/and share one role, and each is a
  receiver;
- a sanction or its lifting whose receiver is the acting side's own firms ("banned U.S. companies
  from selling parts to ZTE") targets the first party of another state after them, or no one;
- a visit's receiving party is the partner named with it (talks with the U.S.), else its
  destination; so is a proposal's (提出与中方磋商: China is asked to talk);
- an agentless passive (被列入清单的美国企业) makes the subject the receiver;
- a pair word (中美, US-China) or a both-sides word (双方) is the subject of joint acts only, and of
  other acts when each side does its own (双方各自暂停关税: one act from each side to the other);
- a joint act (a meeting, a deal) whose sentence names no party, or names only a third state with
  no partner (马来西亚第五轮会谈: a venue), is the article's two main states';
- in a ``judged`` frame (违反, unfair practices, very respectful) the party before the cue is the one
  judged, and the judge is the speaker of the sentence or, failing that, the other side;
- a missing party is the article's counterpart state when the known one is one of the two states
  the article names most (a bilateral article), and the cue entry allows inference.

Returns no dyad when either party stays unknown or both are the same state: no event is better
than a wrong one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from tealeaves.extract.clauses import Clause
from tealeaves.extract.event_merge import SYMMETRIC
from tealeaves.extract.party_types import Party
from tealeaves.knowledge.schema import EventCueEntry
from tealeaves.model import EventType

Dyad = tuple[str, str]

_POSSESSOR_GAP = (10, 24)
"""How far (characters; Chinese, English) before the cue a possessor may stand: 美方的所谓对等关税,
'Trump's latest threat to impose'; in 中方已就欧方的反补贴措施在世贸组织……提起诉讼 the EU owns the
measures, not the suit."""


class Setting(NamedTuple):
    """Where a cue stands: its sentence's clauses, the cue starts of every clause (a clause's own
    cue ends the stretch its subject is read from), which clauses are conditions, the document
    language, whether a passive mark without agent precedes the cue in its clause, whether the
    clause opens with a list word (including, 包括), the sentence's parties by clause (as
    ``by_clause`` gives them; computed once per sentence, not per cue), and the starts of the
    parties a verb of saying follows (the speakers: 中方表示…, "New Delhi has called ...")."""

    sentence_clauses: tuple[Clause, ...]
    first_cue: dict[Clause, int]
    conditions: frozenset[Clause]
    lang: str
    agentless: bool
    listing: bool = False
    clause_parties: Mapping[Clause, Sequence[Party]] = {}
    speakers: frozenset[int] = frozenset()
    each: bool = False


def _inside(p: Party, clause: Clause) -> bool:
    return clause.start <= p.start and p.end <= clause.end


def by_clause(parties: Sequence[Party], clauses: Sequence[Clause]) -> dict[Clause, list[Party]]:
    """The ``parties`` (of one sentence) lying inside each of its ``clauses``, in order."""
    if len(clauses) == 1:
        (only,) = clauses
        a, b = only[0], only[1]
        return {only: [p for p in parties if a <= p[0] and p[1] <= b]}
    return {c: [p for p in parties if c[0] <= p[0] and p[1] <= c[1]] for c in clauses}


def _parties_in(setting: Setting, parties: Sequence[Party], clause: Clause) -> Sequence[Party]:
    found = setting.clause_parties.get(clause)
    return found if found is not None else [p for p in parties if _inside(p, clause)]


def _other(pair: Dyad | None, state: str | None) -> str | None:
    if pair is None or state is None or state not in pair:
        return None
    return pair[1] if pair[0] == state else pair[0]


def actors(parties: Sequence[Party], pair: Dyad | None) -> list[Party]:
    """The parties of a sentence as ``read_dyads`` reads them: both-sides words not yet resolved
    take the article's two main states (or are left out without them)."""
    out: list[Party] = []
    for p in parties:
        if p.role == "both" and not p.states:
            if pair is not None:
                out.append(Party(p.start, p.end, pair, "both"))
        else:
            out.append(p)
    return out


_PAIR_ROLES = ("pair", "both")
"""Roles of a party naming both sides; so does any party of two states."""


def _subject(parties: Sequence[Party], before: int, joint: bool, nearest: bool) -> Party | None:
    """The acting party among ``parties`` (one clause): a passive agent before ``before`` (or after
    it when no unmarked party precedes), else a possessor just before ``before``, else the first
    (Chinese) or nearest (English) unmarked party before ``before``; a pair only for a joint act."""
    agent: Party | None = None
    last: Party | None = None  # the last party before ``before``
    plain = False  # whether an unmarked party stands before ``before``
    first_fit: Party | None = None  # the first and last party before ``before`` that may act
    last_fit: Party | None = None
    last_own: Party | None = None  # the last one that is not a possessor ("Trump's claims")
    for p in parties:
        if p[4]:  # a place
            continue
        role = p[3]
        if p[1] <= before:
            last = p
            if role == "plain":
                plain = True
                if first_fit is None:
                    first_fit = p
                last_fit = p
                if not p[6]:
                    last_own = p
            elif joint and (role == "pair" or role == "both"):
                if first_fit is None:
                    first_fit = p
                last_fit = p
        if agent is None and role == "source" and len(p[2]) == 1:
            agent = p
    if agent is not None and (agent[1] <= before or not plain):
        return agent  # 被中方制裁; after the cue only without a subject (restrictions imposed by the US)
    if last is None:
        return None
    # the owner of the act named by the cue: 美国的关税威胁; in English also after a preposition
    # ("against the Trump administration's investigation"), in Chinese 对中国的关税 is aimed at China
    if last.possessive and before - last.end <= _POSSESSOR_GAP[nearest] and (last.role == "plain" or (nearest and last.role == "target")):
        return last
    if nearest:  # a possessor farther back owns its noun, it is not the subject ("Trump's claims were groundless and rejected")
        return last_own or last_fit
    return first_fit


def read_dyads(
    cue: tuple[int, int],
    entry: EventCueEntry,
    clause: Clause,
    setting: Setting,
    parties: Sequence[Party],
    pair: Dyad | None,
    needs_at: int | None,
) -> tuple[Dyad, ...]:
    """The (source, target) pairs of the event cued at ``cue`` (one per receiver joined by 和/and),
    or an empty tuple (see the module rules). ``parties`` are those of the cue's sentence as
    ``actors`` gives them; ``needs_at`` is where the entry's object noun stands after the cue, if
    it does."""
    if entry.states:
        return ((entry.states[0], entry.states[1]),)
    sentence_parties = parties
    local = setting.clause_parties.get(clause)
    if local is None:
        local = [p for p in sentence_parties if _inside(p, clause)]
    joint = entry.type in SYMMETRIC
    nearest = setting.lang == "en"

    subject = _subject(local, cue[0], joint or setting.each, nearest)
    if subject is None and needs_at is not None:
        owners = [p for p in local if cue[1] <= p.start and p.end <= needs_at and p.role == "plain" and not p.place]
        subject = owners[0] if owners else None
    if subject is None:
        for earlier in reversed([c for c in setting.sentence_clauses if c.end <= clause.start]):
            if earlier in setting.conditions:
                continue
            found = _parties_in(setting, sentence_parties, earlier)
            # clauses chain on the subject of the earlier clause, read before its own verb; a list
            # elaborates the party nearest it ("accused the US of restrictions, including controls")
            if setting.listing:
                subject = _subject(found, earlier.end, joint, True)
            else:
                subject = _subject(found, setting.first_cue.get(earlier, earlier.end), joint, False)
            if subject is not None:
                break

    frame = entry.frame
    if frame == "judged":
        judged = _judged(cue, local, subject, sentence_parties, pair, setting.speakers)
        return (judged,) if judged else ()
    if setting.agentless and subject is not None and len(subject.states) == 1:
        target = subject.states[0]
        source = _other(pair, target)
        return ((source, target),) if source and source != target else ()
    if subject is not None and (subject[3] in _PAIR_ROLES or len(subject[2]) == 2):  # both sides
        a, b = subject.states[0], subject.states[1]
        if joint:
            return ((a, b),)
        return ((a, b), (b, a)) if setting.each else ()  # 双方各自暂停关税: each side's own act

    source = subject.states[0] if subject else None
    receivers = _receivers(local, cue, subject, joint or frame == "partner", frame == "visit")
    if entry.content_after:  # the addressee stands right after the cue; a party deeper is in the content
        reach = _ADDRESSEE_REACH[setting.lang == "en"]
        first = min((r[0] for r in receivers), default=0)
        if first >= cue[1] and first - cue[1] > reach:
            receivers = []  # ("asked the Netherlands and Japan": the rest of a run follows the first)
    if source is not None and len(receivers) == 1:  # the rules below for one receiver naming one state
        receiver = receivers[0]
        if receiver[3] != "other" and receiver[3] not in _PAIR_ROLES and len(receiver[2]) != 2:
            target = receiver[2][0]
            if target != source:
                return ((source, target),)
            if entry.type in _BARRING:
                dealer = _dealt_with(local, receiver, source)
                return ((source, dealer),) if dealer else ()
            if (
                entry.content_after
                and subject is not None
                and cue[0] - clause.start <= _OPENING_GAP[nearest]
                and not any(p is subject for p in local)
            ):
                voice = _first_voice(sentence_parties, cue[0], target)
                return ((voice, target),) if voice else ()
            if entry.type is not _THREATEN:
                return ()
            receivers = []  # measures to safeguard one's own (Chinese firms' interests): aimed at the other side
    if not receivers and entry.infer:
        receivers = _earlier_marked(setting, sentence_parties, clause, source)
    if joint and pair is not None and not receivers and (source is None or source not in pair):
        if source is None and any(not p.place and set(p.states) - set(pair) for p in sentence_parties):
            return ()
        return (pair,)  # a joint act of the article's two sides, named only by a venue or not at all
    targets: list[str] = []
    for r in receivers:
        if r.role == "other":
            other = _other(pair, source)
            if other:
                targets.append(other)
        elif r[3] in _PAIR_ROLES or len(r[2]) == 2:  # both sides
            if source is None or source not in r.states:
                return ()  # an act between two other states than the one we can name
            other = _other((r.states[0], r.states[1]), source)
            if other:
                targets.append(other)
        else:
            targets.append(r.states[0])
    if not targets and source is not None and entry.infer:
        inferred = _other(pair, source)
        if inferred:
            targets.append(inferred)
    if source is None and len(targets) == 1:
        source = _other(pair, targets[0])
    out: list[Dyad] = []
    for t in targets:
        if source is not None and t != source and (source, t) not in out:
            out.append((source, t))
    return tuple(out)


_THREATEN = EventType.THREATEN

_BARRING = frozenset({EventType.SANCTION, EventType.RETREAT})
"""Measures whose first receiver may be the acting side's own firms, barred from (or licensed for)
dealing with the real target: "banned U.S. companies from selling parts to ZTE"."""


def _dealt_with(local: Sequence[Party], own: Party, source: str) -> str | None:
    """The state of the first party after ``own`` (the acting side's own firms, named as the
    measure's receiver) that belongs to another state and is no place: the one they are barred from
    dealing with, or None."""
    for p in local:
        if p.start >= own.end and len(p.states) == 1 and p.states[0] != source and not p.place:
            return p.states[0]
    return None


_OPENING_GAP = (2, 5)
"""How far (characters; Chinese, English) into its clause a request's cue may stand and still open
the clause, after at most a joining word (，要求美方, ，并敦促, ", and urged"): only then does the
clause continue the sentence's speaker. In "farm groups have urged the administration" the clause
has a subject of its own, named or not."""


def _first_voice(sentence_parties: Sequence[Party], before: int, addressee: str) -> str | None:
    """The state of the sentence's first unmarked party before ``before`` that is not the
    ``addressee``'s and is no place: the speaker whose statement carries a request that the clause
    chain would otherwise give to the addressee itself (发言人批评，美方一再…，要求美方取消…: no side
    asks itself, so the request is the speaker's, China's)."""
    for p in sentence_parties:
        if p.start >= before:
            break
        if p.role == "plain" and not p.place and len(p.states) == 1 and p.states[0] != addressee:
            return p.states[0]
    return None


_ADDRESSEE_REACH = (3, 8)
"""How far (characters; Chinese, English) after a request's cue its addressee may start: 敦促美国
政府, 敦促有关美国官员, "urged the United States"; in 要求相关企业停止向中国客户供货 China is in
what is asked, not the one asked."""


def _receivers(local: Sequence[Party], cue: tuple[int, int], subject: Party | None, joint: bool, visit: bool) -> list[Party]:
    """The receiving parties in the cue's clause (see the module rules), with their coordinates.
    An actor here is a party other than the subject that names a state (or the other side) and is
    no place. (Fields by position: 0 start, 1 end, 2 states, 3 role, 4 place, 7 group.)"""
    chosen: Party | None = None
    cue_start, cue_end = cue
    if joint or visit:
        nearest = -1  # the partner nearest the cue, the first on a tie
        for p in local:
            if p[3] == "counterpart" and p is not subject and p[2] and not p[4]:
                distance = abs(p[0] - cue_start)
                if nearest < 0 or distance < nearest:
                    nearest, chosen = distance, p
    if chosen is None and visit:
        for p in local:  # the destination written into the cue: 访华, 访美
            if cue_start <= p[0] and p[1] <= cue_end and p is not subject and p[2] and not p[4]:
                chosen = p
                break
    if chosen is None:
        for p in reversed(local):
            role = p[3]
            if p[1] <= cue_start and (role == "target" or role == "other") and p is not subject and (p[2] or role == "other") and not p[4]:
                chosen = p  # the last marked party before the cue
                break
    if chosen is None:
        for p in local:
            role = p[3]
            if p[0] >= cue_end and p is not subject and role != "source" and (p[2] or role == "other"):
                if role == "counterpart" and not joint:
                    continue
                if p[4] and not visit:
                    continue
                chosen = p
                break
    if chosen is None:
        for p in local:
            if p[1] <= cue_start and p[3] == "plain" and p is not subject and p[2] and not p[4]:
                chosen = p
                break
    if chosen is None:
        return []
    group = chosen[7]
    if group is None:
        return [chosen]
    return [p for p in local if p is chosen or (p[7] == group and p is not subject and (p[2] or p[3] == "other") and not p[4])]


def _earlier_marked(setting: Setting, sentence_parties: Sequence[Party], clause: Clause, source: str | None) -> list[Party]:
    """A target marked in an earlier clause of the sentence (他将韩国汽车的关税，从15%提高至25%)."""
    for earlier in reversed([c for c in setting.sentence_clauses if c.end <= clause.start]):
        marked = [
            p
            for p in _parties_in(setting, sentence_parties, earlier)
            if p.role == "target" and len(p.states) == 1 and not p.place
        ]
        marked = [p for p in marked if p.states[0] != source]
        if marked:
            return [marked[-1]]
    return []


def _judged(
    cue: tuple[int, int],
    local: Sequence[Party],
    subject: Party | None,
    sentence_parties: Sequence[Party],
    pair: Dyad | None,
    speakers: frozenset[int] = frozenset(),
) -> Dyad | None:
    """The dyad of a judgement: (judge, judged). The judged is the nearest unmarked party before the
    cue that is not speaking (or the subject of an earlier clause, and then only when a speaker of
    another state is named); the judge is the speaker named before the cue ("which Beijing said
    violated the consensus", "New Delhi has called the penalty unfair"), else the sentence's first
    other party, else the other side."""
    said = [p for p in sentence_parties if p.start in speakers and p.start < cue[0] and len(p.states) == 1 and not p.place]
    before = [
        p
        for p in local
        if p.end <= cue[0] and not p.place and p.role == "plain" and len(p.states) == 1 and p.start not in speakers
    ]
    from_earlier = not before
    if subject is not None and subject.start in speakers:
        subject = None
    judged_party = before[-1] if before else subject
    if judged_party is None and said:
        voice = said[-1].states[0]
        other = _other(pair, voice)
        return (voice, other) if other else None
    if judged_party is None or len(judged_party.states) != 1:
        return None
    judged = judged_party.states[0]
    if said and judged == said[-1].states[0]:
        # a speaker does not judge its own side: the party judged is the nearest of another state
        # (卢拉说，美方用来制裁巴西的理由根本不存在: 美方, not 巴西)
        other_side = next((p for p in reversed(before) if p.states[0] != judged), None)
        if other_side is not None:
            judged = other_side.states[0]
    speaker = next((p.states[0] for p in reversed(said) if p.states[0] != judged), None) or next(
        (
            p.states[0]
            for p in sentence_parties
            if p.role == "plain" and not p.place and len(p.states) == 1 and p.start < cue[0] and p.states[0] != judged
        ),
        None,
    )
    if from_earlier and speaker is None:
        return None
    judge = speaker or _other(pair, judged)
    return (judge, judged) if judge else None
