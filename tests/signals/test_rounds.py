"""round_resumed on sentences we wrote: ordinal rounds of talks, the current round, the gap."""

from __future__ import annotations

import pytest

from tealeaves.model import EventType, RoundResumed
from tealeaves.signals.rounds import detect_round_resumed


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("中美第七轮经贸磋商周日在伦敦举行。", "zh", 7),
        ("中美第七輪經貿磋商週日在倫敦舉行。", "zh", 7),
        ("The seventh round of trade talks opened in London on Sunday.", "en", 7),
        ("The 8th round of negotiations ended without a deal.", "en", 8),
        ("美方宣布第二轮加税措施,双方第三轮谈判仍在继续。", "zh", 3),
        ("双方在伦敦举行第七轮会谈。上一次的第六轮磋商在日内瓦举行。", "zh", 7),
    ],
)
def test_round_resumed_reads_the_current_round(scene, text: str, lang: str, expected: int) -> None:
    signals = scene(text, lang=lang).run(detect_round_resumed)
    assert [(s.kind, s.round) for s in signals if isinstance(s, RoundResumed)] == [("round_resumed", expected)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("美方宣布第二轮关税措施。", "zh"),
        ("这是第二轮加税措施,双方贸易谈判仍在继续。", "zh"),
        ("双方已举行十一轮磋商。", "zh"),
        ("A second round of tariffs took effect on Monday.", "en"),
        ("中美两国团队周日在伦敦见面。", "zh"),
        ("The sixth round of trade talks, due next week, has been postponed.", "en"),
        ("原定下周举行的第六轮磋商已经推迟。", "zh"),
    ],
)
def test_round_resumed_needs_an_ordinal_round_of_talks(scene, text: str, lang: str) -> None:
    assert scene(text, lang=lang).run(detect_round_resumed) == ()


def test_round_resumed_takes_the_gap_from_a_duration_cue(scene) -> None:
    (signal,) = scene("时隔近三个月,双方举行第四轮磋商。").run(detect_round_resumed)
    assert isinstance(signal, RoundResumed)
    assert signal.gap == "时隔近三个月"
    assert any(ev.quote == "时隔近三个月" for ev in signal.evidence)


def test_round_resumed_takes_the_gap_from_the_previous_rounds_date(scene) -> None:
    s = scene("第四轮磋商周日开幕。今年1月的第三轮会谈在罗马举行。")
    s.event("第三轮会谈在罗马举行", EventType.CONSULT, "USA", "CHN", date="2026-01")
    (signal,) = s.run(detect_round_resumed)
    assert isinstance(signal, RoundResumed)
    assert (signal.round, signal.gap) == (4, "since 2026-01")


def test_round_resumed_evidence_quotes_the_round(scene) -> None:
    doc_scene = scene("中美第五轮经贸磋商开幕。")
    (signal,) = doc_scene.run(detect_round_resumed)
    for ev in signal.evidence:
        assert doc_scene.doc.text[ev.span.start : ev.span.end] == ev.quote
    assert signal.evidence[0].quote.startswith("第五轮")
