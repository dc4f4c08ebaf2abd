"""red_line on sentences we wrote: a core-interest cue with the issue named beside it."""

from __future__ import annotations

import pytest

from tealeaves.model import RedLine
from tealeaves.signals.red_lines import detect_red_lines


def _issues(signals: tuple[object, ...]) -> list[str]:
    return sorted(s.issue for s in signals if isinstance(s, RedLine))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("中方表示,台湾问题是中国核心利益中的核心。", "zh", ["Taiwan"]),
        ("發展權利和台灣是中方的兩條紅線。", "zh", ["Taiwan", "development rights"]),
        ("这些公司与台湾开展军事合作,损害中国主权、安全和发展利益。", "zh", ["Taiwan"]),
        ("中方有不可退让的核心利益。比如台湾问题和持续的科技限制。", "zh", ["Taiwan", "technology controls"]),
        ("The ambassador said Taiwan is a red line for Beijing.", "en", ["Taiwan"]),
        ("Officials called export controls on chips a red line.", "en", ["technology controls"]),
    ],
)
def test_red_line_reads_the_issue_beside_the_cue(scene, text: str, lang: str, expected: list[str]) -> None:
    assert _issues(scene(text, lang=lang).run(detect_red_lines)) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("北京认为新疆和香港问题十分敏感。", "zh"),
        ("台湾问题备受关注。双方的合作没有任何妥协空间。", "zh"),
        ("中方采取的反制措施是为了维护自身主权安全发展利益。", "zh"),
        ("Taiwan was discussed at length during the meeting.", "en"),
    ],
)
def test_red_line_needs_the_issue_with_the_cue(scene, text: str, lang: str) -> None:
    assert scene(text, lang=lang).run(detect_red_lines) == ()


def test_red_line_actor_is_the_side_stating_it(scene) -> None:
    s = scene("美方在晶片出口管制上的底线很清楚。").state("美方", "USA")
    (signal,) = s.run(detect_red_lines)
    assert isinstance(signal, RedLine)
    assert (signal.issue, signal.actor) == ("technology controls", "USA")


def test_red_line_reports_each_issue_once(scene) -> None:
    text = "台湾问题是中方的红线。中方重申,台湾问题是核心利益。"
    assert _issues(scene(text).run(detect_red_lines)) == ["Taiwan"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("美方不会放宽对华晶片出口管制。他说,这是美国国家安全的底线。", "zh", ["technology controls"]),
        ("Washington will keep its export controls on chips. That is a red line, the secretary said.", "en", ["technology controls"]),
        ("美方不会放宽对华晶片出口管制。他说,美国的底线很清楚。", "zh", []),
    ],
)
def test_red_line_cue_pointing_back_reads_the_sentence_before(scene, text: str, lang: str, expected: list[str]) -> None:
    assert _issues(scene(text, lang=lang).run(detect_red_lines)) == expected



def test_red_line_issue_words_inside_the_cue_yield_to_the_issue_named(scene) -> None:
    text = "习近平表示，台湾问题事关中国国家主权和领土完整。"
    assert _issues(scene(text, lang="zh").run(detect_red_lines)) == ["Taiwan"]
    assert _issues(scene("此事事关中国主权和领土完整。", lang="zh").run(detect_red_lines)) == ["sovereignty"]
