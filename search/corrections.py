"""Analysts' corrections of the entity table: the file format, kept beside the generations.

    index/corrections.yaml

A small YAML file a team can keep under version control: one entry per change, in the order
made, each with an id, when, from where (cli, api, browser) and what. Applying them is one
more stage after the entity rules (search.entity_corrections), so a correction needs no NER
run and no Whoosh write, and it survives `trawl index` and `--rebuild`. An undo is an entry
too (`op: undo, target: c3`), so the file is also the log. Writing it (lock, version check,
atomic replace) is indexer.corrections; this module only reads and writes the text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from search.errors import TrawlError
from search.safe_yaml import first_line, load_yaml

FILE_NAME = "corrections.yaml"
FORMAT_VERSION = 1
#: a corrections file is meant to be small; anything bigger is refused, not parsed
MAX_FILE_CHARS = 4_000_000
MAX_TEXT_CHARS = 200
#: op -> the fields it needs besides `facet` and `value` (undo needs only `target`)
ARGUMENTS: dict[str, tuple[str, ...]] = {
    "merge": ("into",),
    "split": (),
    "retype": ("to",),
    "country": ("country",),
    "drop": (),
    "rename": ("name",),
    "undo": ("target",),
}
OPS = tuple(ARGUMENTS)
SOURCES = ("cli", "api", "browser", "file")
ENTITY_FACETS = ("actor", "place")
HEADER = ("# Trawl entity corrections, applied in order on top of the entity rules.\n"
          "# Edit with `trawl entities ...` or the web app (--allow-edits); see README.\n")


class CorrectionError(TrawlError):
    """A correction that cannot be made: unknown value, merge across facets, bad field..."""

    code = "invalid_correction"


class MalformedCorrections(TrawlError):
    """The corrections file cannot be read; the message names the file and the entry."""

    code = "malformed_corrections"


class StaleCorrections(TrawlError):
    """The file changed since the editor read it (another edit came first)."""

    code = "stale_version"


@dataclass(frozen=True)
class Correction:
    """One entry of the file. `value` is a canonical name or any alias of an entity of
    `facet`; the other fields are the op's arguments (empty when unused)."""

    id: str
    op: str
    facet: str = ""
    value: str = ""
    into: str = ""
    to: str = ""
    country: str = ""
    name: str = ""
    target: str = ""
    when: str = ""
    via: str = "file"

    def as_dict(self) -> dict:
        """The entry as written to the file: the fields it uses, in a stable order."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def describe(self) -> str:
        """One line saying what it does: `merge actor "UN" into "United Nations"`."""
        if self.op == "undo":
            return f"undo {self.target}"
        rest = {"merge": f' into "{self.into}"', "retype": f" to {self.to}",
                "country": f' country "{self.country}"', "rename": f' to "{self.name}"'}
        return f'{self.op} {self.facet} "{self.value}"{rest.get(self.op, "")}'


def check_correction(entry: Correction) -> Correction:
    """The entry if its fields are well formed (not whether its values exist); else
    CorrectionError naming the field."""
    if entry.op not in ARGUMENTS:
        raise CorrectionError(f"unknown op {entry.op!r}; ops are: {', '.join(OPS)}")
    if entry.via not in SOURCES:
        raise CorrectionError(f"via must be one of {', '.join(SOURCES)}, got {entry.via!r}")
    needed = ARGUMENTS[entry.op] if entry.op == "undo" else ("facet", "value",
                                                              *ARGUMENTS[entry.op])
    for name in needed:
        if not getattr(entry, name).strip():
            raise CorrectionError(f"{entry.op} needs {name!r}")
    for f in fields(entry):
        text = getattr(entry, f.name)
        if len(text) > MAX_TEXT_CHARS or any(c in text for c in "\n\r\x00"):
            raise CorrectionError(f"{f.name} must be one line of at most {MAX_TEXT_CHARS} "
                                  "characters")
    if entry.op != "undo" and entry.facet not in ENTITY_FACETS:
        raise CorrectionError(f"facet must be actor or place, got {entry.facet!r}")
    if entry.op == "retype" and entry.to not in ENTITY_FACETS:
        raise CorrectionError(f"retype: 'to' must be actor or place, got {entry.to!r}")
    return entry


def parse_corrections(text: str, source: str = FILE_NAME) -> list[Correction]:
    """The entries of a corrections file; MalformedCorrections naming the file and entry."""
    try:
        raw = load_yaml(text, MAX_FILE_CHARS) if text.strip() else {}
    except yaml.YAMLError as err:
        raise MalformedCorrections(f"{source}: not valid YAML: {first_line(str(err))}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("corrections", []), list):
        raise MalformedCorrections(f"{source}: expected a mapping with a 'corrections' list")
    if raw.get("version", FORMAT_VERSION) != FORMAT_VERSION:
        raise MalformedCorrections(f"{source}: unknown format version {raw.get('version')!r}")
    entries, seen = [], set()
    for number, item in enumerate(raw.get("corrections") or [], start=1):
        entry = _entry(item, f"{source}: entry {number}")
        if entry.id in seen:
            raise MalformedCorrections(f"{source}: entry {number}: id {entry.id!r} repeated")
        seen.add(entry.id)
        entries.append(entry)
    return entries


def _entry(item, where: str) -> Correction:
    known = {f.name for f in fields(Correction)}
    if not isinstance(item, dict):
        raise MalformedCorrections(f"{where}: expected a mapping, got {type(item).__name__}")
    unknown = sorted(str(k) for k in item if k not in known)
    if unknown:
        raise MalformedCorrections(f"{where}: unknown field(s) {', '.join(unknown)}")
    if not item.get("id"):
        raise MalformedCorrections(f"{where}: needs an 'id'")
    try:
        return check_correction(Correction(**{str(k): str(v).strip() for k, v in item.items()
                                              if v is not None}))
    except CorrectionError as err:
        raise MalformedCorrections(f"{where}: {err}") from None


def dump_corrections(entries: list[Correction]) -> str:
    """The file text of a list of entries (one flow mapping per line, readable in diffs)."""
    lines = [HEADER, f"version: {FORMAT_VERSION}\n", "corrections:\n" if entries
             else "corrections: []\n"]
    for entry in entries:
        flow = yaml.safe_dump(entry.as_dict(), default_flow_style=True, allow_unicode=True,
                              sort_keys=False, width=10_000).strip()
        lines.append(f"- {flow}\n")
    return "".join(lines)


def version_of(data: bytes | None) -> str:
    """The version (etag) of a file's bytes; "0" when there is no file."""
    return hashlib.sha256(data).hexdigest()[:16] if data else "0"


