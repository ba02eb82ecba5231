"""Lighthouse scores of the built site, as a reader's phone gets them.

Run through `make audit` (tools/audit.sh installs the pinned Lighthouse first):

    python -m tools.audit --lighthouse tools/lighthouse/node_modules/.bin/lighthouse [--runs 3]

Builds the site with SITE_URL=http://127.0.0.1:<port>/digital-declaration/, serves it under
that sub-path with gzip the way GitHub Pages does (the tests' server from tests/conftest.py),
and runs Lighthouse (mobile profile, its default) on the home, declaration, events and partners
pages in both languages, several times each, one run at a time. Scores are medians per page and
category. For each category under its target the report lists the audits that failed in the
median run, with the elements, resources or values they name.

Writes bench-results/audit.md and bench-results/audit.json (the raw Lighthouse reports go to
bench-results/lighthouse/) and prints the Markdown. Exit status 0 whether targets are met or not.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

from tests.conftest import LANGUAGE_PREFIX, LANGUAGES, SUBPATH, _GzipHandler, build_site, free_port

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
PAGES = ("", "declaration/", "events/", "partners/", "open-data/")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run")
SCORED_MODES = {"binary", "numeric", "metricSavings"}  # not informative, manual or not applicable
ITEMS_SHOWN = 5


@dataclass(frozen=True)
class FailedAudit:
    id: str
    title: str
    score: float
    display_value: str
    items: list[str]  # the elements (selector and snippet), resources or values it names


@dataclass(frozen=True)
class LighthouseRun:
    scores: dict[str, float]  # category -> 0..1
    failed: dict[str, list[FailedAudit]]  # category -> its audits scoring below 1
    benchmark_index: float  # Lighthouse's measure of the machine's speed in that run; lower is busier


@dataclass(frozen=True)
class PageResult:
    page: str  # path below the site root, e.g. "en/events/"
    runs: list[LighthouseRun]

    def median(self, category: str) -> float:
        return statistics.median(run.scores[category] for run in self.runs)

    def median_run(self, category: str) -> LighthouseRun:
        """The run whose score in `category` is the median (the lower middle one for even counts)."""
        ordered = sorted(self.runs, key=lambda run: run.scores[category])
        return ordered[(len(ordered) - 1) // 2]


# ---------------------------------------------------------------- reading a report


def _item_text(item: dict) -> str | None:
    """What a row of an audit's details points at, in a line."""
    node = item.get("node") or {}
    if node.get("selector") or node.get("snippet"):
        label = f" ({node['nodeLabel']})" if node.get("nodeLabel") else ""
        return f"`{node.get('selector', '')}` {node.get('snippet', '')}{label}".strip()
    source = item.get("source")
    url = item.get("url") or (source.get("url") if isinstance(source, dict) else None)
    if url:
        return str(url)
    for key in ("description", "label", "name", "value"):
        if isinstance(item.get(key), (str, int, float)):
            return str(item[key])
    return None


def _failed_audit(audit: dict) -> FailedAudit:
    rows = (audit.get("details") or {}).get("items") or []
    items = [text for text in map(_item_text, rows) if text][:ITEMS_SHOWN]
    if len(rows) > ITEMS_SHOWN:
        items.append(f"… {len(rows) - ITEMS_SHOWN} more")
    return FailedAudit(audit["id"], audit["title"], audit["score"], audit.get("displayValue", ""), items)


def parse_report(report: dict) -> LighthouseRun:
    """Category scores, and for each category the scored audits below 1."""
    scores, failed = {}, {}
    for category in TARGETS:
        data = report["categories"][category]
        scores[category] = data["score"] or 0.0
        audits = (report["audits"][ref["id"]] for ref in data["auditRefs"])
        failed[category] = [
            _failed_audit(audit) for audit in audits
            if audit.get("scoreDisplayMode") in SCORED_MODES and audit.get("score") is not None and audit["score"] < 1
        ]
    return LighthouseRun(scores, failed, report.get("environment", {}).get("benchmarkIndex", 0.0))


# ---------------------------------------------------------------- running Lighthouse


