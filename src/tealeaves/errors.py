"""The exception hierarchy of tealeaves.

Every error a user can meet is one of these, and ``str(err)`` is one line, ``"path: reason"``::

    TealeavesError          base; .path (Path | None) and .reason (str)
    +-- InputError          an article file cannot be read (empty, binary, too big, undecodable, malformed)
    +-- KnowledgeError      a knowledge data file is invalid
    +-- GoldError           a gold file does not follow SCHEMA.md
    +-- StoreError          the database is locked, newer than this code, or a migration failed
    +-- ConfigError         options or settings that cannot work together

Low-level helpers that only see bytes raise with ``path=None``; the function that opened the file
fills the path in with :func:`about` as the error passes through.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class TealeavesError(Exception):
    """Base of every tealeaves error; one line naming the file (when known) and the reason."""

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        self.reason = " ".join(str(reason).split())
        self.path: Path | None = Path(path) if path is not None else None
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.path is None:
            return self.reason
        return f"{self.path}: {self.reason}"

    def with_path(self, path: Path | str) -> TealeavesError:
        """Return this error with its path set (only when none was set before)."""
        if self.path is None:
            self.path = Path(path)
            self.args = (str(self),)
        return self


class InputError(TealeavesError):
    """An article file cannot be read: empty, binary, too big, undecodable or malformed."""


class KnowledgeError(TealeavesError):
    """A knowledge data file is invalid: the message names the file, the entry and the field."""


class GoldError(TealeavesError):
    """A gold file does not follow the evaluation format of SCHEMA.md."""


class StoreError(TealeavesError):
    """The store cannot be used: locked, newer than this code, or a migration failed."""


class ConfigError(TealeavesError):
    """Options or settings that cannot work together."""


@contextmanager
def about(path: Path | str) -> Iterator[None]:
    """Attach ``path`` to any TealeavesError raised inside the block that does not name a file yet.

    Example::

        with about(path):
            text = decode_bytes(raw)   # raises InputError("binary file") -> "a.txt: binary file"
    """
    try:
        yield
    except TealeavesError as exc:
        exc.with_path(path)
        raise
