"""Settings read once from environment variables, with defaults that work on a laptop."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Settings:
    database_url: str
    widget_dir: Path
    rasa_public_url: str
    admin_token: str | None = None

    @classmethod
    def from_env(cls) -> Settings:
        default_db = PROJECT_ROOT / "var" / "sociale_kaart.db"
        return cls(
            database_url=os.environ.get("SOCIALE_KAART_DATABASE_URL", f"sqlite:///{default_db}"),
            widget_dir=Path(os.environ.get("WIDGET_DIR", PROJECT_ROOT / "widget")),
            rasa_public_url=os.environ.get("RASA_PUBLIC_URL", "http://localhost:5005"),
            admin_token=os.environ.get("SOCIALE_KAART_ADMIN_TOKEN") or None,
        )


settings = Settings.from_env()
