"""Runs of parties: one actor in several mentions, possessors, and what a both-sides word stands for."""

from __future__ import annotations


def test_party_runs_join_neighbours_resolves_both_sides_words_and_marks_possessives() -> None:
    import re

    from tealeaves.extract.party_runs import join_neighbours
    from tealeaves.extract.party_types import Party

    text = "USA CHN both's talks; MEX CAN both"
    usa, chn = Party(0, 3, ("USA",)), Party(4, 7, ("CHN",))
    first_both = Party(8, 12, (), "both")
    mex, can, second_both = Party(22, 25, ("MEX",)), Party(26, 29, ("CAN",)), Party(30, 34, (), "both")
    parties = [usa, chn, first_both, mex, can, second_both]
    out = join_neighbours(text, parties, [], re.compile(";"), "en", pair=("USA", "CHN"), possessive=("'s",))
    assert [p.states for p in out] == [("USA",), ("CHN",), ("USA", "CHN"), ("MEX",), ("CAN",), ("MEX", "CAN")]
    assert [p.possessive for p in out] == [False, False, True, False, False, False]
    untouched = join_neighbours(text, parties, [], re.compile(";"), "en")  # no both-sides word to resolve
    assert untouched[2].states == () and not untouched[2].possessive


def test_party_runs_both_sides_word_after_a_partner_names_the_two_before_it() -> None:
    import re

    from tealeaves.extract.party_runs import join_neighbours
    from tealeaves.extract.party_types import Party

    # MEX and CAN named, then "USA with both (leaders) ..., both (leaders) pledged"
    text = "MEX CAN xxxx USA+both yyyy both zz"
    mex, can, usa = Party(0, 3, ("MEX",)), Party(4, 7, ("CAN",)), Party(13, 16, ("USA",))
    first, second = Party(17, 21, (), "both"), Party(27, 31, (), "both")
    markers = [(16, 17, "counterpart", 12)]  # the "+" between USA and both is a counterpart marker (与, with)
    out = join_neighbours(text, [mex, can, usa, first, second], markers, re.compile(";"), "en", pair=("USA", "CHN"))
    assert out[3].states == ("MEX", "CAN")  # not the partner's own state
    assert out[4].states == ("MEX", "CAN")  # the same two again


def test_party_runs_both_sides_word_after_a_meeting_with_a_third_state_names_those_two() -> None:
    import re

    from tealeaves.extract.party_runs import join_neighbours
    from tealeaves.extract.party_types import Party

    # "USA CHN talks. Then USA met+EUR, both agreed": the two who met, not the article's two states
    text = "USA CHN talks. Then USA met+EUR, both agreed"
    usa, chn, usa2, eur = Party(0, 3, ("USA",)), Party(4, 7, ("CHN",)), Party(20, 23, ("USA",)), Party(28, 31, ("EUR",))
    both = Party(33, 37, (), "both")
    markers = [(27, 28, "counterpart", 12)]  # the "+" is a counterpart marker (与, with)
    end = re.compile(r"\.")
    out = join_neighbours(text, [usa, chn, usa2, eur, both], markers, re.compile(","), "en", pair=("USA", "CHN"), sentence_end=end)
    assert out[-1].states == ("USA", "EUR")
    # a third state that is only a venue, not met ("USA met+CHN in SWE"), leaves the article's two
    text = "USA CHN talks. Then USA met+CHN in SWE, both agreed"
    venue = [Party(0, 3, ("USA",)), Party(4, 7, ("CHN",)), Party(20, 23, ("USA",)), Party(28, 31, ("CHN",)), Party(35, 38, ("SWE",))]
    out = join_neighbours(text, [*venue, Party(40, 44, (), "both")], markers, re.compile(","), "en", pair=("USA", "CHN"), sentence_end=end)
    assert set(out[-1].states) == {"USA", "CHN"}
