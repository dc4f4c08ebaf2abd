"""Sentence boundaries for Chinese and English news text, as spans of the original body.

A line break always ends a sentence (news bodies put one paragraph per line). Inside a line, a
Chinese terminator (。！？； …) ends a sentence, together with any closing quotes or brackets that
follow it; an English terminator ends one only when followed by a space and the next word does not
make it an abbreviation ("U.S. officials", "Mr. Bessent"). The punctuation classes come from
data/text.yaml.
"""

from __future__ import annotations

import functools
import re

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Sentence, Span


@functools.lru_cache(maxsize=8)
def _marks(kb: KnowledgeBase) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], re.Pattern[str]]:
    """The punctuation classes and abbreviations of a knowledge base, and a pattern finding every
    character where a sentence may end (a line break or a terminator), read once per knowledge base."""
    zh_end = kb.text_chars("sentence_end_zh")
    en_end = kb.text_chars("sentence_end_en")
    closing = kb.text_chars("closing_marks")
    abbreviations = frozenset(w.lower() for w in kb.text_words("abbreviations_en"))
    ends = "".join(re.escape(c) for c in sorted(zh_end | en_end | {"\n"}))
    return zh_end, en_end, closing, abbreviations, re.compile(f"[{ends}]")


def split_sentences(text: str, kb: KnowledgeBase) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences; leading and trailing spaces stay outside each span.

    Returns an empty tuple for a text of only whitespace.

    Example::

        [s.span.text for s in split_sentences("中美会谈。双方同意。", kb)]  # ['中美会谈。', '双方同意。']
    """
    zh_end, en_end, closing, abbreviations, ends = _marks(kb)
    cuts: list[int] = []
    n = len(text)
    i = 0  # the characters before i are decided; a candidate before it was taken by a terminator run
    for found in ends.finditer(text):
        pos = found.start()
        if pos < i:
            continue
        ch = text[pos]
        if ch == "\n":
            cuts.append(pos + 1)
            i = pos + 1
        elif ch in zh_end and ch not in en_end:
            j = pos + 1
            while j < n and (text[j] in zh_end or text[j] in closing):
                j += 1
            cuts.append(j)
            i = j
        elif ch in en_end and _ends_english_sentence(text, pos, closing, abbreviations):
            j = pos + 1
            while j < n and (text[j] in closing or text[j] in en_end):
                j += 1
            cuts.append(j)
            i = j
        else:
            i = pos + 1
    cuts.append(n)
    out: list[Sentence] = []
    start = 0
    for cut in cuts:
        a, b = start, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence.of(len(out), Span.of(text, a, b)))
        start = max(start, cut)
    return tuple(out)


def _ends_english_sentence(text: str, i: int, closing: frozenset[str], abbreviations: frozenset[str]) -> bool:
    """A '.', '!' or '?' at ``i`` ends a sentence: followed (after closing marks) by whitespace and
    then a capital, a digit or an opening quote, or by the end of the text; and '.' not closing an
    abbreviation or an initial."""
    n = len(text)
    j = i + 1
    while j < n and text[j] in closing:
        j += 1
    if j >= n:
        return True
    if not text[j].isascii() and text[i] != ".":
        return True  # "!" or "?" straight before Chinese text
    if not text[j].isspace():
        return False
    k = j
    while k < n and text[k] in " \t":
        k += 1
    if k >= n or text[k] == "\n":
        return True
    nxt = text[k]
    if not (nxt.isupper() or nxt.isdigit() or nxt in closing or not nxt.isascii()):
        return False
    if text[i] != ".":
        return True
    w = i
    while w > 0 and not text[w - 1].isspace() and text[w - 1] not in closing:
        w -= 1
    word = text[w:i].lower()
    if word in abbreviations:
        return False
    if len(word) == 1 and word.isalpha():  # an initial: "Donald J. Trump"
        return False
    return True
