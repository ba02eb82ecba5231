"""Build the site with MkDocs and with ProperDocs and print every difference: `make engines`.

ProperDocs (the maintained fork of MkDocs 1.6) is the project's exit should MkDocs 1.x or
Material stop working; this proves on every pull request that the exit still works. Both
builds read the same mkdocs.yml with the same SITE_URL and SOURCE_DATE_EPOCH, so the two
trees must be identical except for what names the engine or the build time (the
<meta name="generator"> tag, where a template prints one); those lines are compared after
masking them. Exit status 0 when the trees agree, 1 when they differ, 2 when a build fails.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# 2026-11-25 12:00 UTC, as in the tests: a fixed build time makes the trees comparable.
SOURCE_DATE_EPOCH = "1795608000"
SITE_URL = "http://127.0.0.1:8000/digital-declaration/"
# What may differ between engines: the generator name and version, and a build timestamp.
ENGINE_SPECIFIC = [
    (re.compile(rb'(<meta name="generator" content=")[^"]*(")'), rb"\1ENGINE\2"),
    (re.compile(rb"\b(?:mkdocs|properdocs)-\d+(?:\.\d+)+"), b"ENGINE-VERSION"),
    (re.compile(rb"(build_date_utc|Build Date UTC)[^<\n]*"), rb"\1 BUILD-TIME"),
]
MAX_DIFF_LINES = 40


def build(engine: str, config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """A strict build with one engine's command-line program (`mkdocs` or `properdocs`)."""
    env = {**os.environ, "SITE_URL": SITE_URL, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
           "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("GITHUB_ACTIONS", None)  # the hooks' annotations would differ in nothing but noise
    return subprocess.run(
        [engine, "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=config.parent, env=env, capture_output=True, text=True,
    )


def files(tree: Path) -> set[str]:
    return {str(p.relative_to(tree)) for p in tree.rglob("*") if p.is_file()}


def content(path: Path) -> bytes:
    """A built file's bytes; a .gz file's uncompressed bytes (its header carries a time)."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def masked(data: bytes) -> bytes:
    for pattern, replacement in ENGINE_SPECIFIC:
        data = pattern.sub(replacement, data)
    return data


def compare_trees(first: Path, second: Path, names: tuple[str, str] = ("mkdocs", "properdocs")) -> list[str]:
    """Every difference between two built sites, as printable lines; [] when they agree."""
    first_files, second_files = files(first), files(second)
    report = [f"only in the {names[0]} build: {name}" for name in sorted(first_files - second_files)]
    report += [f"only in the {names[1]} build: {name}" for name in sorted(second_files - first_files)]
    for name in sorted(first_files & second_files):
        a, b = content(first / name), content(second / name)
        if a == b or masked(a) == masked(b):
            continue
        report.append(f"differs: {name}")
        try:
            diff = difflib.unified_diff(masked(a).decode().splitlines(), masked(b).decode().splitlines(),
                                        f"{names[0]}/{name}", f"{names[1]}/{name}", lineterm="", n=1)
            report += [f"    {line}" for line in list(diff)[:MAX_DIFF_LINES]]
        except UnicodeDecodeError:
            report.append(f"    binary: {len(a)} bytes against {len(b)} bytes")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mkdocs", default="mkdocs", help="the mkdocs program")
    parser.add_argument("--properdocs", default="properdocs", help="the properdocs program (its own virtualenv)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep both trees")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="engines-") as scratch:
        out = args.keep or Path(scratch)
        trees = {}
        for name, program in (("mkdocs", args.mkdocs), ("properdocs", args.properdocs)):
            trees[name] = out / name
            result = build(program, args.config.resolve(), trees[name])
            if result.returncode != 0:
                print(f"The {name} build failed ({program}, exit {result.returncode}):", file=sys.stderr)
                print("\n".join(result.stderr.splitlines()[-30:]), file=sys.stderr)
                return 2
        report = compare_trees(trees["mkdocs"], trees["properdocs"])
        count = len(files(trees["mkdocs"]))
    if report:
        print("\n".join(report))
        print(f"MkDocs and ProperDocs built different sites: {sum(line.startswith(('differs', 'only')) for line in report)} "
              f"of {count} files differ (see above).")
        return 1
    print(f"MkDocs and ProperDocs built the same site: {count} files identical "
          "(apart from any generator tag and build time).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
