"""The shared resolution rules of the detectors: who a cue is said of, and merging repeats."""

from __future__ import annotations

from tealeaves.model import DualTrack
from tealeaves.signals.context import merge_by, person_of, state_before


def test_context_person_of_nearest_before_then_after_then_previous_sentence(scene) -> None:
    s = scene("贝森特和卢比奥的态度软化。记者提问。态度软化了。")
    s.person("贝森特", "Scott Bessent", "USA").person("卢比奥", "Marco Rubio", "USA")
    found = s.findings()
    first, *_ = [c for c in found.cues_of("stance") if c.evidence.sentence == 0]
    assert person_of(found, first).name == "Marco Rubio"
    later = [c for c in found.cues_of("stance") if c.evidence.sentence == 2][0]
    assert person_of(found, later) is None


def test_context_state_before_within_a_modifier_distance(scene) -> None:
    s = scene("美国的很多很多农民遭受重创。").state("美国", "USA")
    found = s.findings()
    (farmers,) = found.cues_of("constituency")
    assert state_before(found, farmers) == "USA"
    assert state_before(found, farmers, within=4) is None


def test_context_merge_by_keeps_first_and_appends_evidence(scene) -> None:
    s = scene("美方边谈边压。美方两手准备。")
    a, b = s.at("边谈边压"), s.at("两手准备")
    merged = merge_by([DualTrack(actor="USA", evidence=(a,)), DualTrack(actor="USA", evidence=(b, a))], lambda d: d.actor)
    assert len(merged) == 1
    assert merged[0].evidence == (a, b)
