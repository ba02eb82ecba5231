"""A copy of what the build reads, for tests and benchmarks that change a file and build again."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")


def copy_site(target: Path, data: Path | None = None) -> Path:
    """Copy the site's sources into `target` (created if needed); returns `target`. With
    `data`, the files in that folder take the place of the site's data files of their names."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    for file in sorted(data.iterdir()) if data else ():
        shutil.copy2(file, target / "data" / file.name)
    return target
