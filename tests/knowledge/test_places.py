"""The place knowledge (data/actors/iso3166.yaml, countries.yaml, places.yaml): every ISO country once,
every alias (and its traditional spelling) found back by the real scanner, state short forms resolving to their state, and no alias
shared between two places unless both list it as ambiguous."""

from __future__ import annotations

import re

import opencc
import pytest

from tealeaves.knowledge.base import AliasTarget, KnowledgeBase
from tealeaves.knowledge.loader import load_knowledge
from tealeaves.knowledge.phrases import fold_phrase
from tealeaves.knowledge.schema import PlaceEntry
from tealeaves.text.normalize import make_view
from tealeaves.text.scan import find_phrases

CJK = re.compile(r"[\u3400-\u9fff]")


def _sentence(alias: str) -> str:
    """A sentence we wrote around ``alias``, in the script the alias is written in."""
    if CJK.search(alias):
        return f"消息人士说，{alias}周二表示将作出回应。"
    return f"Sources said {alias} would respond on Tuesday."


def _found(kb: KnowledgeBase, alias: str, target: AliasTarget) -> bool:
    text = _sentence(alias)
    start = text.index(alias)
    return any(
        m.start == start and m.end == start + len(alias) and target in m.payloads
        for m in find_phrases(make_view(text), kb.alias_index)
    )


_S2TW = opencc.OpenCC("s2tw.json")


def _spellings(aliases: tuple[str, ...]) -> list[str]:
    """Each alias as written, plus its Taiwan-standard traditional form for Chinese ones: the matcher
    reads a simplified view, so a traditional spelling must come back to a listed form."""
    out = list(aliases)
    out += [t for a in aliases if CJK.search(a) and (t := _S2TW.convert(a)) != a]
    return out


def _places() -> list[PlaceEntry]:
    return list(load_knowledge().places.values())


@pytest.mark.parametrize("entry", _places(), ids=lambda e: e.id)
def test_places_every_alias_is_found_by_the_scanner(kb: KnowledgeBase, entry: PlaceEntry) -> None:
    target = AliasTarget("places", entry.id)
    missed = [a for a in _spellings((entry.name, *entry.aliases.all())) if not _found(kb, a, target)]
    if entry.state:
        state = AliasTarget("states", entry.state)
        missed += [a for a in _spellings(entry.state_aliases.all()) if not _found(kb, a, state)]
    assert missed == []


def test_places_every_iso_country_once_with_a_unique_alpha3(kb: KnowledgeBase) -> None:
    codes = [p.state for p in kb.places.values() if p.category == "country"]
    assert len(codes) == 247  # the 249 of ISO 3166-1 but Hong Kong and Macau, regions of China here
    assert len(set(codes)) == len(codes)
    assert all(c is not None and re.fullmatch(r"[A-Z]{3}", c) for c in codes)


def test_places_hong_kong_and_macau_act_for_china(kb: KnowledgeBase) -> None:
    assert (kb.places["hong_kong"].category, kb.places["hong_kong"].state) == ("region", "CHN")
    assert (kb.places["macau"].category, kb.places["macau"].state) == ("region", "CHN")
    assert "HKG" not in kb.countries and "MAC" not in kb.countries
    assert (kb.places["hong_kong"].name, kb.places["macau"].name) == ("Hong Kong", "Macau")


