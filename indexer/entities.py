"""From the model's entity spans of one document to canonical actor and place mentions.

The order of the rules matters and is fixed here: trim -> classify (label, gazetteer) ->
canonical values -> group phrases and place cues -> aliases -> one facet per surface form ->
places the model missed -> armed-forces synonyms. Each step is a small function of its own
module; this one only wires them together.
"""

from __future__ import annotations

import re
from dataclasses import replace

from indexer.aliases import (
    drop_products,
    drop_vessel_parts,
    known_names,
    known_surname_aliases,
    merge_armed_forces,
    nickname_aliases,
    proper_collectives,
    resolve_aliases,
)
from indexer.consistency import (
    adopt_fixed_values,
    classify,
    harmonise,
    person_words,
    sentence_openers,
    towns_of_named_countries,
)
from indexer.countries import is_demonym
from indexer.gazetteer import Gazetteer
from indexer.names import (
    VESSEL_PREFIXES,
    canonical_actor,
    fix_casing,
    is_document_name,
    is_honorific_name,
    is_non_entity,
    normalise_text,
    same_name,
    strip_region_suffix,
    trim_span,
)
from indexer.phrases import (
    event_names,
    extend_org_names,
    group_actors,
    group_of_actors,
    hyphenated_places,
    infer_countries,
    is_currency,
    missed_places,
    place_cues,
    region_homonyms,
)
from indexer.spans import Ent
from indexer.watchlist import known_surnames

#: (start, end, spaCy label, entity ruler id) as the model returns them
RawEnt = tuple[int, int, str, str]
#: entity ruler ids are "<source>|<canonical name>"; source is "watchlist" or "known"
RULER_ID_SEPARATOR = "|"


def spans_from_model(text: str, raw: list[RawEnt], watch_places: dict[str, str]) -> list[Ent]:
    """Trimmed spans; entity-ruler spans carry their watchlist value and facet already."""
    ents = []
    for start, end, label, ruler_id in raw:
        if label == "DATE":
            ents.append(Ent(start, end, text[start:end], label, facet="date", rule="date"))
            continue
        start, end = trim_span(text, start, end)
        if end <= start:
            continue
        if label in ("ORG", "GPE", "LOC", "NORP", "FAC") and is_honorific_name(text[start:end]):
            label = "PERSON"
        if label == "GPE" and is_currency(text, end):
            continue  # "US$ 5", "U.S. dollars": a currency, not the country
        ent = Ent(start, end, text[start:end], label)
        if ruler_id and RULER_ID_SEPARATOR in ruler_id:
            source, name = ruler_id.split(RULER_ID_SEPARATOR, 1)
            facet = "place" if label == "GPE" else "actor"
            if source == "known":
                # the document's own name, unless it is the canonical one spelt differently;
                # known_names() decides once the whole document is seen
                value = name if same_name(ent.text, name) else None
                ent = replace(ent, facet=facet, value=value, rule=source, fixed=True, known=name)
            else:
                ent = replace(ent, facet=facet, value=name, rule=source, fixed=True,
                              country=watch_places.get(name) if facet == "place" else None)
        ents.append(ent)
    return ents


def _country_of(gazetteer: Gazetteer):
    def country_of(name: str) -> str | None:
        place = gazetteer.lookup(name)
        return place.name if place and place.kind == "country" else None
    return country_of


def canonical_value(ent: Ent, gazetteer: Gazetteer) -> Ent:
    """Fill in the canonical value of an actor or place span (facet None when it is no name)."""
    if ent.value is not None or ent.facet not in ("actor", "place"):
        return ent
    if ent.facet == "place":
        return _place_value(ent, gazetteer)
    if ent.rule == "people":
        return replace(ent, value=normalise_text(ent.text))
    value = canonical_actor(ent.text, ent.label == "PERSON", _country_of(gazetteer))
    return replace(ent, value=value, facet="actor" if value else None)


#: "Afghanistan's Maidan Wardak": a place named with the place it lies in
_PLACE_POSSESSIVE = re.compile(r"^(.+?)['’]s\s+([A-Z].*)$")


def split_possessive_places(ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """ "Syria's Idlib", "Afghanistan's Maidan Wardak": two place mentions, the known outer
    place and the inner one, which takes the outer place's country."""
    out = []
    for ent in ents:
        inside = _PLACE_POSSESSIVE.match(ent.text) if ent.facet == "place" else None
        outer = gazetteer.lookup(inside.group(1)) if inside else None
        if not outer:
            out.append(ent)
            continue
        end = ent.start + len(inside.group(1))
        start = ent.start + inside.start(2)
        out.append(replace(ent, end=end, text=inside.group(1), value=None, country=None))
        out.append(replace(ent, start=start, text=inside.group(2), value=None,
                           country=outer.country or outer.name))
    return out


def _place_value(ent: Ent, gazetteer: Gazetteer) -> Ent:
    name = normalise_text(ent.text)
    bare = strip_region_suffix(name)
    if bare != name and gazetteer.lookup(bare):
        name = bare
    known = gazetteer.canonical(name)
    country = gazetteer.lookup(name) if known else None
    if is_non_entity(name) or is_document_name(name) or (
            is_demonym(name) and not (country and country.kind == "country")):
        return replace(ent, facet=None)  # "New Zealand" is its own adjective, yet a country
    if known:
        return replace(ent, value=known[0], country=known[1] or None)
    return replace(ent, value=fix_casing(name, False))


def resolve_entities(text: str, raw: list[RawEnt], gazetteer: Gazetteer,
                     watch_places: dict[str, str] | None = None) -> list[Ent]:
    """All entity spans of a text with their final facet and canonical value (date spans are
    passed through with facet "date"; spans that are no facet value keep facet None)."""
    ents = extend_org_names(text, spans_from_model(text, raw, watch_places or {}), gazetteer)
    persons = person_words(ents)
    ents = hyphenated_places([classify(e, gazetteer, persons, text) for e in ents], gazetteer)
    ents = [canonical_value(e, gazetteer) for e in ents]
    ents = group_of_actors(text, group_actors(text, ents, gazetteer))
    ents = drop_products(text, drop_vessel_parts(event_names(ents, gazetteer), VESSEL_PREFIXES))
    ents = [canonical_value(e, gazetteer)
            for e in split_possessive_places(place_cues(text, ents), gazetteer)]
    ents += [canonical_value(e, gazetteer) for e in proper_collectives(text, ents)]
    ents = resolve_aliases(text, ents, lambda name: _country_of(gazetteer)(name) is not None,
                           lambda name: gazetteer.lookup(name) is not None,
                           lambda name: gazetteer.confident(name) is not None)
    ents = known_surname_aliases(nickname_aliases(text, ents), known_surnames(),
                                 lambda name: bool(gazetteer.lookup(name)))
    ents = adopt_fixed_values(known_names(ents))
    ents = [canonical_value(e, gazetteer)
            for e in sentence_openers(text, harmonise(ents, gazetteer), gazetteer)]
    ents = [canonical_value(e, gazetteer) for e in towns_of_named_countries(ents, gazetteer, persons)]
    ents += [canonical_value(e, gazetteer) for e in missed_places(text, ents, gazetteer)]
    ents = sorted(merge_armed_forces(ents), key=lambda e: (e.start, e.end))
    return region_homonyms(infer_countries(text, ents, gazetteer))
