"""Where to report a security problem: `/.well-known/security.txt` (RFC 9116).

Owns: `.well-known/security.txt` in the site folder. Its Contact is the repository's form for
private vulnerability reports and its Policy the repository's security policy (SECURITY.md),
both on the repository's address (`hooks/repository.py`). Both are GitHub's own pages, so the
file is written only for a repository on github.com: a local build, or a repository elsewhere,
gets no file rather than an address nobody checked. Expires is the build time plus mkdocs.yml
`extra.security_txt.valid_days`; the nightly deployment moves it on, and a site that is no
longer deployed stops vouching for its contact. A preview (`hooks/preview.py`) gets none.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _listing import build_now
from _passes import AFTER_ALL_LANGUAGES, is_final_pass
from _preview import preview_label
from _site import site_languages

PATH = ".well-known/security.txt"
MAX_VALID_DAYS = 365  # RFC 9116: "less than a year into the future"


def security_txt_fields(repo_url: str | None, site_url: str | None, now: datetime, valid_days: int,
                        languages: list[str]) -> list[tuple[str, str]] | None:
    """The file's fields in order, or None when the repository is not one on github.com."""
    parts = urlsplit(repo_url or "")
    if parts.scheme != "https" or parts.netloc != "github.com" or parts.path.strip("/").count("/") != 1:
        return None
    repository = f"https://github.com/{parts.path.strip('/')}"
    fields = [
        ("Contact", f"{repository}/security/advisories/new"),
        ("Expires", f"{now + timedelta(days=valid_days):%Y-%m-%dT%H:%M:%SZ}"),
        ("Preferred-Languages", ", ".join(languages)),
    ]
    if site_url:
        fields.append(("Canonical", site_url.rstrip("/") + "/" + PATH))
    fields.append(("Policy", f"{repository}/security/policy"))
    return fields


def valid_days(config: MkDocsConfig) -> int:
    block = (config.extra or {}).get("security_txt")
    days = block.get("valid_days") if isinstance(block, dict) else None
    if type(days) is not int or not 1 <= days < MAX_VALID_DAYS:
        raise PluginError(f"mkdocs.yml: extra.security_txt.valid_days: expected a number of days from 1 to "
                          f"{MAX_VALID_DAYS - 1}, got {days!r}")
    return days


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    valid_days(config)  # a mistake in mkdocs.yml stops the build before any page is made
    return config


@event_priority(AFTER_ALL_LANGUAGES)  # once, after every language's pass
def on_post_build(config: MkDocsConfig) -> None:
    if preview_label() or not is_final_pass(config):
        return
    languages = [language.locale for language in site_languages(config)]
    fields = security_txt_fields(config.repo_url, config.site_url, build_now(), valid_days(config), languages)
    if fields is None:
        return
    target = Path(config.site_dir) / PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("".join(f"{name}: {value}\n" for name, value in fields), encoding="utf-8")
