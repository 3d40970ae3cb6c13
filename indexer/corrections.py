"""Making a correction: check it against the served generation, then write the file safely.

Every edit runs under an exclusive `flock` of `index_dir/.corrections.lock` (not the
indexer's lock: corrections can be made while `trawl index` runs), re-reads the file,
refuses a stale edit (the editor read another version: `expected_version`), checks that the
new entry applies to the current generation, and replaces the file atomically (temp file,
fsync, os.replace). A refused edit changes nothing.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from search.corrections import (
    ARGUMENTS,
    Correction,
    CorrectionError,
    MalformedCorrections,
    StaleCorrections,
    active,
    check_correction,
    corrections_path,
    dump_corrections,
    parse_corrections,
    version_of,
)
from search.entity_corrections import apply_corrections

LOCK_NAME = ".corrections.lock"


@dataclass(frozen=True)
class Edit:
    """A correction written: the entry, the file's new version, entries it made inapplicable."""

    entry: Correction
    version: str
    skipped: dict[str, str]


@contextmanager
def _locked(index_dir: Path) -> Iterator[None]:
    fd = os.open(index_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock


def read_file(index_dir: Path) -> tuple[list[Correction], str]:
    """(entries, version) of the file; MalformedCorrections if it cannot be read as one."""
    path = corrections_path(index_dir)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [], version_of(None)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedCorrections(f"{path}: not UTF-8 text") from None
    return parse_corrections(text, str(path)), version_of(data)


def write_file(index_dir: Path, entries: list[Correction]) -> str:
    """Replace the file atomically; returns its new version."""
    data = dump_corrections(entries).encode("utf-8")
    path = corrections_path(index_dir)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    return version_of(data)


def next_id(entries: list[Correction]) -> str:
    numbers = [int(e.id[1:]) for e in entries if e.id[:1] == "c" and e.id[1:].isdigit()]
    return f"c{max(numbers, default=0) + 1}"


def correct(index_dir: str | os.PathLike, gen, fields: dict[str, str], via: str,
            expected_version: str | None = None) -> Edit:
    """Add one correction (`fields`: op, facet, value and the op's argument; for undo the
    target id, or none for the last change) after checking it applies to generation `gen`
    (search.generation.Generation); CorrectionError / StaleCorrections / MalformedCorrections
    say why not, and nothing is written then."""
    root = Path(index_dir)
    _check_fields(fields)
    with _locked(root):
        entries, version = read_file(root)
        _check_version(expected_version, version)
        entry = _new_entry(entries, fields, via)
        before, after = _statuses(gen, entries, entry)
        new_version = write_file(root, [*entries, entry])
    skipped = {i: s for i, s in after.items() if s.startswith("skipped") and before.get(i) != s}
    return Edit(entry, new_version, skipped)


#: the fields a correction may carry: op, facet, value and the ops' arguments
CORRECTION_FIELDS = frozenset({"op", "facet", "value"}).union(*ARGUMENTS.values())


def _check_fields(fields: dict[str, str]) -> None:
    unknown = sorted(set(fields) - CORRECTION_FIELDS)
    if unknown:
        raise CorrectionError(f"unknown field(s): {', '.join(unknown)}")


def _check_version(expected_version: str | None, version: str) -> None:
    """StaleCorrections when the editor read another version of the file than there is now."""
    if expected_version is not None and expected_version != version:
        raise StaleCorrections(
            f"the corrections changed since you read them (version {expected_version}, "
            f"now {version}): reload and try again")


def _new_entry(entries: list[Correction], fields: dict[str, str], via: str) -> Correction:
    """The next entry of the file, numbered and dated; an undo names what it takes back."""
    entry = Correction(
        id=next_id(entries), when=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        via=via, **{k: str(v).strip() for k, v in fields.items() if v is not None})
    if entry.op == "undo":
        entry = replace(entry, target=_undo_target(entries, entry.target))
    check_correction(entry)
    return entry


def _statuses(gen, entries: list[Correction],
              entry: Correction) -> tuple[dict[str, str], dict[str, str]]:
    """Every entry's status on `gen` before and after the new entry; CorrectionError when
    the new entry itself would be skipped."""
    before = _status(gen, entries)
    after = _status(gen, [*entries, entry])
    if after.get(entry.id, "").startswith("skipped: "):
        raise CorrectionError(after[entry.id].removeprefix("skipped: "))
    return before, after


def _status(gen, entries: list[Correction]) -> dict[str, str]:
    return apply_corrections(gen.resolved.entities, gen.surface, entries)[1]


def _undo_target(entries: list[Correction], target: str) -> str:
    """The id an undo takes back: `target`, or the last change still in effect."""
    changes, undone = active(entries)
    if not target.strip() or target == "last":
        if not changes:
            raise CorrectionError("there is no change to undo")
        return changes[-1].id
    found = next((e for e in entries if e.id == target), None)
    if found is None:
        raise CorrectionError(f"no correction with id {target!r}")
    if found.op == "undo":
        raise CorrectionError(f"{target} is an undo; make the change again instead")
    if target in undone:
        raise CorrectionError(f"{target} is already undone")
    return target
