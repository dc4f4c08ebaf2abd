"""RSS and Atom feeds: one Document per entry; malformed and empty feeds are errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tealeaves.errors import InputError
from tealeaves.ingest import read_input
from tealeaves.ingest.feed import parse_entry_date, strip_markup
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.settings import Settings

RSS = """<?xml version="1.0" encoding="{charset}"?>
<rss version="2.0"><channel><title>示例日报 国际</title><link>https://example.org/</link>
<language>zh-cn</language>
<item><title>中美在巴黎会谈</title><link>https://example.org/a/1</link>
<pubDate>Sat, 14 Mar 2026 01:30:00 +0800</pubDate>
<description><![CDATA[<p>3月14日，中美两国经贸团队在巴黎会谈。</p><p>双方同意继续沟通。</p>]]></description></item>
<item><title>Talks &amp; tariffs</title><link>https://example.org/a/2</link>
<pubDate>Fri, 13 Mar 2026 10:00:00 GMT</pubDate>
<description>The two sides &lt;b&gt;met&lt;/b&gt; in Paris and agreed to meet again.</description></item>
<item><title>Photo only</title><link>https://example.org/a/3</link><description>&lt;img src="x.jpg"&gt;</description></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Wire</title><id>urn:example:wire</id>
<updated>2026-03-14T09:00:00+08:00</updated>
<entry><title>Talks in Paris</title><link href="https://example.org/b/1"/><id>urn:example:b1</id>
<published>2026-03-13T23:00:00-05:00</published><updated>2026-03-14T09:00:00+08:00</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;The two delegations met in Paris.&lt;/p&gt;&lt;p&gt;More talks are planned for April.&lt;/p&gt;</content>
</entry></feed>
"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def failure(path: Path, kb: KnowledgeBase) -> str:
    with pytest.raises(InputError) as info:
        read_input(path, kb, Settings())
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{path}: ")
    return message.removeprefix(f"{path}: ")


@pytest.mark.parametrize("charset", ["utf-8", "gb2312"])
def test_feed_rss_entries_become_documents(tmp_path: Path, kb: KnowledgeBase, charset: str) -> None:
    path = write(tmp_path, "wire.rss", RSS.format(charset=charset).encode(charset))
    docs = read_input(path, kb, Settings())
    assert [(d.meta.title, d.meta.url, d.meta.published, d.meta.lang) for d in docs] == [
        ("中美在巴黎会谈", "https://example.org/a/1", dt.date(2026, 3, 14), "zh"),
        ("Talks & tariffs", "https://example.org/a/2", dt.date(2026, 3, 13), "en"),
    ]
    assert docs[0].text == "3月14日，中美两国经贸团队在巴黎会谈。\n双方同意继续沟通。"
    assert docs[1].text == "The two sides met in Paris and agreed to meet again."
    assert {(d.meta.format, d.meta.source) for d in docs} == {("feed", "示例日报 国际")}


def test_feed_atom_prefers_content_and_published_date(tmp_path: Path, kb: KnowledgeBase) -> None:
    [doc] = read_input(write(tmp_path, "wire.atom", ATOM.encode()), kb, Settings())
    assert (doc.meta.title, doc.meta.url, doc.meta.published, doc.meta.source) == (
        "Talks in Paris", "https://example.org/b/1", dt.date(2026, 3, 13), "Example Wire",
    )
    assert doc.text == "The two delegations met in Paris.\nMore talks are planned for April."


def test_feed_sniffed_in_txt_file(tmp_path: Path, kb: KnowledgeBase) -> None:
    docs = read_input(write(tmp_path, "wire.txt", ATOM.encode()), kb, Settings())
    assert [d.meta.format for d in docs] == ["feed"]


def test_feed_rejects_feed_without_entries(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = write(tmp_path, "empty.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    assert failure(path, kb) == "feed has no entries"


def test_feed_rejects_malformed_feed(tmp_path: Path, kb: KnowledgeBase) -> None:
    data = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title>\n<item><title>a</item>\n</channel></rss>'
    assert failure(write(tmp_path, "bad.xml", data), kb) == "feed is malformed at line 3: mismatched tag"


def test_feed_rejects_truncated_feed(tmp_path: Path, kb: KnowledgeBase) -> None:
    data = RSS.format(charset="utf-8").encode()[:600]
    assert failure(write(tmp_path, "cut.rss", data), kb).startswith("feed is malformed at line ")


def test_feed_rejects_entries_without_text(tmp_path: Path, kb: KnowledgeBase) -> None:
    data = b'<rss version="2.0"><channel><title>x</title><item><title>a</title><description> </description></item></channel></rss>'
    assert failure(write(tmp_path, "notext.rss", data), kb) == "none of the feed's 1 entries has any text"


def test_feed_rejects_non_feed_xml_file(tmp_path: Path, kb: KnowledgeBase) -> None:
    assert failure(write(tmp_path, "notes.xml", b"just a line of text"), kb) == "not an RSS or Atom feed (no XML markup)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sat, 14 Mar 2026 01:30:00 +0800", dt.date(2026, 3, 14)),
        ("2026-03-13T23:00:00-05:00", dt.date(2026, 3, 13)),
        ("2026-03-13", dt.date(2026, 3, 13)),
        ("sometime in March", None),
    ],
)
def test_feed_parse_entry_date_keeps_local_day(value: str, expected: dt.date | None) -> None:
    assert parse_entry_date(value) == expected


def test_feed_strip_markup_keeps_paragraphs_and_drops_scripts() -> None:
    html = "<div><p>One &amp; two</p><script>var x = 1;</script><p>Three<br>four</p></div>"
    assert strip_markup(html) == "One & two\nThree\nfour"
