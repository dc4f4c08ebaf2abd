"""The signal cue lexicons (data/signals/*.yaml): every example is found by the real stage, and the
entry schema rejects what the detectors could not read."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from pydantic import ValidationError

from tealeaves.extract.cues import extract_cues
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.loader import DATA_DIR
from tealeaves.knowledge.schema import SignalCueEntry
from tealeaves.model import DocumentMeta
from tealeaves.text.document import build_document


def _entries() -> list[SignalCueEntry]:
    """The signal cue entries of the bundled data, read without the rest of the knowledge base, so
    that collecting these tests does not depend on other data files being valid."""
    manifest = yaml.safe_load((DATA_DIR / "MANIFEST.yaml").read_text(encoding="utf-8"))
    out: list[SignalCueEntry] = []
    for item in manifest["files"]:
        if item["kind"] == "signal_cues":
            doc = yaml.safe_load((DATA_DIR / item["path"]).read_text(encoding="utf-8"))
            out.extend(SignalCueEntry.model_validate(row) for row in doc["entries"])
    return out


def _examples() -> list[tuple[str, str, str, str, str]]:
    return [(e.id, e.lang, e.family, e.key, ex) for e in _entries() for ex in e.examples]


@pytest.mark.parametrize(("entry", "lang", "family", "key", "example"), _examples(), ids=lambda v: str(v)[:24])
def test_signal_cues_every_example_is_found(kb: KnowledgeBase, entry: str, lang: str, family: str, key: str, example: str) -> None:
    doc = build_document(example, DocumentMeta(published=dt.date(2026, 3, 14), lang=lang), kb)
    found = {(c.family, c.key) for c in extract_cues(doc, kb)}
    expected = key if "{n}" not in key else next((k for f, k in found if f == family), key)
    assert (family, expected) in found, f"{entry}: {example!r} gives {sorted(found)}"


def test_signal_cues_every_family_has_both_languages(kb: KnowledgeBase) -> None:
    langs: dict[str, set[str]] = {}
    for e in kb.entries("signal_cues", SignalCueEntry):
        langs.setdefault(e.family, set()).add(e.lang)
    assert {f for f, ls in langs.items() if ls != {"zh", "en"}} == set()


_GOOD = {"id": "x", "family": "issue", "key": "Taiwan", "lang": "zh", "phrases": ["台湾"], "examples": ["台湾"], "source": "test"}


@pytest.mark.parametrize(
    "change",
    [
        {"family": "no_such_family"},
        {"key": "Atlantis"},
        {"phrases": [], "patterns": []},
        {"patterns": ["(unclosed"]},
        {"examples": []},
        {"family": "visit", "key": "China"},
        {"family": "round", "key": "{n}", "phrases": [], "patterns": ["round (\\d+)"]},
        {"lang": "fr"},
    ],
)
def test_signal_cues_schema_rejects(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        SignalCueEntry.model_validate({**_GOOD, **change})


def test_signal_cues_schema_accepts_a_good_entry() -> None:
    assert SignalCueEntry.model_validate(_GOOD).key == "Taiwan"


def test_signal_cues_bundled_data_is_read() -> None:
    families = {e.family for e in _entries()}
    assert families >= {"dual_track", "visit", "stance", "commitment", "delivery", "round", "summit", "red_line", "issue"}
