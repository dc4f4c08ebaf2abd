"""detect_signals runs every detector once, in the fixed DETECTORS order, on our own article."""

from __future__ import annotations

from tealeaves.extract.cues import extract_cues
from tealeaves.model import MentionKind, Mention, SignalKind
from tealeaves.signals import DETECTORS
from tealeaves.signals.detect import detect_signals
from tealeaves.text.evidence import evidence_at


def test_detect_signals_order_follows_detectors(make_doc, kb) -> None:
    text = "中美第三轮经贸磋商周日开幕。美方边谈边压的做法由来已久。中方表示,台湾问题是中国核心利益中的核心。"
    doc = make_doc(text)
    start = text.index("美方")
    mentions = (Mention(kind=MentionKind.STATE, actor_id=None, state="USA", evidence=evidence_at(doc, start, start + 2)),)
    signals = detect_signals(
        doc, kb, mentions=mentions, dates=(), quantities=(), events=(), cues=extract_cues(doc, kb)
    )
    assert [s.kind for s in signals] == [SignalKind.DUAL_TRACK, SignalKind.ROUND_RESUMED, SignalKind.RED_LINE]


def test_detect_signals_nothing_found(make_doc, kb) -> None:
    doc = make_doc("今天天气很好。")
    assert detect_signals(doc, kb, mentions=(), dates=(), quantities=(), events=(), cues=extract_cues(doc, kb)) == ()


def test_detect_signals_detectors_are_the_eight_kinds() -> None:
    assert [d.__module__.rsplit(".", 1)[-1] for d in DETECTORS] == [
        "dual_track", "sanctions", "stance", "commitments", "rounds", "summits", "red_lines", "domestic",
    ]
