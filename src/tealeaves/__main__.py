"""Run the command line: ``python -m tealeaves``."""

from tealeaves.cli import app

app()
