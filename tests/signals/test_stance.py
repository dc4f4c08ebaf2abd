"""stance_shift on sentences we wrote: a change of tone attributed to a person, with its direction."""

from __future__ import annotations

import pytest

from tealeaves.model import StanceShift
from tealeaves.signals.stance import detect_stance_shifts


def _read(signals: tuple[object, ...]) -> list[tuple[str, str]]:
    return [(s.person, s.direction) for s in signals if isinstance(s, StanceShift)]


def test_stance_shift_directional_cue(scene) -> None:
    s = scene("贝森特对北京的态度明显软化。").person("贝森特", "Scott Bessent", "USA")
    assert _read(s.run(detect_stance_shifts)) == [("Scott Bessent", "softer")]


def test_stance_shift_harder_in_english(scene) -> None:
    s = scene("Trump said he would no longer be Mr. Nice Guy with Beijing.", lang="en")
    s.person("Trump", "Donald Trump", "USA")
    assert _read(s.run(detect_stance_shifts)) == [("Donald Trump", "harder")]


def test_stance_shift_change_against_a_hard_record_is_softer(scene) -> None:
    s = scene("卢比奥最近的表态与以往的强硬立场相比出现明显变化。").person("卢比奥", "Marco Rubio", "USA")
    assert _read(s.run(detect_stance_shifts)) == [("Marco Rubio", "softer")]


def test_stance_shift_record_named_elsewhere_for_the_same_person(scene) -> None:
    text = "卢比奥是知名的对华鹰派。他曾任参议员。国会将于下周开会。天气转暖。如今卢比奥在部分观点上有所调整。"
    s = scene(text).person("卢比奥", "Marco Rubio", "USA", nth=0).person("卢比奥", "Marco Rubio", "USA", nth=1)
    assert _read(s.run(detect_stance_shifts)) == [("Marco Rubio", "softer")]


def test_stance_shift_person_from_the_sentence_before(scene) -> None:
    s = scene("记者问及卢比奥。他的态度明显软化。").person("卢比奥", "Marco Rubio", "USA")
    assert _read(s.run(detect_stance_shifts)) == [("Marco Rubio", "softer")]


@pytest.mark.parametrize(
    "text",
    [
        "卢比奥的行程出现变化。",
        "卢比奥的立场出现变化。",
        "卢比奥一直对华强硬。卢比奥说,美方的立场没有改变。",
        "市场情况发生变化,态度软化的迹象明显。",
    ],
)
def test_stance_shift_needs_person_stance_and_direction(scene, text: str) -> None:
    s = scene(text)
    for nth in range(text.count("卢比奥")):
        s.person("卢比奥", "Marco Rubio", "USA", nth=nth)
    assert s.run(detect_stance_shifts) == ()
