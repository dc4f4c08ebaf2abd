"""The DuckDB store of analyses (``db``: open and migrate; ``repository``: save and query; ``rows``: flatten).

Nothing is imported here, so that importing ``tealeaves.store`` does not load DuckDB.
"""