@pytest.mark.parametrize(
    ("alpha3", "title"),
    [
        ("USA", "United States"),
        ("CHN", "China"),
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("TWN", "Taiwan"),
        ("RUS", "Russia"),
        ("VNM", "Vietnam"),
        ("GBR", "United Kingdom"),
        ("TUR", "Turkey"),
        ("CIV", "Ivory Coast"),
        ("CZE", "Czech Republic"),
        ("GEO", "Georgia (country)"),
        ("IRL", "Republic of Ireland"),
    ],
)
def test_places_country_names_are_english_wikipedia_titles(kb: KnowledgeBase, alpha3: str, title: str) -> None:
    assert kb.country_name(alpha3) == title


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "target_id"),
    [
        ("中方表示坚决反对。", "中方", "states", "CHN"),
        ("美方宣布加征关税。", "美方", "states", "USA"),
        ("華府週二宣布新措施。", "華府", "states", "USA"),
        ("日方和韩方均未回应。", "韩方", "states", "KOR"),
        ("欧盟委员会之外，欧方也表态。", "欧方", "states", "EUR"),
        ("欧盟宣布临时反补贴税。", "欧盟", "states", "EUR"),
        ("Brussels pushed back on the duties.", "Brussels", "states", "EUR"),
        ("Beijing said it would retaliate.", "Beijing", "states", "CHN"),
        ("Beijing said it would retaliate.", "Beijing", "places", "beijing"),
        ("双方代表在北京会面。", "北京", "places", "beijing"),
        ("The talks took place in Washington, D.C. last week.", "Washington, D.C.", "places", "washington_dc"),
        ("紐西蘭與澳洲同意合作。", "紐西蘭", "places", "new_zealand"),
        ("紐西蘭與澳洲同意合作。", "澳洲", "places", "australia"),
        ("南韓官員抵達釜山。", "南韓", "places", "south_korea"),
        ("南韓官員抵達釜山。", "釜山", "places", "busan"),
        ("星加坡與馬來西亞簽署協議。", "星加坡", "places", "singapore"),
        ("星加坡與馬來西亞簽署協議。", "馬來西亞", "places", "malaysia"),
        ("義大利政府未置評。", "義大利政府", "states", "ITA"),
        ("會談在吉隆坡舉行。", "吉隆坡", "places", "kuala_lumpur"),
        ("油輪駛過荷姆茲海峽。", "荷姆茲海峽", "places", "strait_of_hormuz"),
        ("川普在海湖莊園會見來訪者。", "海湖莊園", "places", "mar_a_lago"),
        ("愛荷華州農民擔心大豆出口。", "愛荷華州", "places", "iowa"),
        ("美国墨西哥湾沿岸的港口", "美国墨西哥湾沿岸", "places", "gulf_coast"),
        ("Georgia farmers sold peanuts.", "Georgia", "places", "georgia_us"),
    ],
)
def test_places_regional_spellings_and_state_forms_resolve(
    kb: KnowledgeBase, text: str, phrase: str, kind: str, target_id: str
) -> None:
    start = text.index(phrase)
    matches = [m for m in find_phrases(make_view(text), kb.alias_index) if m.start == start and m.end == start + len(phrase)]
    wanted = AliasTarget(kind, target_id)
    assert matches and wanted in matches[0].payloads


@pytest.mark.parametrize(
    ("text", "not_id"),
    [
        ("在该平台中，用户可以下单。", "taichung"),
        ("宣布城市更新计划。", "putrajaya"),
        ("中国中西部地区的工厂", "midwest"),
        ("The start-ups signed a Trans-Pacific accord.", "pacific_ocean"),
        ("The states agreed to the plan.", "united_states"),
        ("圣地亚哥的港口", "santiago"),
    ],
)
def test_places_common_words_do_not_match(kb: KnowledgeBase, text: str, not_id: str) -> None:
    ids = {t.id for m in find_phrases(make_view(text), kb.alias_index) for t in m.payloads}
    assert not_id not in ids


def test_places_shared_aliases_are_marked_ambiguous_on_every_claimant(kb: KnowledgeBase) -> None:
    claims: dict[str, set[str]] = {}
    for p in kb.places.values():
        for form in (p.name, *p.aliases.all(), *p.state_aliases.all()):
            claims.setdefault(fold_phrase(form.strip()), set()).add(p.id)
    unmarked = []
    for form, ids in claims.items():
        if len(ids) > 1:
            for pid in ids:
                if form not in {fold_phrase(a) for a in kb.places[pid].ambiguous}:
                    unmarked.append((form, pid))
    assert unmarked == []


def test_places_every_entry_cites_a_url_source(kb: KnowledgeBase) -> None:
    assert [p.id for p in kb.places.values() if not p.source.startswith("https://")] == []


def test_places_the_eu_bloc_is_a_party_not_a_country(kb: KnowledgeBase) -> None:
    eu = kb.places["european_union"]
    assert (eu.category, eu.state) == ("bloc", "EUR")
    assert "EUR" not in kb.countries


def test_places_cities_and_regions_name_a_listed_state(kb: KnowledgeBase) -> None:
    bad = [p.id for p in kb.places.values() if p.category != "bloc" and p.state is not None and p.state not in kb.countries]
    assert bad == []
