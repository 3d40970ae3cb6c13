"""From the model's entity spans of one document to canonical actor and place mentions.

The order of the rules matters and is fixed here: trim -> classify (label, gazetteer) ->
canonical values -> group phrases and place cues -> aliases -> one facet per surface form ->
places the model missed -> armed-forces synonyms. Each step is a small function of its own
module; this one only wires them together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from operator import is_
from time import perf_counter

from indexer.acronym_cues import (
    bare_acronyms,
    cued_acronyms,
    dotted_bodies,
    outvoted_places,
    people_after,
)
from indexer.acronym_names import widen_to_acronyms
from indexer.aliases import (
    acronyms_of,
    drop_vessel_parts,
    known_names,
    known_surname_aliases,
    other_names,
    proper_collectives,
    resolve_aliases,
    spelled_out_aliases,
)
from indexer.body_sites import body_sites
from indexer.capital_actors import capital_governments, seat_governments
from indexer.capitals import capital_mentions
from indexer.casing import is_lower_case_word
from indexer.consistency import (
    LOWER_THE_BEFORE,
    adopt_fixed_values,
    bare_bodies,
    capitalised_word,
    classify,
    common_words,
    harmonise,
    open_mention,
    opener_words,
    person_words,
    place_context,
    placed_in_a_known_place,
    region_after_comma,
    towns_of_named_countries,
)
from indexer.countries import is_demonym
from indexer.datelines import colon_dateline, dateline_credits, dateline_place
from indexer.dates import clock_time, resolve_date
from indexer.divisions import LOWER_DIVISION_WORDS, division_places, numbered_regions
from indexer.federal import federal_government_mentions
from indexer.gazetteer import Gazetteer, Place, is_region
from indexer.group_names import missed_bodies, named_groups, party_names
from indexer.headlines import headline_ranges, title_parts, unconfirmed_headline_names
from indexer.home_countries import home_countries
from indexer.listed_places import listed_places
from indexer.local_bodies import local_bodies
from indexer.lone_places import lone_places
from indexer.members import member_mentions, officer_mentions
from indexer.ministries import missed_ministries
from indexer.name_places import places_in_names
from indexer.name_variants import name_variants
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
    titled_countries,
    trim_span,
)
from indexer.org_joins import join_cut_names
from indexer.person_places import people_named_as_places
from indexer.phrases import (
    coordinated_names,
    event_names,
    extend_org_names,
    group_actors,
    group_of_actors,
    hyphenated_places,
    infer_countries,
    institution_places,
    is_currency,
    missed_places,
    national_territories,
    operation_names,
    place_cues,
    region_homonyms,
)
from indexer.place_tails import feature_heads, place_tails
from indexer.roles import (
    apposed_role_mentions,
    bare_role_mentions,
    office_subjects,
    role_set_off_names,
    titled_names,
    unnamed_offices,
)
from indexer.rule_data import alternation
from indexer.run_ins import (
    join_possessive_places,
    split_flights,
    split_listed_names,
    split_located_places,
    split_run_in_names,
)
from indexer.shapes import in_document_symbol, is_code, name_shape, units
from indexer.sources import missed_sources
from indexer.spans import DATE_LABELS, Ent, overlaps, replace, replaced_by, with_found
from indexer.speakers import speaking_surnames
from indexer.spellings import spelling_variants
from indexer.sports_clubs import sports_clubs
from indexer.targets import attack_targets, cued
from indexer.taxa import drop_taxa
from indexer.tense import past_tense_dates
from indexer.thing_acronyms import drop_thing_acronyms
from indexer.types import drop_works
from indexer.us_states import joined_place_names, state_abbreviations
from indexer.watchlist import known_surnames

#: (start, end, spaCy label, entity ruler id) as the model returns them
RawEnt = tuple[int, int, str, str]
#: entity ruler ids are "<source>|<canonical name>"; source is "watchlist" or "known"
RULER_ID_SEPARATOR = "|"


def spans_from_model(text: str, raw: list[RawEnt], watch_places: Mapping[str, str]) -> list[Ent]:
    """Trimmed spans; entity-ruler spans carry their watchlist value and facet already."""
    ents = []
    for start, end, label, ruler_id in raw:
        if label in DATE_LABELS:  # "(1137 UTC)": a time of day, which names no year
            ents += [_date_span(text, piece_start, piece_end, label)
                     for piece_start, piece_end in _date_pieces(text, start, end)]
            continue
        for line_start, line_end in _lines(text, start, end):
            ent = _model_span(text, line_start, line_end, label)
            if ent is not None:
                ents.append(_ruled(ent, ruler_id, watch_places) if ruler_id else ent)
    return ents


def _date_span(text: str, start: int, end: int, label: str) -> Ent:
    label = "TIME" if clock_time(text, start, end) else label
    return Ent(start, end, text[start:end], label, facet="date", rule="date")


#: a line break or a dash set off by blanks: a separator between names ("July 18, 2018 -
#: Ottawa, Ontario - Global Affairs Canada"), and an em dash between words ("OSHAWA,
#: Ontario—Workers at the plant"); an en dash is none, names hold it ("Combined Joint Task
#: Force – Inherent Resolve")
_SEPARATOR = re.compile(r"\s+[-—]\s+|\n+|(?<=[a-z])—(?=[A-Z])")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A model span cut at its line breaks and spaced dashes: a name never runs across them,
    and a span the model ran from a title into the body ("Army Casualty\n\nThe Department of
    Defense") or over a dateline's parts ("Ontario - Global Affairs Canada") holds one name
    per piece, dates left out."""
    return _kept_pieces(text, start, end, _SEPARATOR, dates=False)


