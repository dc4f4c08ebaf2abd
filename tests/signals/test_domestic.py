"""domestic_pressure on sentences we wrote: a constituency that suffers, pushes or counts politically."""

from __future__ import annotations

import pytest

from tealeaves.model import DomesticPressure
from tealeaves.signals.domestic import detect_domestic_pressure


def _read(signals: tuple[object, ...]) -> list[tuple[str, str | None]]:
    return [(s.actor, s.constituency) for s in signals if isinstance(s, DomesticPressure)]


def test_domestic_pressure_reads_the_state_before_the_constituency(scene) -> None:
    s = scene("美国农民正因贸易战遭受重创,因为中国没有购买大豆。").state("美国", "USA").state("中国", "CHN")
    assert _read(s.run(detect_domestic_pressure)) == [("USA", "farmers")]


def test_domestic_pressure_reads_the_lobbied_government(scene) -> None:
    s = scene("商会联合三十多个行业组织上书白宫。").org("白宫", "White House", "USA")
    assert _read(s.run(detect_domestic_pressure)) == [("USA", "business")]


def test_domestic_pressure_reads_the_quoted_speaker(scene) -> None:
    s = scene('"Our soybean farmers were used as political pawns," Bessent said.', lang="en")
    s.person("Bessent", "Scott Bessent", "USA")
    assert _read(s.run(detect_domestic_pressure)) == [("USA", "farmers")]


@pytest.mark.parametrize(
    ("text", "phrase", "lang"),
    [
        ("放行的背后，是英伟达数月来的游说。", "英伟达", "zh"),
        ("The reversal followed months of lobbying by Nvidia's chief executive; Nvidia lobbied hard.", "Nvidia", "en"),
    ],
)
def test_domestic_pressure_reads_a_firm_lobbying_as_business(scene, text: str, phrase: str, lang: str) -> None:
    s = scene(text, lang=lang).org(phrase, "Nvidia", "USA", nth=text.count(phrase) - 1, actor_id="nvidia")
    assert _read(s.run(detect_domestic_pressure)) == [("USA", "business")]


def test_domestic_pressure_a_government_office_lobbying_is_no_constituency(scene) -> None:
    s = scene("白宫数月来的游说没有结果。").org("白宫", "White House", "USA", actor_id="white_house")
    assert s.run(detect_domestic_pressure) == ()


def test_domestic_pressure_reads_elections_as_voters(scene) -> None:
    s = scene("总统力求在美国中期选举前取得成果。").state("美国", "USA")
    assert _read(s.run(detect_domestic_pressure)) == [("USA", "voters")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The deal will benefit workers and businesses on both sides of the border.", "en"),
        ("The tariffs threaten companies, workers and farmers who did nothing wrong.", "en"),
        ("美国农民欢迎这项协议。", "zh"),
    ],
)
def test_domestic_pressure_needs_pressure_not_mere_mention(scene, text: str, lang: str) -> None:
    s = scene(text, lang=lang)
    if lang == "zh":
        s.state("美国", "USA")
    assert s.run(detect_domestic_pressure) == ()


def test_domestic_pressure_does_not_take_the_other_side(scene) -> None:
    s = scene("豆农正在受苦,因为中国没有购买大豆。").state("中国", "CHN")
    assert s.run(detect_domestic_pressure) == ()


def test_domestic_pressure_the_government_a_constituency_presses_is_the_actor(scene) -> None:
    s = scene("种植户团体担心出口受阻，促请渥太华尽快与北京对话。").state("渥太华", "CAN").state("北京", "CHN")
    assert _read(s.run(detect_domestic_pressure)) == [("CAN", "farmers")]
    worried = scene("业者担心美国客户观望。").state("美国", "USA")  # a worry about a state does not press it
    assert worried.run(detect_domestic_pressure) == ()


def test_domestic_pressure_one_signal_per_actor_with_the_main_constituency(scene) -> None:
    text = "美国农业州是其重要支持力量。美国农民遭受重创。为了巩固票仓,美方急于达成协议。"
    s = scene(text).state("美国", "USA", 0).state("美国", "USA", 1)
    assert _read(s.run(detect_domestic_pressure)) == [("USA", "farmers")]
