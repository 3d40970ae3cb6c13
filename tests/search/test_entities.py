"""Entity resolution per generation: each rule, the canonical name, and search on entities."""

from __future__ import annotations

import random

import pytest

from search import SearchRequest, facet_values, open_index, search
from search.entity_rules import spelling_key
from search.known_names import parse_known_names

US = {"Ohio": "United States"}


def doc(i: int, actors=(), places=("Ohio",), text: str = "", mentions=(), countries=None) -> dict:
    places = list(places)
    return {"id": f"e{i}", "title": f"Story {i}", "text": text or f"Story number {i}.",
            "actor": list(actors), "place": places,
            "countries": countries if countries is not None else {p: "United States"
                                                                   for p in places},
            "mentions": list(mentions)}


def entity_of(ix, facet: str, surface: str):
    table = ix.generation().entities[facet]
    return table.entities[table.by_surface[surface]]


def facet_counts(ix, facet: str, **params) -> dict[str, int]:
    result = search(ix, SearchRequest.from_params({"facet_size": "100", **params}))
    return {v.value: v.count for v in result.facets[facet].values}


def test_spelling_key_folds_case_accents_punctuation_and_country_names():
    assert spelling_key("U.S. Senate") == spelling_key("United States Senate") == "us senate"
    assert spelling_key("Erdoğan") == "erdogan"
    assert spelling_key("Washington, D.C.") == spelling_key("DC") == "washington dc"
    assert spelling_key("Washington") != spelling_key("Washington, D.C.")


def test_same_spelling_merges_case_and_counts_a_document_once(make_index):
    ix = open_index(make_index([doc(1, ["Democratic Party"]), doc(2, ["Democratic party"]),
                                doc(3, ["Democratic Party", "Democratic party"]),
                                doc(4, ["Republican Party"])]))
    entity = entity_of(ix, "actor", "Democratic party")
    assert (entity.name, entity.doc_count, entity.rules) == (
        "Democratic Party", 3, ("same_spelling",))
    assert entity.aliases == (("Democratic Party", 2), ("Democratic party", 2))
    assert facet_counts(ix, "actor") == {"Democratic Party": 3, "Republican Party": 1}


def test_country_qualified_bodies_merge_and_bare_body_joins_in_that_countrys_context(make_index):
    docs = [doc(1, ["US Senate"]), doc(2, ["U.S. Senate"]), doc(3, ["United States Senate"]),
            doc(4, ["Senate"]), doc(5, ["Senate"]), doc(6, ["Senate"])]
    ix = open_index(make_index(docs))
    senate = entity_of(ix, "actor", "Senate")
    assert senate.name in {"US Senate", "U.S. Senate", "United States Senate"}
    assert sorted(senate.alias_names) == ["Senate", "U.S. Senate", "US Senate",
                                          "United States Senate"]
    assert senate.doc_count == 6


def test_a_bare_armed_service_joins_its_countrys_service(make_index):
    docs = [doc(1, ["U.S. Navy"]), doc(2, ["United States Navy"]), doc(3, ["Navy"]),
            doc(4, ["Navy"]), doc(5, ["Air Force"]), doc(6, ["US Air Force"]),
            doc(7, ["Air Force"])]
    ix = open_index(make_index(docs))
    assert entity_of(ix, "actor", "Navy").doc_count == 4
    assert sorted(entity_of(ix, "actor", "Air Force").alias_names) == ["Air Force",
                                                                        "US Air Force"]


def test_a_department_joins_in_either_word_order_and_bare_in_its_countrys_context(make_index):
    docs = [doc(1, ["US State Department"]), doc(2, ["United States Department of State"]),
            doc(3, ["State Department"]), doc(4, ["State Department"]),
            doc(5, ["Justice Department"]), doc(6, ["Department of Homeland Security"])]
    ix = open_index(make_index(docs))
    assert sorted(entity_of(ix, "actor", "State Department").alias_names) == [
        "State Department", "US State Department", "United States Department of State"]
    assert entity_of(ix, "actor", "Justice Department").alias_names == ("Justice Department",)


def test_bare_body_stays_apart_outside_the_countrys_context(make_index):
    docs = [doc(1, ["US Senate"]), doc(2, ["Senate"], ["Canberra"], countries={}),
            doc(3, ["Senate"], ["Canberra"], countries={"Canberra": "Australia"}),
            doc(4, ["Senate"], ["Ohio"])]
    ix = open_index(make_index(docs))
    assert entity_of(ix, "actor", "Senate").alias_names == ("Senate",)
    assert entity_of(ix, "actor", "US Senate").alias_names == ("US Senate",)


