"""Extractors: Document + KnowledgeBase -> items with evidence (one pipeline stage per module)."""
