"""Party helpers against the plain statement of their rules (the fast versions must agree)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tealeaves.extract.parties import _outermost


def _outermost_reference(markers: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """A marker is dropped when one starting at most 8 characters before it (or with it) reaches as
    far and is longer."""
    ordered = sorted(markers)
    return [
        m
        for m in ordered
        if not any(m[0] - 8 <= o[0] <= m[0] and o[1] >= m[1] and o[1] - o[0] > m[1] - m[0] for o in ordered)
    ]


_MARKERS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 4), st.sampled_from(["target", "source"]), st.integers(0, 6)).map(
        lambda t: (t[0], t[0] + t[1], t[2], t[3])
    ),
    max_size=10,
    unique_by=lambda m: (m[0], m[1]),
)


@settings(max_examples=300, deadline=None)
@given(_MARKERS)
def test_parties_outermost_follows_the_plain_rule(markers: list[tuple[int, int, str, int]]) -> None:
    assert _outermost(markers) == _outermost_reference(markers)  # type: ignore[arg-type]


def test_parties_join_neighbours_resolves_both_sides_words_and_marks_possessives() -> None:
    import re

    from tealeaves.extract.parties import Party, _join_neighbours

    text = "USA CHN both's talks; MEX CAN both"
    usa, chn = Party(0, 3, ("USA",)), Party(4, 7, ("CHN",))
    first_both = Party(8, 12, (), "both")
    mex, can, second_both = Party(22, 25, ("MEX",)), Party(26, 29, ("CAN",)), Party(30, 34, (), "both")
    parties = [usa, chn, first_both, mex, can, second_both]
    out = _join_neighbours(text, parties, [], re.compile(";"), "en", pair=("USA", "CHN"), possessive=("'s",))
    assert [p.states for p in out] == [("USA",), ("CHN",), ("USA", "CHN"), ("MEX",), ("CAN",), ("MEX", "CAN")]
    assert [p.possessive for p in out] == [False, False, True, False, False, False]
    untouched = _join_neighbours(text, parties, [], re.compile(";"), "en")  # no both-sides word to resolve
    assert untouched[2].states == () and not untouched[2].possessive


def test_parties_both_sides_word_after_a_partner_names_the_two_before_it() -> None:
    import re

    from tealeaves.extract.parties import Party, _join_neighbours

    # MEX and CAN named, then "USA with both (leaders) ..., both (leaders) pledged"
    text = "MEX CAN xxxx USA+both yyyy both zz"
    mex, can, usa = Party(0, 3, ("MEX",)), Party(4, 7, ("CAN",)), Party(13, 16, ("USA",))
    first, second = Party(17, 21, (), "both"), Party(27, 31, (), "both")
    markers = [(16, 17, "counterpart", 12)]  # the "+" between USA and both is a counterpart marker (与, with)
    out = _join_neighbours(text, [mex, can, usa, first, second], markers, re.compile(";"), "en", pair=("USA", "CHN"))
    assert out[3].states == ("MEX", "CAN")  # not the partner's own state
    assert out[4].states == ("MEX", "CAN")  # the same two again
