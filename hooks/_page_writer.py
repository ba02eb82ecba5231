"""Pages whose largest part is written straight to the file, never held as one string.

No MkDocs import. A hook puts a slot (an HTML comment with 128 random bits, which no page
can hold by chance or by an editor's design) where a listing belongs; the page goes through
MkDocs' template and the other hooks small; the last `on_post_page` writes the file with
the slot filled piece by piece and returns an empty page, which MkDocs does not write
(mkdocs/commands/build.py, `_build_page`). MkDocs then logs "Page skipped" at INFO level;
that line is dropped for the pages written here, and only for them.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from pathlib import Path
from typing import Iterable, Iterator, Mapping

_SKIPPED = "Page skipped: '{}'. Generated empty output."  # MkDocs 1.6's wording


# The ids each slot's content will hold, so that the check for an id used twice on a page
# (hooks/guards.py) sees them before the content is written: slot -> ids.
_slot_ids: dict[str, frozenset[str]] = {}


# A slot given a name is the same text in every build run of the process, so that under
# `mkdocs serve` a page whose listing sits in it is, before the slot is filled, the same text
# as in the build before, and the checks of its finished page are kept (hooks/_tree.py). The
# process's own random word keeps such slots as unknown to a page as the others.
_PROCESS_WORD = secrets.token_hex(16)


def new_slot(ids: Iterable[str] = (), name: str | None = None) -> str:
    """A new slot, or the slot `name` of this process (one use of a name at a time); `ids`,
    the ids of the elements that will fill it."""
    word = secrets.token_hex(16) if name is None else hashlib.sha256(f"{_PROCESS_WORD}:{name}".encode()).hexdigest()[:32]
    slot = f"<!--site-slot-{word}-->"
    if ids:
        _slot_ids[slot] = frozenset(ids)
    return slot


def ids_in_slots(text: str) -> list[str]:
    """The ids that the slots in `text` will hold once filled."""
    return [element_id for slot, ids in _slot_ids.items() if slot in text for element_id in sorted(ids)]


def forget_slot(slot: str) -> None:
    _slot_ids.pop(slot, None)


def forget_all_slots() -> None:
    """After a failed build: its slots will never be filled (`mkdocs serve` builds again)."""
    _slot_ids.clear()


def fill_slots(text: str, parts: Mapping[str, Iterable[str]]) -> Iterator[str]:
    """`text` with each slot, in the order of `parts` (their order in the text), replaced by
    its part's strings: "".join(fill_slots(...)) is text.replace(slot, "".join(part)) for each."""
    rest = text
    for slot, part in parts.items():
        before, found, rest = rest.partition(slot)
        if not found:
            raise ValueError(f"slot {slot} is not in the text, or not in the order given")
        yield before
        yield from part
    yield rest


def write_page(path: str, pieces: Iterable[str], src_uri: str) -> None:
    """Write the pieces as MkDocs writes a page (UTF-8, characters it cannot encode as
    character references), and keep its "Page skipped" line for this page out of the log."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8", errors="xmlcharrefreplace", newline="") as out:
        for piece in pieces:
            out.write(piece)
    _written_here().messages.add(_SKIPPED.format(src_uri))


class _WrittenHere(logging.Filter):
    """Drops MkDocs' "Page skipped" record of each page written here, once."""

    def __init__(self):
        super().__init__("site-page-writer")
        self.messages: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message in self.messages:
            self.messages.discard(message)
            return False
        return True


def _written_here() -> _WrittenHere:
    logger = logging.getLogger("mkdocs.commands.build")
    found = next((f for f in logger.filters if getattr(f, "name", "") == "site-page-writer"), None)
    if found is None:
        found = _WrittenHere()
        logger.addFilter(found)
    return found
