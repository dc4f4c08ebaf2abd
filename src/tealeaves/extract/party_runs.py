"""Runs of parties read together: one actor named in several mentions (美国总统特朗普), a
possessor (China's), and the states a both-sides word (双方, the two countries) stands for."""

from __future__ import annotations

import bisect
import re

from tealeaves.extract.party_types import Marker, Party, cue_between, new_party

NO_BOTH: tuple[str, str] | None = ("", "")
"""What ``join_neighbours`` gets for ``pair`` when no both-sides word is among the parties: the
recent states need not be followed then."""


BOTH_REPEAT = 12
"""A both-sides word this close after another names the same two (两国领导人进行了会谈，两国领导人承诺)."""


_PARTNER_REACH = 12
"""How far (characters) before a party a partner marker (与, with) may end and still mark it (与欧盟
委员会主席容克: 欧盟委员会 and the name after it)."""


def _met(markers: list[Marker], parties: list[Party], party_starts: list[int], start: int, state: str) -> bool:
    """Whether a counterpart marker (与, with) ends shortly before ``start`` with only parties of
    ``state`` (or places) between: the party of ``state`` there is the one met (与欧盟委员会主席容克,
    not 瑞典 in 与美国财政部长贝森特在瑞典). ``party_starts`` are the sorted starts of ``parties``."""
    for m in markers:
        if m[2] != "counterpart" or m[1] > start or start - m[1] > _PARTNER_REACH:
            continue
        between = parties[bisect.bisect_left(party_starts, m[1]) : bisect.bisect_left(party_starts, start)]
        if all(p[2] == (state,) or p[4] for p in between):
            return True
    return False


def partner_marked(markers: list[Marker], a: int, b: int) -> bool:
    """Whether a counterpart marker (与, with) fills the gap ``[a, b)`` between a party and a
    both-sides word (他与两国领导人): that party is their partner, not one of the two."""
    return any(m[2] == "counterpart" and a <= m[0] and m[1] <= b and b - a <= m[1] - m[0] + 2 for m in markers)


def join_neighbours(
    text: str,
    parties: list[Party],
    markers: list[Marker],
    breaks: re.Pattern[str],
    lang: str,
    *,
    pair: tuple[str, str] | None = NO_BOTH,
    possessive: tuple[str, ...] = (),
    sentence_end: re.Pattern[str] | None = None,
) -> list[Party]:
    """Join a run of mentions of one state into one party: 美国总统特朗普, U.S. Treasury Secretary Scott
    Bessent, China's commerce ministry name one actor, and a marker before the run applies to all
    of it. Only a short gap without a clause mark or a role marker may separate them.

    In the same pass a party that a ``possessive`` word follows is marked possessive, and a
    both-sides word (双方, the two countries) takes its states (skipped when ``pair`` is
    ``NO_BOTH``): the last two states named when both were named earlier in its own sentence (no
    ``sentence_end`` mark between; without the marks this rule is not applied), they are not the
    article's two main states and the other one is met (与, with: 特朗普与欧盟委员会主席容克会面，双方
    同意 are the US and the EU; a venue, 在瑞典, is not met); else the article's two main states
    (``pair``) when both were among the last four states named before it and one of them among the
    last two; else the last two named (两国领导人 after 墨西哥和加拿大); at the start of an article,
    nobody yet (the main states stand in later).
    A run joins plain parties of one state only, so following the states named on the parties
    before or after joining gives the same."""
    limit = 30 if lang == "en" else 6
    marker_starts = [m[0] for m in markers]
    if any(marker_starts[i] > marker_starts[i + 1] for i in range(len(marker_starts) - 1)):
        marker_starts.sort()
    out: list[Party] = []
    prev: Party | None = None
    follow = pair is not NO_BOTH  # whether both-sides words are to be resolved
    recent: list[str] = []
    named_at: dict[str, int] = {}  # where each state of ``recent`` was last named
    party_starts: list[int] = []  # the starts of ``parties`` (sorted), listed when first needed
    last_both: Party | None = None  # the last both-sides word resolved
    pair_states = set(pair) if follow and pair is not None else set()
    starts = text.startswith
    new = new_party
    for p in parties:
        if follow:
            if p[3] == "both":
                named = recent
                if prev is not None and len(prev[2]) == 1 and len(recent) >= 3 and partner_marked(markers, prev[1], p[0]):
                    # 他与两国领导人: the two countries are not the one meeting them
                    named = [r for r in recent if r != prev[2][0]]
                if last_both is not None and p[0] - last_both[1] <= BOTH_REPEAT:
                    p = new(Party, (p[0], p[1], last_both[2], *p[3:]))  # the same two again (两国领导人……两国领导人承诺)
                elif (
                    len(named) >= 2
                    and not set(named[-2:]) <= pair_states
                    and sentence_end is not None
                    and sentence_end.search(text, named_at[named[-2]], p[0]) is None
                    and any(_met(markers, parties, party_starts or (party_starts := [q[0] for q in parties]), named_at[s], s)
                            for s in named[-2:] if s not in pair_states)
                ):
                    # the two just met with each other, not the article's two (see the docstring)
                    p = new(Party, (p[0], p[1], (named[-2], named[-1]), *p[3:]))
                elif pair is not None and pair_states <= set(named[-4:]) and (set(named[-2:]) & pair_states):
                    p = new(Party, (p[0], p[1], pair, *p[3:]))
                elif len(named) >= 2:
                    p = new(Party, (p[0], p[1], (named[-2], named[-1]), *p[3:]))
                if p[2]:
                    last_both = p
            elif not p[4]:
                for state in p[2]:
                    named_at[state] = p[0]
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
            and not cue_between(marker_starts, prev[1], p[0])
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
