"""The user watchlist: YAML and CSV formats, clear errors, and the entity ruler before NER."""

from __future__ import annotations

import pytest
import spacy
from entity_kit import raw_ents, small_gazetteer

from indexer.entities import resolve_entities
from indexer.watchlist import (
    META_PLACES,
    WatchEntry,
    WatchlistError,
    add_entity_ruler,
    load_watchlist,
    parse_csv,
    parse_yaml,
    ruler_patterns,
)

YAML_LIST = """
- name: Islamic State
  type: actor
  aliases: [ISIS, ISIL, Daesh]
- {name: Khan Shaykhun, type: place, aliases: "Khan Sheikhoun|Khan Shaykhoun", country: Syria}
"""


def test_parse_yaml_list():
    assert parse_yaml(YAML_LIST, "w.yaml") == [
        WatchEntry("Islamic State", "actor", ("ISIS", "ISIL", "Daesh")),
        WatchEntry("Khan Shaykhun", "place", ("Khan Sheikhoun", "Khan Shaykhoun"), "Syria"),
    ]


def test_parse_yaml_sections_imply_the_type():
    text = "actors:\n  - name: Wagner Group\npeople:\n  - name: Abu Mohammed al-Jolani\n" \
           "    aliases: [Jolani]\nplaces:\n  - {name: Tal Rifaat, country: Syria}\n"
    assert parse_yaml(text, "w.yaml") == [
        WatchEntry("Wagner Group", "actor"),
        WatchEntry("Abu Mohammed al-Jolani", "person", ("Jolani",)),
        WatchEntry("Tal Rifaat", "place", (), "Syria"),
    ]


def test_parse_csv():
    text = "name,type,aliases,country\nIslamic State,actor,ISIS|ISIL,\n\nManbij,place,,Syria\n"
    assert parse_csv(text, "w.csv") == [WatchEntry("Islamic State", "actor", ("ISIS", "ISIL")),
                                        WatchEntry("Manbij", "place", (), "Syria")]


@pytest.mark.parametrize(("text", "message"), [
    ("- {name: X, type: weapon}", "w.yaml: entry 1: type must be actor, person or place, got 'weapon'"),
    ("- {type: actor}", "w.yaml: entry 1: missing name"),
    ("- just a string", "w.yaml: entry 1: expected a mapping with name and type, got 'just a string'"),
    ("name: [unclosed", "w.yaml: not valid YAML"),
    ("groups: []", "w.yaml: unknown section(s) ['groups']; use actors, people and places"),
])
def test_yaml_errors_name_the_file_and_entry(text, message):
    with pytest.raises(WatchlistError) as info:
        parse_yaml(text, "w.yaml")
    assert str(info.value).startswith(message)


def test_entries_spell_organisations_either_way_and_clean_their_aliases():
    text = "- {name: Wagner Group, type: Organization, aliases: [' Wagner ', '', PMC Wagner, Wagner]}\n" \
           "- {name: Hezbollah, type: organisation, aliases: 'Hizbullah| |Hizbollah'}"
    assert parse_yaml(text, "w.yaml") == [
        WatchEntry("Wagner Group", "actor", ("Wagner", "PMC Wagner")),
        WatchEntry("Hezbollah", "actor", ("Hizbullah", "Hizbollah")),
    ]
    with pytest.raises(WatchlistError, match=r"^w.yaml: entry 1: aliases must be a list"):
        parse_yaml("- {name: X, type: actor, aliases: {a: b}}", "w.yaml")


def test_csv_errors_name_the_line():
    with pytest.raises(WatchlistError, match=r"^w.csv:3: type must be"):
        parse_csv("name,type\nA,actor\nB,tank\n", "w.csv")
    with pytest.raises(WatchlistError, match=r"^w.csv:1: header must name"):
        parse_csv("who,what\nA,actor\n", "w.csv")


def test_load_watchlist_reads_files_and_reports_missing_ones(tmp_path):
    path = tmp_path / "watch.csv"
    path.write_text("name,type\nHezbollah,actor\n", encoding="utf-8")
    assert load_watchlist(str(path)) == (WatchEntry("Hezbollah", "actor"),)
    with pytest.raises(WatchlistError, match="cannot read watchlist"):
        load_watchlist(str(tmp_path / "missing.yaml"))


def test_ruler_patterns_carry_the_canonical_name():
    entries = [WatchEntry("Islamic State", "actor", ("ISIS",)), WatchEntry("Manbij", "place")]
    assert ruler_patterns(entries, "watchlist") == [
        {"label": "ORG", "pattern": "Islamic State", "id": "watchlist|Islamic State"},
        {"label": "ORG", "pattern": "ISIS", "id": "watchlist|Islamic State"},
        {"label": "GPE", "pattern": "Manbij", "id": "watchlist|Manbij"},
    ]


def test_ruler_applies_watchlist_and_known_entities(tmp_path):
    path = tmp_path / "watch.yaml"
    path.write_text(YAML_LIST, encoding="utf-8")
    nlp = spacy.blank("en")
    add_entity_ruler(nlp, str(path))
    text = "ISIS fighters left Khan Sheikhoun. Counter-Daesh efforts and Hezbollah went on."
    ents = resolve_entities(text, raw_ents(nlp, text), small_gazetteer(), nlp.meta[META_PLACES])
    assert [(e.text, e.facet, e.value, e.rule, e.country) for e in ents] == [
        ("ISIS", "actor", "Islamic State", "watchlist", None),
        ("Khan Sheikhoun", "place", "Khan Shaykhun", "watchlist", "Syria"),
        ("Hezbollah", "actor", "Hezbollah", "known", None),
    ]


