"""The organization knowledge (data/actors/organizations.yaml): every alias found back by the real
scanner, mainland and Taiwan/Hong Kong spellings resolving to the same body, states and parents that
exist, and common words that must not turn into companies or ministries."""

from __future__ import annotations

import re

import opencc
import pytest

from tealeaves.knowledge.base import AliasTarget, KnowledgeBase
from tealeaves.knowledge.loader import load_knowledge
from tealeaves.knowledge.phrases import fold_phrase
from tealeaves.knowledge.schema import OrganizationEntry
from tealeaves.text.normalize import make_view
from tealeaves.text.scan import find_phrases

CJK = re.compile(r"[\u3400-\u9fff]")

CATEGORIES = {
    "ministry", "agency", "government", "legislature", "court", "party", "military", "embassy", "company",
    "association", "think_tank", "academy", "university", "media", "international",
}


_S2TW = opencc.OpenCC("s2tw.json")


def _sentence(alias: str) -> str:
    """A sentence we wrote around ``alias``, in the script the alias is written in."""
    if CJK.search(alias):
        return f"消息人士说，{alias}周二表示将作出回应。"
    return f"Sources said {alias} would respond on Tuesday."


def _organizations() -> list[OrganizationEntry]:
    return list(load_knowledge().organizations.values())


@pytest.mark.parametrize("entry", _organizations(), ids=lambda e: e.id)
def test_organizations_every_alias_is_found_by_the_scanner(kb: KnowledgeBase, entry: OrganizationEntry) -> None:
    target = AliasTarget("organizations", entry.id)
    missed = []
    forms = [entry.name, *entry.aliases.all()]
    forms += [t for a in entry.aliases.zh if (t := _S2TW.convert(a)) != a]  # traditional spellings map back
    for alias in forms:
        text = _sentence(alias)
        start = text.index(alias)
        spans = {(m.start, m.end) for m in find_phrases(make_view(text), kb.alias_index) if target in m.payloads}
        if (start, start + len(alias)) not in spans:
            missed.append(alias)
    assert missed == []


@pytest.mark.parametrize(
    ("text", "phrase", "org_id"),
    [
        ("美國商務部週二公布新規定。", "美國商務部", "us_commerce"),
        ("美商務部工業暨安全局將其列入實體清單。", "工業暨安全局", "bis"),
        ("美国贸易代表办公室启动301调查。", "美国贸易代表办公室", "ustr"),
        ("美國貿易代表署發表聲明。", "美國貿易代表署", "ustr"),
        ("白宮週二表示。", "白宮", "white_house"),
        ("陸商務部：若加稅將反制。", "陸商務部", "mofcom"),
        ("大陸外交部回應美方指控。", "大陸外交部", "mfa_china"),
        ("國務院關稅稅則委員會公告。", "國務院關稅稅則委員會", "tariff_commission"),
        ("海关总署暂停进口。", "海关总署", "gacc"),
        ("市场监管总局对高通立案调查。", "市场监管总局", "samr"),
        ("市场监管总局对高通立案调查。", "高通", "qualcomm"),
        ("國家網信辦約談輝達。", "輝達", "nvidia"),
        ("台積電與鴻海擴大投資。", "台積電", "tsmc"),
        ("台積電與鴻海擴大投資。", "鴻海", "foxconn"),
        ("中粮集团采购美国大豆。", "中粮集团", "cofco"),
        ("路透社引述消息人士。", "路透社", "reuters"),
        ("據彭博報導，談判延長。", "彭博", "bloomberg"),
        ("美聯社與法新社報導。", "美聯社", "ap"),
        ("美聯社與法新社報導。", "法新社", "afp"),
        ("《華爾街日報》引述官員。", "華爾街日報", "wsj"),
        ("中央社記者報導。", "中央社", "cna_taiwan"),
        ("《聯合報》報導。", "聯合報", "udn"),
        ("據鉅亨網報導。", "鉅亨網", "anue"),
        ("韓國產業通商資源部表示。", "韓國產業通商資源部", "motie"),
        ("The Customs Tariff Commission of the State Council said.", "Customs Tariff Commission of the State Council", "tariff_commission"),
        ("MOFCOM said it firmly opposes the move.", "MOFCOM", "mofcom"),
        ("The USTR opened a Section 301 probe.", "USTR", "ustr"),
        ("Nvidia's H20 chips", "Nvidia", "nvidia"),
        ("The U.S. Chamber of Commerce warned.", "U.S. Chamber of Commerce", "us_chamber"),
        ("The US-China Business Council said.", "US-China Business Council", "uscbc"),
    ],
)
def test_organizations_regional_spellings_resolve(kb: KnowledgeBase, text: str, phrase: str, org_id: str) -> None:
    start = text.index(phrase)
    matches = [m for m in find_phrases(make_view(text), kb.alias_index) if m.start == start and m.end == start + len(phrase)]
    assert matches and AliasTarget("organizations", org_id) in matches[0].payloads


