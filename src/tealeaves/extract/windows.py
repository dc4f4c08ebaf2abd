"""Windows of a document worth reading closely: the sentences that hold an event cue.

The event coder scans its cue phrases over the whole text once; everything else (party words, role
markers, modality words, clause marks) is looked for only inside these windows, so the cost of a
long article grows with its cues, not its length.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TypeVar

from tealeaves.knowledge.phrases import PhraseIndex
from tealeaves.model import Document
from tealeaves.text.normalize import View
from tealeaves.text.scan import PhraseMatch

T = TypeVar("T")


def cue_windows(doc: Document, positions: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """The spans of the sentences holding ``positions``, runs of neighbouring sentences joined.

    Example::

        cue_windows(doc, [hit.start for hit in hits])  # ((0, 57), (120, 188))
    """
    starts = [s.span.start for s in doc.sentences]
    chosen: set[int] = set()
    for pos in positions:
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0:
            chosen.add(k)
    out: list[tuple[int, int]] = []
    for k in sorted(chosen):
        span = doc.sentences[k].span
        if out and k - 1 in chosen:
            out[-1] = (out[-1][0], span.end)
        else:
            out.append((span.start, span.end))
    return tuple(out)


def _wordish(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def find_in_windows(
    view: View, index: PhraseIndex[T], windows: Sequence[tuple[int, int]], *, overlapping: bool = False
) -> list[PhraseMatch[T]]:
    """The phrases of ``index`` inside each window, with offsets of the whole text, by the rules of
    ``tealeaves.text.scan.find_phrases`` (Latin-edged phrases on word boundaries; without
    ``overlapping``, longer matches win, then earlier ones). Sorted by position.

    It walks the automaton over each window in place, so a long article with few cues costs little.
    """
    if not len(index):
        return []
    text = view.text
    n = len(text)
    found: list[PhraseMatch[T]] = []
    for a, b in windows:
        for end_incl, (phrase, payloads) in index.automaton.iter(text, a, b):
            start = end_incl - len(phrase) + 1
            end = end_incl + 1
            if phrase[0].isascii() and _wordish(phrase[0]) and start > 0 and _wordish(text[start - 1]):
                continue
            if phrase[-1].isascii() and _wordish(phrase[-1]) and end < n and _wordish(text[end]):
                continue
            found.append(PhraseMatch(start, end, phrase, payloads))
    if overlapping or len(found) < 2:
        return sorted(found, key=lambda m: (m.start, m.end))
    taken: list[PhraseMatch[T]] = []
    occupied: set[int] = set()
    for m in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if m.start in occupied or (m.end - 1) in occupied or any(i in occupied for i in range(m.start + 1, m.end - 1)):
            continue
        taken.append(m)
        occupied.update(range(m.start, m.end))
    return sorted(taken, key=lambda m: m.start)
