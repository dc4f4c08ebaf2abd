"""commitment_progress on sentences we wrote: a quantified commitment and what is delivered."""

from __future__ import annotations

import pytest

from tealeaves.model import CommitmentProgress
from tealeaves.signals.commitments import detect_commitment_progress


def test_commitment_progress_with_promised_and_delivered(scene) -> None:
    s = scene("中方已经完成1000万吨大豆采购的承诺,未来两年每年2000万吨的采购目标仍在推进。")
    s.state("中方", "CHN").quantity("1000万吨", 1e7, "t", "soybeans").quantity("2000万吨", 2e7, "t/year", "soybeans")
    (signal,) = s.run(detect_commitment_progress)
    assert isinstance(signal, CommitmentProgress)
    assert (signal.party, signal.commodity) == ("CHN", "soybeans")
    assert (signal.delivered, signal.promised) == (1e7, 2e7)


def test_commitment_progress_shortfall_in_english(scene) -> None:
    s = scene("Beijing pledged to buy $200 billion of US goods over two years. China did not reach the target.", lang="en")
    s.state("Beijing", "CHN").state("China", "CHN").state("US", "USA").quantity("$200 billion", 2e11, "USD")
    (signal,) = s.run(detect_commitment_progress)
    assert isinstance(signal, CommitmentProgress)
    assert (signal.party, signal.commodity) == ("CHN", None)


def test_commitment_progress_party_is_the_buyer_not_the_seller(scene) -> None:
    s = scene("中方已同意采购美国大豆,目前完成约300万吨。")
    s.state("中方", "CHN").state("美国", "USA").quantity("300万吨", 3e6, "t", "soybeans")
    (signal,) = s.run(detect_commitment_progress)
    assert isinstance(signal, CommitmentProgress)
    assert signal.party == "CHN"


def test_commitment_progress_a_state_labelling_a_body_is_not_the_party(scene) -> None:
    s = scene("据美国研究所测算，中方承诺的采购只完成了约300万吨。")
    s.state("美国", "USA").org("研究所", "Peterson Institute", "USA").state("中方", "CHN").quantity("约300万吨", 3e6, "t", "soybeans")
    (signal,) = s.run(detect_commitment_progress)
    assert isinstance(signal, CommitmentProgress)
    assert signal.party == "CHN"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("中方承诺每年采购2000万吨大豆。", "2000万吨"),
        ("中方表示已充分履行承诺。", None),
        ("中方已经完成承诺,关税下调20%。", "20%"),
    ],
)
def test_commitment_progress_needs_delivery_and_an_amount(scene, text: str, amount: str | None) -> None:
    s = scene(text).state("中方", "CHN")
    if amount == "20%":
        s.quantity(amount, 20, "%")
    elif amount:
        s.quantity(amount, 2e7, "t/year", "soybeans")
    assert s.run(detect_commitment_progress) == ()


def test_commitment_progress_one_signal_per_party(scene) -> None:
    text = "中方已采购500万吨大豆,履行了承诺。截至目前,中方已经完成今年的采购目标,共计800万吨。"
    s = scene(text).state("中方", "CHN", 0).state("中方", "CHN", 1)
    s.quantity("500万吨", 5e6, "t", "soybeans").quantity("800万吨", 8e6, "t")
    signals = s.run(detect_commitment_progress)
    assert [(x.party, x.commodity) for x in signals if isinstance(x, CommitmentProgress)] == [("CHN", "soybeans")]
