"""tools/compare_engines.py: what it accepts as the same site and what it reports.

The real comparison of MkDocs and ProperDocs runs as `make engines` (its own virtualenv,
.venv-properdocs) in the Checks workflow; these tests check the comparison itself.
"""

from __future__ import annotations

import gzip

from tools.compare_engines import compare_trees

PAGE = '<html><head><meta name="generator" content="{}"></head><body>{}</body></html>\n'


def tree(root, files: dict[str, bytes]):
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_trees_that_differ_only_in_the_engine_name_agree(tmp_path):
    mkdocs = tree(tmp_path / "a", {"index.html": PAGE.format("mkdocs-1.6.1", "Hei").encode(),
                                   "sitemap.xml.gz": gzip.compress(b"<urlset/>", mtime=1)})
    properdocs = tree(tmp_path / "b", {"index.html": PAGE.format("properdocs-1.6.7", "Hei").encode(),
                                       "sitemap.xml.gz": gzip.compress(b"<urlset/>", mtime=2)})
    assert compare_trees(mkdocs, properdocs) == []


def test_a_changed_page_and_a_missing_file_are_reported(tmp_path):
    mkdocs = tree(tmp_path / "a", {"index.html": PAGE.format("mkdocs-1.6.1", "Hei").encode(),
                                   "en/index.html": b"x"})
    properdocs = tree(tmp_path / "b", {"index.html": PAGE.format("properdocs-1.6.7", "Moi").encode()})
    report = compare_trees(mkdocs, properdocs)
    assert report[:2] == ["only in the mkdocs build: en/index.html", "differs: index.html"]
    assert any(line.strip().startswith("-") and "Hei" in line for line in report)
    assert any(line.strip().startswith("+") and "Moi" in line for line in report)
