"""Many inputs into the store, resumably: ``local`` runs in this process (``ingest_paths``).

Nothing is imported here, so that importing ``tealeaves.batch`` does not load DuckDB or the readers.
"""
