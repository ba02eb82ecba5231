"""Problems that other hooks find before the pages are read, told by hooks/guards.py with the
pages' own problems (session 34e: a new page outside the menu stopped the build with that
message alone, and hid the page's own problems and every other page's).

Most wait for the last language's pass. Those added as `before_rendering` stop the build in
the pass they are found in, before a page is put into its template: a page cannot be made
while they stand (a citation of a source data/sources.yml does not hold).
"""

from __future__ import annotations

_problems: list = []  # _pages.Problem or _data.Problem, until the build stops with them
_before_rendering: list = [False]


def add(problems, before_rendering: bool = False) -> None:
    problems = list(problems)
    _problems.extend(problems)
    _before_rendering[0] = _before_rendering[0] or (before_rendering and bool(problems))


def block_rendering() -> bool:
    """Whether a problem added stops the build before the pages are put into templates."""
    return _before_rendering[0]


def take() -> list:
    """The problems added so far, which are then forgotten (for the next build run)."""
    taken = list(_problems)
    _problems.clear()
    _before_rendering[0] = False
    return taken
