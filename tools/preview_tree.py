"""Main's code with a pull request's pages and data: `python3 preview_tree.py origin/main`.

Run in a checkout of a pull request's head before anything else runs there. Every file
that is not content (see `is_content`) is made the same as in the given commit of main:
changed ones are written back, ones that main lacks are deleted, ones the pull request
deleted come back. The preview is then built by main's reviewed code from the pull
request's pages, images and data, which the build treats as untrusted (SECURITY.md), so
nothing a pull request changes in hooks, templates, the Makefile, the requirements, the
site's script or style sheet runs or is published at the site's address before review.
The pull request's commits stay checked out, so page dates still come from its history.

The deploy workflow runs main's copy of this file (`git show`), never the branch's, and
uses only the standard library, so nothing is imported from the pull request's tree.
Prints the paths it changed; exits with 1, naming the path, if the result is not exact.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

DOCS_DIR = "docs"
# What editors change: the pages and images under docs/ and the data files. Everything else,
# the site's own script and style sheet under docs/ included, is code or settings that a
# developer reviews (SECURITY.md, "What is trusted"). tests/test_preview_tree.py checks
# these folders against extra_css and extra_javascript in mkdocs.yml.
CODE_UNDER_DOCS = ("javascripts/", "stylesheets/")
SYMLINK_MODE = "120000"
EXECUTABLE_MODE = "100755"


def is_content(path: str, docs_dir: str = DOCS_DIR) -> bool:
    """A page, image or other file under docs/ (not its code folders, nor git's own files,
    which git obeys at checkout), or a data/*.yml file."""
    if path.startswith(docs_dir + "/"):
        inside = path[len(docs_dir) + 1:]
        return not inside.startswith(CODE_UNDER_DOCS) and not inside.rpartition("/")[2].startswith(".git")
    return path.startswith("data/") and path.count("/") == 1 and path.endswith(".yml")


def code(text: str, in_table: bool = False) -> str:
    """`text` as a Markdown code span that nothing in it can end, for the run summaries of this
    tool and tools/pr_summary.py: names and data values come from the pull request, and a
    backtick in them would turn the rest into Markdown (a link in the summary, say). A pipe
    would end a table cell, so in a table it is escaped."""
    text = printable(" ".join(text.splitlines()))  # the Deploy run prints these lines into its log (hunt 24a)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""  # CommonMark drops one space on each side
    if in_table:
        text = text.replace("|", "\\|")
    return f"{fence}{pad}{text}{pad}{fence}"


# Unicode's Default_Ignorable_Code_Point, as hooks/_html.py has it (this tool runs alone).
DEFAULT_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")


def printable(text: str) -> str:
    """`text` for one line of the log, its control characters as escapes: a path with a new
    line in it wrote a workflow command into the Deploy run's log (hunt 20b). The same rule
    as hooks/_annotations.py's, which this tool, run from main's copy alone, cannot import."""
    escaped = re.sub("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]", lambda match: ascii(match.group())[1:-1], text)
    # What a reader cannot see, direction controls among them: "screenshot" U+202E "gnp.yml"
    # showed a workflow as "screenshotlmy.png" in the pull request's summary (hunt 24a).
    escaped = DEFAULT_IGNORABLE.sub(lambda match: ascii(match.group())[1:-1], escaped)
    return escaped.replace("##[", "\\x23#[")  # the runner's older form of a command, anywhere in a line


def tree_entries(root: Path, commit: str) -> dict[str, tuple[str, str]]:
    """Every file of `commit` as path -> (mode, blob id)."""
    return {path: (mode, blob) for path, (mode, kind, blob) in _listing(root, commit).items() if kind == "blob"}


def submodules(root: Path, commit: str) -> list[str]:
    """The paths where `commit` links another repository (a "gitlink"): no file, an empty folder."""
    return sorted(path for path, (_mode, kind, _id) in _listing(root, commit).items() if kind == "commit")


def _listing(root: Path, commit: str) -> dict[str, tuple[str, str, str]]:
    listing = os.fsdecode(_git(root, "ls-tree", "-r", "-z", "--full-tree", commit))  # names as the file system has them
    entries = {}
    for record in filter(None, listing.split("\0")):
        meta, path = record.split("\t", 1)
        mode, kind, object_id = meta.split()
        entries[path] = (mode, kind, object_id)
    return entries


def use_code_of(root: Path, commit: str, docs_dir: str = DOCS_DIR) -> list[str]:
    """Makes every non-content file of the checkout that of `commit`; returns the paths changed.

    Looks at the files git tracks in HEAD and in `commit`: in a fresh checkout, before any
    of the pull request's code has run, there are no others (and a developer's .venv stays).
    """
    # A submodule where code belongs is checked out as an empty folder that main's file cannot
    # replace here; the preview is refused rather than built without main's file.
    for path in submodules(root, "HEAD"):
        if not is_content(path, docs_dir):
            raise SystemExit(f"preview_tree: {printable(path)} is a submodule (a link to another repository) where main has "
                             "code or settings; the preview is not built")
    wanted = _not_content(tree_entries(root, commit), docs_dir)
    tracked = _not_content(tree_entries(root, "HEAD"), docs_dir)
    hashing = _object_hash(root)
    changed = set()
    for path in sorted(tracked):
        file = root / path
        if os.path.lexists(file) and (path not in wanted or not _same(file, wanted[path], hashing)):
            _remove(root, file)
            changed.add(path)
    for path, entry in sorted(wanted.items()):
        if not _within_folders(root, path) or not os.path.lexists(root / path):
            _write(root, path, entry)
            changed.add(path)
    for path in sorted(set(tracked) | set(wanted)):
        file = root / path
        # A folder may stand where the branch had a file: main's files are in it.
        there = _within_folders(root, path) and (file.is_symlink() or file.is_file())
        if there != (path in wanted) or (there and not _same(file, wanted[path], hashing)):
            raise SystemExit(f"preview_tree: {printable(path)} is not {printable(commit)}'s after the change; the "
                             "preview is not built")
    return sorted(changed)


def _not_content(entries: dict[str, tuple[str, str]], docs_dir: str) -> dict[str, tuple[str, str]]:
    return {path: entry for path, entry in entries.items() if not is_content(path, docs_dir)}


def _object_hash(root: Path):
    """Git's object id of a file's bytes ("blob <size>\\0" and the bytes), in the repository's hash."""
    algorithm = getattr(hashlib, _git(root, "rev-parse", "--show-object-format").decode().strip())

    def object_id(data: bytes) -> str:
        return algorithm(b"blob %d\0" % len(data) + data).hexdigest()
    return object_id


def _same(file: Path, entry: tuple[str, str], object_id) -> bool:
    """The file is `entry` byte for byte, as a link, an executable or a plain file as it says."""
    mode, blob = entry
    info = file.lstat()
    if mode == SYMLINK_MODE:
        return stat.S_ISLNK(info.st_mode) and object_id(os.fsencode(os.readlink(file))) == blob
    if not stat.S_ISREG(info.st_mode) or bool(info.st_mode & stat.S_IXUSR) != (mode == EXECUTABLE_MODE):
        return False
    # Compared by bytes, not trusted to git: a .gitattributes of the pull request may have
    # changed line ends or the encoding of a file it did not change.
    return object_id(file.read_bytes()) == blob


def _within_folders(root: Path, path: str) -> bool:
    """Every folder on the way to `path` is a real folder, not a link or a file."""
    folder = root
    for part in Path(path).parts[:-1]:
        folder = folder / part
        if folder.is_symlink() or not folder.is_dir():
            return False
    return True


def _remove(root: Path, file: Path) -> None:
    """Deletes a file or link, then the folders it leaves empty."""
    file.unlink()
    folder = file.parent
    while folder != root and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _write(root: Path, path: str, entry: tuple[str, str]) -> None:
    """Writes main's file, with nothing on its way that is not a real folder."""
    mode, blob = entry
    folder = root
    for part in Path(path).parts[:-1]:
        folder = folder / part
        if os.path.lexists(folder) and not (folder.is_dir() and not folder.is_symlink()):
            folder.unlink()  # a file or link where main has a folder: main's code wins
        folder.mkdir(exist_ok=True)
    target = root / path
    data = _blob(root, blob)
    if mode == SYMLINK_MODE:
        os.symlink(os.fsdecode(data), target)
        return
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(target, flags, 0o755 if mode == EXECUTABLE_MODE else 0o644), "wb") as out:
        out.write(data)


def _blob(root: Path, blob: str) -> bytes:
    return _git(root, "cat-file", "blob", blob)


def _git(root: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=True).stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commit", help="main's commit whose code the preview is built with, e.g. origin/main")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the checkout (default: the current folder)")
    args = parser.parse_args(argv)
    changed = use_code_of(args.root.resolve(), args.commit)
    if changed:
        print(f"The preview is built with {args.commit}'s code and settings; these files were made "
              f"the same as there ({len(changed)}):")
        print("\n".join(f"- {code(path)}" for path in changed))
    else:
        print(f"Code and settings are the same as {args.commit}'s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
