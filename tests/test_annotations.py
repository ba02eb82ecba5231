"""GitHub annotations for data problems: escaping, format, and a real failing build in Actions."""

from __future__ import annotations

import re
import sys

import pytest

from conftest import ROOT, build_site, free_port
from conftest import copy_site

sys.path.insert(0, str(ROOT / "hooks"))

from _annotations import escape_data, escape_property, github_annotations, workflow_command  # noqa: E402
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
