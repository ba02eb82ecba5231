"""The repository's address, from the environment rather than from a name written in mkdocs.yml.

Owns: `repo_url`, `repo_name` and `edit_uri`. The address is `REPO_URL` when set (a full
https:// address: forks, mirrors), else GitHub's own `GITHUB_REPOSITORY` (set in every GitHub
Actions run, e.g. `city-of-helsinki/digital-declaration`) on `GITHUB_SERVER_URL`. Without
either there is no repository link and no "Edit this page" link at all: the site never shows
an address that nobody checked.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def repository_url(environ) -> str | None:
    """The repository's web address from REPO_URL or GITHUB_REPOSITORY, or None."""
    explicit = (environ.get("REPO_URL") or "").strip()
    if explicit:
        parts = urlsplit(explicit)
        if parts.scheme != "https" or not parts.netloc:
            raise PluginError(f"REPO_URL must be an https:// address, got {explicit!r}")
        return explicit.rstrip("/")
    repository = (environ.get("GITHUB_REPOSITORY") or "").strip()
    if repository:
        server = (environ.get("GITHUB_SERVER_URL") or "https://github.com").rstrip("/")
        return f"{server}/{repository}"
    return None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    url = repository_url(os.environ)
    config.repo_url = url
    config.repo_name = urlsplit(url).path.strip("/") if url else None
    if not url:
        config.edit_uri = None
    return config
