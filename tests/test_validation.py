"""mkdocs.yml `validation:` makes every doubtful internal link a warning, so --strict stops.

MkDocs 1.6 only logs a broken anchor or an absolute link at INFO level by default, which a
strict build lets through; each case here is added to a copy of the site and must fail it.
"""

from __future__ import annotations

import pytest

from conftest import SUBPATH, build_site
from conftest import copy_site

BROKEN_LINKS = {
    "anchor": ("[julistus](declaration.md#no-such-anchor)", "no-such-anchor"),
    "page": ("[puuttuu](no-such-page.md)", "no-such-page.md"),
    "absolute": ("[tapahtumat](/events/)", "/events/"),
}


@pytest.mark.parametrize("kind", BROKEN_LINKS)
def test_a_broken_internal_link_fails_the_strict_build(tmp_path, kind):
    link, named = BROKEN_LINKS[kind]
    copy = copy_site(tmp_path / "src")
    page = copy / "docs" / "index.fi.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{link}\n", encoding="utf-8")
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000" + SUBPATH, config=copy / "mkdocs.yml")
    assert result.returncode != 0, f"the strict build let a broken {kind} link through"
    assert "index.fi.md" in result.stderr and named in result.stderr, result.stderr[-2000:]