def test_user_entry_overrides_a_known_surface(tmp_path):
    path = tmp_path / "watch.yaml"
    path.write_text("- {name: Hizbullah, type: actor, aliases: [Hezbollah]}\n", encoding="utf-8")
    nlp = spacy.blank("en")
    add_entity_ruler(nlp, str(path))
    assert raw_ents(nlp, "Hezbollah said.") == [(0, 9, "ORG", "watchlist|Hizbullah")]


def test_known_military_commands_take_one_name_each():
    nlp = spacy.blank("en")
    add_entity_ruler(nlp)
    text = ("USCENTCOM and CENTCOM met. The Combined Joint Task Force – Inherent Resolve and "
            "CJTF-OIR struck.")
    ents = resolve_entities(text, raw_ents(nlp, text), small_gazetteer(), nlp.meta[META_PLACES])
    oir = "Combined Joint Task Force – Operation Inherent Resolve"
    assert [(e.text, e.value, e.rule) for e in ents] == [
        ("USCENTCOM", "CENTCOM", "known"), ("CENTCOM", "CENTCOM", "known"),
        ("Combined Joint Task Force – Inherent Resolve", oir, "known"),
        ("CJTF-OIR", oir, "alias-known")]


def _with_known_entities(text: str) -> list:
    """The resolved spans of `text` with the shipped list's ruler and no model."""
    nlp = spacy.blank("en")
    add_entity_ruler(nlp)
    return resolve_entities(text, raw_ents(nlp, text), small_gazetteer(), nlp.meta[META_PLACES])


def test_known_names_keep_the_documents_own_name():
    ents = _with_known_entities("Daesh fighters attacked. Nato and the UN condemned it.")
    assert [(e.text, e.facet, e.value) for e in ents] == [
        ("Daesh", "actor", "Daesh"), ("Nato", "actor", "NATO"), ("UN", "actor", "UN")]


def test_a_known_entity_named_two_ways_in_one_document_takes_the_name_it_uses_most():
    # split values: "Daesh fighters and ISIS cells" are one entity of the document, so one
    # value, a name the document uses (the first of equals); "Houthi" is a spelling of the
    # canonical "Houthis", so "Houthi rebels" takes that
    ents = _with_known_entities("Daesh fighters and ISIS cells attacked; ISIS fled. Houthi "
                                "gunmen and Houthi rebels fired.")
    assert [(e.text, e.value) for e in ents] == [
        ("Daesh", "ISIS"), ("ISIS", "ISIS"), ("ISIS", "ISIS"), ("Houthi", "Houthis"),
        ("Houthi rebels", "Houthis")]


def test_known_alias_takes_the_canonical_name_when_the_document_uses_it():
    nlp = spacy.blank("en")
    add_entity_ruler(nlp)
    text = "The Islamic State claimed it. Daesh fighters and the YPG clashed."
    ents = resolve_entities(text, raw_ents(nlp, text), small_gazetteer(), nlp.meta[META_PLACES])
    assert [(e.text, e.value, e.rule) for e in ents] == [
        ("Islamic State", "Islamic State", "known"),
        ("Daesh", "Islamic State", "alias-known"), ("YPG", "YPG", "known")]


def test_known_rights_and_aid_organisations_are_actors_the_model_missed(real_nlp):
    # class 2 (organisations missed): the small model leaves "Human Rights Watch" untagged
    # after a list's comma; the shipped list makes it an actor, its acronym the same one (the
    # document names it in full), and "Doctors Without Borders" keeps the document's name
    text = ("Thousands fled the attacks and reprisals by Burkinabe security forces, Human Rights "
            "Watch reported in May. HRW and Doctors Without Borders called for an inquiry.")
    ents = resolve_entities(text, raw_ents(real_nlp, text), small_gazetteer(),
                            real_nlp.meta[META_PLACES])
    actors = {(e.text, e.value) for e in ents if e.facet == "actor"}
    assert {("Human Rights Watch", "Human Rights Watch"), ("HRW", "Human Rights Watch"),
            ("Doctors Without Borders", "Doctors Without Borders")} <= actors


def test_a_known_name_joined_to_a_lower_case_word_by_a_hyphen_stays_a_match():
    # class 2 (organisations missed): "the al-Qaeda-linked Shebab", "a Hezbollah-run
    # ministry", "pro-Hezbollah media" name the group; a hyphen to a capitalised word or a
    # digit glues it into another name ("Counter-Daesh"), which the model reads whole
    nlp = spacy.blank("en")
    add_entity_ruler(nlp)
    text = "The al-Qaeda-linked group, a Hezbollah-run ministry and pro-Hezbollah media met."
    assert [e[2:] for e in raw_ents(nlp, text)] == [
        ("ORG", "known|al-Qaeda"), ("ORG", "known|Hezbollah"), ("ORG", "known|Hezbollah")]
    assert raw_ents(nlp, "Counter-Daesh efforts and Daesh-2 went on.") == []
