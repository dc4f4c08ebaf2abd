"""A compiled multi-phrase index (Aho-Corasick) and the folding that both phrases and text views use.

Phrases and the text are folded the same way (ASCII lower case, full-width forms to half-width), one
character to one character, so that a match in the folded view has the same offsets in the original.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Generic, TypeVar

T = TypeVar("T")


def _fold_table() -> dict[int, int]:
    table = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII forms
    table.update({cp: cp - 0xFEE0 + 32 for cp in range(0xFF21, 0xFF3B)})  # full-width capitals
    table.update({cp: cp + 32 for cp in range(ord("A"), ord("Z") + 1)})
    table[0x3000] = 0x20  # ideographic space
    return table


_FOLD_TABLE = _fold_table()


def fold_phrase(text: str) -> str:
    """Fold case and width one character to one character (the result has the same length).

    Only ASCII letters change case, so offsets never shift (``str.lower`` can lengthen some letters).
    """
    return text.translate(_FOLD_TABLE)


class PhraseIndex(Generic[T]):
    """Folded phrase -> payloads, for an Aho-Corasick scan.

    Build it at knowledge-load time; scanning lives in ``tealeaves.text.scan``, which compiles it
    for the Rust automaton on first use.

    Example::

        index = PhraseIndex({"贝森特": ("scott_bessent",), "Bessent": ("scott_bessent",)})
        index.lookup("bessent")  # -> ("scott_bessent",)
    """

    def __init__(self, phrases: Mapping[str, Iterable[T]]) -> None:
        merged: dict[str, list[T]] = {}
        for phrase, payloads in phrases.items():
            key = fold_phrase(phrase.strip())
            if not key:
                continue
            bucket = merged.setdefault(key, [])
            for p in payloads:
                if p not in bucket:
                    bucket.append(p)
        self._table: dict[str, tuple[T, ...]] = {k: tuple(v) for k, v in merged.items()}

    def __len__(self) -> int:
        return len(self._table)

    def lookup(self, phrase: str) -> tuple[T, ...]:
        """Payloads of exactly this phrase (folded), or an empty tuple."""
        return self._table.get(fold_phrase(phrase), ())

    def phrases(self) -> tuple[str, ...]:
        """Every folded phrase in the index."""
        return tuple(self._table)
