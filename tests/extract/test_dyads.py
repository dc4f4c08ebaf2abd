"""Dyad helpers: the parties of a sentence as the dyad reader sees them, by clause."""

from __future__ import annotations

from tealeaves.extract.clauses import Clause
from tealeaves.extract.dyads import actors, by_clause
from tealeaves.extract.party_types import Party


def test_dyads_actors_resolve_both_sides_words_to_the_main_pair() -> None:
    both = Party(4, 6, (), "both")
    us = Party(0, 2, ("USA",))
    assert actors([us, both], ("USA", "CHN")) == [us, Party(4, 6, ("USA", "CHN"), "both")]
    assert actors([us, both], None) == [us]  # nobody to stand for both sides


def test_dyads_by_clause_keeps_the_parties_wholly_inside_each_clause() -> None:
    first, second = Clause(0, 5, 0), Clause(6, 12, 0)
    inside, across, later = Party(1, 3, ("USA",)), Party(4, 8, ("CHN",)), Party(6, 8, ("JPN",))
    table = by_clause([inside, across, later], [first, second])
    assert table == {first: [inside], second: [later]}
