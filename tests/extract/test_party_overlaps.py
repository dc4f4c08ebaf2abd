"""Overlapping party stretches against the plain statement of the rule (the fast version must agree)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tealeaves.extract.party_types import Party
from tealeaves.extract.party_overlaps import longest_first


def _longest_first_reference(mentioned: list[Party], words: list[Party]) -> list[Party]:
    """Longer stretch first, a mention before a party word on a tie, then leftmost; a stretch
    touching an occupied character is dropped."""
    taken: list[Party] = []
    occupied: set[int] = set()
    ranked = [(p, 0) for p in mentioned] + [(p, 1) for p in words]
    for p, _ in sorted(ranked, key=lambda x: (-(x[0].end - x[0].start), x[1], x[0].start, x[0].place)):
        if any(i in occupied for i in range(p.start, p.end)):
            continue
        taken.append(p)
        occupied.update(range(p.start, p.end))
    return sorted(taken, key=lambda p: p.start)


_PARTIES = st.lists(
    st.tuples(st.integers(0, 20), st.integers(1, 5), st.sampled_from(["USA", "CHN"]), st.booleans()).map(
        lambda t: Party(t[0], t[0] + t[1], (t[2],), place=t[3])
    ),
    max_size=10,
)


@settings(max_examples=300, deadline=None)
@given(_PARTIES, _PARTIES)
def test_party_overlaps_longest_first_follows_the_plain_rule(mentioned: list[Party], words: list[Party]) -> None:
    got = longest_first(mentioned, words)
    expected = _longest_first_reference(mentioned, words) if words else sorted(mentioned, key=lambda p: p.start)
    assert [id(p) for p in got] == [id(p) for p in expected]
