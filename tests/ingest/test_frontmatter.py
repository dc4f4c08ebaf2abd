"""SCHEMA.md's front-matter block and plain text files without one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tealeaves.errors import InputError
from tealeaves.ingest import read_input
from tealeaves.ingest.fields import parse_lang, parse_published
from tealeaves.ingest.frontmatter import _parse_lines, _simple_block
from tealeaves.ingest.plain import guess_title
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document
from tealeaves.settings import Settings

BODY = "3月12日，美国财政部对外通报，财长将在3月14日于巴黎会见中方代表。\n双方将继续磋商。\n"


def read_one(tmp_path: Path, kb: KnowledgeBase, content: str, name: str = "a.txt") -> Document:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    docs = read_input(path, kb, Settings())
    assert len(docs) == 1
    return docs[0]


def failure(tmp_path: Path, kb: KnowledgeBase, content: str, name: str = "a.txt") -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_input(path, kb, Settings())
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    return message.removeprefix(f"{path}: ")


def test_frontmatter_reads_schema_block(tmp_path: Path, kb: KnowledgeBase) -> None:
    doc = read_one(
        tmp_path,
        kb,
        "---\nurl: https://example.org/news/1\ntitle: 巴黎会谈: 第六轮\npublished: 2026-03-14\n"
        "source: Example Daily\nlang: zh\n---\n" + BODY,
    )
    meta = doc.meta
    assert (meta.url, meta.title, meta.published, meta.source, meta.lang, meta.format) == (
        "https://example.org/news/1", "巴黎会谈: 第六轮", dt.date(2026, 3, 14), "Example Daily", "zh", "frontmatter",
    )
    assert doc.text == BODY
    assert (meta.path, meta.encoding, meta.encoding_source, meta.script) == (
        str(tmp_path / "a.txt"), "utf-8", "detected", "zh-Hans",
    )


def test_frontmatter_unknown_values_and_quotes(tmp_path: Path, kb: KnowledgeBase) -> None:
    doc = read_one(
        tmp_path,
        kb,
        "---\nurl: unknown\ntitle: \"Talks: a new round\"\npublished: unknown\nauthor: ignored\n# a comment\n\n---\n"
        "The two sides met in Paris on Saturday.\n",
    )
    assert (doc.meta.url, doc.meta.title, doc.meta.published, doc.meta.lang) == (None, "Talks: a new round", None, "en")


def test_frontmatter_detects_language_when_not_given(tmp_path: Path, kb: KnowledgeBase) -> None:
    assert read_one(tmp_path, kb, "---\ntitle: x\n---\n" + BODY).meta.lang == "zh"
    assert read_one(tmp_path, kb, "---\ntitle: x\n---\nThe talks resumed.\n", "b.txt").meta.lang == "en"


def test_frontmatter_traditional_tag_sets_script(tmp_path: Path, kb: KnowledgeBase) -> None:
    doc = read_one(tmp_path, kb, "---\nlang: zh-TW\n---\n中美雙方在巴黎舉行會談。\n")
    assert (doc.meta.lang, doc.meta.script) == ("zh", "zh-Hant")


def test_frontmatter_accepts_crlf_line_ends(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"---\r\ntitle: Talks\r\npublished: 2026-03-14\r\n---\r\nThe two sides met.\r\n")
    doc = read_input(path, kb, Settings())[0]
    assert (doc.meta.title, doc.meta.published, doc.text) == ("Talks", dt.date(2026, 3, 14), "The two sides met.\n")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("---\ntitle: Talks\npublished: 2026-03-14\nThe two sides met.\n", "the front matter opened on line 1 has no closing '---' line"),
        ("---\ntitle: Talks\nthis line has no key\n---\nbody\n", "line 3: expected 'key: value' in the front matter, found 'this line has no key'"),
        ("---\ntitle: Talks\npublished: 2026-13-40\n---\nbody\n", "line 3: published '2026-13-40' is not a real date (month must be in 1..12)"),
        ("---\npublished: 14 March 2026\n---\nbody\n", "line 2: published '14 March 2026' is not an ISO date (YYYY-MM-DD) or 'unknown'"),
        ("---\ntitle: A\ntitle: B\n---\nbody\n", "line 3: 'title' is given twice in the front matter"),
        ("---\ntitle: A\n  continued\n---\nbody\n", "line 3: the value of 'title' continues here; write it on one line"),
        ("---\nlang: chinese simplified\n---\nbody\n", "line 2: lang 'chinese simplified' is not a language tag such as zh or en"),
        ("---\ntitle: Talks\n---\n \n\n", "no article text after the front matter"),
    ],
    ids=["unterminated", "no-key", "bad-date", "not-iso-date", "duplicate", "continuation", "bad-lang", "empty-body"],
)
def test_frontmatter_rejects_malformed_block(tmp_path: Path, kb: KnowledgeBase, content: str, expected: str) -> None:
    assert failure(tmp_path, kb, content) == expected


def test_plain_text_without_block(tmp_path: Path, kb: KnowledgeBase) -> None:
    doc = read_one(tmp_path, kb, "# Talks resume in Paris\n\nThe two sides met on Saturday and will meet again.\n", "a.md")
    assert (doc.meta.format, doc.meta.title, doc.meta.published, doc.meta.lang) == ("text", "Talks resume in Paris", None, "en")


@pytest.mark.parametrize("content", [" \n\t\n", "\ufeff\ufeff\n", "... --- !!!\n"])
def test_plain_text_rejects_file_without_words(tmp_path: Path, kb: KnowledgeBase, content: str) -> None:
    assert failure(tmp_path, kb, content) == "file has no text (no letters or digits)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\n\n  Talks resume\nbody", "Talks resume"),
        ("## 中美会谈\n正文", "中美会谈"),
        ("x" * 121 + "\nbody", None),
        ("   \n", None),
    ],
)
def test_plain_guess_title_takes_short_first_line(text: str, expected: str | None) -> None:
    assert guess_title(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-14", dt.date(2026, 3, 14)),
        ("2026-03-14T23:30:00+08:00", dt.date(2026, 3, 14)),
        ("2026-03-14 08:00", dt.date(2026, 3, 14)),
        ("unknown", None),
        ("", None),
    ],
)
def test_fields_parse_published(value: str, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2026-03", "2026/03/14", "2026-02-30", "yesterday"])
def test_fields_parse_published_rejects_non_dates(value: str) -> None:
    with pytest.raises(ValueError, match=f"published '{value}'"):
        parse_published(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("zh", ("zh", None)), ("zh-Hant", ("zh", "zh-Hant")), ("zh_CN", ("zh", "zh-Hans")), ("en-US", ("en", None)), ("unknown", None)],
)
def test_fields_parse_lang(value: str, expected: tuple[str, str | None] | None) -> None:
    assert parse_lang(value) == expected


@pytest.mark.parametrize(
    ("text", "usual"),
    [
        ("---\ntitle: Talks\npublished: 2026-03-14\n---\nBody.", True),
        ("---\nTitle : 'a: b'\nlang:zh\n--- \t\nBody.", True),
        ("---\ntitle: Talks\n---", True),
        ("---\ntitle: Talks\nauthor: me\n---\nBody.", False),
        ("---\ntitle: Talks\n\n# note\nlang: zh\n---\nBody.", False),
        ("---\r\ntitle: Talks\r\n---\r\nBody.", False),
        ("---\ntitle: Talks\ntitle: Again\n---\nBody.", False),
        ("---\ntitle\n: Talks\n---\nBody.", False),
    ],
)
def test_frontmatter_usual_block_parses_as_line_by_line(text: str, usual: bool) -> None:
    simple = _simple_block(text)
    assert (simple is not None) is usual
    if simple is not None:
        assert simple == _parse_lines(text)