def test_known_name_merges_an_acronym_and_filters_by_any_alias(make_index):
    ix = open_index(make_index([doc(1, ["UN"]), doc(2, ["United Nations"]),
                                doc(3, ["United Nations"]), doc(4, ["Red Cross"])]))
    assert entity_of(ix, "actor", "UN").name == "United Nations"
    assert facet_counts(ix, "actor") == {"United Nations": 3, "Red Cross": 1}
    for alias in ("UN", "un", "U.N.", "United Nations"):
        assert search(ix, SearchRequest.from_params({"actor": alias})).total == 3
    assert search(ix, SearchRequest.from_params({"q": 'actor:"un"'})).total == 3
    selected = facet_counts(ix, "actor", actor="UN")
    assert selected == {"United Nations": 3, "Red Cross": 1}
    value = next(v for v in search(ix, SearchRequest.from_params({"actor": "UN"}))
                 .facets["actor"].values if v.value == "United Nations")
    assert (value.selected, value.aliases, value.toggle) == (True, ("UN",), "")


def test_a_lone_known_alias_keeps_its_name(make_index):
    ix = open_index(make_index([doc(1, ["UN"]), doc(2, ["Red Cross"])]))
    assert facet_counts(ix, "actor") == {"Red Cross": 1, "UN": 1}


def test_acronym_joins_the_expansion_the_corpus_introduces_it_with(make_index):
    text = "The Free Aleppo Brigade (FAB) said so."
    intro = doc(1, ["Free Aleppo Brigade"], text=text,
                mentions=[[4, 23, "Free Aleppo Brigade", "actor", "Free Aleppo Brigade"]])
    ix = open_index(make_index([intro, doc(2, ["FAB"]), doc(3, ["Free Aleppo Brigade"])]))
    entity = entity_of(ix, "actor", "FAB")
    assert (entity.name, entity.rules) == ("Free Aleppo Brigade", ("acronym_expansion",))


def test_acronym_never_introduced_or_introduced_twice_stays_apart(make_index):
    first = doc(1, ["Syrian National Army"], text="The Syrian National Army (SNX) moved.",
                mentions=[[4, 24, "Syrian National Army", "actor", "Syrian National Army"]])
    second = doc(2, ["Somali National Army"], text="The Somali National Army (SNX) moved.",
                 mentions=[[4, 24, "Somali National Army", "actor", "Somali National Army"]])
    ix = open_index(make_index([first, second, doc(3, ["SNX"]), doc(4, ["Free Aleppo Brigade"]),
                                doc(5, ["FAB"])]))
    assert entity_of(ix, "actor", "SNX").alias_names == ("SNX",)
    assert entity_of(ix, "actor", "FAB").alias_names == ("FAB",)


def test_a_surname_joins_its_only_full_name_but_not_an_ambiguous_one(make_index):
    docs = [doc(1, ["Recep Tayyip Erdogan"]), doc(2, ["Recep Tayyip Erdogan"]),
            doc(3, ["Erdoğan"]), doc(4, ["Bashar al-Assad"]), doc(5, ["Hafez al-Assad"]),
            doc(6, ["Bashar al-Assad", "Hafez al-Assad"]), doc(7, ["Assad"])]
    ix = open_index(make_index(docs))
    erdogan = entity_of(ix, "actor", "Erdoğan")
    assert (erdogan.name, erdogan.doc_count, erdogan.rules) == (
        "Recep Tayyip Erdogan", 3, ("unique_surname",))
    assert entity_of(ix, "actor", "Assad").alias_names == ("Assad",)
    assert entity_of(ix, "actor", "Bashar al-Assad").alias_names == ("Bashar al-Assad",)


def test_a_partys_members_are_no_surname_of_another_party(make_index):
    docs = [doc(1, ["Liberal Democrats"]), doc(2, ["Liberal Democrats"]), doc(3, ["Democrats"]),
            doc(4, ["Democrats"])]
    ix = open_index(make_index(docs))
    assert entity_of(ix, "actor", "Democrats").alias_names == ("Democrats",)


def test_washington_state_and_dc_are_never_merged(make_index):
    docs = [doc(1, places=["Washington, D.C."]), doc(2, places=["DC"]),
            doc(3, places=["Washington"]), doc(4, places=["Washington State"])]
    ix = open_index(make_index(docs))
    assert sorted(entity_of(ix, "place", "DC").alias_names) == ["DC", "Washington, D.C."]
    assert entity_of(ix, "place", "DC").name == "Washington, D.C."
    assert entity_of(ix, "place", "Washington").alias_names == ("Washington",)
    assert entity_of(ix, "place", "Washington State").alias_names == ("Washington State",)


