"""GitHub annotations for data problems: escaping, format, and a real failing build in Actions."""

from __future__ import annotations

import re
import sys

import pytest

from conftest import ROOT, build_site, free_port
from conftest import copy_site

sys.path.insert(0, str(ROOT / "hooks"))

from _annotations import (  # noqa: E402
    escape_data, escape_property, github_annotations, printable, without_workflow_commands, workflow_command,
)
from _data import Problem  # noqa: E402


def test_message_escapes_percent_and_line_breaks():
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"


def test_percent_is_escaped_first_so_escapes_in_the_text_survive():
    assert escape_data("literally %0A") == "literally %250A"


def test_property_also_escapes_colon_and_comma():
    assert escape_property("data/events.yml: a,b%\n") == "data/events.yml%3A a%2Cb%25%0A"


def test_problem_becomes_one_error_line_with_file_line_and_title():
    problem = Problem("data/events.yml", 14, "events[id=ai-ethics-2019].timezone",
                      "'Europe/Helsingfors' is not a known time zone (did you mean 'Europe/Helsinki'?)")
    assert github_annotations([problem]) == [
        "::error file=data/events.yml,line=14,title=data/events.yml%3A events[id=ai-ethics-2019].timezone"
        "::'Europe/Helsingfors' is not a known time zone (did you mean 'Europe/Helsinki'?)"
    ]


def test_every_problem_gives_exactly_one_line_in_order():
    problems = [
        Problem("data/partners.yml", 3, "partners[0].url", "expected a web address starting with https://,\ngot 'http://x'"),
        Problem("data/events.yml", 9, "events[1].start", "'2019-02-30' is not a real date (day is out of range for month)"),
    ]
    lines = github_annotations(problems)
    assert [line.splitlines() == [line] for line in lines] == [True, True]
    assert lines[0] == ("::error file=data/partners.yml,line=3,title=data/partners.yml%3A partners[0].url"
                        "::expected a web address starting with https://,%0Agot 'http://x'")
    assert lines[1].startswith("::error file=data/events.yml,line=9,title=data/events.yml%3A events[1].start::")


def test_a_problem_without_a_line_leaves_the_line_out():
    assert github_annotations([Problem("data/events.yml", 0, "(file)", "the data file is missing")]) == [
        "::error file=data/events.yml,title=data/events.yml%3A (file)::the data file is missing"
    ]


def test_warning_level_and_unknown_level():
    assert workflow_command("warning", "older", file="docs/a.en.md") == "::warning file=docs/a.en.md::older"
    assert workflow_command("notice", "plain") == "::notice::plain"
    with pytest.raises(ValueError):
        workflow_command("fatal", "no such level")


def test_failing_build_in_github_actions_annotates_the_bad_line(tmp_path):
    """A real strict build with GITHUB_ACTIONS=true and an unknown time zone in data/events.yml."""
    copy_site(tmp_path)
    events = tmp_path / "data" / "events.yml"
    lines = events.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines, 1) if re.match(r"^\s+timezone:\s*\S", line))
    lines[number - 1] = re.sub(r"timezone:.*", "timezone: Europe/Helsingfors", lines[number - 1])
    events.write_text("\n".join(lines), encoding="utf-8")

    result = build_site(tmp_path / "site", f"http://127.0.0.1:{free_port()}/", {"GITHUB_ACTIONS": "true"},
                        config=tmp_path / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    annotation = re.compile(
        rf"^::error file=data/events\.yml,line={number},title=data/events\.yml%3A events\[[^\]]+\]\.timezone"
        r"::'Europe/Helsingfors' is not a known time zone", re.M)
    assert annotation.search(result.stdout), output


def test_no_line_of_a_log_message_starts_a_workflow_command():
    assert without_workflow_commands("a link to 'images/.x\n::notice title=T::safe' which is excluded") == (
        "a link to 'images/.x\\n::notice title=T::safe' which is excluded")
    assert without_workflow_commands("one\r\n   ::add-mask::x\rtwo\n  - three") == "one\\n   ::add-mask::x\ntwo\n  - three"
    assert without_workflow_commands("::first line keeps its place, after the log's own prefix") == (
        "::first line keeps its place, after the log's own prefix")
    # The runner's older form counts anywhere in a line (hunt 21a).
    assert without_workflow_commands("a link to 'templates/##[notice title=Review]safe.svg'") == (
        "a link to 'templates/\\x23#[notice title=Review]safe.svg'")
    assert printable("x ##[error]y\n") == "x \\x23#[error]y\\n"


def test_a_link_decoded_into_a_workflow_command_by_mkdocs_stays_inside_its_log_line(tmp_path):
    """MkDocs logs a page's links decoded: `%0A::notice…` in a link gave a line of the log that
    the Actions runner obeyed, and showed as a "Maintainer review" note (hunt 20b)."""
    copy_site(tmp_path)
    link = "[x](a%0A::notice%20title=Maintainer%20review::safe.md) [y](b%0D%0A%20%20::error%20title=Review::safe.md)"
    for name in ("privacy.fi.md", "privacy.en.md"):
        page = tmp_path / "docs" / name
        page.write_text(page.read_text() + "\n" + link + "\n")
    output = github_actions_build(tmp_path)
    assert "Maintainer review" in output and "title=Review" in output  # the messages are there, on their lines
    commands = [line for line in re.split(r"\r\n|\r|\n", output) if line.lstrip().startswith("::")]
    assert commands and all(line.startswith("::error file=docs/") for line in commands), commands


def test_a_file_name_with_a_line_break_stops_the_build_even_where_mkdocs_leaves_the_file_out(tmp_path):
    """A name under a dot folder is not published, but MkDocs names it in its log (hunt 20b)."""
    copy_site(tmp_path)
    (tmp_path / "docs/images/.x\n::notice title=Maintainer review::safe").write_text("x")
    output = github_actions_build(tmp_path)
    assert "docs/images/.x\\n::notice title=Maintainer review::safe: a file or folder name here may hold only" in output
    assert not [line for line in output.splitlines() if line.lstrip().startswith("::notice")]


def github_actions_build(root) -> str:
    """The output of a strict build of the copy at `root` as GitHub Actions runs it, which fails."""
    result = build_site(root / "site", f"http://127.0.0.1:{free_port()}/", {"GITHUB_ACTIONS": "true"},
                        config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert "Traceback" not in output and result.returncode != 0, output[-2000:]
    return output
