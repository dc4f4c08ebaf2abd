"""The shared party helpers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tealeaves.extract.party_types import Party, cue_between, new_party


@given(st.lists(st.integers(0, 50), max_size=12).map(sorted), st.integers(0, 50), st.integers(0, 50))
def test_party_types_cue_between_is_any_position_in_the_half_open_range(cues: list[int], a: int, b: int) -> None:
    assert cue_between(cues, a, b) == any(a <= c < b for c in cues)


def test_party_types_new_party_builds_the_same_tuple_as_the_constructor() -> None:
    fields = (3, 5, ("CHN",), "target", False, None, False, None, True)
    assert new_party(Party, fields) == Party(*fields)
    assert new_party(Party, fields).role == "target"
