"""Domain knowledge as validated data: actors, roles, places, cues, units, date words."""

from tealeaves.knowledge.base import AliasTarget, KnowledgeBase
from tealeaves.knowledge.loader import load_knowledge

__all__ = ["AliasTarget", "KnowledgeBase", "load_knowledge"]
