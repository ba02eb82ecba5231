"""The repository's address, from the environment rather than from a name written in mkdocs.yml.

Owns: `repo_url`, `repo_name` and `edit_uri`. The address is `REPO_URL` when set (a full
https:// address: forks, mirrors), else GitHub's own `GITHUB_REPOSITORY` (set in every GitHub
Actions run, e.g. `city-of-helsinki/digital-declaration`) on `GITHUB_SERVER_URL`. Without
either there is no repository link and no "Edit this page" link at all: the site never shows
an address that nobody checked.

Also checks the site's own address (`site_url`, from `SITE_URL`). Both addresses go into
every page as they are (Material's templates and the footer do not escape them), so each
must be a plain address: no quote, space or angle bracket could end the attribute it is in.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# A host, an optional port and a path of the characters an address needs (RFC 3986's
# unreserved characters, "/" and "%" escapes): nothing that ends an HTML attribute.
PLAIN_ADDRESS = re.compile(r"(https?)://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~%/-]*)?")
REPOSITORY_NAME = re.compile(r"[A-Za-z0-9._-]+/[A-Za-z0-9._-]+")


def repository_url(environ) -> str | None:
    """The repository's web address from REPO_URL or GITHUB_REPOSITORY, or None."""
    explicit = (environ.get("REPO_URL") or "").strip()
    if explicit:
        if not _plain(explicit, "https"):
            raise PluginError(f"REPO_URL must be a plain https:// address (letters, digits and - . _ ~ / %), "
                              f"got {explicit!r}")
        return explicit.rstrip("/")
    repository = (environ.get("GITHUB_REPOSITORY") or "").strip()
    if repository:
        server = (environ.get("GITHUB_SERVER_URL") or "https://github.com").rstrip("/")
        if not REPOSITORY_NAME.fullmatch(repository) or not _plain(server, "https"):
            raise PluginError(f"GITHUB_REPOSITORY must be owner/name on a plain https:// GITHUB_SERVER_URL, "
                              f"got {repository!r} on {server!r}")
        return f"{server}/{repository}"
    return None


def _plain(url: str, *schemes: str) -> bool:
    match = PLAIN_ADDRESS.fullmatch(url)
    return bool(match) and match.group(1) in schemes


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site_url = config.site_url or ""
    if site_url and not _plain(site_url, "http", "https"):
        raise PluginError(f"SITE_URL must be a plain http:// or https:// address (letters, digits and - . _ ~ / %), "
                          f"got {site_url!r}")
    return _with_repository(config)


def _with_repository(config: MkDocsConfig) -> MkDocsConfig:
    url = repository_url(os.environ)
    config.repo_url = url
    config.repo_name = urlsplit(url).path.strip("/") if url else None
    if not url:
        config.edit_uri = None
    return config
