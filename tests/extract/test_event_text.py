"""Word classes of the event coder: word lists compiled to one pattern with Latin word boundaries."""

from __future__ import annotations

from tealeaves.extract.event_text import word_pattern


def test_word_pattern_keeps_latin_words_whole_and_finds_chinese_anywhere() -> None:
    pattern = word_pattern(("each", "各自", "in a"))
    assert pattern.search("both sides reached a truce") is None  # 'each' inside 'reached'
    assert pattern.search("they each cut tariffs") is not None
    assert pattern.search("双方各自暂停关税") is not None
    assert pattern.search("agreed in a meeting") is not None
    assert pattern.search("agreed in april") is None