def active(entries: list[Correction]) -> tuple[list[Correction], set[str]]:
    """(the changes in effect, in order; the ids undone). An undo takes back its target."""
    undone = {e.target for e in entries if e.op == "undo"}
    return [e for e in entries if e.op != "undo" and e.id not in undone], undone


def corrections_path(index_dir: str | Path) -> Path:
    return Path(index_dir) / FILE_NAME


@dataclass(frozen=True)
class CorrectionsFile:
    """What a reader found on disk: the entries, their version, or why they are unusable."""

    entries: tuple[Correction, ...] = ()
    version: str = "0"
    problem: str | None = None


def read_corrections(index_dir: str | Path) -> CorrectionsFile:
    """The corrections of an index directory; a malformed file is reported in `problem` (the
    index is then served without corrections), never raised."""
    path = corrections_path(index_dir)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return CorrectionsFile()
    except OSError as err:
        return CorrectionsFile(problem=f"{path}: cannot be read: {err.strerror or err}")
    try:
        entries = parse_corrections(data.decode("utf-8"), str(path))
    except UnicodeDecodeError:
        return CorrectionsFile(version=version_of(data), problem=f"{path}: not UTF-8 text")
    except MalformedCorrections as err:
        return CorrectionsFile(version=version_of(data), problem=str(err))
    return CorrectionsFile(tuple(entries), version_of(data))
