"""Which pass of a build run this is: mkdocs-static-i18n builds each language in its own pass.

The default language is built first; in its `on_post_build` (priority -100) the plugin
builds every other language, each a full MkDocs build of its own, and then returns. A hook
whose `on_post_build` has a priority below -100 therefore runs once per language, and for
the last time after every language's pages, `sitemap.xml` and calendar files are written.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

# Give on_post_build this priority (or a lower one) when it checks is_final_pass.
AFTER_ALL_LANGUAGES = -200


def is_final_pass(config: MkDocsConfig) -> bool:
    """True in the outermost pass, once every language has been built (or without i18n).

    Only meaningful in an `on_post_build` with priority AFTER_ALL_LANGUAGES: the plugin's
    `building` flag is set while it runs the other languages' passes.
    """
    plugin = config.plugins.get("i18n")
    return plugin is None or not getattr(plugin, "building", False)
