"""The people and offices knowledge (data/actors/persons.yaml, roles.yaml, compounds.yaml, non_names.yaml,
locatives.yaml, person_titles.yaml): every file loads, every alias is found again by the real extractor,
every source is given, and offices resolve to the right holder by date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import opencc
import pytest
import yaml

from tealeaves.extract.entities import extract_entities
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.loader import DATA_DIR, load_knowledge
from tealeaves.knowledge.schema import CompoundEntry, PersonEntry, RoleEntry
from tealeaves.model import Document, DocumentMeta, MentionKind
from tealeaves.text.document import build_document

CJK = re.compile(r"[\u3400-\u9fff]")
MY_FILES = ("persons", "roles", "compounds", "non_names", "locatives", "person_titles")
_T2S = opencc.OpenCC("t2s.json")
_KB = load_knowledge()


def _doc(kb: KnowledgeBase, text: str, published: dt.date | None = dt.date(2026, 3, 14)) -> Document:
    lang = "zh" if CJK.search(text) else "en"
    return build_document(text, DocumentMeta(published=published, lang=lang), kb)


def _sentence(alias: str) -> str:
    """A sentence we wrote around ``alias`` in its own script."""
    if CJK.search(alias):
        return f"据报道，{alias}周二表示将继续沟通。"
    return f"On Tuesday, {alias} said talks would continue."


def _manifest_files() -> list[tuple[str, str]]:
    manifest = yaml.safe_load((DATA_DIR / "MANIFEST.yaml").read_text(encoding="utf-8"))
    return [(f["path"], f["kind"]) for f in manifest["files"]]


@pytest.mark.parametrize("kind", MY_FILES)
def test_data_each_people_file_is_listed_and_has_entries(kind: str) -> None:
    listed = {k: p for p, k in _manifest_files()}
    assert kind in listed, f"{kind} is not in MANIFEST.yaml"
    doc = yaml.safe_load((DATA_DIR / listed[kind]).read_text(encoding="utf-8"))
    assert doc["version"] and doc["description"] and doc["entries"]


def test_data_every_file_loads() -> None:
    kb = load_knowledge()
    assert len(kb.persons) >= 300
    assert len(kb.roles) >= 50


@pytest.mark.parametrize("person", list(_KB.persons.values()), ids=lambda p: p.id)
def test_data_every_person_alias_is_found_again(kb: KnowledgeBase, person: PersonEntry) -> None:
    missed = []
    for alias in (person.name, *person.aliases.all()):
        text = _sentence(alias)
        start = text.index(alias)
        allowed = {person.id}
        if alias in person.ambiguous:
            allowed |= {p.id for p in kb.persons.values() if alias in p.aliases.all() or alias == p.name}
        hits = [
            m for m in extract_entities(_doc(kb, text), kb)
            if m.kind is MentionKind.PERSON and m.actor_id in allowed
            and m.evidence.span.start <= start and start + len(alias) <= m.evidence.span.end
        ]
        if not hits:
            missed.append(alias)
    assert missed == []


@pytest.mark.parametrize("compound", list(_KB.compounds.values()), ids=lambda c: c.id)
def test_data_every_compound_names_all_its_members(kb: KnowledgeBase, compound: CompoundEntry) -> None:
    for alias in compound.aliases.all():
        mentions = extract_entities(_doc(kb, _sentence(alias)), kb)
        assert {m.actor_id for m in mentions if m.evidence.span.text == alias} == set(compound.members), alias


@pytest.mark.parametrize("role", list(_KB.roles.values()), ids=lambda r: r.id)
def test_data_every_role_alias_names_the_holder_on_a_date_it_was_held(kb: KnowledgeBase, role: RoleEntry) -> None:
    spells = [s for p in kb.persons.values() for s in p.roles if s.role == role.id]
    if not spells:
        pytest.skip(f"nobody listed holds {role.id}")
    on = max(s.from_ for s in spells)
    holder = kb.holder(role.id, on)
    assert holder is not None
    missed = []
    for alias in role.aliases.all():
        mentions = extract_entities(_doc(kb, _sentence(alias), published=on), kb)
        if not any(m.actor_id == holder.id and m.via == "role" for m in mentions):
            missed.append(alias)
    assert missed == []


def test_data_every_zh_alias_is_written_simplified() -> None:
    """Matching runs on the t2s view, so a zh alias that t2s would change could never match."""
    bad = []
    for e in (*_KB.persons.values(), *_KB.roles.values(), *_KB.compounds.values()):
        forms = list(e.aliases.zh) + list(getattr(e, "bare", None).zh if isinstance(e, RoleEntry) else ())
        bad += [f"{e.id}: {a}" for a in forms if _T2S.convert(a) != a]
    assert bad == []


def test_data_every_source_is_given() -> None:
    missing = []
    for e in (*_KB.persons.values(), *_KB.roles.values(), *_KB.compounds.values()):
        if not e.source.strip():
            missing.append(e.id)
        for spell in (*getattr(e, "roles", ()), *getattr(e, "sanctions", ())):
            if not spell.source.strip():
                missing.append(f"{e.id} ({spell})")
    assert missing == []


def test_data_every_role_spell_references_a_role() -> None:
    unknown = [f"{p.id}: {s.role}" for p in _KB.persons.values() for s in p.roles if s.role not in _KB.roles]
    assert unknown == []


@pytest.mark.parametrize("role", list(_KB.roles.values()), ids=lambda r: r.id)
def test_data_role_spells_do_not_overlap(role: RoleEntry) -> None:
    """One person at a time: two spells of one office may share a hand-over day, no more."""
    spells = sorted(((s.from_, s.to or dt.date.max, p.id) for p in _KB.persons.values() for s in p.roles if s.role == role.id))
    for (a_from, a_to, a_id), (b_from, b_to, b_id) in zip(spells, spells[1:]):
        assert b_from >= a_to, f"{a_id} ({a_from}..{a_to}) overlaps {b_id} ({b_from}..{b_to})"


@pytest.mark.parametrize(
    ("role", "on", "person"),
    [
        ("us_president", "2018-06-18", "donald_trump"),
        ("us_president", "2022-01-01", "joe_biden"),
        ("us_president", "2025-01-20", "donald_trump"),
        ("us_treasury_secretary", "2019-05-01", "steven_mnuchin"),
        ("us_treasury_secretary", "2023-07-01", "janet_yellen"),
        ("us_treasury_secretary", "2026-03-14", "scott_bessent"),
        ("us_trade_representative", "2019-05-01", "robert_lighthizer"),
        ("us_trade_representative", "2023-07-01", "katherine_tai"),
        ("us_trade_representative", "2025-12-10", "jamieson_greer"),
        ("us_commerce_secretary", "2025-06-12", "howard_lutnick"),
        ("us_secretary_of_state", "2026-03-13", "marco_rubio"),
        ("chn_premier", "2020-05-22", "li_keqiang"),
        ("chn_premier", "2024-03-05", "li_qiang"),
        ("chn_commerce_minister", "2019-06-01", "zhong_shan"),
        ("chn_commerce_minister", "2025-10-30", "wang_wentao"),
        ("chn_foreign_minister", "2023-03-07", "qin_gang"),
        ("chn_foreign_minister", "2024-01-01", "wang_yi"),
        ("chn_ambassador_to_us", "2019-01-01", "cui_tiankai"),
        ("chn_ambassador_to_us", "2025-11-03", "xie_feng"),
        ("chn_trade_representative", "2026-03-16", "li_chenggang"),
        ("pboc_governor", "2020-01-01", "yi_gang"),
        ("pboc_governor", "2024-01-01", "pan_gongsheng"),
        ("chn_us_trade_lead", "2019-02-01", "liu_he"),
        ("chn_us_trade_lead", "2025-07-29", "he_lifeng"),
        ("jpn_prime_minister", "2025-11-01", "sanae_takaichi"),
        ("kor_president", "2025-10-29", "lee_jae_myung"),
        ("can_prime_minister", "2026-01-24", "mark_carney"),
        ("us_press_secretary", "2026-03-16", "karoline_leavitt"),
        ("bra_finance_minister", "2020-06-01", "paulo_guedes"),
        ("bra_finance_minister", "2025-08-01", "fernando_haddad"),
        ("bra_finance_minister", "2026-06-01", "dario_durigan"),
        ("bra_foreign_minister", "2019-06-01", "ernesto_araujo"),
        ("bra_trade_minister", "2025-08-01", "geraldo_alckmin"),
        ("mex_economy_secretary", "2019-06-01", "graciela_marquez_colin"),
        ("mex_economy_secretary", "2025-08-01", "marcelo_ebrard"),
        ("mex_finance_secretary", "2025-08-01", "edgar_amador_zamora"),
        ("mex_foreign_secretary", "2017-06-01", "luis_videgaray"),
        ("idn_finance_minister", "2025-08-01", "sri_mulyani"),
        ("idn_finance_minister", "2025-10-01", "purbaya_yudhi_sadewa"),
        ("idn_trade_minister", "2023-01-01", "zulkifli_hasan"),
        ("ita_economy_minister", "2020-06-01", "roberto_gualtieri"),
        ("ita_foreign_minister", "2021-01-01", "luigi_di_maio"),
        ("arg_economy_minister", "2018-06-01", "nicolas_dujovne"),
        ("arg_foreign_minister", "2025-11-03", "pablo_quirno"),
        ("tur_finance_minister", "2019-06-01", "berat_albayrak"),
        ("tur_trade_minister", "2024-01-01", "omer_bolat"),
        ("sau_king", "2025-08-01", "salman_of_saudi_arabia"),
        ("sau_foreign_minister", "2018-01-01", "adel_al_jubeir"),
        ("zaf_finance_minister", "2017-06-01", "malusi_gigaba"),
        ("zaf_trade_minister", "2025-08-01", "parks_tau"),
        ("rus_prime_minister", "2019-06-01", "dmitry_medvedev"),
        ("rus_prime_minister", "2025-08-01", "mikhail_mishustin"),
        ("rus_economic_development_minister", "2019-06-01", "maxim_oreshkin"),
        ("kor_trade_minister", "2025-08-01", "yeo_han_koo"),
        ("kor_trade_minister", "2020-01-01", "yoo_myung_hee"),
        ("kor_industry_minister", "2025-08-01", "kim_jung_kwan"),
        ("gbr_trade_secretary", "2018-06-01", "liam_fox"),
        ("can_trade_minister", "2025-08-01", "maninder_sidhu"),
        ("jpn_trade_minister", "2024-06-01", "ken_saito"),
        ("deu_economy_minister", "2017-06-01", "brigitte_zypries"),
        ("boj_governor", "2020-01-01", "haruhiko_kuroda"),
        ("boj_governor", "2025-08-01", "kazuo_ueda"),
        ("ecb_president", "2018-06-01", "mario_draghi"),
        ("ecb_president", "2025-08-01", "christine_lagarde"),
    ],
)
def test_data_roles_resolve_by_date(role: str, on: str, person: str) -> None:
    holder = _KB.holder(role, dt.date.fromisoformat(on))
    assert holder is not None and holder.id == person


@pytest.mark.parametrize(
    ("role", "on"),
    [
        ("us_treasury_secretary", "2016-01-01"),
        ("kor_president", "2025-05-01"),
        ("bra_trade_minister", "2020-06-01"),
        ("mex_foreign_secretary", "2026-01-15"),
    ],
)
def test_data_roles_resolve_to_nobody_outside_the_listed_spells(role: str, on: str) -> None:
    assert _KB.holder(role, dt.date.fromisoformat(on)) is None


@pytest.mark.parametrize(
    ("person", "on", "states"),
    [
        ("marco_rubio", "2026-03-13", ("CHN",)),
        ("mike_pompeo", "2021-06-01", ("CHN",)),
        ("mike_pompeo", "2020-06-01", ()),
        ("carrie_lam", "2021-01-01", ("USA",)),
        ("john_lee_ka_chiu", "2025-01-01", ("USA",)),
        ("scott_bessent", "2026-03-14", ()),
    ],
)
def test_data_sanctions_are_in_force_from_their_date(person: str, on: str, states: tuple[str, ...]) -> None:
    assert _KB.sanctioned_by(person, dt.date.fromisoformat(on)) == states


def test_data_people_files_are_utf8_without_tabs() -> None:
    for kind in MY_FILES:
        path = next(DATA_DIR / p for p, k in _manifest_files() if k == kind)
        text = Path(path).read_text(encoding="utf-8")
        assert "\t" not in text, path
