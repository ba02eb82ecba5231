"""The lock files agree with their inputs, without the network.

requirements*.in hold the top-level pins an editor changes; requirements*.txt are written from
them by `make lock` (pip-compile --generate-hashes) and are all that the Makefile and CI install.
A lock that no longer matches its input (a pin changed in the .in, `make lock` forgotten)
fails here with the command to run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ROOT

# Each lock and the input it is compiled from.
LOCKS = {
    "requirements.txt": "requirements.in",
    "requirements-dev.txt": "requirements-dev.in",
    "requirements-properdocs.txt": "requirements-properdocs.in",
}
BUILD_LOCK = "requirements.txt"
FIX = "run `make lock` and commit the lock files"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#\\]+)")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")
COMPILE_FLAGS = ("--generate-hashes", "--allow-unsafe", "--strip-extras")


def normalise(name: str) -> str:
    """A package name as PyPI compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def input_pins(path: Path) -> dict[str, str]:
    """Top-level pins of a requirements input, including the files it names with -r."""
    pins: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            pins.update(input_pins(path.parent / line[3:].strip()))
        elif line and not line.startswith("-"):
            match = PIN.match(line)
            assert match, f"{path.name}: {line!r} is not an exact pin (name==version)"
            pins[normalise(match[1])] = match[2]
    return pins


@dataclass
class LockEntry:
    version: str
    hashes: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)


def lock_entries(path: Path) -> dict[str, LockEntry]:
    """The packages of a pip-compile lock: version, hashes and the "via" annotations."""
    entries: dict[str, LockEntry] = {}
    current: LockEntry | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if match := PIN.match(line):
            current = entries[normalise(match[1])] = LockEntry(match[2])
            current.hashes += HASH.findall(line)
        elif current and stripped.startswith("--hash="):
            current.hashes += HASH.findall(stripped)
        elif current and stripped.startswith("#") and stripped not in ("#", "# via"):
            current.via.append(stripped.lstrip("# ").removeprefix("via ").strip())
        elif stripped and not stripped.startswith("#"):
            current = None
    return entries


def lock_problems(input_path: Path, lock_path: Path) -> list[str]:
    """Every way the lock disagrees with its input, one line each."""
    problems = []
    lines = lock_path.read_text(encoding="utf-8").splitlines()
    header = lines[:lines.index(next(line for line in lines if not line.startswith("#")))]
    command = next((line for line in header if line.lstrip("# ").startswith("pip-compile ")), "")
    if not command.rstrip().endswith(f" {input_path.name}"):
        problems.append(f"{lock_path.name}: the header does not name pip-compile with the input {input_path.name}")
    problems += [f"{lock_path.name}: pip-compile without {flag}" for flag in COMPILE_FLAGS if flag not in command]
    pins, entries = input_pins(input_path), lock_entries(lock_path)
    for name, version in pins.items():
        locked = entries.get(name)
        if locked is None:
            problems.append(f"{lock_path.name}: {name}=={version} from {input_path.name} is missing")
        elif locked.version != version:
            problems.append(f"{lock_path.name}: {name} is {locked.version}, {input_path.name} pins {version}")
    own_inputs = {f"-r {input_path.name}"} | {f"-r {p}" for p in _included_inputs(input_path)}
    for name, entry in entries.items():
        if not entry.hashes:
            problems.append(f"{lock_path.name}: {name}=={entry.version} has no --hash")
        if name not in pins and own_inputs & set(entry.via):
            problems.append(f"{lock_path.name}: {name} is no longer a pin of {input_path.name}")
    return problems


def _included_inputs(path: Path) -> list[str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line[3:].strip() for line in lines if line.startswith("-r ")]


@pytest.mark.parametrize("lock", LOCKS)
def test_lock_matches_its_input(lock):
    problems = lock_problems(ROOT / LOCKS[lock], ROOT / lock)
    assert problems == [], f"{FIX}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lock", [name for name in LOCKS if name != BUILD_LOCK])
