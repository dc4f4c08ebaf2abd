"""Text to views and offsets: normalisation, sentence boundaries, phrase scanning."""
