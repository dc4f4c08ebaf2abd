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
