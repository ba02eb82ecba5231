"""Problems that other hooks find before the pages are read, told by hooks/guards.py with the
pages' own problems (session 34e: a new page outside the menu stopped the build with that
message alone, and hid the page's own problems and every other page's)."""

from __future__ import annotations

_problems: list = []  # _pages.Problem, until the build stops with them


def add(problems) -> None:
    _problems.extend(problems)


def take() -> list:
    """The problems added so far, which are then forgotten (for the next build run)."""
    taken = list(_problems)
    _problems.clear()
    return taken
