"""Signal cues: the phrases the signal detectors rest on, found once in the text with evidence.

The detectors in ``tealeaves.signals`` may not read text (they sit above ``tealeaves.text`` in the
dependency order), so every word they need is looked up here: red-line wording and the issues it
names, stance words, commitment and delivery words, ordinal rounds, summit framing, travel, and
domestic constituencies. The words live in data/signals/*.yaml; a cue is ``(family, key)`` plus the
span it was found at, for example ``("issue", "Taiwan")`` at 台湾问题.

Rules:

- phrases are matched on the simplified, folded view with one Aho-Corasick scan, whatever the
  document's language; patterns (regular expressions from the same files) run once each over the
  view, only those written for the document's language (an English "visit China" pattern has
  nothing to find in a Chinese article, and scanning for it costs time);
- pattern matches obey the word-boundary rule of phrases, checked here rather than written as
  ``\\b`` in the data: a regex that starts with a literal lets the engine jump from candidate to
  candidate, and one that starts with ``\\b`` or a capturing group runs ten times slower (so the
  data writes patterns that start with a literal, or with ``(?:…)``);
- within one family matches never overlap: the longest wins, then the leftmost, so 没有改变
  (stance ``none``) hides the 改变 inside it (stance ``shift``); matches of different families may
  overlap (访华前 is both a visit and, for the summit detector, its own cue);
- a pattern key ``{n}`` is filled from the pattern's group ``n`` (第 6 轮 -> round ``6``).
"""

from __future__ import annotations

import bisect

from tealeaves.knowledge.base import CueTarget, KnowledgeBase
from tealeaves.model import Cue, Document
from tealeaves.text.evidence import evidence_at
from tealeaves.text.normalize import make_view
from tealeaves.text.scan import find_phrases

_Hit = tuple[int, int, str, str]
"""start, end, family, key"""


def extract_cues(doc: Document, kb: KnowledgeBase) -> tuple[Cue, ...]:
    """Find the signal cues of ``doc``, sorted by position then family.

    Returns an empty tuple for an empty body or when no cue word occurs.

    Example::

        [(c.family, c.key) for c in extract_cues(make_doc("台湾问题是中方的红线。"), kb)]
        # [('issue', 'Taiwan'), ('red_line', 'core')]
    """
    if not doc.text.strip():
        return ()
    view = make_view(doc.text)
    hits: list[_Hit] = []
    for match in find_phrases(view, kb.signal_cue_index, overlapping=True):
        for target in match.payloads:
            hits.append((match.start, match.end, target.family, target.key))
    for cue_pattern in kb.signal_cue_patterns:
        if cue_pattern.lang != doc.meta.lang:
            continue
        has_number = "n" in cue_pattern.regex.groupindex
        for found in cue_pattern.regex.finditer(view.text):
            if found.end() == found.start() or not _on_word_boundary(view.text, found.start(), found.end()):
                continue
            number = found.group("n") if has_number else None
            target = cue_pattern.target
            hits.append((found.start(), found.end(), target.family, _fill_key(target, number)))
    chosen = _longest_per_family(hits)
    return tuple(Cue(family=f, key=k, evidence=evidence_at(doc, s, e)) for s, e, f, k in chosen)


def _wordish(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _on_word_boundary(text: str, start: int, end: int) -> bool:
    """The rule ``find_phrases`` applies to phrases, for pattern matches: a match that begins or ends
    with a Latin letter or digit must not continue a word ("go to China" is not found in "ago")."""
    if _wordish(text[start]) and start > 0 and _wordish(text[start - 1]):
        return False
    return not (_wordish(text[end - 1]) and end < len(text) and _wordish(text[end]))


def _fill_key(target: CueTarget, number: str | None) -> str:
    """The cue key, with ``{n}`` replaced by the number a pattern captured (leading zeros dropped)."""
    if "{n}" not in target.key or number is None:
        return target.key
    return target.key.replace("{n}", str(int(number)) if number.isdigit() else number)


def _longest_per_family(hits: list[_Hit]) -> list[_Hit]:
    """Keep non-overlapping hits within each family, longest first then leftmost; sorted by position.

    Two keys of one family on exactly the same span are both kept (one phrase may mark two keys).
    """
    taken: dict[str, list[tuple[int, int]]] = {}  # per family: kept spans, sorted, never overlapping
    kept: list[_Hit] = []
    for hit in sorted(set(hits), key=lambda h: (-(h[1] - h[0]), h[0], h[2], h[3])):
        start, end, family, _ = hit
        spans = taken.setdefault(family, [])
        i = bisect.bisect_left(spans, (start, end))
        if i < len(spans) and spans[i] == (start, end):
            kept.append(hit)
            continue
        if (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end):
            continue
        spans.insert(i, (start, end))
        kept.append(hit)
    return sorted(kept, key=lambda h: (h[0], h[1], h[2], h[3]))
