"""Read SCHEMA.md's article format: a ``---`` block of ``key: value`` lines, then the body.

The block is deliberately not YAML: values are taken as written (a title may contain colons and
quotes), one pair of surrounding quotes is dropped, and nothing is typed except ``published``
(an ISO date or ``unknown``) and ``lang`` (a language tag). Known keys are ``url``, ``title``,
``published``, ``source`` and ``lang``; other keys are ignored (logged), so a file with an extra
``author:`` still reads. A block that is not closed, a line that is not ``key: value``, a known key
given twice and a bad date are errors that name the line.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tealeaves.errors import InputError
from tealeaves.ingest.fields import has_words, meta_from_values, unquote
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document, DocumentMeta
from tealeaves.text.document import build_document

log = logging.getLogger(__name__)

KEYS = ("url", "title", "published", "source", "lang")
"""The front-matter keys of SCHEMA.md."""
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_PAIR = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)\s*:(.*)")
_FENCE = "---"
_CLOSING = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
# the usual block: pairs as _PAIR reads them, on lines that end in LF alone
_SIMPLE_PAIR = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[^\S\r\n]*:([^\r\n]*)\n")
_SIMPLE = re.compile(r"---[ \t]*\n((?:[A-Za-z_][A-Za-z0-9_-]*[^\S\r\n]*:[^\r\n]*\n)*)---[ \t]*(?:\n|\Z)")


@dataclass(frozen=True)
class FrontMatter:
    """The parsed block: raw values by key, the line each was given on, where the body starts."""

    values: dict[str, str]
    lines: dict[str, int]
    body_start: int


def starts_with_front_matter(text: str) -> bool:
    """True when the first line of ``text`` is ``---`` (a byte order mark already removed)."""
    first = text.split("\n", 1)[0]
    return first.rstrip() == _FENCE


def parse_front_matter(text: str) -> FrontMatter:
    """Split the ``---`` block off ``text``; ValueError names the line of the first problem.

    The caller has checked :func:`starts_with_front_matter`. Values are stripped and unquoted;
    blank lines and ``#`` comments inside the block are skipped, and an indented continuation
    line is allowed only under a key we ignore.
    """
    return _simple_block(text) or _parse_lines(text)


def _parse_lines(text: str) -> FrontMatter:
    """``parse_front_matter`` one line at a time, for any block."""
    closing = _CLOSING.search(text, text.find("\n") + 1)
    if closing is None:
        raise ValueError("the front matter opened on line 1 has no closing '---' line")
    values: dict[str, str] = {}
    numbers: dict[str, int] = {}
    key: str | None = None
    for number, raw, end in _lines_after_first(text, closing.end()):
        line = raw.rstrip("\r\n")
        if line.rstrip() == _FENCE:
            return FrontMatter(values, numbers, end)
        if not raw:
            break
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t" or line.startswith("- "):
            if key in KEYS:
                raise ValueError(f"line {number}: the value of {key!r} continues here; write it on one line")
            continue
        pair = _PAIR.fullmatch(line)
        if pair is None:
            raise ValueError(f"line {number}: expected 'key: value' in the front matter, found {line.strip()[:40]!r}")
        key = pair.group(1).lower()
        if key not in KEYS:
            log.info("ignoring front-matter key %r on line %d", key, number)
            continue
        if key in values:
            raise ValueError(f"line {number}: {key!r} is given twice in the front matter")
        values[key] = unquote(pair.group(2).strip())
        numbers[key] = number
    raise ValueError("the front matter opened on line 1 has no closing '---' line")


def _simple_block(text: str) -> FrontMatter | None:
    """The block of the usual shape parsed in one match: ``---``, then only ``key: value`` lines
    with known keys, each once, then ``---``; None for anything else (blank or comment lines, CR
    line ends, other keys, repeats, errors), which the line-by-line parser handles."""
    block = _SIMPLE.match(text)
    if block is None:
        return None
    values: dict[str, str] = {}
    numbers: dict[str, int] = {}
    for number, (key, value) in enumerate(_SIMPLE_PAIR.findall(block.group(1)), start=2):
        key = key.lower()
        if key not in KEYS or key in values:
            return None
        values[key] = unquote(value.strip())
        numbers[key] = number
    return FrontMatter(values, numbers, block.end())


def _lines_after_first(text: str, closing_end: int) -> Iterator[tuple[int, str, int]]:
    """``(number, line with its line break, offset after it)`` for the lines from line 2 up to the
    closing line that ends at ``closing_end``, then (in general) an empty line at the end of the text.

    Lines end at ``\r\n``, ``\r`` or ``\n``; a block without ``\r`` (nearly all) is cut with
    ``str.split``, which then cuts exactly there, rather than one regex match per line.
    """
    head = text[:closing_end]
    if "\r" in head:
        lines = _LINE.finditer(text)
        next(lines)
        for number, m in enumerate(lines, start=2):
            yield number, m.group(), m.end()
        return
    parts = head.split("\n")
    offset = len(parts[0]) + 1
    for number, line in enumerate(parts[1:], start=2):
        offset += len(line)
        if offset < len(text) and text[offset] == "\n":
            offset += 1
            yield number, line + "\n", offset
        else:
            yield number, line, offset


def read_frontmatter(text: str, base: DocumentMeta, kb: KnowledgeBase) -> Document:
    """Build the Document of a SCHEMA.md article file (front matter, then the body as published).

    Raises InputError for a malformed block, a bad ``published`` or ``lang``, or an empty body.
    The language is detected from the body when the block does not give one.

    Example::

        read_frontmatter("---\\ntitle: Talks\\npublished: 2026-03-14\\n---\\nThe two sides met.", meta, kb)
    """
    try:
        block = parse_front_matter(text)
        meta, lang_given = meta_from_values(block.values, base, lambda key: f"line {block.lines[key]}: ")
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    body = text[block.body_start :]
    if not has_words(body):
        raise InputError("no article text after the front matter")
    return build_document(body, meta.with_fields({"format": "frontmatter"}), kb, lang_given=lang_given)
