"""GitHub Actions annotations: each data problem shown on its line of the pull request.

No MkDocs import and no printing: callers print the lines to standard output, and only in
GitHub Actions (where the environment variable GITHUB_ACTIONS is "true"). One problem gives
    ::error file=data/events.yml,line=14,title=data/events.yml%3A events[id=x].timezone::'Europe/Helsingfors' is not a known time zone
Values are escaped as the Actions runner expects of workflow commands: '%', CR and LF in
the message; also ':' and ',' in the properties (file, line, title).
"""

from __future__ import annotations

import logging
import re
from typing import Iterable, Protocol

from _html import DEFAULT_IGNORABLE

LEVELS = ("error", "warning", "notice")


class _Problem(Protocol):  # hooks/_data.Problem, without importing the data layer
    file: str
    line: int
    field: str
    message: str


# Control characters, line and paragraph separators, and lone surrogates; and what a reader
# cannot see, direction controls among them ("screenshot" U+202E "gnp.yml" read as
# "screenshotlmy.png", hunt 24a).
_UNPRINTABLE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]|{DEFAULT_IGNORABLE.pattern}")


# The runner's older form of a command, `##[notice]…`, counts anywhere in a line (hunt 21a).
_OLD_COMMAND = "##["


def printable(text: str) -> str:
    """`text` for one line of a log, its control characters shown as escapes ("\\n"): the
    Actions runner obeys a log line that starts with "::" as a workflow command, and a file
    name with a new line in it wrote one (hunt 17c); and "##[" as "\\x23#[", the runner's
    older form of a command, which needs no line of its own."""
    return _UNPRINTABLE.sub(lambda match: ascii(match.group())[1:-1], text).replace(_OLD_COMMAND, "\\x23#[")


# How the Actions runner splits a log into lines, and what it takes for a command: a line
# that starts with "::" after white space (the runner trims it first), or "##[" anywhere.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_COMMAND_LINE = re.compile(r"\s*::")


def without_workflow_commands(text: str) -> str:
    """`text` with every line after the first that would start a workflow command joined to
    the line before it, its line break shown as "\\n", and the older form "##[" shown as
    "\\x23#[" wherever it stands."""
    lines = _LINE_BREAK.split(text.replace(_OLD_COMMAND, "\\x23#["))
    kept = lines[:1]
    for line in lines[1:]:
        if _COMMAND_LINE.match(line):
            kept[-1] += "\\n" + line
        else:
            kept.append(line)
    return "\n".join(kept)


class NoWorkflowCommands(logging.Filter):
    """Keeps the lines of every log message from being read as workflow commands. MkDocs logs
    the links of a page decoded: a link to `images/.x%0A::notice%20…` put a line starting with
    "::notice" into the build's log, which the runner showed as an annotation (hunt 20b)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        kept = without_workflow_commands(message)
        if kept != message:
            record.msg, record.args = kept, None
        return True


def keep_workflow_commands_out_of_logs(*loggers: logging.Logger) -> None:
    """NoWorkflowCommands on every handler of `loggers`, once (a handler's filter sees the records
    of child loggers too, a logger's own does not)."""
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(f, NoWorkflowCommands) for f in handler.filters):
                handler.addFilter(NoWorkflowCommands())


def escape_data(text: str) -> str:
    """The message of a workflow command."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value of a workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(level: str, message: str, **properties: object) -> str:
    """`::level key=value,...::message`; properties that are None are left out, in given order."""
    if level not in LEVELS:
        raise ValueError(f"unknown annotation level {level!r}; expected one of {', '.join(LEVELS)}")
    given = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{level}{' ' + given if given else ''}::{escape_data(message)}"


def github_annotations(problems: Iterable[_Problem], level: str = "error") -> list[str]:
    """One annotation line per problem, in the order given."""
    return [
        workflow_command(
            level,
            problem.message,
            file=problem.file,
            line=problem.line if isinstance(problem.line, int) and problem.line > 0 else None,
            title=f"{problem.file}: {problem.field}",
        )
        for problem in problems
    ]
