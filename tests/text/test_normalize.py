"""Views keep offsets: t2s conversion and folding never change the length of the text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.phrases import fold_phrase
from tealeaves.model import DocumentMeta
from tealeaves.pipeline import analyse
from tealeaves.text.document import build_document
from tealeaves.text.normalize import (
    detect_lang,
    detect_script,
    fold_text,
    make_view,
    normalize_body,
    to_simplified,
)


@pytest.mark.parametrize(
    ("original", "view"),
    [
        ("美國財長貝森特", "美国财长贝森特"),
        ("ＵＳＴＲ　Ｇｒｅｅｒ", "ustr greer"),
        ("Treasury Secretary BESSENT", "treasury secretary bessent"),
        ("臺灣問題", "台湾问题"),
        ("世衞組織", "世卫组织"),  # a Hong Kong variant form
    ],
)
def test_normalize_view_simplifies_and_folds(original: str, view: str) -> None:
    assert make_view(original).text == view


@given(st.text(max_size=200))
def test_normalize_view_has_same_length_as_original(text: str) -> None:
    assert len(make_view(text).text) == len(text)
    assert len(to_simplified(text)) == len(text)


def test_normalize_body_unifies_line_ends_and_strips_bom() -> None:
    assert normalize_body("\ufeff第一行\r\n第二行\r第三行") == "第一行\n第二行\n第三行"
    assert normalize_body("Shinjiro\u0304") == "Shinjir\u014d"  # NFC composes the macron


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("美國總統川普在會後表示，雙方將繼續談判。", "zh-Hant"),
        ("美国总统特朗普在会后表示，双方将继续谈判。", "zh-Hans"),
        ("The two sides will keep talking.", None),
    ],
)
def test_normalize_detect_script(text: str, script: str | None) -> None:
    assert detect_script(text) == script


@pytest.mark.parametrize(
    ("text", "lang"),
    [("中美双方在日内瓦举行会谈。", "zh"), ("Talks were held in Geneva on Saturday.", "en"), ("美方称 talks 将继续", "zh")],
)
def test_normalize_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


_FOLD_ALPHABET = st.one_of(
    st.characters(),
    st.sampled_from(list("ABCxyz’“”ΣİßＡＺａ０，（）：\u3000中國\ud800")),
)


@given(st.text(alphabet=_FOLD_ALPHABET, max_size=60))
def test_normalize_fold_text_folds_as_fold_phrase(text: str) -> None:
    assert fold_text(text) == fold_phrase(text)


def test_normalize_fold_text_agrees_with_fold_phrase_on_every_character() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert fold_text(every) == fold_phrase(every)
    assert fold_text("ＡＢ cd") == fold_phrase("ＡＢ cd") == "ab cd"  # full-width forms take the per-character path


@given(st.text(alphabet=st.sampled_from(["美", "國", "A", "Ｂ", " ", "\ud800", "\udfff"]), max_size=60))
def test_normalize_view_takes_lone_surrogates_and_keeps_offsets(text: str) -> None:
    view = make_view(text)
    assert len(view.text) == len(text)
    view.text.encode("utf-8")  # every scanner downstream encodes the view


def test_normalize_a_document_with_a_lone_surrogate_is_analysed(kb: KnowledgeBase) -> None:
    text = "美國財長\ud800貝森特宣布對華加徵關稅。"
    analysis = analyse(build_document(text, DocumentMeta(published=dt.date(2026, 3, 14), lang="zh"), kb), kb)
    assert ("SANCTION", "USA", "CHN") in {(str(e.type), e.source, e.target) for e in analysis.events}


def test_normalize_body_replaces_a_lone_surrogate_in_place() -> None:
    assert normalize_body("美国\ud800加征") == "美国\ufffd加征"
