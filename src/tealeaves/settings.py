"""Run settings, built once by the CLI (or a service) and passed down; never a global."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    """Limits and thresholds that a caller may change; the defaults are what the CLI uses."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = Field(50 * 1024 * 1024, gt=0, description="files larger than this are refused")
    encoding: str | None = Field(None, description="force this encoding instead of detecting one")
    batch_size: int = Field(50, gt=0, description="documents written per store transaction")
    knowledge_dir: Path | None = Field(None, description="a knowledge data folder replacing the bundled one")
