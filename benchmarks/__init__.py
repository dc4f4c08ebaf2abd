"""Ratio benchmarks of tealeaves (STYLE.md section 7); run them with ``python -m benchmarks``."""
