"""Builders for detector tests: items placed by hand on sentences we wrote, cues from the real stage.

The extractors of mentions, events and quantities are tested on their own; here each test says
exactly which items the detector sees, so a detector test fails only for the detector's rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from tealeaves.extract.cues import extract_cues
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import (
    Document,
    DocumentMeta,
    Event,
    EventType,
    Evidence,
    Mention,
    MentionKind,
    Modality,
    Quantity,
    Signal,
)
from tealeaves.signals.context import Findings
from tealeaves.text.document import build_document
from tealeaves.text.evidence import evidence_at


@dataclass
class Scene:
    """One document and the items a detector will be shown."""

    doc: Document
    kb: KnowledgeBase
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    def at(self, phrase: str, nth: int = 0) -> Evidence:
        """Evidence of the ``nth`` occurrence of ``phrase`` in the body."""
        start = -1
        for _ in range(nth + 1):
            start = self.doc.text.index(phrase, start + 1)
        return evidence_at(self.doc, start, start + len(phrase))

    def person(self, phrase: str, name: str, state: str, actor_id: str | None = None, nth: int = 0) -> Scene:
        self.mentions.append(
            Mention(kind=MentionKind.PERSON, actor_id=actor_id, name=name, state=state, evidence=self.at(phrase, nth))
        )
        return self

    def state(self, phrase: str, code: str, nth: int = 0) -> Scene:
        self.mentions.append(Mention(kind=MentionKind.STATE, actor_id=None, state=code, evidence=self.at(phrase, nth)))
        return self

    def org(self, phrase: str, name: str, state: str, nth: int = 0, actor_id: str | None = None) -> Scene:
        self.mentions.append(
            Mention(kind=MentionKind.ORGANIZATION, actor_id=actor_id, name=name, state=state, evidence=self.at(phrase, nth))
        )
        return self

    def event(
        self,
        phrase: str,
        kind: EventType,
        source: str,
        target: str,
        modality: Modality = Modality.ASSERTED,
        date: str | None = None,
    ) -> Scene:
        self.events.append(
            Event(type=kind, source=source, target=target, modality=modality, date=date, evidence=self.at(phrase))
        )
        return self

    def quantity(self, phrase: str, value: float, unit: str, commodity: str | None = None) -> Scene:
        self.quantities.append(
            Quantity(
                value_base=value, unit=unit, value=value, unit_text=unit, commodity=commodity, evidence=self.at(phrase)
            )
        )
        return self

    def findings(self) -> Findings:
        return Findings(
            doc=self.doc,
            kb=self.kb,
            mentions=tuple(self.mentions),
            dates=(),
            quantities=tuple(self.quantities),
            events=tuple(self.events),
            cues=extract_cues(self.doc, self.kb),
        )

    def run(self, detector: Callable[[Findings], tuple[Signal, ...]]) -> tuple[Signal, ...]:
        return detector(self.findings())


MakeScene = Callable[..., Scene]


@pytest.fixture()
def scene(make_doc: Callable[..., Document], kb: KnowledgeBase) -> MakeScene:
    """``scene("美方边谈边压。", lang="zh")``: a Scene over a document built from our sentence
    (with ``knowledge=`` another knowledge base, for tests that need entries of their own)."""

    def build(
        text: str, lang: str = "zh", published: dt.date | None = dt.date(2026, 3, 14), knowledge: KnowledgeBase | None = None
    ) -> Scene:
        if knowledge is None:
            return Scene(doc=make_doc(text, published=published, lang=lang), kb=kb)
        doc = build_document(text, DocumentMeta(published=published, lang=lang), knowledge)
        return Scene(doc=doc, kb=knowledge)

    return build