def test_facet_value_search_finds_an_entity_by_an_alias(make_index):
    ix = open_index(make_index([doc(1, ["UN"]), doc(2, ["United Nations"])]))
    found = facet_values(ix, "actor", "un", SearchRequest())
    assert [(v.value, v.count, v.aliases) for v in found] == [("United Nations", 2, ("UN",))]


def test_hits_show_canonical_names(make_index):
    ix = open_index(make_index([doc(1, ["UN", "Red Cross"]), doc(2, ["United Nations"])]))
    hits = search(ix, SearchRequest.from_params({"sort": "oldest"})).hits
    assert sorted(hit.actor for hit in hits) == [["United Nations"], ["United Nations",
                                                                       "Red Cross"]]


@pytest.mark.parametrize("seed", [1, 2])
def test_entities_do_not_depend_on_file_order(make_index, seed):
    docs = [doc(1, ["US Senate"]), doc(2, ["Senate"]), doc(3, ["Senate"]), doc(4, ["UN"]),
            doc(5, ["United Nations"]), doc(6, ["Erdoğan"]), doc(7, ["Recep Tayyip Erdogan"]),
            doc(8, ["Recep Tayyip Erdogan"]), doc(9, ["Democratic party"])]
    shuffled = docs[:]
    random.Random(seed).shuffle(shuffled)
    names = []
    for order in (docs, shuffled):
        ix = open_index(make_index(order))
        table = ix.generation().entities["actor"]
        names.append(sorted((e.name, e.alias_names, e.doc_count) for e in table.entities))
    assert names[0] == names[1]


def test_nothing_merges_the_tables_stay_the_surface_tables(ix):
    gen = ix.generation()
    for facet in ("actor", "place"):
        assert gen.facets[facet].values == gen.surface[facet].values
        assert (gen.facets[facet].value_docs == gen.surface[facet].value_docs).all()
        assert not gen.entities[facet].merged


def test_known_names_parse_sections_and_typed_entries():
    known = parse_known_names("actors:\n- {name: United Nations, aliases: [UN]}\n"
                              "places:\n- {name: Aleppo, aliases: Halab|Haleb}\n")
    assert known["actor"] == {"united nations": "United Nations", "un": "United Nations"}
    assert known["place"] == {"aleppo": "Aleppo", "halab": "Aleppo", "haleb": "Aleppo"}


def test_a_place_or_role_glued_before_a_name_joins_that_person(make_index):
    docs = [doc(1, ["Bernie Sanders"]), doc(2, ["Vermont Bernie Sanders"], ["Vermont"]),
            doc(3, ["Guitarist Eddie Van Halen"]), doc(4, ["Eddie Van Halen"]),
            doc(5, ["Foreign Affairs"]), doc(6, ["House Foreign Affairs"])]
    ix = open_index(make_index(docs))
    assert entity_of(ix, "actor", "Vermont Bernie Sanders").name == "Bernie Sanders"
    assert entity_of(ix, "actor", "Guitarist Eddie Van Halen").name == "Eddie Van Halen"
    assert entity_of(ix, "actor", "House Foreign Affairs").alias_names == (
        "House Foreign Affairs",)


def test_the_last_words_of_one_full_name_join_it(make_index):
    docs = [doc(1, ["Rocky De La Fuente"]), doc(2, ["Rocky De La Fuente"]),
            doc(3, ["De La Fuente"]), doc(4, ["Alex Van Halen"]), doc(5, ["Eddie Van Halen"]),
            doc(6, ["Van Halen"])]
    ix = open_index(make_index(docs))
    assert entity_of(ix, "actor", "De La Fuente").name == "Rocky De La Fuente"
    assert entity_of(ix, "actor", "Van Halen").alias_names == ("Van Halen",)


def test_entity_evidence_by_any_alias(make_index):
    from search.engine import entity

    text = "Officials of the UN said so."
    ix = open_index(make_index([
        doc(1, ["UN"], text=text, mentions=[[17, 19, "UN", "actor", "UN"]]),
        doc(2, ["United Nations"]), doc(3, ["United Nations"])]))
    found = entity(ix, "actor", "un")
    assert (found["name"], found["documents"], found["rules"]) == (
        "United Nations", 3, ["known_name"])
    assert found["aliases"] == [{"name": "United Nations", "documents": 2, "why": "known_name"},
                                {"name": "UN", "documents": 1, "why": "known_name"}]
    assert [(m["document"], m["text"], m["snippet"], m["rule"]) for m in found["mentions"]] == [
        ("e1", "UN", text, "known_name")]
    assert entity(ix, "actor", "Nobody") is None
