"""Preview builds: `SITE_PREVIEW=<label>` (with SITE_URL set to the preview's address).

Owns, in a preview only: `<meta name="robots" content="noindex">` in every HTML page
(`partials/preview-robots.html`), the template variable `site_preview` (the label) shown
by `partials/preview-banner.html` in Material's announce bar, and the removal of
`sitemap.xml` and `sitemap.xml.gz`, so search engines are not led to the preview.
Links stay inside the preview's address because every URL is built from SITE_URL.

A page that is not in the navigation is only noted, not a warning that stops the build: a
preview is built with main's mkdocs.yml (tools/preview_tree.py), so a pull request's new
page has no nav entry there. Its checks still stop on it until mkdocs.yml lists it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from _listing import render
from _passes import AFTER_ALL_LANGUAGES, is_final_pass
from _preview import preview_label

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if preview_label():
        config.validation.nav.omitted_files = logging.INFO
        # A page the pull request renames is still in main's menu, by its old name, which the
        # preview's files no longer have (session 33f: no rename could be previewed).
        config.validation.nav.not_found = logging.INFO
    return config


def on_env(env, config: MkDocsConfig, files):
    env.globals["site_preview"] = preview_label()
    return env


def with_robots_meta(html: str) -> str:
    """The page with the noindex meta element at the end of its <head>."""
    if "</head>" not in html:
        return html
    return html.replace("</head>", str(render("partials/preview-robots.html")) + "</head>", 1)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_robots_meta(output) if preview_label() else output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages built from a template alone, such as 404.html."""
    return with_robots_meta(output) if preview_label() and template_name.endswith(".html") else output


@event_priority(AFTER_ALL_LANGUAGES)  # after every language's pass has written its sitemap
def on_post_build(config: MkDocsConfig) -> None:
    if preview_label() and is_final_pass(config):
        for name in SITEMAPS:
            (Path(config.site_dir) / name).unlink(missing_ok=True)