def _date_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A date span cut at its spaced dashes, only its pieces that are dates kept ("July 18,
    2018 - Ottawa": the city is left to the rules that find places); its lines stay together,
    each read by `dates.resolve_dates`."""
    return _kept_pieces(text, start, end, _DASH, dates=True)


def _kept_pieces(text: str, start: int, end: int, separators: re.Pattern,
                 dates: bool) -> list[tuple[int, int]]:
    """The span whole when no separator cuts it, else its pieces that read as dates (`dates`)
    or as no date."""
    pieces = _pieces(text, start, end, separators)
    if len(pieces) == 1:
        return pieces
    return [(a, b) for a, b in pieces if (resolve_date(text[a:b], _ANY_DAY) is not None) == dates]


#: a dash set off by blanks alone
_DASH = re.compile(r"\s+[-—]\s+")
#: a publication day to read relative dates against when only telling dates from names
_ANY_DAY = date(2000, 1, 1)


def _pieces(text: str, start: int, end: int, separators: re.Pattern) -> list[tuple[int, int]]:
    """(start, end) of the non-blank pieces of a span between its separators."""
    bounds = [start]
    for separator in separators.finditer(text, start, end):
        bounds += [separator.start(), separator.end()]
    bounds.append(end)
    return [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True) if text[a:b].strip()]


def _model_span(text: str, start: int, end: int, label: str) -> Ent | None:
    """A model span trimmed, an honorific name made a person; None when nothing is left or
    it is a currency ("US$ 5", "U.S. dollars": a currency, not the country)."""
    start, end = trim_span(text, start, end)
    if end <= start:
        return None
    if label in ("ORG", "GPE", "LOC", "NORP", "FAC") and is_honorific_name(text[start:end]):
        label = "PERSON"
    if label == "GPE" and is_currency(text, end):
        return None
    return Ent(start, end, text[start:end], label)


def _ruled(ent: Ent, ruler_id: str, watch_places: Mapping[str, str]) -> Ent:
    """An entity-ruler span with its source's facet and value: a shipped known entity keeps
    the document's own name unless it is the canonical one spelt differently (known_names()
    decides once the whole document is seen); a watchlist entry takes its value."""
    if RULER_ID_SEPARATOR not in ruler_id:
        return ent
    source, name = ruler_id.split(RULER_ID_SEPARATOR, 1)
    facet = "place" if ent.label == "GPE" else "actor"
    if source == "known":
        value = name if same_name(ent.text, name) else None
        return replace(ent, facet=facet, value=value, rule=source, fixed=True, known=name)
    return replace(ent, facet=facet, value=name, rule=source, fixed=True,
                   country=watch_places.get(name) if facet == "place" else None)


def canonical_value(ent: Ent, gazetteer: Gazetteer) -> Ent:
    """Fill in the canonical value of an actor or place span (facet None when it is no name)."""
    if ent.value is not None or ent.facet not in ("actor", "place"):
        return ent
    return replace(ent, **dict(_canonical_changes(ent.text, ent.facet, ent.label == "PERSON",
                                                  ent.rule == "people", gazetteer)))


def forget_learnt_values() -> None:
    """Empty the caches of values worked out from earlier documents' names, so that a
    benchmark's every run times a first pass over its documents."""
    _canonical_changes.cache_clear()
    acronyms_of.cache_clear()


@lru_cache(maxsize=16384)
def _canonical_changes(text: str, facet: str, person: bool, people: bool,
                       gazetteer: Gazetteer) -> tuple[tuple[str, object], ...]:
    """The fields `canonical_value` sets, which depend on the span's text and kind alone:
    the rules ask again for every span a rule hands back without a value, most of them
    names the document or an earlier one already had."""
    if facet == "place":
        return _place_changes(normalise_text(text), gazetteer)
    if people:
        return (("value", normalise_text(text)),)
    value = canonical_actor(text, person, gazetteer.country_of)
    return ("value", value), ("facet", "actor" if value else None)


#: "Afghanistan's Maidan Wardak": a place named with the place it lies in
_PLACE_POSSESSIVE = re.compile(r"^(.+?)['’]s\s+([A-Z].*)$")


def split_possessive_places(ents: list[Ent], gazetteer: Gazetteer, text: str) -> list[Ent]:
    """ "Syria's Idlib", "Afghanistan's Maidan Wardak": two place mentions, the known outer
    place and the inner one, which takes the outer place's country; also an outer place the
    gazetteer does not know where a division's noun follows the inner one ("Oromiya's Shirka
    district": the district is named as such, its region before it)."""
    out = []
    for ent in ents:
        inside = _PLACE_POSSESSIVE.match(ent.text) if ent.facet == "place" else None
        outer = gazetteer.lookup(inside.group(1)) if inside else None
        if not outer and not (inside and _DIVISION_AFTER.match(text, ent.end)):
            out.append(ent)
            continue
        end = ent.start + len(inside.group(1))
        start = ent.start + inside.start(2)
        country = (outer.country or outer.name) if outer else None
        out.append(replace(ent, end=end, text=inside.group(1), value=None, country=None))
        out.append(replace(ent, start=start, text=inside.group(2), value=None, country=country))
    return out


#: a division's or another place-cue noun right after a place ("Shirka district", "Kossi
#: province", "Foja mountains"; data `division_words`, written in lower case after the name,
#: and `place_cue_after`)
_DIVISION_AFTER = re.compile(r"\s(?:" + LOWER_DIVISION_WORDS
                             + "|" + alternation("place_cue_after") + r")\b")


def _place_changes(text: str, gazetteer: Gazetteer) -> tuple[tuple[str, object], ...]:
    name = _place_name(text, gazetteer)
    known = gazetteer.canonical(name)
    if _no_place_name(name, gazetteer.lookup(name) if known else None):
        return (("facet", None),)  # "New Zealand" is its own adjective, yet a country
    if known:
        return ("value", known[0]), ("country", known[1] or None)
    # "Ogun State": as written, in Ogun's country; "Kells, Co Meath": in the county's
    division = gazetteer.division_of(name) or region_after_comma(name, gazetteer)
    return ("value", fix_casing(name, False)), ("country", division.country if division else None)