def test_lock_pins_the_builds_versions(lock):
    """The tests and the second engine run the very packages the build runs."""
    build, other = lock_entries(ROOT / BUILD_LOCK), lock_entries(ROOT / lock)
    differ = [f"{name}: {BUILD_LOCK} {build[name].version}, {lock} {other[name].version}"
              for name in build.keys() & other.keys() if build[name].version != other[name].version]
    missing = sorted(build.keys() - other.keys())
    assert (differ, missing) == ([], []), f"{FIX}: the locks disagree"


def test_pip_tools_is_a_dev_pin():
    assert "pip-tools" in input_pins(ROOT / "requirements-dev.in")


def test_makefile_installs_only_locks_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = re.findall(r"pip install ([^\n]*)", makefile)
    assert installs, "no pip install in the Makefile"
    assert [i for i in installs if "--require-hashes" not in i or not re.search(r"-r requirements[\w-]*\.txt$", i)] == []
    for stamp, lock in ((".build-deps", "requirements.txt"), (".dev-deps", "requirements-dev.txt"),
                        (".deps", "requirements-properdocs.txt")):
        assert re.search(rf"^\S*/{re.escape(stamp)}: {re.escape(lock)}\b", makefile, re.M), \
            f"the Makefile stamp {stamp} must depend on {lock} so a changed lock reinstalls"


# The checker itself: each kind of drift is found (a test that cannot fail is a defect).
LOCK_HEADER = """#
# This file is autogenerated by pip-compile with Python 3.11
# by the following command:
#
#    pip-compile --allow-unsafe --generate-hashes --output-file=req.txt --strip-extras req.in
#
"""
H1, H2 = "--hash=sha256:" + "a" * 64, "--hash=sha256:" + "b" * 64


def write_pair(tmp_path: Path, pins: str, lock_body: str) -> tuple[Path, Path]:
    (tmp_path / "req.in").write_text(pins, encoding="utf-8")
    (tmp_path / "req.txt").write_text(LOCK_HEADER + lock_body, encoding="utf-8")
    return tmp_path / "req.in", tmp_path / "req.txt"


GOOD_LOCK = f"""mkdocs==1.6.1 \\
    {H1} \\
    {H2}
    # via -r req.in
pyyaml==6.0.3 \\
    {H1}
    # via
    #   -r req.in
    #   mkdocs
"""


def test_checker_accepts_a_current_lock(tmp_path):
    assert lock_problems(*write_pair(tmp_path, "mkdocs==1.6.1\nPyYAML==6.0.3\n", GOOD_LOCK)) == []


def test_checker_finds_a_changed_pin(tmp_path):
    problems = lock_problems(*write_pair(tmp_path, "mkdocs==1.6.2\nPyYAML==6.0.3\n", GOOD_LOCK))
    assert problems == ["req.txt: mkdocs is 1.6.1, req.in pins 1.6.2"]


def test_checker_finds_a_new_and_a_removed_pin(tmp_path):
    problems = lock_problems(*write_pair(tmp_path, "mkdocs==1.6.1\nBabel==2.17.0\n", GOOD_LOCK))
    assert problems == ["req.txt: babel==2.17.0 from req.in is missing",
                        "req.txt: pyyaml is no longer a pin of req.in"]


def test_checker_finds_a_package_without_hashes(tmp_path):
    body = GOOD_LOCK.replace(f"pyyaml==6.0.3 \\\n    {H1}\n", "pyyaml==6.0.3\n")
    problems = lock_problems(*write_pair(tmp_path, "mkdocs==1.6.1\nPyYAML==6.0.3\n", body))
    assert problems == ["req.txt: pyyaml==6.0.3 has no --hash"]


def test_checker_finds_a_lock_of_another_input(tmp_path):
    pins, lock = write_pair(tmp_path, "mkdocs==1.6.1\nPyYAML==6.0.3\n",
                            GOOD_LOCK.replace("-r req.in", "-r other.in"))
    lock.write_text(lock.read_text().replace(" req.in\n", " other.in\n").replace(" --generate-hashes", ""))
    assert lock_problems(pins, lock) == [
        "req.txt: the header does not name pip-compile with the input req.in",
        "req.txt: pip-compile without --generate-hashes",
    ]
