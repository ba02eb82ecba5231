"""Publishes the data files' JSON Schemas with the site, once per build run.

Owns: `schemas/<file>.schema.json` at the site root, copied from data/schemas/ in the default
language's pass, so that the published data can name its schema and other tools can read it.
The files are generated from hooks/_data.py by `make schemas`; tests/test_schemas.py keeps
them current.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from _site import current_locale, site_languages

SOURCE = Path("data") / "schemas"
TARGET = "schemas"


def on_post_build(config: MkDocsConfig) -> None:
    if current_locale(config) != site_languages(config)[0].locale:
        return
    source = Path(config.config_file_path).parent / SOURCE
    schemas = sorted(source.glob("*.schema.json"))
    if not schemas:
        raise PluginError(f"{SOURCE.as_posix()}/ has no *.schema.json files; run `make schemas`")
    target = Path(config.site_dir) / TARGET
    target.mkdir(parents=True, exist_ok=True)
    for schema in schemas:
        shutil.copyfile(schema, target / schema.name)
