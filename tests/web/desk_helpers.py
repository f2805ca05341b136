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


AXE = ROOT / "tests" / "web" / "vendor" / "axe-core" / "axe.min.js"
#: The rules run: WCAG 2.0/2.1 levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Impacts that fail a test.
AXE_FAIL = ("serious", "critical")


def axe_violations(pg) -> list[str]:
    """The page's serious and critical WCAG A/AA violations found by axe-core, one line each.

    The script is evaluated through the DevTools protocol, which the page's
    Content-Security-Policy (no inline script) does not govern; the desk never serves it.
    """
    if not pg.evaluate("() => typeof window.axe !== 'undefined'"):
        pg.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = pg.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    out = []
    for v in result["violations"]:
        if v["impact"] in AXE_FAIL:
            targets = [" ".join(map(str, n["target"])) for n in v["nodes"][:5]]
            out.append(f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} nodes: {targets})")
    return out
