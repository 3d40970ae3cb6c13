"""The analyst's watchlist: canonical actors and places with their aliases, from YAML or CSV,
applied as a spaCy entity ruler placed before the statistical NER.

YAML: a list of entries, or a mapping with `actors:` / `places:` lists; each entry has
`name`, `type` (actor | person | place; implied under actors/places), optional `aliases`
(a list, or one string with "|" between aliases) and, for places, optional `country`.
CSV: a header row with name,type,aliases,country; aliases separated by "|".
Trawl ships its own small list of well-known actors in the same format
(indexer/data/known_entities.yaml); the user's entries win where both name a surface form.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language

from search.errors import TrawlError
from search.safe_yaml import load_yaml

KNOWN_ENTITIES = Path(__file__).resolve().parent / "data" / "known_entities.yaml"
#: a watchlist of tens of thousands of entries fits; more is not a watchlist
WATCHLIST_MAX_CHARS = 16_000_000
RULER_NAME = "trawl_entities"
UNGLUE_NAME = "trawl_unglue"
#: entry type -> spaCy label the ruler assigns
TYPE_LABELS = {"actor": "ORG", "organisation": "ORG", "organization": "ORG", "person": "PERSON",
               "place": "GPE"}
#: key of nlp.meta holding {place name: country} for watchlist places
META_PLACES = "trawl_watch_places"


class WatchlistError(TrawlError):
    """The watchlist file cannot be read; the message names the file and the entry."""

    code = "invalid_watchlist"


@dataclass(frozen=True)
class WatchEntry:
    """One watched actor or place: its canonical name, type, aliases and country."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None

    @property
    def label(self) -> str:
        return TYPE_LABELS[self.type]


def _entry(raw: object, where: str, implied_type: str | None = None) -> WatchEntry:
    """Validate one raw entry (a mapping) into a WatchEntry."""
    if not isinstance(raw, dict):
        raise WatchlistError(f"{where}: expected a mapping with name and type, got {raw!r}")
    name = str(raw.get("name") or "").strip()
    kind = str(raw.get("type") or implied_type or "").strip().lower()
    if not name:
        raise WatchlistError(f"{where}: missing name")
    if kind not in TYPE_LABELS:
        raise WatchlistError(f"{where}: type must be actor, person or place, got {kind!r}")
    aliases = _aliases(raw, where)
    country = str(raw.get("country") or "").strip() or None
    return WatchEntry(name, _ENTRY_TYPES.get(kind, kind), aliases, country)


#: spellings of an entry type that stand for another
_ENTRY_TYPES = {"organisation": "actor", "organization": "actor"}


def _aliases(raw: dict, where: str) -> tuple[str, ...]:
    """The entry's aliases, stripped, without blanks and repeats, in their order."""
    aliases = raw.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = aliases.split("|")
    if not isinstance(aliases, (list, tuple)):
        raise WatchlistError(f"{where}: aliases must be a list or a '|'-separated string")
    return tuple(dict.fromkeys(str(a).strip() for a in aliases if str(a).strip()))


def parse_yaml(text: str, source: str) -> list[WatchEntry]:
    """Entries of a YAML watchlist (a list, or a mapping of actors/places lists)."""
    try:
        data = load_yaml(text, WATCHLIST_MAX_CHARS)
    except yaml.YAMLError as exc:
        raise WatchlistError(f"{source}: not valid YAML: {str(exc).splitlines()[0]}") from exc
    if data is None:
        return []
    if isinstance(data, dict):
        unknown = set(data) - {"actors", "places", "people"}
        if unknown:
            raise WatchlistError(f"{source}: unknown section(s) {sorted(unknown)}; "
                                 "use actors, people and places")
        implied = {"actors": "actor", "people": "person", "places": "place"}
        return [_entry(raw, f"{source}: {section} entry {i}", implied[section])
                for section, items in data.items() for i, raw in enumerate(items or [], 1)]
    if not isinstance(data, list):
        raise WatchlistError(f"{source}: expected a list of entries")
    return [_entry(raw, f"{source}: entry {i}") for i, raw in enumerate(data, 1)]


def parse_csv(text: str, source: str) -> list[WatchEntry]:
    """Entries of a CSV watchlist with a name,type,aliases,country header."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "name" not in [f.strip().lower() for f in reader.fieldnames]:
        raise WatchlistError(f"{source}:1: header must name the columns name,type,aliases,country")
    entries = []
    for row in reader:
        clean = {str(k).strip().lower(): (v or "") for k, v in row.items() if k}
        if any(v.strip() for v in clean.values()):
            entries.append(_entry(clean, f"{source}:{reader.line_num}"))
    return entries


@lru_cache(maxsize=8)
def load_watchlist(path: str) -> tuple[WatchEntry, ...]:
    """Entries of a watchlist file (.yaml/.yml or .csv), parsed once per process."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise WatchlistError(f"{path}: cannot read watchlist: {exc}") from exc
    if file.suffix.lower() == ".csv":
        return tuple(parse_csv(text, path))
    return tuple(parse_yaml(text, path))


