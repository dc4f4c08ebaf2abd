"""Persons named through an office or a title, for the entity stage.

A role descriptor (data/actors/roles.yaml) names the holder at ``doc.meta.published``
(``via="role"``). A descriptor followed directly by a person's name is that one person ("财长贝森特",
"President Xi"), and a descriptor that restates a name just before it (特朗普总统, "Scott Bessent,
Secretary of the Treasury") adds nothing. A bare descriptor (财长, the President) resolves
(``via="context"``) only when the state is written right before it or when exactly one of its
candidate states is named in the article. A blocker word right before a descriptor (副, 前, "Vice",
"former"; data/actors/person_titles.yaml) means another office or another time, and nothing is
resolved. A role mention whose holder is named in the same sentence is dropped, so nobody is counted
twice. An English capitalised name right after a title ("Senator Jeanne Shaheen") is a person even
when we do not list them: ``actor_id`` None, ``name`` as written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from tealeaves.extract.entity_scan import LOOKBACK, Found, Scan, Via, sentence_of
from tealeaves.knowledge.schema import PersonEntry
from tealeaves.model import MentionKind

_JOINERS = frozenset(" \N{MIDDLE DOT}\N{KATAKANA MIDDLE DOT}\N{NO-BREAK SPACE}")
"""What may stand between a title and the name it introduces ("美国总统 特朗普", "President  Xi")."""

_APPOSITION = frozenset({"", ",", "(", "\N{FULLWIDTH LEFT PARENTHESIS}", "\N{FULLWIDTH COMMA}"})
"""What stands between a name and a descriptor that restates it: nothing (特朗普总统), a comma
("Scott Bessent, Secretary of the Treasury") or an opening bracket."""

_POSSESSIVE = frozenset({"", "'s", "\N{RIGHT SINGLE QUOTATION MARK}s"})
"""What may stand between a state and a bare descriptor it qualifies ("China's Finance Minister")."""


def resolve_roles(scan: Scan, found: list[Found]) -> list[Found]:
    """Role descriptors resolved to the holder at the publication date (see the module docstring);
    nothing when the publication date is unknown."""
    doc, kb = scan.doc, scan.kb
    on = doc.meta.published
    if on is None:
        return []
    named_in: dict[int, set[str]] | None = None
    out: list[Found] = []
    for i, pr in enumerate(scan.profiles):
        roles = pr.roles
        if not roles or pr.persons or pr.members:
            continue
        if _names_follow(scan, i) or _apposition(scan, i) or _blocked(scan, i):
            continue
        explicit = [t for t in roles if not t.bare]
        via: Via = "role"
        if explicit:
            candidates = [kb.roles[t.id] for t in explicit]
        else:
            via = "context"
            pool = [kb.roles[t.id] for t in roles]
            written = _state_before(scan, i)
            if written is not None:
                candidates = [r for r in pool if r.state == written]
            else:
                candidates = [r for r in pool if r.state and scan.state_counts.get(r.state)]
                if len({r.state for r in candidates}) != 1:
                    continue
        holders = {h.id: h for h in (kb.holder(r.id, on) for r in candidates) if h is not None}
        if len(holders) != 1:
            continue
        (holder,) = holders.values()
        starts = scan.sentence_starts
        if named_in is None:
            named_in = _named_in(starts, found)
        a = scan.starts[i]
        if holder.id in named_in.get(sentence_of(starts, a), set()):
            continue
        named = _surname_after(scan.vtext, scan.ends[i], holder)
        if named:  # 澳大利亚贸易部长伯明翰: the title's holder, named by surname
            out.append((a, scan.ends[i] + named, MentionKind.PERSON, holder.id, holder.name, holder.state, "alias"))
        else:
            out.append((a, scan.ends[i], MentionKind.PERSON, holder.id, holder.name, holder.state, via))
    return out


_MIDDLE_DOT = "\N{MIDDLE DOT}"
"""The separator of a transliterated foreign name (西蒙·伯明翰)."""


def _surname_after(text: str, end: int, holder: PersonEntry) -> int:
    """The length of the holder's surname written right after a title (贸易部长伯明翰: the last part of
    a listed 西蒙·伯明翰; "Trade Minister Birmingham"), or 0. A title's surname names its holder even
    where the surname alone would be ambiguous (伯明翰 is also Birmingham)."""
    forms = {alias.rsplit(_MIDDLE_DOT, 1)[-1] for alias in holder.aliases.zh if _MIDDLE_DOT in alias}
    forms.add(holder.name.rsplit(" ", 1)[-1].lower())  # the view is folded
    rest = text[end:].lstrip()
    skipped = len(text) - end - len(rest)
    for form in sorted(forms, key=len, reverse=True):
        if len(form) >= 2 and rest.startswith(form) and not (form.isascii() and rest[len(form) : len(form) + 1].isalpha()):
            return skipped + len(form)
    return 0


def _named_in(starts: list[int], found: list[Found]) -> dict[int, set[str]]:
    """The listed persons named in each sentence (by index), from the mentions found so far."""
    named_in: dict[int, set[str]] = {}
    for f in found:
        if f[2] is MentionKind.PERSON and f[3]:
            named_in.setdefault(sentence_of(starts, f[0]), set()).add(f[3])
    return named_in


def _names_follow(scan: Scan, i: int) -> bool:
    """The descriptor is a title directly followed by a name: a listed person ("财长贝森特") or a
    capitalised English word ("Vice President Sara ..."); the name is the mention."""
    end, text = scan.ends[i], scan.doc.text
    if i + 1 < len(scan.profiles):
        gap = scan.gap(i, i + 1)
        if len(gap) <= 2 and all(c in _JOINERS for c in gap):
            pr = scan.profiles[i + 1]
            if pr.persons or pr.members:
                return True
    return text[end - 1].isascii() and text[end - 1].isalpha() and re.match(r" [A-Z][a-z]", text[end : end + 3]) is not None


def _apposition(scan: Scan, i: int) -> bool:
    """The descriptor restates a name written just before it (特朗普总统, "Scott Bessent, Secretary
    of the Treasury", "贝森特（美国财长）")."""
    if i == 0:
        return False
    return scan.gap(i - 1, i).strip() in _APPOSITION and bool(scan.profiles[i - 1].persons)


def _blocked(scan: Scan, i: int) -> bool:
    """A blocker word right before the descriptor: 副总理, 前总统, "Vice Premier", "former President"."""
    a = scan.starts[i]
    return scan.cue_before("blocker", max(0, a - LOOKBACK), a)


def _state_before(scan: Scan, i: int) -> str | None:
    """The state written right before a bare descriptor ("China's Finance Minister"), or None."""
    if i == 0 or scan.gap(i - 1, i).strip() not in _POSSESSIVE or len(scan.gap(i - 1, i)) > 3:
        return None
    return scan.profiles[i - 1].state_word


def titled_unknown_names(scan: Scan) -> list[Found]:
    """"Senator Chuck Grassley": a capitalised two- or three-word name right after a title, when no
    listed name overlaps it. Precision first: single words, words of the not-a-name list and names
    running into further capitalised words are skipped."""
    cues = scan.cues
    if cues.titled_name is None:
        return []
    lefts = scan.starts
    out: list[Found] = []
    for hit in _titled_hits(cues.titled_name, scan.doc.text, scan.title_starts):
        start, end = hit.span("name")
        k = bisect.bisect_left(lefts, end)
        if k > 0 and scan.ends[k - 1] > start:
            continue
        tokens = hit.group("name").split()
        if any(tok in cues.not_name for tok in tokens) or _in_headline(scan.doc.text, start):
            continue
        out.append((start, end, MentionKind.PERSON, None, " ".join(tokens), None, "alias"))
    return out


def _titled_hits(pattern: re.Pattern[str], text: str, starts: list[int] | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only ``starts`` when given: every match of the titled-name
    pattern starts where a title word does, so the other places cannot match."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    done = 0
    for start in starts:
        if start >= done:
            hit = pattern.match(text, start)
            if hit is not None:
                done = hit.end()
                yield hit


def _in_headline(text: str, pos: int) -> bool:
    """The line around ``pos`` is set in title case ("Senator Slams Deal Over Tariffs"), where every
    word is capitalised and a title no longer tells a name from the next words."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    line = text[lo : hi if hi >= 0 else len(text)].strip()
    if not line or not line[-1].isalnum():
        return False  # a sentence ends in punctuation; a headline usually does not
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and all(w[0].isupper() for w in words)