@pytest.mark.parametrize(
    ("text", "not_id"),
    [
        ("其中粮食进口增长一成。", "cofco"),
        ("该油田日产量达到十万桶。", "nissan"),
        ("加工行业利润下滑。", "icbc"),
        ("其中信息技术产品占三成。", "citic"),
        ("中远期目标保持不变。", "cosco"),
        ("外贸大幅增长。", "uibe"),
        ("在该平台大幅降价后。", "ntu_taiwan"),
        ("3月14日经双方同意延长休战。", "nikkei"),
        ("美国银行业监管机构", "bofa"),
        ("The start-ups raised funds.", "ups"),
        ("Rates rose 25 bp on the day.", "bp"),
        ("Their reliance on imports grew.", "reliance"),
        ("Labour costs rose in the quarter.", "labour_uk"),
        ("The cadence of talks slowed.", "cadence"),
        ("A guardian of the fund said.", "guardian"),
        ("Exports are listed under 15 CFR Part 744.", "cfr"),
        ("A wave of 浪潮 hit the market.", "inspur"),
    ],
)
def test_organizations_common_words_do_not_match(kb: KnowledgeBase, text: str, not_id: str) -> None:
    ids = {t.id for m in find_phrases(make_view(text), kb.alias_index) for t in m.payloads}
    assert not_id not in ids


def test_organizations_shared_aliases_are_marked_ambiguous_on_every_claimant(kb: KnowledgeBase) -> None:
    claims: dict[str, set[str]] = {}
    for o in kb.organizations.values():
        for form in (o.name, *o.aliases.all()):
            claims.setdefault(fold_phrase(form.strip()), set()).add(o.id)
    unmarked = [
        (form, oid)
        for form, ids in claims.items()
        if len(ids) > 1
        for oid in ids
        if form not in {fold_phrase(a) for a in kb.organizations[oid].ambiguous}
    ]
    assert unmarked == []


def test_organizations_states_parents_and_categories_are_known(kb: KnowledgeBase) -> None:
    bad_state = [o.id for o in kb.organizations.values() if o.state is not None and o.state not in kb.countries and o.state != "EUR"]
    bad_category = [o.id for o in kb.organizations.values() if o.category not in CATEGORIES]
    assert (bad_state, bad_category) == ([], [])


def test_organizations_parent_chains_end(kb: KnowledgeBase) -> None:
    looping = []
    for o in kb.organizations.values():
        seen = {o.id}
        parent = o.parent
        while parent is not None:
            if parent in seen:
                looping.append(o.id)
                break
            seen.add(parent)
            parent = kb.organizations[parent].parent
    assert looping == []


def test_organizations_every_entry_cites_a_url_source(kb: KnowledgeBase) -> None:
    assert [o.id for o in kb.organizations.values() if not o.source.startswith("https://")] == []


@pytest.mark.parametrize(
    ("org_id", "state"),
    [("mofcom", "CHN"), ("us_commerce", "USA"), ("wto", None), ("european_commission", "EUR"), ("mofa_taiwan", "TWN"), ("tsmc", "TWN")],
)
def test_organizations_stand_for_their_state(kb: KnowledgeBase, org_id: str, state: str | None) -> None:
    assert kb.organizations[org_id].state == state