#: name words after which the last word is not a surname used alone ("Mohammed bin Salman")
SURNAME_UNCLEAR = frozenset({"bin", "ibn", "bint", "von", "der", "Xi"})


@lru_cache(maxsize=1)
def known_surnames() -> dict[str, str]:
    """Surname key -> full name of the shipped well-known people whose surname is unique there
    ("assad" -> "Bashar al-Assad"), to resolve a lone surname mention."""
    from indexer.aliases import surname_key

    found: dict[str, set[str]] = {}
    for entry in load_watchlist(str(KNOWN_ENTITIES)):
        words = entry.name.split()
        if entry.type == "person" and len(words) > 1 and not SURNAME_UNCLEAR & set(words):
            found.setdefault(surname_key(entry.name.split()[-1]), set()).add(entry.name)
    return {key: next(iter(names)) for key, names in found.items() if len(names) == 1}


@lru_cache(maxsize=1)
def known_group_names() -> dict[str, str]:
    """Lower-cased name or alias -> canonical name of the shipped well-known actors that are no
    persons ("houthis" -> "Houthis"), for a group named by its people's adjective ("Houthi
    militants")."""
    return {form.lower(): entry.name for entry in load_watchlist(str(KNOWN_ENTITIES))
            if TYPE_LABELS[entry.type] == "ORG" for form in (entry.name, *entry.aliases)}


def led_by_known_body(name: str) -> bool:
    """ "Islamic State West Africa Province", "Islamic State Sinai Province": a name whose
    leading words, with at least two words after them, are a well-known body's name
    (`known_group_names`) is that body's branch named after where it acts, no division or
    place (class 3, an armed group taken for a place)."""
    words = name.split()
    known = known_group_names()
    return any(" ".join(words[:n]).lower() in known for n in range(1, len(words) - 1))


def ruler_patterns(entries: list[WatchEntry], source: str) -> list[dict]:
    """Entity-ruler phrase patterns; the id "<source>|<name>" carries the canonical name."""
    return [{"label": e.label, "pattern": surface, "id": f"{source}|{e.name}"}
            for e in entries for surface in dict.fromkeys((e.name, *e.aliases))]


def add_entity_ruler(nlp, watchlist: str | None = None):
    """Put Trawl's known entities and the user's watchlist in an entity ruler before "ner"."""
    patterns = ruler_patterns(list(load_watchlist(str(KNOWN_ENTITIES))), "known")
    user = list(load_watchlist(str(watchlist))) if watchlist else []
    user_patterns = ruler_patterns(user, "watchlist")
    overridden = {p["pattern"] for p in user_patterns}
    patterns = [p for p in patterns if p["pattern"] not in overridden] + user_patterns
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={
        "phrase_matcher_attr": "ORTH", "overwrite_ents": True}, **where)
    ruler.add_patterns(patterns)
    nlp.add_pipe(UNGLUE_NAME, after=RULER_NAME)
    nlp.meta[META_PLACES] = {e.name: e.country or "" for e in user if e.type == "place"}
    return ruler


def _glued(doc, ent) -> bool:
    """True when a ruler match is part of a hyphenated name ("Counter-Daesh"); a lower-case
    word on the other side of the hyphen makes a compound that still names the entity
    ("the al-Qaeda-linked Shebab", "a Hamas-run ministry", "pro-Houthi media")."""
    # the two characters either side, read off the neighbouring tokens (`doc.text` joins the
    # whole document on every call); tokens are never empty, so two tokens hold two characters
    before = "".join(t.text_with_ws for t in doc[max(0, ent.start - 2):ent.start])[-2:] \
        if ent.start_char >= 2 else ""
    after = (doc[ent.end - 1].whitespace_
             + "".join(t.text_with_ws for t in doc[ent.end:ent.end + 2]))[:2]
    return (len(before) == 2 and before[1] == "-" and before[0].isalnum()
            and _part_of_name(_word_before(doc, ent.start)[:1])) or \
        (len(after) == 2 and after[0] == "-" and _part_of_name(after[1]))


def _word_before(doc, start: int) -> str:
    """The word a hyphen joins to the front of the token at `start`."""
    token = doc[start - 1]
    return doc[start - 2].text if token.text == "-" and start >= 2 else token.text


def _part_of_name(first: str) -> bool:
    """The first character of the word across a hyphen glues the match into a longer name
    when it is a capital or a digit, not a lower-case word's letter."""
    return first.isalnum() and not first.islower()


@Language.component(UNGLUE_NAME)
def unglue_matches(doc):
    """Drop ruler matches inside hyphenated names (`_glued`), so the model sees the whole
    name; a match joined to a lower-case word stays ("Hamas-run")."""
    ents = doc.ents
    kept = [e for e in ents if not (e.ent_id_ and _glued(doc, e))]
    if len(kept) != len(ents):  # setting the same spans again would change nothing
        doc.ents = kept
    return doc
