"""The shared resolution rules of the detectors: who a cue is said of, and merging repeats."""

from __future__ import annotations

from tealeaves.model import DualTrack, Mention, MentionKind
from tealeaves.signals.context import evidence_of, merge_by, person_of, persons_in, stated, state_before


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


def test_context_evidence_of_drops_equal_evidence_built_twice(scene) -> None:
    s = scene("美方边谈边压。美方两手准备。")
    a, again, b = s.at("边谈边压"), s.at("边谈边压"), s.at("两手准备")
    assert a is not again and a == again
    assert evidence_of(s.state("美方", "USA").mentions[0], None) == (s.at("美方"),)
    merged = merge_by(
        [DualTrack(actor="USA", evidence=(a,)), DualTrack(actor="USA", evidence=(again, b)), DualTrack(actor="CHN", evidence=(b,))],
        lambda d: d.actor,
    )
    assert [(m.actor, m.evidence) for m in merged] == [("USA", (a, b)), ("CHN", (b,))]


def test_context_stated_and_persons_skip_places_media_and_nameless(scene, kb) -> None:
    media = next(o for o in kb.organizations.values() if o.category == "media")
    s = scene("新华社报道，北京和美方官员贝森特会谈。")
    s.state("美方", "USA").person("贝森特", "Scott Bessent", "USA")
    s.mentions.append(Mention(kind=MentionKind.ORGANIZATION, actor_id=media.id, name=media.name, state="CHN", evidence=s.at("新华社")))
    s.mentions.append(Mention(kind=MentionKind.PLACE, actor_id=None, name="Beijing", state="CHN", evidence=s.at("北京")))
    s.mentions.append(Mention(kind=MentionKind.PERSON, actor_id=None, name=None, state="USA", evidence=s.at("官员")))
    found = s.findings()
    assert [m.state for m in stated(found, 0)] == ["USA", "USA", "USA"]
    assert [m.name for m in persons_in(found, 0)] == ["Scott Bessent"]
    assert stated(found, 0) is stated(found, 0)  # worked out once per sentence
