"""Compile the date data files (data/dates.*.yaml) into one regular expression per language.

A language's grammar is its own entries plus the ``und`` entries (numeric forms every language
shares). Each template becomes one alternative ``(?P<tN>...)`` of a single compiled pattern, in
file order (``und`` first), so a text is scanned once; word classes become alternations (longest
word first) with their guards, numbers become digit or numeral patterns. Every slot of a template
becomes a numbered group, and ``DateGrammar.groups`` says which field it fills. Nothing here
resolves a date: that is tealeaves.extract.dates.

The scan itself goes through a ``PrefixScanner`` (tealeaves.knowledge.prefixscan), which gives the
same leftmost, first-template-wins matches as the compiled pattern's ``finditer`` at a fraction of
the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from tealeaves.knowledge.phrases import fold_phrase
from tealeaves.knowledge.prefixscan import PrefixScanner
from tealeaves.knowledge.schema import DateEntry, DateWord

NUMBER_SLOTS = ("year", "roc_year", "month", "day", "count", "quarter")
"""Slots a template may fill from a number (Arabic digits, or numerals from the ``numeral`` class);
``roc_year`` is a year of the Republic of China era (民國114年 = 2025)."""

_DIGITS = {
    "year": "[0-9]{4}",
    "roc_year": "[1-9][0-9]{0,2}",
    "month": "1[0-2]|0?[1-9]",
    "day": "3[01]|[12][0-9]|0?[1-9]",
    "count": "[0-9]{1,3}",
    "quarter": "[1-4]",
}
NUMBER_RANGES: Mapping[str, tuple[int, int]] = {
    "year": (1000, 2999),
    "roc_year": (1, 300),
    "month": (1, 12),
    "day": (1, 31),
    "quarter": (1, 4),
    "count": (1, 100),
}
"""The values a number slot accepts (inclusive); a match whose number falls outside is no date."""

_REF = re.compile(r"\{([~<]?)([a-z][a-z_]*?)(_digits)?(:end)?\}")
_ASCII_WORD = "[0-9a-z]"
_OPEN = f"(?:(?<!{_ASCII_WORD})|(?!{_ASCII_WORD}))"
_CLOSE = f"(?:(?!{_ASCII_WORD})|(?<!{_ASCII_WORD}))"


class GrammarError(ValueError):
    """A date entry that cannot be compiled; ``entry_id`` names it."""

    def __init__(self, entry_id: str, reason: str) -> None:
        self.entry_id = entry_id
        super().__init__(f"{entry_id}: {reason}")


@dataclass(frozen=True)
class WordInfo:
    """What a matched word means: its slot value, and whether it must be written capitalised."""

    value: int | str
    cased: bool = False


@dataclass(frozen=True)
class Group:
    """One numbered group of the compiled pattern: the field it fills and how to read its text.

    ``source`` is a word-class id, or ``number`` for digits and numerals.
    """

    template: int
    field: str
    end: bool
    source: str


@dataclass(frozen=True, slots=True)
class Slot:
    """How to read one group of a template's match, worked out once so that reading a match needs
    no lookups: the group, the field it fills (of the range's end when ``end``), and either the
    words it may hold or, for a number (``words`` None), the values it accepts."""

    group: str
    field: str
    end: bool
    words: Mapping[str, WordInfo] | None
    low: int
    high: int


@dataclass(frozen=True)
class Template:
    """A compiled template: its id, the groups it owns, the values it implies and its reading mode."""

    id: str
    groups: tuple[str, ...]
    fixed: Mapping[str, int | str]
    mode: str | None


@dataclass(frozen=True)
class DateGrammar:
    """Everything the date extractor needs for one language, compiled once per knowledge base."""

    lang: str
    templates: tuple[Template, ...]
    groups: Mapping[str, Group]
    words: Mapping[str, Mapping[str, WordInfo]]
    numerals: Mapping[str, int]
    future: re.Pattern[str] | None
    past: re.Pattern[str] | None
    clause: re.Pattern[str] | None
    quote_open: frozenset[str]
    quote_close: frozenset[str]
    range_joiners: frozenset[str]
    pair_joiners: frozenset[str]
    pair_openers: frozenset[str]
    count_words: Mapping[str, int]
    scanner: PrefixScanner
    slots: tuple[tuple[Slot, ...], ...] = ()
    """For each template, how to read its groups (``Slot``), in the template's group order."""
    clause_marks: frozenset[str] = frozenset()
    """The clause cues as a set of characters when every one is a single character (they are
    punctuation), so that a clause start is found by stepping back to the nearest mark; empty
    otherwise, and ``clause`` is scanned instead."""

    @property
    def pattern(self) -> re.Pattern[str]:
        """All templates as one pattern, ``(?P<tN>...)`` each in order (compiled on first use;
        ``scan`` gives the same matches faster)."""
        return self.scanner.pattern

    def scan(self, view: str) -> Iterator[re.Match[str]]:
        """Every non-empty template match in ``view``, leftmost first; ``lastgroup`` names the
        template (``t`` + its index)."""
        return self.scanner.scan(view)

    def number(self, text: str) -> int | None:
        """The value of a matched number: Arabic digits, numerals digit by digit (二〇二〇) or with
        a tens sign (二十一), or a word of a ``count`` class. None when it is none of these."""
        if text.isascii() and text.isdigit():
            return int(text)
        if text in self.count_words:
            return self.count_words[text]
        values = [self.numerals.get(ch) for ch in text]
        if not values or any(v is None for v in values):
            return None
        digits = [v for v in values if v is not None]
        if 10 in digits:
            if digits.count(10) != 1 or len(digits) > 3:
                return None
            i = digits.index(10)
            tens = digits[i - 1] if i == 1 else 1
            ones = digits[i + 1] if i + 1 < len(digits) else 0
            if i > 1 or tens == 0 or ones == 10:
                return None
            return tens * 10 + ones
        return int("".join(str(d) for d in digits))


def compile_date_grammars(entries: Iterable[DateEntry]) -> Mapping[str, DateGrammar]:
    """Every language's date grammar. Raises GrammarError naming the entry at fault (an unknown
    word class, a template that does not compile). Each grammar's scanner is built when the language
    is first looked up, so an article in one language does not pay for the others.

    Example::

        grammar = compile_date_grammars(kb.entries("dates", DateEntry))["zh"]
        grammar.pattern.search("去年10月").group()  # '去年10月'
    """
    by_language = _by_language(tuple(entries))
    for lang, own in by_language.items():
        _templates(lang, own)  # raises now; cheap, as re keeps the templates the loader compiled
    return _Grammars(by_language)


class _Grammars(Mapping[str, DateGrammar]):
    """Language -> date grammar, compiled on first lookup and then kept (one per language)."""

    def __init__(self, entries: dict[str, list[DateEntry]]) -> None:
        self._entries = entries
        self._compiled: dict[str, DateGrammar] = {}

    def __getitem__(self, lang: str) -> DateGrammar:
        got = self._compiled.get(lang)
        if got is None:
            got = self._compiled[lang] = _compile(lang, self._entries[lang])
        return got

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def check_date_grammars(entries: Iterable[DateEntry]) -> None:
    """Check that every language's templates compile, without building the scanners (the loader's
    check: cheap, so loading stays fast). Raises GrammarError naming the entry at fault."""
    for lang, own in _by_language(tuple(entries)).items():
        _templates(lang, own)


def _by_language(entries: tuple[DateEntry, ...]) -> dict[str, list[DateEntry]]:
    langs = sorted({e.lang for e in entries if e.lang != "und"})
    return {lang: [e for e in entries if e.lang == "und"] + [e for e in entries if e.lang == lang] for lang in langs}


def _compile(lang: str, entries: list[DateEntry]) -> DateGrammar:
    alternatives, templates, groups = _templates(lang, entries)
    classes: dict[str, DateEntry] = {e.id: e for e in entries if e.slot is not None}
    numerals = _numerals(classes)
    count_words = {fold_phrase(w): int(_value(v)) for e in classes.values() if e.slot == "count" for w, v in e.words.items()}
    words = {cid: {fold_phrase(w): WordInfo(_value(v), isinstance(v, DateWord) and v.cased) for w, v in e.words.items()} for cid, e in classes.items()}
    cues: dict[str, list[str]] = {}
    for e in entries:
        if e.cue is not None:
            cues.setdefault(e.cue, []).extend(fold_phrase(p) for p in e.phrases)
    try:
        scanner = PrefixScanner(alternatives)
    except re.error as exc:  # pragma: no cover - each template compiled alone above
        raise GrammarError(lang, f"date grammar does not compile: {exc}") from exc
    slots = tuple(tuple(_slot(name, groups[name], words) for name in t.groups) for t in templates)
    return DateGrammar(
        lang=lang,
        templates=tuple(templates),
        groups=groups,
        words=words,
        numerals=numerals,
        future=_phrase_pattern(cues.get("future", [])),
        past=_phrase_pattern(cues.get("past", [])),
        clause=_phrase_pattern(cues.get("clause", []), bounded=False),
        quote_open=frozenset(cues.get("quote_open", [])),
        quote_close=frozenset(cues.get("quote_close", [])),
        range_joiners=frozenset(p.strip() for p in cues.get("range", [])),
        pair_joiners=frozenset(p.strip() for p in cues.get("pair", [])),
        pair_openers=frozenset(p.strip() for p in cues.get("pair_opener", [])),
        count_words=count_words,
        scanner=scanner,
        slots=slots,
        clause_marks=_single_characters(cues.get("clause", [])),
    )


def _single_characters(phrases: list[str]) -> frozenset[str]:
    """The phrases as a set of characters, or an empty set when one is longer (or there are none)."""
    return frozenset(phrases) if phrases and all(len(p) == 1 for p in phrases) else frozenset()


def _slot(name: str, group: Group, words: Mapping[str, Mapping[str, WordInfo]]) -> Slot:
    if group.source == "number":
        low, high = NUMBER_RANGES[group.field]
        return Slot(name, group.field, group.end, None, low, high)
    return Slot(name, group.field, group.end, words[group.source], 0, 0)


def _templates(lang: str, entries: list[DateEntry]) -> tuple[list[str], list[Template], dict[str, Group]]:
    """Each template as one alternative ``(?P<tN>...)``, with the groups it owns."""
    classes: dict[str, DateEntry] = {e.id: e for e in entries if e.slot is not None}
    number_patterns = _number_patterns(_numerals(classes), [e for e in classes.values() if e.slot == "count"])
    alternatives: list[str] = []
    templates: list[Template] = []
    groups: dict[str, Group] = {}
    for e in entries:
        if e.template is None:
            continue
        index = len(templates)
        owned: list[str] = []

        def ref(m: re.Match[str], e: DateEntry = e, index: int = index, owned: list[str] = owned) -> str:
            flag, name, digits_only, end = m.group(1), m.group(2), m.group(3), m.group(4)
            if name in NUMBER_SLOTS:
                if flag:
                    raise GrammarError(e.id, f"a number slot cannot take {flag!r}")
                body = _DIGITS[name] if digits_only else number_patterns[name]
                gname = f"g{index}_{len(owned)}"
                owned.append(gname)
                groups[gname] = Group(index, name, bool(end), "number")
                return f"(?P<{gname}>{body})"
            cid = _class_id(lang, name, classes)
            if cid is None or digits_only:
                raise GrammarError(e.id, f"unknown word class {{{name}}} for {lang}")
            cls = classes[cid]
            if flag == "<":
                return "(?:" + "|".join(f"(?<=(?<!{_ASCII_WORD}){re.escape(fold_phrase(w))} )" for w in cls.words) + ")"
            body = _alternation(cls)
            if flag == "~":
                return f"(?:{body})"
            gname = f"g{index}_{len(owned)}"
            owned.append(gname)
            assert cls.slot is not None
            groups[gname] = Group(index, cls.slot, bool(end), cid)
            return f"(?P<{gname}>{body})"

        body = _REF.sub(ref, e.template)
        try:
            re.compile(body)
        except re.error as exc:
            raise GrammarError(e.id, f"template does not compile: {exc}") from exc
        alternatives.append(f"(?P<t{index}>{_OPEN}(?:{body}){_CLOSE})")
        templates.append(Template(e.id, tuple(owned), dict(e.fixed), e.mode))
    return alternatives, templates, groups


def _numerals(classes: Mapping[str, DateEntry]) -> dict[str, int]:
    return {w: int(_value(v)) for e in classes.values() if e.slot == "numeral" for w, v in e.words.items()}


def _value(v: int | str | DateWord) -> int | str:
    return v.value if isinstance(v, DateWord) else v


def _class_id(lang: str, name: str, classes: Mapping[str, DateEntry]) -> str | None:
    for cid in (f"{lang}_{name}", f"und_{name}"):
        if cid in classes:
            return cid
    return None


def _number_patterns(numerals: Mapping[str, int], count_classes: list[DateEntry]) -> dict[str, str]:
    """Digits, numerals (二〇二〇, 十二, 二十一) and count words for each number slot."""
    out = dict(_DIGITS)
    if numerals:
        digit = "[" + "".join(re.escape(c) for c, v in numerals.items() if v < 10) + "]"
        tens = "[" + "".join(re.escape(c) for c, v in numerals.items() if v == 10) + "]"
        small = f"{digit}?{tens}{digit}?|{digit}" if tens != "[]" else digit
        out["year"] = f"{_DIGITS['year']}|{digit}{{4}}"
        for slot in ("roc_year", "month", "day", "count", "quarter"):
            out[slot] = f"{_DIGITS[slot]}|{small}"
    count_words = [fold_phrase(w) for e in count_classes for w in e.words]
    if count_words:
        out["count"] = "|".join(re.escape(w) for w in sorted(count_words, key=len, reverse=True)) + "|" + out["count"]
    return out


def _alternation(cls: DateEntry) -> str:
    parts = []
    for word in sorted(cls.words, key=lambda w: (-len(w), w)):
        value = cls.words[word]
        folded = fold_phrase(word)
        text = re.escape(folded)
        if isinstance(value, DateWord):
            # checked after the word so that the lookbehinds run only where the word matched
            text += "".join(f"(?<!{re.escape(fold_phrase(p) + folded)})" for p in value.not_preceded_by)
            if value.followed_by:
                text += "(?=" + "|".join(re.escape(fold_phrase(p)) for p in value.followed_by) + "|$)"
            if value.not_followed_by:
                text += "(?!" + "|".join(re.escape(fold_phrase(p)) for p in value.not_followed_by) + ")"
        parts.append(text)
    return "|".join(parts)


def _phrase_pattern(phrases: list[str], *, bounded: bool = True) -> re.Pattern[str] | None:
    """One pattern for a cue list; ASCII words only match as whole words."""
    if not phrases:
        return None
    alts = []
    for p in sorted(set(phrases), key=lambda p: (-len(p), p)):
        text = re.escape(p)
        if bounded and p[:1].isascii() and p[:1].isalnum():
            # checked after the phrase, so that every alternative starts with a literal and re
            # can skip ahead to the next possible first character
            text += f"(?<!{_ASCII_WORD}{re.escape(p)})"
        if bounded and p[-1:].isascii() and p[-1:].isalnum():
            text += f"(?!{_ASCII_WORD})"
        alts.append(text)
    return re.compile("|".join(alts))