def _place_name(name: str, gazetteer: Gazetteer) -> str:
    """The name without a region word ("Idlib province" -> "Idlib") when the gazetteer
    knows it so."""
    bare = strip_region_suffix(name)
    return bare if bare != name and gazetteer.lookup(bare) else name


def _no_place_name(name: str, place) -> bool:
    """A non-name, the document's own name, or a nationality word that is no country. A
    place the gazetteer knows by several words is a name even when each word is a
    nationality word ("Persian Gulf": "Persian", "Gulf")."""
    words = name.split()
    if place is not None and len(words) > 1 and all(w[:1].isupper() for w in words):
        return is_document_name(name)
    return is_non_entity(name) or is_document_name(name) or (
        is_demonym(name) and not (place and place.kind == "country"))


@dataclass
class DocContext:
    """What every rule may read besides the spans: the text the model saw, the gazetteer,
    the watchlist's places and the words of the document's multi-word person names (filled
    by the `classify` rule, read by later ones)."""

    text: str
    gazetteer: Gazetteer
    watch_places: Mapping[str, str] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)
    #: where the body starts in `text` (after the title and a blank line), 0 without title
    body_start: int = 0

    def country_of(self, name: str) -> str | None:
        """The country a name is, if it is one."""
        return self.gazetteer.country_of(name)

    def is_country(self, name: str) -> bool:
        return self.country_of(name) is not None

    def is_place(self, name: str) -> bool:
        return self.gazetteer.lookup(name) is not None

    def is_known_place(self, name: str) -> bool:
        return self.gazetteer.confident(name) is not None

    @cached_property
    def headlines(self) -> list[tuple[int, int]]:
        """The title-cased lines of the text (read by two rules, found once)."""
        return headline_ranges(self.text, self.body_start)

    def is_region(self, name: str) -> bool:
        """A country, or a state or province: a place no person's given name stands for."""
        return is_region(self.gazetteer.lookup(name))


#: every rule: (context, spans so far) -> spans
Rule = Callable[[DocContext, list[Ent]], list[Ent]]


def _plus(ents: list[Ent], found: list[Ent]) -> list[Ent]:
    """The spans with the ones a rule found added; the very list when it found none (so
    `run_rules` skips its bookkeeping for it)."""
    return ents + found if found else ents


def rule_join_org_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Names the model cut in two ("Syria | 's Armed Forces")."""
    return extend_org_names(ctx.text, ents, ctx.gazetteer)


def rule_possessive_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2: a place named by a possessive and a feature's word ("Botha's Hill", "Martha's
    Vineyard"), cut into a person and an organisation: one place."""
    return join_possessive_places(ctx.text, ents)


