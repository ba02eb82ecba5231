"""MAINTENANCE.md stays true: the tests it names exist, and it lists every template override
and every hook priority that depends on the order of Material's and i18n's own events."""

from __future__ import annotations

import re

from conftest import ROOT

DOC = (ROOT / "MAINTENANCE.md").read_text(encoding="utf-8")


def defined_tests() -> set[str]:
    return {name for path in (ROOT / "tests").glob("test_*.py")
            for name in re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M)}


def test_every_test_named_in_the_maintenance_note_exists():
    named = set(re.findall(r"`(test_\w+)`", DOC))
    assert named, "MAINTENANCE.md names no test"
    assert sorted(named - defined_tests()) == [], "MAINTENANCE.md names tests that do not exist (renamed?)"


def test_every_template_override_is_listed():
    overrides = sorted(p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides").rglob("*.html"))
    missing = [name for name in overrides if name.rsplit("/", 1)[-1] not in DOC]
    assert missing == [], "add these overrides to MAINTENANCE.md with the test that guards them"


def test_every_hook_priority_is_listed():
    priorities = [(path.name, number) for path in sorted((ROOT / "hooks").glob("*.py"))
                  for number in re.findall(r"@event_priority\((-?\d+)\)", path.read_text(encoding="utf-8"))]
    assert priorities, "no @event_priority in hooks/"
    missing = [f"hooks/{name}: {number}" for name, number in priorities
               if f"hooks/{name}" not in DOC or f"event_priority({number})" not in DOC]
    assert missing == [], "explain these priorities in MAINTENANCE.md"
