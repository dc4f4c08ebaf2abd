"""What qualifies an amount: exact conversion factors, and the space a cue may skip."""

from __future__ import annotations

from decimal import Decimal

from tealeaves.extract import quantity_qualifiers
from tealeaves.extract.quantity_qualifiers import factor_of, skip_space
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.schema import UnitEntry


def test_qualifiers_exact_factor_is_the_decimal_written_in_the_data() -> None:
    assert quantity_qualifiers._exact(0.0272155) == Decimal("0.0272155")
    assert quantity_qualifiers._exact(1e-06) == Decimal("0.000001")


def test_qualifiers_bushels_convert_by_the_commodity_named(kb: KnowledgeBase) -> None:
    bushel = next(u for u in kb.entries("units", UnitEntry) if u.factor_from == "bushel_kg")
    soybeans = next(c for c in kb.commodity_index.lookup("soybeans"))
    factor = factor_of(bushel, soybeans)
    assert factor is not None and Decimal("0.02") < factor < Decimal("0.03")  # tonnes per bushel
    assert factor_of(bushel, None) is None  # a bushel of what?


def test_qualifiers_skip_space_skips_one_space_only() -> None:
    assert skip_space("12 吨", 2) == 3
    assert skip_space("12吨", 2) == 2
    assert skip_space("12", 2) == 2