def rule_join_cut_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2: a name cut at its "for" or "and" ("the Tunisian League | for | the Defence of
    Human Rights", "the Bill | and | Melinda Gates Foundation"): one organisation."""
    return join_cut_names(ctx.text, ents)


def rule_acronym_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2: a name the model cut ("the Economic Community of | West African States |
    (ECOWAS)") widened to what its bracketed acronym spells."""
    return widen_to_acronyms(ctx.text, ents)


def rule_run_in_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 3: a title's place or body run into the person's name ("First Minister of
    Scotland Nicola Sturgeon"): two mentions, the place or body and the person."""
    return split_run_in_names(ctx.text, ents, ctx.is_place, bare_bodies(), ctx.is_region)


def rule_listed_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2/3: a comma list of names run into one span ("Kyiv, Kharkiv, Mykolaiv" tagged an
    organisation): one span per name, places when the list holds a known place."""
    return split_listed_names(ctx.text, ents, ctx.gazetteer)


def rule_located_places(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2: a place run on over the place it lies in ("the Cahors Cathedral in Cahors",
    "Tomsk in Siberia"), or a country run into its own town ("Nigeria Lagos"): two places;
    class 3, a person run into the place they come from ("Carl Shuker of Auckland")."""
    return split_located_places(ents, ctx.gazetteer)


def rule_flights(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 5: "Lion Air Flight 610" is a flight, no actor: the span becomes the airline,
    Lion Air."""
    return split_flights(ents)


def rule_titled_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Actor recall: a person the model missed after a title ("Congresswoman Val Demings",
    "Princess Ubolratana Mahidol")."""
    return _plus(ents, titled_names(ctx.text, ents))


def rule_state_abbreviations(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2: "of Gaithersburg, Md." - a US state's news abbreviation after a place is that
    state; "Washington, D.C." is one place."""
    return state_abbreviations(ctx.text, joined_place_names(ents, ctx.text))


def rule_classify(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """First facet of each span: its label, corrected by the gazetteer and name shape."""
    ctx.persons = person_words(ents)
    return [classify(e, ctx.gazetteer, ctx.persons, ctx.text) for e in ents]


def rule_dotted_acronyms(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (organisations taken for places): "the F.B.I.", "O.A.S." tagged places are
    bodies, unless the place table knows the letters ("U.S.A.", "N.S.W.")."""
    return dotted_bodies(ents, ctx.gazetteer)


def rule_person_places(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 the other way (people as places): "Peer Steinbrueck ... Steinbrueck's party",
    tagged a place, is named as people are, full name first, then the surname alone."""
    return people_named_as_places(ctx.text, ents, ctx.gazetteer)


def rule_hyphenated(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """ "Baghdad-Erbil": two places."""
    return hyphenated_places(ents, ctx.gazetteer)


def rule_coordination(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 3 (non-names): "Crete and Cyprus", "Kelly and Baroni" - two names in one span
    are two mentions when the document names each on its own."""
    return coordinated_names(ents, ctx.gazetteer)


def rule_targets(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2: a known place after "shelled", "airstrikes hit", "missiles at" is a place,
    whatever label the model gave it."""
    return attack_targets(ctx.text, ents, ctx.is_place)


def rule_group_actors(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """ "Iraqi forces", "Syria's army": national group actors."""
    return group_actors(ctx.text, ents, ctx.gazetteer)


def rule_local_bodies(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (organisations missed): a town's body named by the town and a lower-case noun
    ("a Mogadishu police officer", "The Madras high court"): an actor; the town stays."""
    return _plus(ents, local_bodies(ctx.text, ents, ctx.gazetteer))


def rule_ministries(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (organisations missed): "France's culture ministry", "the Lebanese health
    ministry" - a country's ministry in lower case, an actor named as its capitalised form."""
    return _plus(ents, missed_ministries(ctx.text, ents, ctx.gazetteer))


def rule_group_of(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """ "the government of Iraq": "<Head> of <Place>" actors, also where the model missed the
    place ("the people and Government of Sri Lanka")."""
    missed = [canonical_value(p, ctx.gazetteer)
              for p in institution_places(ctx.text, ents, ctx.gazetteer)]
    return group_of_actors(ctx.text, _inserted(ents, missed) if missed else ents,
                           ctx.gazetteer.country_of)


def _inserted(ents: list[Ent], found: list[Ent]) -> list[Ent]:
    """The spans with each found one placed after the last span that starts before it (the
    others keep their order: rules read neighbours in the list)."""
    out = list(ents)
    for ent in found:
        at = next((i for i in range(len(out), 0, -1) if out[i - 1].start < ent.start), 0)
        out.insert(at, ent)
    return out


def rule_events(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 5: "the Brussels Conference" (Brussels is a place mention), "as Eid is
    approaching", "the launch of operation Keletigui": events, holidays and military
    operations are no actors or places."""
    return event_names(operation_names(ctx.text, ents), ctx.gazetteer, ctx.persons)


def rule_vessels(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """A lone "Forbin" after "FS Forbin": the ship, no actor or place."""
    return drop_vessel_parts(ents, VESSEL_PREFIXES)


def rule_type_prior(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 5: a name the document types as a product, work, vessel or event ("the browser
    Firefox", "the Crew Dragon capsule", "launched Falcon 9") is no actor or place; makers
    ("SpaceX launched") stay actors."""
    return drop_works(ctx.text, ents, ctx.is_place)


def rule_thing_acronyms(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Classes 3 and 5: an acronym the document defines by common nouns ("liquid natural
    gas (LNG)") is no actor or place."""
    return drop_thing_acronyms(ctx.text, ents)


def rule_divisions(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2: "County Mayo", "Riverside County": a name that starts or ends with a
    division word is a place."""
    return division_places(ents)


def rule_numbered_regions(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (places missed): a region named by its number ("Region 12", "Region Four"),
    whatever the model made of it (a law, a date, a number)."""
    found = numbered_regions(ctx.text)
    return replaced_by(ents, found) if found else ents


def rule_national_territories(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (places missed): "Lebanese territory", "Syrian airspace" are the country."""
    return national_territories(ctx.text, ents)


def rule_place_cues(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """ "the town of X", "X province", "Meghalaya state": the cue makes the name a place."""
    return place_cues(ctx.text, ents, ctx.is_place)


def rule_sources(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Actors lost: a source the model missed after "told", "according to" ("told The
    Verge", "according to WSET-TV")."""
    return missed_sources(ctx.text, ents, ctx.gazetteer)


def rule_capitals(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2: "the Yemeni capital", "Ukraine's capital" is a mention of that capital city."""
    found = capital_mentions(ctx.text, ents, ctx.gazetteer)
    if not found:
        return ents
    mentions = [_as_place(mention, capital, ents, ctx.gazetteer) for mention, capital in found]
    return with_found(ents, mentions)


def _as_place(mention: Ent, name: str, ents: list[Ent], gazetteer: Gazetteer) -> Ent:
    """The mention with the value and country of the document's own mention of the place,
    else those a span of the place's name would get."""
    place = _same_place_key(gazetteer.lookup(name))
    named = next((e for e in ents if e.facet == "place" and e.value is not None
                  and _same_place_key(gazetteer.lookup(e.text)) == place), None) \
        or canonical_value(Ent(0, len(name), name, "GPE", facet="place"), gazetteer)
    return replace(mention, value=named.value, country=named.country)


def _same_place_key(place: Place | None) -> tuple[str, str] | None:
    """(name, country) of a gazetteer place: a city and its alternate name's entry agree."""
    return (place.name, place.country) if place else None


def rule_place_tails(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2: "shelled Sheikh | Maqsoud": the tail of a place named elsewhere, or of one the
    gazetteer knows ("Sultan | Kudarat", "Trinidad and | Tobago"), is that place."""
    return place_tails(ctx.text, ents, ctx.gazetteer)


def rule_feature_heads(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2: "Socotra" beside "Socotra Island" is the island, whatever the model said."""
    return feature_heads(ents)


def rule_body_sites(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (places missed): "Congress headquarters", "the Parliament buildings" - a body
    and a site noun after it - name a place, the body's seat."""
    return body_sites(ctx.text, ents)


def rule_possessive_places(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """ "Syria's Idlib": two places, the inner one in the outer one's country."""
    return split_possessive_places(ents, ctx.gazetteer, ctx.text)


def rule_collectives(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """ "the Coalition" the model missed: an actor."""
    return _plus(ents, proper_collectives(ctx.text, ents))


def rule_other_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 6: "the 7th Brigade, or Kaniyat," - another name set off after an
    organisation's is a mention of it."""
    return other_names(ctx.text, ents)


def rule_aliases(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Acronyms, partial names, given names and head nouns -> the document's full name."""
    return resolve_aliases(ctx.text, ents, ctx.country_of, ctx.is_place, ctx.is_known_place)


def rule_known_surnames(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """A lone "Assad": the well-known person with that surname."""
    return known_surname_aliases(ents, known_surnames(), ctx.is_place)


def rule_known_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """A shipped entity's mentions take its canonical name where the document uses it."""
    return known_names(ents)


def rule_adopt_aliases(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """An alias resolved once is resolved everywhere in the document."""
    return adopt_fixed_values(ents)


def rule_name_variants(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 6: "John James Conyers Jr" and "John Conyers" in one document are one person,
    named by the short form."""
    return name_variants(ents)


def rule_spellings(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Split values: "Jarosław Kaczyński" and "Jaroslaw Kaczynski", "Yucatán" and "Yucatan"
    in one document are one value, the spelling most mentions have."""
    return spelling_variants(ents)


def rule_roles(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 6: "the Foreign Secretary" is one more mention of the one person the document
    names "Foreign Secretary Jeremy Hunt"; no person is invented."""
    return _plus(ents, bare_role_mentions(ctx.text, ents))


def rule_apposed_roles(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 6: "Chrystia Freeland, Minister of Foreign Affairs, said": the role set off after
    a person's name is one more mention of that person."""
    return _plus(ents, apposed_role_mentions(ctx.text, ents))


def rule_offices(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 6: "the Iraqi Foreign Minister", "the President of the United States" whom the
    document does not name is that country's office, an actor; an unqualified "the Prime
    Minister" stays no value."""
    return _plus(ents, unnamed_offices(ctx.text, ents))


def rule_members(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 6: "the European Union and its Member States": a body's members are one actor,
    tied to the body the document names ("EU member states")."""
    return member_mentions(ctx.text, ents)


def rule_body_offices(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 6: "The Secretary-General condemns ..." after the United Nations is named: a
    body's officer is one actor, tied to the body ("UN Secretary-General")."""
    return officer_mentions(ctx.text, ents)


def rule_listed_places(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (places tagged as people or organisations): a one-word name listed among
    places ("at Elburgon, Gilgil, Njoro and Bahati hospitals") is a place."""
    return listed_places(ctx.text, ents, ctx.gazetteer)


def rule_speakers(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 the other way: a one-word "place" the gazetteer does not know (or knows only
    as a small town) that speaks at every mention ("Besana said") is a person's name."""
    return speaking_surnames(ctx.text, ents, ctx.gazetteer)


def rule_harmonise(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """One surface form, one facet in a document."""
    return harmonise(ents, ctx.gazetteer, ctx.text)


def rule_common_words(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 4: "Cathedral", "Railways", "Weather" beside "the cathedral", "railways",
    "weather" in the same document: a common word, no name."""
    return common_words(ctx.text, ents, ctx.gazetteer)


def rule_country_dates(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2: a country's, state's or province's name the model read as a date ("spread to
    Burkina Faso and Niger." tagged DATE) is that place's mention."""
    out = [replace(e, label="GPE", facet=None, rule="model")
           if e.facet == "date" and ctx.is_region(e.text) else e for e in ents]
    return ents if all(map(is_, out, ents)) else out


def rule_titled_countries(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 3: "Captain America", "Mister America": a country after a title is part of a
    name, no place."""
    return titled_countries(ctx.text, ents, ctx.is_country)


def rule_opener_words(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 3: "Heartbroken", "Backlash", "Aides" opening a sentence - a word English writes
    in lower case, capitalised only where every word is or may be: a title-cased line or
    the document's title, which house styles capitalise at will ("ECOWAS Condemns the
    hostage situation")."""
    title = [(0, ctx.body_start)] if ctx.body_start else []
    return opener_words(ctx.text, ents, ctx.gazetteer, ctx.headlines + title)


def rule_lone_places(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 3: a one-word GPE mentioned once that neither the gazetteer, a place rule nor the
    words around it (a place context, a target cue: "storm hit X", or "in" a known place after
    it: "Erez in Gaza") confirm ("Afterwards", "Reddit", "Vibrio") is no place."""
    return lone_places(ctx.text, ents, ctx.is_place, lambda e: place_context(ctx.text, e, ctx.gazetteer)
                       or cued(ctx.text, e.start)
                       or placed_in_a_known_place(e, ctx.text, ctx.gazetteer))


def rule_towns(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """An ORG that is a town of a country the document names is that town."""
    return towns_of_named_countries(ents, ctx.gazetteer, ctx.persons)


def rule_missed_places(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Well-known places the model did not mark, swallowing a nationality word the model
    made of their first words ("Central African | Republic")."""
    found = missed_places(ctx.text, ents, ctx.gazetteer)
    return with_found(ents, found) if found else ents


def rule_cued_acronyms(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (organisations missed): an untagged acronym a body's noun introduces ("group
    ELN"), a group of its people follows ("MONUSCO peacekeepers") or a body's name defines in
    brackets ("... Stabilization Mission in the ... Congo (MONUSCO)"), at every mention, as
    the one name of the document it spells if there is one."""
    return _plus(ents, spelled_out_aliases(cued_acronyms(ctx.text, ents, ctx.gazetteer), ents))


def rule_group_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (organisations missed): an untagged name a group's noun follows ("the pro-Hutu
    Nyatura group", "Houthi militants") is an armed group or a movement."""
    return _plus(ents, named_groups(ctx.text, ents, ctx.gazetteer))


def rule_party_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (organisations missed): an untagged party named by its members' noun
    ("Liberal Democrats gained three seats", "the Free Democrats")."""
    return party_names(ctx.text, ents)


def rule_body_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (organisations missed): an untagged body's name found by its last word ("A
    Scottish Fire and Rescue Service spokesperson", "South Ribble Council")."""
    return _plus(ents, missed_bodies(ctx.text, ents))


def rule_bare_acronyms(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (organisations missed): an untagged acronym in running text that no cue
    marks ("ECOWAS said", "the SMM recorded") is a body, unless it is a known place, a word
    the document also writes in lower case, a non-name or part of a heading; the one name of
    the document it spells is its value ("LHC" in a headline, "Lahore High Court"); a
    mention of it the model called a place follows when the bare ones outnumber it."""
    found = bare_acronyms(ctx.text, ents, ctx.gazetteer, is_non_entity)
    if not found:
        return ents
    return _plus(outvoted_places(found, ents, ctx.gazetteer), spelled_out_aliases(found, ents))


def rule_sports_clubs(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (places as actors): a club named after its town ("Southampton beat Everton
    2-1", "Wynnum coach Matt Myers") is the club at every mention, not the town."""
    return sports_clubs(ctx.text, ents, ctx.gazetteer)


def rule_datelines(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (places missed): the body's opening dateline in capitals ("ADDIS ABABA
    (Reuters) –", "KABUL -"), a place when the gazetteer knows it or the place after it;
    an outlet's name there is an actor ("HAVANA TIMES —")."""
    found = [_title_cased(e, ctx.gazetteer)
             for e in dateline_place(ctx.text, ents, ctx.body_start, ctx.gazetteer)]
    return with_found(ents, found) if found else ents


def rule_colon_datelines(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (places taken for people): the body's opening place before a colon
    ("Sriharikota: The Indian Space Research Organisation ...") is a place when the gazetteer
    knows it or the model tags another mention a place; found before the consistency rule
    spreads the model's label to the other mentions."""
    found = colon_dateline(ctx.text, ents, ctx.body_start, ctx.gazetteer)
    return replaced_by(ents, found) if found else ents


def rule_dateline_credits(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2 (organisations missed): the news agencies a dateline credits in brackets or
    between slashes ("SEOUL, Oct. 19 (Yonhap) --", "Buenos Aires, Aug. 4, (dpa/GNA) -",
    "ADDIS ABABA, Ethiopia, June 9, 2017/APO/ --") are actors, whatever the model made of them
    (an actor span over one already stays); a bracket naming a building ("NEW YORK, 7 July (UN
    Headquarters) --") is where the release was issued, a place."""
    found = [f for f in dateline_credits(ctx.text, ctx.body_start)
             if f.facet == "place" or not any(overlaps(e, f) and e.facet == "actor" for e in ents)]
    return replaced_by(ents, found) if found else ents


def _title_cased(ent: Ent, gazetteer: Gazetteer) -> Ent:
    """A place or an outlet written in capitals, with the value and country of its
    title-cased name."""
    named = canonical_value(replace(ent, text=ent.text.title()), gazetteer)
    return replace(ent, value=named.value, country=named.country)


def rule_role_set_off_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Actor recall: a person the model missed beside a role set off by commas ("Sergio
    Pirozzi, the mayor of Amatrice, told")."""
    return _plus(ents, role_set_off_names(ctx.text, ents))


def rule_office_subjects(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 3: "Commerce" of "Commerce Secretary Wilbur Ross" is a title's word, no actor."""
    return office_subjects(ctx.text, ents)


def rule_title_parts(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 1: a title's span the body does not confirm, holding a name the body uses and
    words that name nothing, is that name ("Bolivia Expectant ..." -> Bolivia, "Syrian
    Idlib" -> Idlib, "Abu Sayyaf in Patikul" -> both)."""
    return title_parts(ents, ctx.body_start, ctx.is_place)


def rule_headlines(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 1: a name only in title-cased lines, alone as a title's first word or made of
    common words in the title, needs the gazetteer, a shipped or watchlist name, the running
    text or its own capitals to confirm it ("DoD Identifies Army Casualty" and "Scientists
    probe 'Lost World' rainforest" lose theirs, "Statement by Antony Blinken" keeps his)."""
    ranges = ctx.headlines + _title_opener(ctx) + _common_title_words(ctx, ents)
    return unconfirmed_headline_names(ctx.text, ents, ranges, ctx.is_place, ctx.is_country)


#: the first word of a line
_FIRST_WORD = re.compile(r"\s*([\w'’.-]+)")


def _common_title_words(ctx: DocContext, ents: list[Ent]) -> list[tuple[int, int]]:
    """The title's spans made only of capitalised words English writes in lower case, which a
    title capitalises at will ("Scientists probe 'Lost World' rainforest"; no acronym: "USG
    participation")."""
    return [(e.start, e.end) for e in ents if e.end <= ctx.body_start
            and all(capitalised_word(w) and is_lower_case_word(w) for w in e.text.split())]


def _title_opener(ctx: DocContext) -> list[tuple[int, int]]:
    """The title's first word, which a sentence-cased title capitalises whatever it is ("Calm
    returns to Enga"): a name there alone needs confirming as a headline's does."""
    first = _FIRST_WORD.match(ctx.text, 0, ctx.body_start) if ctx.body_start else None
    return [first.span(1)] if first else []


def rule_taxa(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 3: "Acropora millepora", "A. millepora", "(Carcharodon carcharias)" with the genus
    tagged alone: a species, no actor or place."""
    return drop_taxa(ents, ctx.text)


def rule_shapes(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 3: brackets and quotes are no part of a name, a glued quantity is cut off, and
    a value that is only a quantity, part of a document symbol or a unit is dropped ("USD
    26.95", "Magnitude 6.3", "SG/SM/20217", "40 CUC"); a code is no name unless the document
    writes it before a group of its people ("the M23 rebels", tagged a place: a body); the
    name a day is named after is part of the day's name ("Mother's Day")."""
    no_names = units(ctx.text, [(e.key, e.start, e.end) for e in ents if open_mention(e)]) \
        | _determined_words(ctx, ents)
    bodies = {e.key for e in ents if open_mention(e) and is_code(e.text)
              and people_after(ctx.text, e.end)}
    return [replace(e, facet=None, value=None, rule="shape")
            if open_mention(e) and _no_name_here(ctx.text, e, no_names)
            else _reshaped(ctx, e, bodies) for e in ents]


def _no_name_here(text: str, ent: Ent, no_names: set[str]) -> bool:
    """A name that is no name anywhere in the document, or no name where it stands."""
    return ent.key in no_names or bool(_DAY_NAMED_AFTER.match(text, ent.end))


#: "Mother's Day", "Mozambican Women's Day", "Valentine's Eve": the name a day is named after
#: is part of the day's name, no actor or place
_DAY_NAMED_AFTER = re.compile(r"['’]s?[ \t]+(?:Day|Eve)\b")


def _determined_words(ctx: DocContext, ents: list[Ent]) -> set[str]:
    """Keys of a lone document noun the model took for a person, some mention of which a
    running "the" opens ("the Bill was signed", "the Act"): the law the document names in
    full, no one's name; the first name of a person the document names in full ("Bill
    Clinton") stays."""
    return {e.key for e in ents if e.label == "PERSON" and open_mention(e) and " " not in e.text
            and e.text not in ctx.persons and is_document_name(e.text)
            and LOWER_THE_BEFORE.search(ctx.text, max(0, e.start - 4), e.start)}


def _reshaped(ctx: DocContext, ent: Ent, bodies: set[str]) -> Ent:
    """The span with its name's shape mended, no facet when no name is left; a code the
    document writes before a group of its people is a body ("M23 rebels", tagged a place)."""
    if ent.facet not in ("actor", "place") or not ent.value or ent.fixed:
        return ent
    name = name_shape(ent.value, ctx.is_place)
    if name is None or _no_name(ctx, ent):
        return replace(ent, facet="actor", value=ent.text, country=None, rule="shape") \
            if name is not None and ent.key in bodies else \
            replace(ent, facet=None, value=None, rule="shape")
    return ent if name == ent.value else _renamed(ctx, ent, name)


def _renamed(ctx: DocContext, ent: Ent, name: str) -> Ent:
    """The span under its mended name, with the facet and value the name has."""
    facet = "place" if ctx.is_place(name) and len(name.split()) == 1 else ent.facet
    value = canonical_value(replace(ent, text=name, value=None, facet=facet), ctx.gazetteer)
    if value.facet is None:
        return replace(ent, facet=None, value=None, rule="shape")
    return replace(ent, facet=value.facet, value=value.value, country=value.country,
                   rule="shape")


def _no_name(ctx: DocContext, ent: Ent) -> bool:
    """Part of a document symbol ("SG/SM/20217"), or a code the model called a geopolitical
    entity ("The R0 number") or a person ("flight #JJ3054": no one's name holds a digit): no
    name."""
    if in_document_symbol(ctx.text, ent.start, ent.end):
        return True
    if ent.label == "PERSON":
        return is_code(ent.text)
    return ent.facet == "place" and ent.label == "GPE" and is_code(ent.value) \
        and not ctx.is_place(ent.value)


def rule_places_in_names(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 2: "the Government of Iraq", "the Battle of Mosul", "Mosul Police": the
    well-known place an organisation's or event's name holds is a place mention of its own;
    the actor stays (a university's, hospital's or outlet's seat is no such place)."""
    return _plus(ents, places_in_names(ents, ctx.gazetteer, ctx.persons))


def rule_order(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Spans in text order (the country rules take the nearest earlier place on ties)."""
    return sorted(ents, key=lambda e: (e.start, e.end))


def rule_countries(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """An unknown place takes the country of the nearest known place in its sentence."""
    return infer_countries(ctx.text, ents, ctx.gazetteer)


def rule_federal_government(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 6: "the federal government" in a report on one federation is its government
    ("US Government"), the value its other mentions get."""
    return _plus(ents, federal_government_mentions(ctx.text, ents, ctx.gazetteer.country_of))


def rule_capital_governments(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 6: a capital that acts ("New Delhi on Sunday rejected", "Athens expelled the
    ambassador") is its country's government ("Indian Government"), and so is a government
    named by its seat ("the government in Kinshasa")."""
    ents = capital_governments(ctx.text, ents, ctx.gazetteer)
    return _plus(ents, seat_governments(ctx.text, ents, ctx.gazetteer))


def rule_home_countries(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 4: "Valencia" in a report on Spain is Spain's city, not Venezuela's."""
    return home_countries(ents, ctx.gazetteer, ctx.is_country)


def rule_past_tense(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """Class 7: "he banned travel from China in January" (published in November) is last
    January, not the coming one."""
    return past_tense_dates(ctx.text, ents)


def rule_region_homonyms(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """ "Georgia" among American places is the US state."""
    return region_homonyms(ents)


#: the rules in the order they run; after each, spans a rule gave a facet get their
#: canonical value (`canonical_value`), so every rule sees values filled in
RULES: tuple[tuple[str, Rule], ...] = (
    ("join-org-names", rule_join_org_names),
    ("join-cut", rule_join_cut_names),
    ("possessive-name", rule_possessive_names),
    ("body-name", rule_body_names),
    ("acronym-name", rule_acronym_names),
    ("run-in-names", rule_run_in_names),
    ("listed-names", rule_listed_names),
    ("located-place", rule_located_places),
    ("flight", rule_flights),
    ("titled-name", rule_titled_names),
    ("role-set-off", rule_role_set_off_names),
    ("state-abbreviation", rule_state_abbreviations),
    ("titled-country", rule_titled_countries),
    ("country-date", rule_country_dates),
    ("classify", rule_classify),
    ("office-subject", rule_office_subjects),
    ("colon-dateline", rule_colon_datelines),
    ("person-place", rule_person_places),
    ("dotted-acronym", rule_dotted_acronyms),
    ("hyphenated", rule_hyphenated),
    ("coordination", rule_coordination),
    ("place-target", rule_targets),
    ("group", rule_group_actors),
    ("group-of", rule_group_of),
    ("national-territory", rule_national_territories),
    ("local-body", rule_local_bodies),
    ("ministry", rule_ministries),
    ("event", rule_events),
    ("vessel", rule_vessels),
    ("type-prior", rule_type_prior),
    ("thing-acronym", rule_thing_acronyms),
    ("division", rule_divisions),
    ("numbered-region", rule_numbered_regions),
    ("place-cue", rule_place_cues),
    ("capital", rule_capitals),
    ("source", rule_sources),
    ("place-tail", rule_place_tails),
    ("feature-head", rule_feature_heads),
    ("possessive-place", rule_possessive_places),
    ("body-site", rule_body_sites),
    ("collective", rule_collectives),
    ("other-name", rule_other_names),
    ("alias", rule_aliases),
    ("alias-known-surname", rule_known_surnames),
    ("alias-known", rule_known_names),
    ("alias-adopt", rule_adopt_aliases),
    ("name-variant", rule_name_variants),
    ("role", rule_roles),
    ("apposed-role", rule_apposed_roles),
    ("office", rule_offices),
    ("member", rule_members),
    ("body-office", rule_body_offices),
    ("consistency", rule_harmonise),
    ("speaker", rule_speakers),
    ("listed-place", rule_listed_places),
    ("sports-club", rule_sports_clubs),
    ("common-word", rule_common_words),
    ("opener-word", rule_opener_words),
    ("lone-place", rule_lone_places),
    ("town", rule_towns),
    ("gazetteer-scan", rule_missed_places),
    ("acronym-cue", rule_cued_acronyms),
    ("group-name", rule_group_names),
    ("party-name", rule_party_names),
    ("bare-acronym", rule_bare_acronyms),
    ("headline", rule_headlines),
    ("title-part", rule_title_parts),
    ("taxon", rule_taxa),
    ("shape", rule_shapes),
    ("dateline", rule_datelines),
    ("dateline-credit", rule_dateline_credits),
    ("place-in-name", rule_places_in_names),
    ("order", rule_order),
    ("home-country", rule_home_countries),
    ("countries", rule_countries),
    ("federal", rule_federal_government),
    ("capital-government", rule_capital_governments),
    ("region-homonym", rule_region_homonyms),
    ("past-tense", rule_past_tense),
    ("spelling", rule_spellings),
)
RULE_NAMES = tuple(name for name, _ in RULES)


def run_rules(ctx: DocContext, ents: list[Ent], rules: tuple[tuple[str, Rule], ...] = RULES,
              seconds: dict[str, float] | None = None) -> list[Ent]:
    """Apply the rules in order, filling in canonical values after each; `seconds`, when
    given, adds up each rule's time by name (for `bench/eval_facets.py --ablate`)."""
    for name, rule in rules:
        started = perf_counter() if seconds is not None else 0.0
        out = rule(ctx, ents)
        if out is not ents:  # a rule with nothing to do hands the very list back
            ents = _traced(name, ents, [e if e.value is not None or e.facet not in _VALUED
                                        else canonical_value(e, ctx.gazetteer) for e in out])
        if seconds is not None:
            seconds[name] = seconds.get(name, 0.0) + perf_counter() - started
    return ents


#: the facets whose spans get a canonical value (checked before calling `canonical_value`,
#: which every rule's output passes through)
_VALUED = frozenset({"actor", "place"})


def _handed_back(before: list[Ent], after: list[Ent]) -> bool:
    """True when a rule changed no span: most hand every span back untouched, in order (a
    C-level identity check), some reorder or drop them."""
    if len(after) == len(before) and all(map(is_, after, before)):
        return True
    same = {id(e) for e in before}
    return all(id(e) in same for e in after)


def _traced(name: str, before: list[Ent], after: list[Ent]) -> list[Ent]:
    """`after` with the rule's name added to every span it created or whose facet or value
    it changed (what `trawl extract --explain` reports as "rules"); a value filled in for a
    span whose facet stayed (a ruler span's first canonical value) is no rule's change."""
    if _handed_back(before, after):
        return after
    same = {id(e) for e in before}
    old = {(e.start, e.end): (e.facet, e.value) for e in before}
    return [e if id(e) in same or e.facet is None
            or old.get((e.start, e.end)) in ((e.facet, e.value), (e.facet, None))
            else replace(e, rules=(*e.rules, name)) for e in after]


def resolve_entities(text: str, raw: list[RawEnt], gazetteer: Gazetteer,
                     watch_places: Mapping[str, str] | None = None,
                     rules: tuple[tuple[str, Rule], ...] = RULES,
                     seconds: dict[str, float] | None = None, body_start: int = 0) -> list[Ent]:
    """All entity spans of a text with their final facet and canonical value (date spans are
    passed through with facet "date"; spans that are no facet value keep facet None).
    body_start: where the body starts after the title (0 when there is no title)."""
    ctx = DocContext(text, gazetteer, watch_places or {}, body_start=body_start)
    return run_rules(ctx, spans_from_model(text, raw, ctx.watch_places), rules, seconds)
