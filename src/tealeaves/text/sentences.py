"""Sentence boundaries for Chinese and English news text, as spans of the original body.

A line break always ends a sentence (news bodies put one paragraph per line). Inside a line, a
Chinese terminator (。！？； …) ends a sentence, together with any closing quotes or brackets that
follow it; an English terminator ends one only when followed by a space and the next word does not
make it an abbreviation ("U.S. officials", "Mr. Bessent"). The punctuation classes come from
data/text.yaml.

The rules are compiled, once per knowledge base, into one pattern whose matches are the places a
sentence ends, so a document costs one regex scan plus a few string operations per sentence; only
a full stop after a word with a non-ASCII character is left to Python (``str.lower`` decides what
such a word is).
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Sentence


@dataclass(frozen=True)
class _Rules:
    """The compiled sentence-end rules of one knowledge base.

    ``ends`` matches a candidate character, then one alternative per kind of end: a line break; a
    Chinese-only terminator with the terminators and closing marks after it; an English terminator
    followed (after closing marks) by the end of the text, or by whitespace and then a capital, a
    digit, a closing mark, a non-ASCII character or the end of the line, or (``!`` and ``?`` only)
    straight by a non-ASCII character, the match running on over closing marks and English
    terminators. A full stop before the start of a word ends a sentence unless the word before it
    is an abbreviation or an initial: a word of ASCII characters is judged inside the pattern
    (``_before_next_word``); group ``word`` is set when a non-ASCII character is near, and then
    ``_closes_abbreviation`` judges.
    """

    ends: re.Pattern[str]
    to_space: dict[int, str]
    """Closing marks mapped to a space, so that ``split`` cuts the word before a full stop at them."""
    abbreviations: frozenset[str]
    longest: int
    """Characters of the longest abbreviation, lower-cased, and at least 1 (a longer word is none)."""


def _class(chars: frozenset[str] | set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]" if chars else "(?!)"


def _ascii_caseless(word: str, unless: frozenset[str]) -> str:
    """A pattern for the ASCII strings without a character of ``unless`` whose ``lower()`` is ``word``."""
    return "".join(_class({c for c in map(chr, range(128)) if c.lower() == ch and c not in unless}) for ch in word)


def _before_next_word(
    closing: frozenset[str], abbreviations: frozenset[str], longest: int, close: str, blanks: str, starts: str
) -> str:
    """The pattern, right after a full stop, for one followed by blanks and the start of a word, which
    ends a sentence unless the word before the stop is an abbreviation or an initial.

    A word of ASCII characters is judged here: it must not be one of the abbreviations (any case)
    or a single letter, with a blank, a closing mark or the start of the text before it (look-behinds
    of the abbreviation's own width). A non-ASCII character among the ``longest`` characters before
    the stop sets group ``word``, and ``_closes_abbreviation`` judges the word instead, because
    lower-casing beyond ASCII (``str.lower``) is not a regex's case folding.
    """
    word_char = f"[^\\s{''.join(re.escape(c) for c in sorted(closing))}]"
    by_length: dict[int, list[str]] = {1: [_class(set(string.ascii_letters) - closing)]}
    for a in sorted(abbreviations):
        if a.isascii() and re.fullmatch(f"{word_char}+", a):
            by_length.setdefault(len(a), []).append(_ascii_caseless(a, closing))
    after_word = "|".join(rf"(?<=(?:{'|'.join(ws)})\.)(?<!{word_char}[^\n]{{{k}}}\.)" for k, ws in sorted(by_length.items()))
    near = "|".join(rf"(?<=[^\x00-\x7f][^\n]{{{j}}}\.)" for j in range(longest))
    return rf"(?!{after_word})(?={close}*+{blanks}(?:{starts}))(?:(?P<word>{near})|)"


@functools.lru_cache(maxsize=8)
def _rules(kb: KnowledgeBase) -> _Rules:
    """The punctuation classes and abbreviations of a knowledge base, compiled (see ``_Rules``)."""
    zh_end = kb.text_chars("sentence_end_zh")
    en_end = kb.text_chars("sentence_end_en")
    closing = kb.text_chars("closing_marks")
    abbreviations = frozenset(w.lower() for w in kb.text_words("abbreviations_en"))
    longest = max(1, max(map(len, abbreviations), default=0))
    zh_first = _class(zh_end - en_end - {"\n"})
    en_first = _class(en_end - {"\n", "."})
    has_stop = "." in en_end
    close = _class(closing)
    starts = rf"[A-Z0-9]|{close}|[^\x00-\x7f]"  # what may start the next English sentence
    blanks = r"(?=\s)[ \t]*+"  # whitespace, then any spaces and tabs
    # the rest of a match after its terminator: the run of marks it takes along, and for English
    # the look-ahead at what follows the closing marks
    zh_rest = f"{_class(zh_end | closing)}*+"
    run_on = f"{_class(closing | en_end)}*+"
    en_rest = rf"(?={close}*+(?:\Z|[^\x00-\x7f]|{blanks}(?:\Z|\n|{starts}))){run_on}"

    # one class first, so that the regex engine skips to the next candidate at C speed; the
    # look-behind then tells which kind of end it is
    kinds = [r"(?<=\n)", f"(?<={zh_first}){zh_rest}", f"(?<={en_first}){en_rest}"]
    if has_stop:
        before_word = _before_next_word(closing, abbreviations, longest, close, blanks, starts)
        kinds.append(rf"(?<=\.)(?:(?={close}*+(?:\Z|{blanks}(?:\Z|\n)))|{before_word}){run_on}")
    else:
        kinds.append("(?P<word>(?!))")  # no full stop: the group is there, and never set
    # the blanks after an end go with it: they only ever make empty sentences, and the next sentence
    # then starts at its first character (a blank that is itself a terminator is left alone)
    terminators = _class((zh_end | en_end) - {"\n"})
    blank = rf"(?:(?!{terminators})\s)"
    ends = re.compile(_class(zh_end | en_end | {"\n"}) + "(?:" + "|".join(kinds) + f"){blank}*+")

    return _Rules(
        ends=ends,
        to_space={ord(c): " " for c in closing},
        abbreviations=abbreviations,
        longest=longest,
    )


def split_sentences(text: str, kb: KnowledgeBase) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences; leading and trailing spaces stay outside each span.

    Returns an empty tuple for a text of only whitespace.

    Example::

        [s.span.text for s in split_sentences("中美会谈。双方同意。", kb)]  # ['中美会谈。', '双方同意。']
    """
    rules = _rules(kb)
    finditer = rules.ends.finditer
    out: list[Sentence] = []
    append = out.append
    at = Sentence.at
    k = 0
    start = 0  # where the current sentence began
    resume = 0  # where to look for ends: past a full stop that closes an abbreviation
    n = len(text)
    while True:
        for found in finditer(text, resume):
            if found.lastindex and _closes_abbreviation(text, found.start(), rules):
                resume = found.start() + 1
                break
            end = found.end()
            part = text[start:end].rstrip()
            if part:
                if part[0].isspace():
                    stripped = part.lstrip()
                    start += len(part) - len(stripped)
                    part = stripped
                append(at(text, k, start, start + len(part)))
                k += 1
            start = end
        else:
            break
    part = text[start:].strip()
    if part:
        start = n - len(text[start:].lstrip())
        append(at(text, k, start, start + len(part)))
    return tuple(out)


def _closes_abbreviation(text: str, i: int, rules: _Rules) -> bool:
    """True when the full stop at ``i`` closes an abbreviation (``Mr.``, ``U.S.``) or an initial
    (``J.``): the word before it, back to whitespace or a closing mark, lower-cased.

    Only the last ``longest + 1`` characters (two or more) are read: a word filling them all is
    longer than any abbreviation or initial, and lower-casing never shortens a word.
    """
    lo = i - rules.longest - 1
    chunk = text[lo if lo > 0 else 0 : i]  # noqa: FURB136
    if not chunk:
        return False
    cut = chunk.translate(rules.to_space)
    if cut[-1].isspace():
        return False
    word = cut.rsplit(None, 1)[-1]
    if lo > 0 and len(word) == len(chunk):
        return False
    word = word.lower()
    return word in rules.abbreviations or (len(word) == 1 and word.isalpha())
