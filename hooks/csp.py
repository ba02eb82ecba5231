"""The Content-Security-Policy of every page, and the check of its referrer policy.

Owns: the `<meta http-equiv="Content-Security-Policy">` of each built HTML page (the 404 page
included), and the check that mkdocs.yml `extra.referrer_policy`, which overrides/main.html
writes into every page, is a policy browsers know. The directives come from mkdocs.yml
`extra.content_security_policy`; script-src
also gets the SHA-256 hash of each inline script in that page as built (hooks/_csp.py), so
no hash is written by hand and none survives a theme upgrade unseen.
"""

from __future__ import annotations

import secrets

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _csp import with_policy
from _passes import AFTER_ALL_LANGUAGES, is_final_pass

# Drawn once per build run (and per `mkdocs serve`): the mark around each page's content,
# which the page itself cannot know and so cannot close early (hooks/_csp.py).
CONTENT_FENCE = secrets.token_hex(16)


# The policies of the W3C Referrer Policy; a browser ignores any other word and falls back
# to its default, which tells other sites this site's address.
REFERRER_POLICIES = (
    "no-referrer", "no-referrer-when-downgrade", "same-origin", "origin", "strict-origin",
    "origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url",
)


def on_config(config: MkDocsConfig):
    policy = (config.extra or {}).get("referrer_policy")
    if policy not in REFERRER_POLICIES:
        raise PluginError(f"mkdocs.yml: extra.referrer_policy must be one of {', '.join(REFERRER_POLICIES)}; "
                          f"found {policy!r}")
    return config


def on_env(env, config: MkDocsConfig, files):
    env.globals["content_fence"] = CONTENT_FENCE
    return env


def _directives(config: MkDocsConfig) -> dict[str, list[str]]:
    directives = (config.extra or {}).get("content_security_policy")
    if not isinstance(directives, dict) or "script-src" not in directives:
        raise PluginError("mkdocs.yml: extra.content_security_policy must map directives to lists of sources, script-src included")
    return {name: [str(source) for source in sources] for name, sources in directives.items()}


# Last of the page hooks that edit the page (hooks/events.py at -300 only writes the Events
# listing, which holds no script a browser runs): the hashes must be taken from the final
# text of each script.
@event_priority(-200)
def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return _with_policy(output, config, f"docs/{page.file.src_uri}")


@event_priority(-200)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output
    return _with_policy(output, config, template_name)


def _with_policy(output: str, config: MkDocsConfig, source: str) -> str:
    """The page with its policy; a page that cannot carry one is not published (MkDocs writes
    no empty page), and the build says which at its end, without a traceback."""
    try:
        return with_policy(output, _directives(config), CONTENT_FENCE)
    except ValueError as error:
        _failures.append(f"{source}: {error}")
        return ""


# Kept until every language is built, as hooks/guards.py keeps its findings: when a page's
# problem is one the checks also found, their messages, with the lines, are the ones shown.
_failures: list[str] = []


@event_priority(AFTER_ALL_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    if is_final_pass(config):
        failures = list(_failures)
        _failures.clear()
        if failures:
            raise PluginError("\n".join(failures))


def on_build_error(error) -> None:
    _failures.clear()  # `mkdocs serve` builds again in the same process
