"""Helpers shared by the desk's browser tests."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "out" / "screenshots"


def serve_command(db: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from saidwhat.cli.main import main; main()",
        "--db",
        str(db),
        "-q",
        "serve",
        *args,
    ]


def screenshot(pg, name: str) -> Path:
    """Save a full-page screenshot as a test artefact (out/screenshots/NAME.png)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path
