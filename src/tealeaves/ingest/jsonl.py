"""Read articles stored as JSON: one object per line (JSONL), or a JSON object or array of them.

Each object is ``{"url", "title", "published", "source", "lang", "text"}``; only ``text`` is
required, other keys are ignored. The file is all or nothing: the first bad line (not JSON, not an
object, no ``text``, a field of the wrong type, a bad date) fails the whole file with its line
number, and none of its articles is kept. A partly read file would be resumed or stored
incompletely without anyone noticing, and a truncated download shows up as a bad last line.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tealeaves.errors import InputError
from tealeaves.ingest.fields import has_words, meta_from_values
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document, DocumentMeta
from tealeaves.text.document import build_document

FIELDS = ("url", "title", "published", "source", "lang")
"""The optional metadata keys of an article object; ``text`` is the body."""
_SURROGATE = re.compile("[\ud800-\udfff]")


def _article(obj: Any, where: str, base: DocumentMeta, kb: KnowledgeBase) -> Document:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object, found {type(obj).__name__}")
    text = obj.get("text")
    if text is None:
        raise InputError(f"{where}: missing 'text'")
    values: dict[str, str] = {}
    for key in (*FIELDS, "text"):
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"{where}: {key!r} must be a string, not {type(value).__name__}")
        bad = _SURROGATE.search(value)
        if bad is not None:
            raise InputError(f"{where}: {key!r} contains an unpaired surrogate \\u{ord(bad.group()):04x}")
        values[key] = value
    if not has_words(values["text"]):
        raise InputError(f"{where}: 'text' is empty")
    try:
        meta, lang_given = meta_from_values(values, base, lambda key: f"{where}: ")
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    return build_document(values["text"], meta.with_fields({"format": "jsonl"}), kb, lang_given=lang_given)


def read_jsonl(text: str, base: DocumentMeta, kb: KnowledgeBase) -> list[Document]:
    """Build one Document per JSON line of ``text``; blank lines are skipped.

    Raises InputError naming the first bad line (``line 3: not valid JSON: ...``,
    ``line 5: missing 'text'``), or when the file holds no article.

    Example::

        read_jsonl('{"title": "Talks", "published": "2026-03-14", "text": "The two sides met."}\\n', meta, kb)
    """
    documents: list[Document] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: not valid JSON: {exc.msg} (column {exc.colno})") from exc
        documents.append(_article(obj, f"line {number}", base, kb))
    if not documents:
        raise InputError("no articles in the file (only blank lines)")
    return documents


def read_json(text: str, base: DocumentMeta, kb: KnowledgeBase) -> list[Document]:
    """Build the Documents of a ``.json`` file: JSONL when its first line is a whole object, else
    one JSON value that is an article object or an array of them.

    Raises InputError naming the array item (``item 2: missing 'text'``) or the line at fault.
    """
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        first_value = json.loads(first)
    except json.JSONDecodeError:
        first_value = None
    if isinstance(first_value, dict):
        return read_jsonl(text, base, kb)
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})") from exc
    if isinstance(whole, list):
        if not whole:
            raise InputError("no articles in the file (an empty array)")
        return [_article(obj, f"item {i}", base, kb) for i, obj in enumerate(whole, start=1)]
    return [_article(whole, "line 1", base, kb)]
