"""A copy of what the build reads, for tests and benchmarks that change a file and build again."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")


def copy_site(target: Path) -> Path:
    """Copy the site's sources into `target` (created if needed); returns `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target
