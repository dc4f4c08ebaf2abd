"""The article's two main states: the states it names most, the title's counting extra.

Counterpart inference rests on them (extract/dyads.py): in a US-China article, an act of one side
with no named object is taken to be directed at the other, and a both-sides word (双方) names them.
"""

from __future__ import annotations

from collections.abc import Mapping

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document
from tealeaves.text.normalize import make_view
from tealeaves.text.scan import find_phrases

TITLE_WEIGHT = 5
"""How many mentions a state named in the title counts for: the title names the article's parties."""


def title_states(doc: Document, kb: KnowledgeBase) -> list[str]:
    """The states of the actors named in the title (a person, a ministry, a country, a role), one
    per name, in title order; empty without a title."""
    title = doc.meta.title
    if not title:
        return []
    out: list[str] = []
    for match in find_phrases(make_view(title), kb.alias_index):
        for target in match.payloads:
            state: str | None = None
            if target.kind == "states":
                state = target.id
            elif target.kind == "persons" and target.id in kb.persons:
                state = kb.persons[target.id].state
            elif target.kind == "organizations" and target.id in kb.organizations:
                state = kb.organizations[target.id].state
            elif target.kind == "places" and target.id in kb.places and kb.places[target.id].category == "country":
                state = kb.places[target.id].state
            elif target.kind == "roles" and target.id in kb.roles and not target.bare:
                state = kb.roles[target.id].state
            if state:
                out.append(state)
                break
    return out


def top_two(counts: Mapping[str, int], first: Mapping[str, int]) -> tuple[str, str] | None:
    """The two states of ``counts`` named most (ties: the one named first, by ``first`` position),
    or None when fewer than two states are named."""
    if len(counts) < 2:
        return None
    ranked = sorted(counts, key=lambda s: (-counts[s], first.get(s, 1 << 62)))
    return ranked[0], ranked[1]
