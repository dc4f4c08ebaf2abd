"""Party helpers against the plain statement of their rules (the fast versions must agree)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tealeaves.extract.parties import Party, _longest_first, _outermost


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


def _outermost_reference(markers: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """A marker is dropped when one starting at most 8 characters before it (or with it) reaches as
    far and is longer."""
    ordered = sorted(markers)
    return [
        m
        for m in ordered
        if not any(m[0] - 8 <= o[0] <= m[0] and o[1] >= m[1] and o[1] - o[0] > m[1] - m[0] for o in ordered)
    ]


_PARTIES = st.lists(
    st.tuples(st.integers(0, 20), st.integers(1, 5), st.sampled_from(["USA", "CHN"]), st.booleans()).map(
        lambda t: Party(t[0], t[0] + t[1], (t[2],), place=t[3])
    ),
    max_size=10,
)


@settings(max_examples=300, deadline=None)
@given(_PARTIES, _PARTIES)
def test_parties_longest_first_follows_the_plain_rule(mentioned: list[Party], words: list[Party]) -> None:
    got = _longest_first(mentioned, words)
    expected = _longest_first_reference(mentioned, words) if words else sorted(mentioned, key=lambda p: p.start)
    assert [id(p) for p in got] == [id(p) for p in expected]


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
