"""Evaluation: gold readings (SCHEMA.md) against predictions, scored per field."""
