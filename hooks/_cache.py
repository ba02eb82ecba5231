"""A cache of the listings' rendered parts for `mkdocs serve`, keyed by the hash of every input.

No MkDocs import. Entries are JSON files in a folder outside docs/ and site/ (the Makefile's
`serve` sets SITE_LISTINGS_CACHE=.cache/listings), each named by the SHA-256 of everything
its value depends on, so an entry can never be stale: a changed input is a new name. The
folder is safe to delete at any time; a missing or unreadable entry is computed again.
JSON rather than pickle: loading a file must not be able to run code. Without
SITE_LISTINGS_CACHE (every `mkdocs build`, the deploy) nothing is read or written.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

# The last entry of each kind in this process (`mkdocs serve` rebuilds in one process): one
# per kind, as a listing of 10,000 events is tens of megabytes.
_memory: dict[str, tuple[str, object]] = {}
_FILES_PER_KIND = 4  # on disk, the newest of each kind ("events-fi"); older ones are removed


def input_hash(*parts) -> str:
    """The SHA-256 of the parts (bytes as they are, anything else as its repr)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def files_hash(paths) -> str:
    """The hash of the files' names and contents (not their modification times)."""
    return input_hash(*(item for path in sorted(paths) for item in (str(path), path.read_bytes())))


class ListingCache:
    """get/put by key; a folder of None is a cache that never holds anything.

    A value from `get` may be the very object an earlier build put: read it, never change it.
    """

    def __init__(self, folder: Path | None):
        self.folder = folder

    @classmethod
    def from_environment(cls, root: Path) -> ListingCache:
        setting = os.environ.get("SITE_LISTINGS_CACHE", "")
        return cls(root / setting if setting else None)

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def get(self, kind: str, key: str):
        if self.folder is None:
            return None
        if _memory.get(kind, ("", None))[0] == key:
            return _memory[kind][1]
        try:
            value = json.loads((self.folder / f"{kind}-{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        _memory[kind] = (key, value)
        return value

    def put(self, kind: str, key: str, value) -> None:
        if self.folder is None:
            return
        name = f"{kind}-{key}"
        _memory[kind] = (key, value)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = self.folder / f".{name}.{os.getpid()}.tmp"
            partial.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
            partial.replace(self.folder / f"{name}.json")  # never a half-written entry
            entries = sorted(self.folder.glob(f"{kind}-*.json"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
            for old in entries[_FILES_PER_KIND:]:
                old.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be written is only slower
