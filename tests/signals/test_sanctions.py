"""sanctioned_official_travel on sentences we wrote, with a sanctioned person in a test knowledge base."""

from __future__ import annotations

import pytest

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.schema import FILE_KINDS, Entry, PersonEntry
from tealeaves.model import EventType, Modality, SanctionedOfficialTravel
from tealeaves.signals.sanctions import detect_sanctioned_travel


def _kb_with(kb: KnowledgeBase, sanction_to: str | None) -> KnowledgeBase:
    entries = {kind: kb.entries(kind, Entry) for kind in FILE_KINDS}
    official = PersonEntry.model_validate(
        {
            "id": "test_official",
            "name": "Test Official",
            "state": "USA",
            "aliases": {"en": ["Test Official"]},
            "sanctions": [{"by": "CHN", "from": "2020-08-10", "to": sanction_to, "source": "written for this test"}],
            "source": "written for this test",
        }
    )
    entries["persons"] = (*entries["persons"], official)
    return KnowledgeBase(version="test", entries=entries)


def _persons(signals: tuple[object, ...]) -> list[str]:
    return [s.person for s in signals if isinstance(s, SanctionedOfficialTravel)]


def test_sanctioned_travel_visit_to_the_sanctioning_state(scene, kb: KnowledgeBase) -> None:
    s = scene("被中方制裁的卢比奥也将随总统访华。", knowledge=_kb_with(kb, None))
    s.person("卢比奥", "Test Official", "USA", actor_id="test_official")
    assert _persons(s.run(detect_sanctioned_travel)) == ["Test Official"]


def test_sanctioned_travel_going_along_with_the_state_named(scene, kb: KnowledgeBase) -> None:
    s = scene("卢比奥将随行,中方尚未回应。", knowledge=_kb_with(kb, None))
    s.person("卢比奥", "Test Official", "USA", actor_id="test_official").state("中方", "CHN")
    assert _persons(s.run(detect_sanctioned_travel)) == ["Test Official"]


def test_sanctioned_travel_meeting_the_sanctioning_side(scene, kb: KnowledgeBase) -> None:
    s = scene("Rubio will meet Wang Yi in Kuala Lumpur next week.", lang="en", knowledge=_kb_with(kb, None))
    s.person("Rubio", "Test Official", "USA", actor_id="test_official")
    s.event("Rubio will meet Wang Yi", EventType.CONSULT, "USA", "CHN", modality=Modality.PLANNED)
    assert _persons(s.run(detect_sanctioned_travel)) == ["Test Official"]


def test_sanctioned_travel_reported_once_per_person(scene, kb: KnowledgeBase) -> None:
    s = scene("卢比奥将访华。卢比奥也将随总统访问中国。", knowledge=_kb_with(kb, None))
    s.person("卢比奥", "Test Official", "USA", actor_id="test_official", nth=0)
    s.person("卢比奥", "Test Official", "USA", actor_id="test_official", nth=1)
    assert _persons(s.run(detect_sanctioned_travel)) == ["Test Official"]


@pytest.mark.parametrize(
    ("text", "sanction_to", "negated"),
    [
        ("卢比奥将访华。", "2025-01-01", False),
        ("卢比奥将访问日本。", None, False),
        ("卢比奥将与王毅会面。", None, True),
        ("卢比奥批评北京。", None, False),
    ],
)
def test_sanctioned_travel_needs_sanction_in_force_and_travel_there(
    scene, kb: KnowledgeBase, text: str, sanction_to: str | None, negated: bool
) -> None:
    s = scene(text, knowledge=_kb_with(kb, sanction_to))
    s.person("卢比奥", "Test Official", "USA", actor_id="test_official")
    if negated:
        s.event("卢比奥将与王毅会面", EventType.CONSULT, "USA", "CHN", modality=Modality.NEGATED)
    assert s.run(detect_sanctioned_travel) == ()


def test_sanctioned_travel_ignores_unsanctioned_people(scene) -> None:
    s = scene("贝森特将访华。").person("贝森特", "Scott Bessent", "USA", actor_id="scott_bessent_test")
    assert s.run(detect_sanctioned_travel) == ()
