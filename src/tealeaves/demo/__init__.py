"""The bundled demo corpus: short articles we wrote about real, public US–China trade events."""

from __future__ import annotations

from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent / "articles"
"""Folder of the demo articles (front-matter .txt files and one .jsonl file)."""