@contextmanager
def served_site() -> Iterator[str]:
    """Build the site into a temporary folder and serve it; yields the site's URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUBPATH}"
    with tempfile.TemporaryDirectory(prefix="audit-site-") as site_dir:
        result = build_site(Path(site_dir), url)
        if result.returncode != 0:
            raise SystemExit(f"The strict build failed:\n{result.stdout}{result.stderr}")
        server = ThreadingHTTPServer(("127.0.0.1", port), partial(_GzipHandler, directory=site_dir))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield url
        finally:
            server.shutdown()


def run_lighthouse(lighthouse: Path, url: str, report_path: Path) -> dict:
    """One Lighthouse run (mobile, the default profile); returns its JSON report."""
    command = [
        str(lighthouse), url, "--output=json", f"--output-path={report_path}", "--quiet",
        f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(TARGETS),
        "--no-enable-error-reporting",
    ]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not report_path.exists():
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stdout[-2000:]}{result.stderr[-3000:]}")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise SystemExit(f"Lighthouse could not audit {url}: {report['runtimeError']}")
    return report


def audit_pages(lighthouse: Path, runs: int, reports_dir: Path) -> list[PageResult]:
    """Every page in every language, `runs` times each, one run at a time."""
    reports_dir.mkdir(parents=True, exist_ok=True)
    pages = [LANGUAGE_PREFIX[lang] + page for lang in LANGUAGES for page in PAGES]
    results = {page: [] for page in pages}
    with served_site() as site_url:
        for number in range(1, runs + 1):  # round by round, so drift is spread over all pages
            for page in pages:
                name = (page.strip("/").replace("/", "-") or "home") + f"-{number}.json"
                report = run_lighthouse(lighthouse, site_url + page, reports_dir / name)
                run = parse_report(report)
                results[page].append(run)
                scores = " ".join(f"{category} {score:.2f}" for category, score in run.scores.items())
                print(f"  /{page:<16} run {number}/{runs}  {scores}", file=sys.stderr, flush=True)
    return [PageResult(page, page_runs) for page, page_runs in results.items()]


# ---------------------------------------------------------------- report


def _cell(score: float, target: float) -> str:
    return f"{score:.2f}" if score >= target else f"**{score:.2f}** ✗"


def markdown_report(meta: dict, results: list[PageResult]) -> str:
    header = "| page | " + " | ".join(TARGETS) + " |\n|" + " --- |" * (len(TARGETS) + 1)
    rows = [f"| /{r.page} | " + " | ".join(_cell(r.median(c), t) for c, t in TARGETS.items()) + " |" for r in results]
    verdicts = ["| category | target | lowest median | |", "| --- | --- | --- | --- |"]
    for category, target in TARGETS.items():
        lowest = min(r.median(category) for r in results)
        verdicts.append(f"| {category} | ≥ {target:g} | {lowest:.2f} | {'met' if lowest >= target else '**missed**'} |")
    indexes = [run.benchmark_index for result in results for run in result.runs]
    parts = [
        "# Lighthouse audit",
        f"{meta['started']}; Lighthouse {meta['lighthouse']}, mobile profile (simulated throttling), "
        f"{meta['runs']} runs per page, medians; site served with gzip under {SUBPATH} on 127.0.0.1. "
        f"Lighthouse's benchmark index of this machine ranged {min(indexes):.0f}–{max(indexes):.0f} over the runs "
        "(lower means busier; performance scores drop on a busy machine).",
        header + "\n" + "\n".join(rows),
        "## Targets", "\n".join(verdicts),
        "## Failed audits where a category is under its target (from the median run)",
        failures_section(results),
    ]
    return "\n\n".join(parts) + "\n"


def failures_section(results: list[PageResult]) -> str:
    lines = []
    for result in results:
        for category, target in TARGETS.items():
            if result.median(category) >= target:
                continue
            lines.append(f"### /{result.page}: {category} {result.median(category):.2f}")
            for audit in result.median_run(category).failed[category]:
                value = f" ({audit.display_value})" if audit.display_value else ""
                lines.append(f"- `{audit.id}` {audit.title}: score {audit.score:.2f}{value}")
                lines.extend(f"    - {item}" for item in audit.items)
    return "\n".join(lines) or "None: every category meets its target on every page."


def _lighthouse_version(lighthouse: Path) -> str:
    result = subprocess.run([str(lighthouse), "--version"], capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.audit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lighthouse", type=Path, required=True, help="the lighthouse executable")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (default 3)")
    parser.add_argument("--results", type=Path, default=ROOT / "bench-results", help="output folder")
    args = parser.parse_args(argv)
    meta = {
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "lighthouse": _lighthouse_version(args.lighthouse),
        "runs": args.runs,
        "targets": TARGETS,
    }
    results = audit_pages(args.lighthouse, args.runs, args.results / "lighthouse")
    report = markdown_report(meta, results)
    data = {**meta, "pages": [{**asdict(r), "medians": {c: r.median(c) for c in TARGETS}} for r in results]}
    (args.results / "audit.md").write_text(report, encoding="utf-8")
    (args.results / "audit.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
