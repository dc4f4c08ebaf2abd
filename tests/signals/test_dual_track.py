"""dual_track on sentences we wrote: explicit talk-and-press cues and the side they are said of."""

from __future__ import annotations

import pytest

from tealeaves.model import DualTrack, EventType, Modality
from tealeaves.signals.dual_track import detect_dual_track


def _actors(signals: tuple[object, ...]) -> list[str]:
    return sorted(s.actor for s in signals if isinstance(s, DualTrack))


@pytest.mark.parametrize(
    "text",
    [
        "美方边谈边压的做法由来已久。",
        "美方一边表示愿意对话,一边宣布新的制裁措施。",
        "美方软硬兼施,意在增加谈判筹码。",
    ],
)
def test_dual_track_explicit_cue_names_the_side_before_it(scene, text: str) -> None:
    assert _actors(scene(text).state("美方", "USA").run(detect_dual_track)) == ["USA"]


def test_dual_track_explicit_cue_in_english(scene) -> None:
    s = scene("Washington is pursuing a carrot-and-stick approach toward Beijing.", lang="en")
    s.state("Washington", "USA").state("Beijing", "CHN")
    assert _actors(s.run(detect_dual_track)) == ["USA"]


def test_dual_track_spoilt_talks_name_the_accused(scene) -> None:
    s = scene("中方指出,美方接连出台打压措施,破坏了双方会谈氛围。").state("中方", "CHN").state("美方", "USA")
    s.event("破坏了双方会谈氛围", EventType.ACCUSE, "CHN", "USA")
    assert _actors(s.run(detect_dual_track)) == ["USA"]


def test_dual_track_cue_without_a_side_reads_the_sentence_before(scene) -> None:
    s = scene("美方在会谈前宣布制裁二十家中国企业。这种谈判前先施压的策略并不新鲜。")
    s.event("宣布制裁二十家中国企业", EventType.SANCTION, "USA", "CHN")
    assert _actors(s.run(detect_dual_track)) == ["USA"]


def test_dual_track_needs_a_cue_or_both_tracks(scene) -> None:
    s = scene("美方宣布对中国商品加征关税。").state("美方", "USA")
    s.event("对中国商品加征关税", EventType.SANCTION, "USA", "CHN")
    assert s.run(detect_dual_track) == ()


def test_dual_track_reported_once_per_side(scene) -> None:
    s = scene("美方边谈边压。美方两手准备的意图十分明显。").state("美方", "USA", 0).state("美方", "USA", 1)
    assert _actors(s.run(detect_dual_track)) == ["USA"]


def test_dual_track_ignores_negated_coercion(scene) -> None:
    s = scene("美方没有宣布新的制裁。这种谈判前先施压的策略并不新鲜。")
    s.event("美方没有宣布新的制裁", EventType.SANCTION, "USA", "CHN", modality=Modality.NEGATED)
    assert s.run(detect_dual_track) == ()


def test_dual_track_events_alone_are_not_a_strategy(scene) -> None:
    s = scene("双方3月1日在巴黎举行会谈。美方3月20日宣布对中国加征关税。")
    s.event("双方3月1日在巴黎举行会谈", EventType.CONSULT, "CHN", "USA", date="2026-03-01")
    s.event("美方3月20日宣布对中国加征关税", EventType.SANCTION, "USA", "CHN", date="2026-03-20")
    assert s.run(detect_dual_track) == ()
