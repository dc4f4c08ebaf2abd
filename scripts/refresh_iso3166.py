"""Refresh src/tealeaves/knowledge/data/actors/iso3166.yaml (needs: pip install pycountry babel opencc);
prints the YAML on stdout. Generate actors/iso3166.yaml: ISO 3166-1 codes (Debian iso-codes via pycountry 26.2.16) and
CLDR territory names (Babel 2.18, locales zh, zh_Hant, zh_Hant_HK, en)."""
import json, sys, re

from babel import Locale
import opencc
t2s = opencc.OpenCC("t2s.json")
import pycountry
iso = json.load(open(pycountry.DATABASE_DIR + "/iso3166-1.json"))["3166-1"]
en, zh, zht, hk = (Locale(x) for x in ("en", "zh", "zh_Hant", "zh_Hant_HK"))
WIKI = {  # ISO alpha-3 -> English Wikipedia article title, where the ISO/CLDR short name differs
 "ALA":"Åland","ATF":"French Southern and Antarctic Lands","BES":"Caribbean Netherlands","BHS":"The Bahamas",
 "BLM":"Saint Barthélemy","BOL":"Bolivia","BRN":"Brunei","CCK":"Cocos (Keeling) Islands","CIV":"Ivory Coast",
 "COD":"Democratic Republic of the Congo","COG":"Republic of the Congo","CPV":"Cape Verde","CUW":"Curaçao",
 "CZE":"Czech Republic","FLK":"Falkland Islands","FSM":"Federated States of Micronesia","GBR":"United Kingdom",
 "GEO":"Georgia (country)","GMB":"The Gambia","HKG":"Hong Kong","IRL":"Republic of Ireland","IRN":"Iran",
 "KNA":"Saint Kitts and Nevis","KOR":"South Korea","LAO":"Laos","LCA":"Saint Lucia","MAC":"Macau",
 "MAF":"Collectivity of Saint Martin","MDA":"Moldova","MKD":"North Macedonia","MMR":"Myanmar","PCN":"Pitcairn Islands",
 "PRK":"North Korea","PSE":"State of Palestine","REU":"Réunion","RUS":"Russia","SHN":"Saint Helena, Ascension and Tristan da Cunha",
 "SJM":"Svalbard and Jan Mayen","SPM":"Saint Pierre and Miquelon","STP":"São Tomé and Príncipe","SWZ":"Eswatini",
 "SXM":"Sint Maarten","SYR":"Syria","TLS":"East Timor","TUR":"Turkey","TWN":"Taiwan","TZA":"Tanzania",
 "USA":"United States","VAT":"Vatican City","VCT":"Saint Vincent and the Grenadines","VEN":"Venezuela",
 "VGB":"British Virgin Islands","VIR":"United States Virgin Islands","VNM":"Vietnam","WLF":"Wallis and Futuna",
 "UMI":"United States Minor Outlying Islands","HMD":"Heard Island and McDonald Islands","IOT":"British Indian Ocean Territory",
 "SGS":"South Georgia and the South Sandwich Islands","CAF":"Central African Republic","DOM":"Dominican Republic",
 "ARE":"United Arab Emirates","NLD":"Netherlands","PHL":"Philippines","ATG":"Antigua and Barbuda","BIH":"Bosnia and Herzegovina",
 "TTO":"Trinidad and Tobago","TCA":"Turks and Caicos Islands","MNP":"Northern Mariana Islands",
}
def slug(s):
    import unicodedata
    s = unicodedata.normalize("NFKD", s).encode("ascii","ignore").decode()
    return re.sub(r"[^a-z0-9]+","_",s.lower()).strip("_")
def q(s):
    return json.dumps(s, ensure_ascii=False)
rows=[]
for c in sorted(iso, key=lambda c: c["alpha_3"]):
    a2, a3 = c["alpha_2"], c["alpha_3"]
    title = WIKI.get(a3) or c.get("common_name") or c["name"]
    assert "," not in title or a3=="SHN", (a3,title)
    ens=[]
    for f in (title, c.get("common_name"), c["name"], c.get("official_name"), en.territories.get(a2)):
        if not f or "," in f or "&" in f or "St." in f or "SAR" in f or " - " in f or "(" in f: continue
        if f.lower().startswith("the ") and f != title: f = f[4:]
        if "(" in title and f == title.split(" (")[0]: continue  # the title is disambiguated: the bare name is not ours alone
        if f.lower() not in [e.lower() for e in ens]: ens.append(f)
    zs=[]
    for loc in (zh, zht, hk):
        n = loc.territories.get(a2)
        if not n: continue
        n = t2s.convert(n)
        if n not in zs: zs.append(n)
    rows.append((slug(title), title, a3, a2, ens[1:] if ens and ens[0]==title else ens, zs))
out=['version: "2026.11.1"',
 'description: >-',
 '  Upstream table, refreshed whole, never edited by hand: every ISO 3166-1 country and territory (alpha-3',
 '  code and ISO short/official names, from the Debian iso-codes data shipped in pycountry 26.2.16), titled',
 '  by its English Wikipedia article, with Chinese names from Unicode CLDR (Babel 2.18; locales zh,',
 '  zh_Hant and zh_Hant_HK, converted to simplified script because matching runs on the t2s view). Our',
 '  additions (state short forms such as 美方, regional spellings, precision notes) live in countries.yaml.',
 'entries:']
for sid,title,a3,a2,ens,zs in rows:
    out.append(f"  - id: {sid}")
    out.append(f"    name: {q(title)}")
    out.append(f"    category: country")
    out.append(f"    state: {a3}")
    al=[]
    if ens: al.append("en: ["+", ".join(q(e) for e in ens)+"]")
    if zs: al.append("zh: ["+", ".join(q(z) for z in zs)+"]")
    if al: out.append("    aliases: {"+", ".join(al)+"}")
    out.append(f'    source: "https://www.iso.org/obp/ui/#iso:code:3166:{a2}"')
print("\n".join(out))
