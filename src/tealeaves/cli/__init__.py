"""The ``tealeaves`` command (``tealeaves.cli:app``): the typer commands in ``commands``, their rich
rendering in ``render``."""

from tealeaves.cli.commands import app

__all__ = ["app"]
