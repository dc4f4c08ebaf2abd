"""HTML pages: main text, title, date and site name; pages without an article are errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tealeaves.errors import InputError
from tealeaves.ingest import read_input
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.settings import Settings

PAGE_ZH = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>中美经贸团队在日内瓦会谈 - 示例日报</title>
<meta property="og:site_name" content="示例日报">
<meta property="og:title" content="中美经贸团队在日内瓦会谈">
<meta name="date" content="2026-03-12">
<link rel="canonical" href="https://example.org/news/geneva.html">
</head><body>
<nav><a href="/">首页</a> | <a href="/world">国际新闻</a> | <a href="/biz">财经频道</a></nav>
<article><h1>中美经贸团队在日内瓦会谈</h1>
<p>3月12日，中美两国经贸团队在日内瓦举行会谈，双方就关税和农产品采购问题进行了坦诚交流。</p>
<p>美方代表表示，将继续与中方保持沟通，争取在下个月取得实质进展。中方强调，双方应相互尊重、平等协商。</p>
<p>分析人士认为，这次会谈为两国元首会晤做了准备，但在出口管制问题上分歧依然存在。</p>
</article>
<footer>版权所有 示例日报 联系我们 隐私政策</footer>
</body></html>
"""
PAGE_EN = """<html><head><title>Talks resume in Geneva | Example Wire</title>
<meta property="og:site_name" content="Example Wire"></head><body>
<div class="menu"><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/about">About us</a></div>
<div class="story"><p>The American and Chinese trade teams met in Geneva on Monday and agreed to keep talking,
officials from both delegations said after the meeting ended late in the evening.
<p>The next round is expected next month, and the two sides will discuss tariffs and farm purchases.
<p>Neither side gave details of the proposals exchanged, but both called the talks constructive.
</div></body></html>
"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
def test_html_extracts_article_text_and_metadata(tmp_path: Path, kb: KnowledgeBase, charset: str) -> None:
    path = write(tmp_path, "geneva.html", PAGE_ZH.format(charset=charset).encode(charset))
    [doc] = read_input(path, kb, Settings())
    meta = doc.meta
    assert (meta.format, meta.title, meta.source, meta.published, meta.url, meta.lang) == (
        "html", "中美经贸团队在日内瓦会谈", "示例日报", dt.date(2026, 3, 12), "https://example.org/news/geneva.html", "zh",
    )
    assert (meta.encoding, meta.encoding_source) == ("utf-8" if charset == "utf-8" else "gb18030", "declared")
    assert "双方就关税和农产品采购问题进行了坦诚交流" in doc.text
    assert "首页" not in doc.text and "隐私政策" not in doc.text


def test_html_tolerates_unclosed_tags(tmp_path: Path, kb: KnowledgeBase) -> None:
    [doc] = read_input(write(tmp_path, "a.htm", PAGE_EN.encode()), kb, Settings())
    assert "agreed to keep talking" in doc.text and "both called the talks constructive" in doc.text
    assert (doc.meta.lang, doc.meta.published, doc.meta.source) == ("en", None, "Example Wire")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("The two sides met in Geneva. No markup at all here.", "not HTML (no <html>, <body> or paragraph tags found)"),
        ("<html><head><title>Only a title</title></head></html>", "no article text found in the HTML page"),
        ("<html><body><div><p></p><p>   </p></div></body></html>", "no article text found in the HTML page"),
        ("<html><body><<<>>><<</p></html>", "no article text found in the HTML page"),
    ],
    ids=["not-html", "head-only", "empty-paragraphs", "broken-markup"],
)
def test_html_rejects_page_without_article(tmp_path: Path, kb: KnowledgeBase, content: str, expected: str) -> None:
    path = write(tmp_path, "page.html", content.encode())
    with pytest.raises(InputError) as info:
        read_input(path, kb, Settings())
    assert str(info.value) == f"{path}: {expected}"


def test_html_sniffed_in_txt_file(tmp_path: Path, kb: KnowledgeBase) -> None:
    [doc] = read_input(write(tmp_path, "saved.txt", PAGE_EN.encode()), kb, Settings())
    assert doc.meta.format == "html"
