"""Whether this build is a preview (SITE_PREVIEW=<label>), and its label. No MkDocs import."""

from __future__ import annotations

import os


def preview_label() -> str | None:
    """The preview's label (such as "pr-12"), or None for the published site."""
    label = os.environ.get("SITE_PREVIEW", "").strip()
    return label or None
