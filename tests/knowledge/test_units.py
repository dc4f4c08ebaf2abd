"""The unit, commodity and quantity-cue data: every row is exercised through the real extractor."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tealeaves.extract.number_format import format_arabic
from tealeaves.extract.quantities import extract_quantities
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.loader import load_knowledge
from tealeaves.knowledge.phrases import fold_phrase
from tealeaves.knowledge.schema import CommodityEntry, QuantityCueEntry, UnitEntry
from tealeaves.model import DocumentMeta, Quantity
from tealeaves.text.document import build_document
from tealeaves.text.normalize import to_simplified

_KB = load_knowledge()
UNITS = _KB.entries("units", UnitEntry)
COMMODITIES = _KB.entries("commodities", CommodityEntry)


def _extract(kb: KnowledgeBase, text: str, lang: str) -> tuple[Quantity, ...]:
    doc = build_document(text, DocumentMeta(lang=lang), kb)
    return extract_quantities(doc, kb, counts=True)


def _lang(unit: UnitEntry) -> str:
    return "en" if unit.lang == "any" else unit.lang


def test_units_and_commodities_are_loaded(kb: KnowledgeBase) -> None:
    assert len(kb.entries("units", UnitEntry)) >= 40
    assert len(kb.entries("commodities", CommodityEntry)) >= 20
    assert kb.entries("quantity_cues", QuantityCueEntry)


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.id)
def test_units_example_yields_its_value(kb: KnowledgeBase, unit: UnitEntry) -> None:
    found = _extract(kb, unit.example, _lang(unit))
    assert len(found) == 1, f"{unit.id}: {found}"
    q = found[0]
    assert q.unit.split("/")[0] == unit.unit
    assert q.value_base == pytest.approx(unit.example_value, rel=1e-9)
    assert fold_phrase(unit.form) in fold_phrase(to_simplified(q.evidence.quote))


def _sentence(unit: UnitEntry, number: str) -> str:
    amount = f"{unit.form}{number}" if unit.position == "prefix" else f"{number}{unit.form}"
    if unit.lang == "zh":
        return f"双方确认数量为{amount}小麦。"
    if unit.position != "prefix":
        amount = f"{number} {unit.form}"
    return f"They confirmed {amount} of wheat in all."


@settings(max_examples=300, deadline=None)
@given(unit=st.sampled_from(UNITS), value=st.decimals(min_value=1, max_value=10**6, places=2))
def test_units_convert_to_base_and_back(unit: UnitEntry, value: Decimal) -> None:
    found = _extract(_KB, _sentence(unit, format_arabic(value)), _lang(unit))
    assert len(found) == 1, f"{unit.id}: {found}"
    q = found[0]
    factor = unit.factor if unit.factor is not None else 27.2155 / 1000  # wheat's bushel, commodities.yaml
    assert q.value == pytest.approx(float(value), rel=1e-12)
    assert q.value_base == pytest.approx(float(value) * factor, rel=1e-9)
    assert q.value_base / factor == pytest.approx(q.value, rel=1e-9)


@pytest.mark.parametrize(
    ("commodity", "alias"),
    [(c, a) for c in COMMODITIES for a in (c.name, *c.aliases.all())],
    ids=lambda x: x if isinstance(x, str) else x.id,
)
def test_commodities_every_alias_is_found(kb: KnowledgeBase, commodity: CommodityEntry, alias: str) -> None:
    if alias.isascii():
        found = _extract(kb, f"China bought 1 million tons of {alias} last year.", "en")
    else:
        found = _extract(kb, f"中方去年采购了100万吨{alias}。", "zh")
    assert [q.commodity for q in found] == [commodity.name]


def test_commodities_aliases_belong_to_one_commodity() -> None:
    owner: dict[str, str] = {}
    for c in COMMODITIES:
        for alias in (c.name, *c.aliases.all()):
            key = fold_phrase(alias)
            assert owner.setdefault(key, c.id) == c.id, f"{alias!r} is claimed by {owner[key]} and {c.id}"


def test_commodities_with_bushel_weights_follow_usda() -> None:
    weights = {c.id: c.bushel_kg for c in COMMODITIES if c.bushel_kg}
    assert weights["soybeans"] == weights["wheat"] == pytest.approx(27.2155)
    assert weights["corn"] == weights["sorghum"] == pytest.approx(25.4012)


def test_units_forms_are_unique_per_position() -> None:
    seen: set[tuple[str, str]] = set()
    for unit in UNITS:
        key = (fold_phrase(unit.form), unit.position)
        assert key not in seen, f"{unit.form!r} listed twice"
        seen.add(key)
