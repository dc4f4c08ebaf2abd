"""Articles as JSON lines (or a JSON array): the first bad line fails the whole file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tealeaves.errors import InputError
from tealeaves.ingest import read_input
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.settings import Settings

ARTICLES = [
    {"url": "https://example.org/1", "title": "巴黎会谈", "published": "2026-03-14", "source": "Example Daily",
     "lang": "zh", "text": "中美双方在巴黎举行会谈。"},
    {"title": "Talks", "published": "unknown", "text": "The two sides met in Paris.", "id": 7},
    {"text": "美方表示将继续谈判。", "lang": "zh-Hant"},
]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lines(objs: list[object]) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)


def failure(path: Path, kb: KnowledgeBase) -> str:
    with pytest.raises(InputError) as info:
        read_input(path, kb, Settings())
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{path}: ")
    return message.removeprefix(f"{path}: ")


def test_jsonl_reads_one_document_per_line(tmp_path: Path, kb: KnowledgeBase) -> None:
    docs = read_input(write(tmp_path, "a.jsonl", lines(ARTICLES) + "\n"), kb, Settings())
    assert [(d.meta.url, d.meta.title, d.meta.published, d.meta.lang, d.meta.script, d.text) for d in docs] == [
        ("https://example.org/1", "巴黎会谈", dt.date(2026, 3, 14), "zh", "zh-Hans", "中美双方在巴黎举行会谈。"),
        (None, "Talks", None, "en", None, "The two sides met in Paris."),
        (None, None, None, "zh", "zh-Hant", "美方表示将继续谈判。"),
    ]
    assert {d.meta.format for d in docs} == {"jsonl"}


@pytest.mark.parametrize("layout", ["array", "object"])
def test_json_reads_array_or_single_object(tmp_path: Path, kb: KnowledgeBase, layout: str) -> None:
    data = ARTICLES if layout == "array" else ARTICLES[0]
    docs = read_input(write(tmp_path, "a.json", json.dumps(data, ensure_ascii=False, indent=2)), kb, Settings())
    assert len(docs) == (3 if layout == "array" else 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (lines(ARTICLES[:2]) + "{not json}\n", "line 3: not valid JSON: Expecting property name enclosed in double quotes (column 2)"),
        (lines(ARTICLES) + '{"title": "x", "text": "The two sides met', "line 4: not valid JSON: Unterminated string starting at (column 24)"),
        (lines(ARTICLES[:2]) + "\n\n" + lines([{"title": "no body"}]), "line 5: missing 'text'"),
        (lines([{"text": ["a"]}]), "line 1: 'text' must be a string, not list"),
        (lines([{"text": "x", "published": "March 14"}]), "line 1: published 'March 14' is not an ISO date (YYYY-MM-DD) or 'unknown'"),
        (lines([{"text": "  "}]), "line 1: 'text' is empty"),
        (lines([["a", "b"]]), "line 1: expected a JSON object, found list"),
        ('{"text": "bad \\ud800 surrogate"}\n', "line 1: 'text' contains an unpaired surrogate \\ud800"),
        ("\n  \n", "no articles in the file (only blank lines)"),
    ],
    ids=["bad-json", "truncated", "missing-text", "wrong-type", "bad-date", "empty-text", "not-object", "surrogate", "blank"],
)
def test_jsonl_rejects_file_at_first_bad_line(tmp_path: Path, kb: KnowledgeBase, text: str, expected: str) -> None:
    assert failure(write(tmp_path, "a.jsonl", text), kb) == expected


def test_json_rejects_bad_array_item(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = write(tmp_path, "a.json", json.dumps([ARTICLES[0], {"title": "x"}]))
    assert failure(path, kb) == "item 2: missing 'text'"


def test_jsonl_sniffed_in_txt_file(tmp_path: Path, kb: KnowledgeBase) -> None:
    docs = read_input(write(tmp_path, "dump.txt", lines(ARTICLES)), kb, Settings())
    assert len(docs) == 3
