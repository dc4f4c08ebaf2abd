"""Inputs to files (folders, stdin) and files to Documents: dispatch, limits, path in every error."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tealeaves.errors import InputError
from tealeaves.ingest import STDIN, _is_stdin, expand_inputs, read_input, sniff_format
from tealeaves.model import Document
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.settings import Settings

ARTICLE = "---\ntitle: 巴黎会谈\npublished: 2026-03-14\nlang: zh\n---\n中美双方在巴黎举行会谈，同意继续磋商。\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def failure(path: Path, kb: KnowledgeBase, settings: Settings | None = None) -> str:
    with pytest.raises(InputError) as info:
        read_input(path, kb, settings or Settings())
    message = str(info.value)
    assert "\n" not in message
    return message


def test_expand_inputs_walks_folders_sorted_skipping_hidden_and_gold(tmp_path: Path) -> None:
    for rel in ["b.txt", "a.md", "sub/c.html", "sub/d.jsonl", "x.gold.json", "y.json", ".hidden.txt",
                ".git/e.txt", "f.pdf", "g.PNG", "h.XML"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_inputs([str(tmp_path)])]
    assert found == ["a.md", "b.txt", "h.XML", "sub/c.html", "sub/d.jsonl", "y.json"]


def test_expand_inputs_yields_named_files_missing_paths_and_stdin_as_given(tmp_path: Path) -> None:
    named = tmp_path / "scan.pdf"
    named.write_bytes(b"%PDF-1.4")
    assert list(expand_inputs([str(named), "missing.txt", "-"])) == [named, Path("missing.txt"), Path("-")]


def test_read_reports_missing_path(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "nope.txt"
    assert failure(path, kb) == f"{path}: no such file or directory"


def test_read_reports_directory(tmp_path: Path, kb: KnowledgeBase) -> None:
    assert failure(tmp_path, kb) == f"{tmp_path}: is a directory"


def test_read_rejects_png_renamed_txt(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG)
    assert failure(path, kb) == f"{path}: not text (looks like a PNG image)"


def test_read_rejects_pdf_named_explicitly(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert failure(path, kb) == f"{path}: not text (looks like a PDF document)"


def test_read_rejects_empty_file(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert failure(path, kb) == f"{path}: file is empty"


def test_read_refuses_file_over_limit_before_reading(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 3000)
    assert failure(path, kb, Settings(max_bytes=1024)) == f"{path}: file is 2.9 KB, over the 1 KB limit"


def test_read_uses_settings_encoding(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(ARTICLE.encode("gbk"))
    [doc] = read_input(path, kb, Settings(encoding="gbk"))
    assert (doc.meta.encoding, doc.meta.encoding_source, doc.meta.title) == ("gb18030", "explicit", "巴黎会谈")


def test_read_rejects_undecodable_file(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    assert failure(path, kb).startswith(f"{path}: cannot decode: no BOM or declared charset, not UTF-8")


@pytest.mark.parametrize("codec", ["gb18030", "utf-16", "utf-8-sig"])
def test_read_gives_same_document_in_any_encoding(tmp_path: Path, kb: KnowledgeBase, codec: str) -> None:
    reference = tmp_path / "utf8.txt"
    reference.write_text(ARTICLE, encoding="utf-8")
    other = tmp_path / f"{codec}.txt"
    other.write_bytes(ARTICLE.encode(codec))
    [a], [b] = read_input(reference, kb, Settings()), read_input(other, kb, Settings())
    assert (b.doc_id, b.text, b.meta.title) == (a.doc_id, a.text, a.meta.title)


def test_read_stdin(monkeypatch: pytest.MonkeyPatch, kb: KnowledgeBase) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("gb18030"))))
    [doc] = read_input(Path("-"), kb, Settings())
    assert (doc.meta.path, doc.meta.format, doc.meta.title, doc.meta.encoding) == (None, "frontmatter", "巴黎会谈", "gb18030")


def test_read_stdin_errors_name_stdin(monkeypatch: pytest.MonkeyPatch, kb: KnowledgeBase) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PNG)))
    assert failure(Path("-"), kb) == "<stdin>: not text (looks like a PNG image)"


def test_read_reads_unknown_extension_as_sniffed_text(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "article.dat"
    path.write_text(ARTICLE, encoding="utf-8")
    [doc] = read_input(path, kb, Settings())
    assert (doc.meta.format, doc.meta.path) == ("frontmatter", str(path))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: x\n---\nbody", "frontmatter"),
        ('<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        ('<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("<!DOCTYPE html><html><body><p>x</p>", "html"),
        ('\ufeff  {"text": "x"}\n', "jsonl"),
        ('[{"text": "x"}]', "json"),
        ("The two sides met.", "text"),
        ("<b>not a page</b> but a line of text", "text"),
    ],
)
def test_read_sniff_format(text: str, expected: str) -> None:
    assert sniff_format(text) == expected


def outcome(path: Path, kb: KnowledgeBase) -> list[Document] | InputError:
    """The documents of ``path``, or the InputError it raised; any other exception propagates."""
    try:
        return read_input(path, kb, Settings())
    except InputError as exc:
        return exc


_MARKUP = st.sampled_from(["---\n", "title: x\n", "<html><body><p>", "</p>", "<rss><channel><item><title>",
                           "</item>", '{"text": "', '"}\n', "中美会谈。", "The talks.", "\n", "\x00", "\ufeff"])


@pytest.mark.parametrize("suffix", [".txt", ".html", ".xml", ".jsonl", ".json", ".dat"])
@given(data=st.one_of(st.binary(max_size=200), st.lists(_MARKUP | st.text(max_size=20), max_size=12).map(
    lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_read_raises_only_input_error_on_arbitrary_files(tmp_path: Path, kb: KnowledgeBase, suffix: str, data: bytes) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    result = outcome(path, kb)
    if isinstance(result, InputError):
        assert str(result).startswith(f"{path}: ") and "\n" not in str(result)
    else:
        assert result and all(doc.text.strip() and doc.meta.path == str(path) for doc in result)


@pytest.mark.parametrize("name", ["-", "./-", "a/-", "-x", "/-", "-/", "--"])
def test_read_is_stdin_agrees_with_path_equality(name: str) -> None:
    assert _is_stdin(Path(name)) is (Path(name) == STDIN)
