"""Files to Documents: expand the inputs a user names, read each one, pick its reader.

The reader is chosen by extension, then by content: ``.html``/``.htm`` are pages, ``.xml``/``.rss``/
``.atom`` feeds (or pages, when the root is ``<html>``), ``.json``/``.jsonl`` article objects, and
anything else, ``.txt`` and ``.md`` included, is sniffed: a ``---`` first line is SCHEMA.md front
matter, ``<rss``/``<feed``/``<?xml`` a feed, ``<html`` a page, ``{`` JSONL, the rest plain text.
Every error names the file: ``news/a.txt: not text (looks like a PNG image)``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal

from tealeaves.errors import InputError, about
from tealeaves.ingest.decode import check_size, decode_bytes
from tealeaves.ingest.feed import read_feed
from tealeaves.ingest.frontmatter import read_frontmatter, starts_with_front_matter
from tealeaves.ingest.html import looks_like_html, read_html
from tealeaves.ingest.jsonl import read_json, read_jsonl
from tealeaves.ingest.plain import read_plain
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document, DocumentMeta
from tealeaves.settings import Settings

__all__ = ["ARTICLE_SUFFIXES", "expand_inputs", "read_bytes", "read_input", "read_text", "sniff_format"]

Format = Literal["frontmatter", "text", "html", "feed", "jsonl", "json"]

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".json", ".jsonl", ".ndjson"})
"""Extensions a folder is searched for; a file named explicitly is read whatever its extension."""
SKIPPED_SUFFIXES = (".gold.json",)
"""Files in a folder that are never articles: SCHEMA.md's gold files sit beside the articles."""
STDIN = Path("-")
"""The input name that means standard input."""
_FEED_ROOTS = ("<rss", "<feed", "<rdf:rdf")


def expand_inputs(args: Sequence[str]) -> Iterator[Path]:
    """Yield the files to read for command-line inputs, in a stable order.

    A folder yields its article files (:data:`ARTICLE_SUFFIXES`) recursively, sorted by path,
    skipping hidden files and folders and gold files; ``-`` yields ``Path("-")`` (standard input);
    anything else, even a path that does not exist, is yielded as given so that
    :func:`read_input` reports it.

    Example::

        list(expand_inputs(["corpus/", "extra.html"]))  # [Path('corpus/a.txt'), ..., Path('extra.html')]
    """
    for arg in args:
        if arg == "-":
            yield STDIN
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(root: Path) -> Iterator[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            lower = name.lower()
            if name.startswith(".") or lower.endswith(SKIPPED_SUFFIXES):
                continue
            if Path(lower).suffix in ARTICLE_SUFFIXES:
                found.append(Path(folder) / name)
    yield from sorted(found, key=lambda p: p.relative_to(root).parts)


def sniff_format(text: str) -> Format:
    """Tell an article file's format from its first characters (see the module docstring).

    Example::

        sniff_format('<?xml version="1.0"?><rss version="2.0">...')  # 'feed'
    """
    if starts_with_front_matter(text):
        return "frontmatter"
    head = text[:4096].lstrip("\N{ZERO WIDTH NO-BREAK SPACE} \t\r\n").lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json"
    if head.startswith("<"):
        if any(root in head for root in _FEED_ROOTS):
            return "feed"
        if looks_like_html(text):
            return "html"
        if head.startswith("<?xml"):
            return "feed"
    return "text"


def _format_for(path: Path, text: str) -> Format:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".json", ".jsonl", ".ndjson"):
        return "jsonl" if suffix != ".json" else "json"
    sniffed = sniff_format(text)
    if suffix in (".xml", ".rss", ".atom"):
        return "html" if sniffed == "html" else "feed"
    return sniffed


def read_bytes(path: Path, settings: Settings) -> bytes:
    """The bytes of ``path`` (or standard input for ``-``), refusing files over ``max_bytes``
    before reading them. Raises InputError for a missing, unreadable or oversized input."""
    if _is_stdin(path):
        raw = sys.stdin.buffer.read(settings.max_bytes + 1)
        check_size(len(raw), settings.max_bytes)
        return raw
    try:
        # the common case in one open: a readable regular file within the limit
        with open(path, "rb", buffering=0) as file:
            size = os.fstat(file.fileno()).st_size
            if size <= settings.max_bytes:
                return file.readall()
    except OSError:
        pass  # the careful way below says what is wrong, as it always has
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError("is a directory")
        check_size(size, settings.max_bytes)
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("no such file or directory") from exc
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc


def read_input(path: Path, kb: KnowledgeBase, settings: Settings) -> list[Document]:
    """Read one input file (or ``-``, standard input) into its Documents.

    A feed or JSONL file gives one Document per article, any other file one. The encoding is
    ``settings.encoding`` when given, else found as :mod:`tealeaves.ingest.decode` describes; it
    is recorded on each Document's meta with how it was chosen. Raises InputError
    ``"PATH: reason"`` for anything that cannot be read; a file is never half read.

    Example::

        docs = read_input(Path("dev/paris.txt"), kb, Settings())
        docs[0].meta.format, docs[0].meta.encoding  # ('frontmatter', 'utf-8')
    """
    stdin = _is_stdin(path)
    name: Path = Path("<stdin>") if stdin else path
    with about(name):
        raw = read_bytes(path, settings)
        decoded = decode_bytes(raw, max_bytes=settings.max_bytes, encoding=settings.encoding)
        base = DocumentMeta(
            path=None if stdin else str(path),
            encoding=decoded.encoding,
            encoding_source=decoded.source,
            script=None,
            format=None,
        )
        return read_text(decoded.text, _format_for(path, decoded.text), base, kb)


def _is_stdin(path: Path) -> bool:
    """``path == STDIN`` without pathlib's comparison, which builds both paths' parts each time:
    a path equals ``Path("-")`` exactly when it prints as ``-``."""
    return path is STDIN or str(path) == "-"


def read_text(text: str, fmt: Format, base: DocumentMeta, kb: KnowledgeBase) -> list[Document]:
    """Build the Documents of decoded ``text`` with the reader for ``fmt``; InputError when the
    text is not in that format."""
    if fmt == "frontmatter":
        return [read_frontmatter(text, base, kb)]
    if fmt == "html":
        return [read_html(text, base, kb)]
    if fmt == "feed":
        return read_feed(text, base, kb)
    if fmt == "jsonl":
        return read_jsonl(text, base, kb)
    if fmt == "json":
        return read_json(text, base, kb)
    return [read_plain(text, base, kb)]

