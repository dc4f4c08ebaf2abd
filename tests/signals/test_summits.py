"""summit_preparation on sentences we wrote: talks framed as preparing a leaders' meeting."""

from __future__ import annotations

import pytest

from tealeaves.model import SummitPreparation
from tealeaves.signals.summits import detect_summit_preparation


def test_summit_preparation_names_a_leaders_visit(scene) -> None:
    s = scene("财长与副总理的会谈被视为特朗普访华的铺垫。").person("特朗普", "Donald Trump", "USA")
    (signal,) = s.run(detect_summit_preparation)
    assert isinstance(signal, SummitPreparation)
    assert signal.event == "Donald Trump visit to China"


def test_summit_preparation_in_english(scene) -> None:
    s = scene(
        "The talks in Rome are paving the way for President Donald Trump's state visit to Beijing.", lang="en"
    ).person("Donald Trump", "Donald Trump", "USA")
    (signal,) = s.run(detect_summit_preparation)
    assert isinstance(signal, SummitPreparation)
    assert signal.event == "Donald Trump visit to China"


def test_summit_preparation_names_an_apec_meeting(scene) -> None:
    (signal,) = scene("此次磋商紧邻亚太经合组织会议,为两国领导人会晤创造条件。").run(detect_summit_preparation)
    assert isinstance(signal, SummitPreparation)
    assert signal.event == "leaders' meeting at APEC"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ahead of the summit, Washington raised tariffs on steel.", "en"),
        ("The meeting could pave the way for a fair trade deal.", "en"),
        ("总统下月访华。", "zh"),
        ("双方的磋商为后续合作奠定了基础。", "zh"),
    ],
)
def test_summit_preparation_needs_talks_preparation_and_a_summit(scene, text: str, lang: str) -> None:
    assert scene(text, lang=lang).run(detect_summit_preparation) == ()


def test_summit_preparation_is_reported_once(scene) -> None:
    text = "这轮磋商是元首会晤的铺垫。双方会谈也为峰会扫清障碍。"
    assert len(scene(text).run(detect_summit_preparation)) == 1
