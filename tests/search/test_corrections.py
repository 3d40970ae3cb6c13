"""Corrections applied to the entity tables: each op, undo, bad input, a malformed file, and
corrections kept across a rebuild and an incremental commit (search.entity_corrections,
search.corrections, indexer.corrections)."""

from __future__ import annotations

import pytest
from search_corpus import add_to_live, write_generation

from indexer.corrections import correct
from search import SearchRequest, open_index, search
from search.corrections import (
    CorrectionError,
    MalformedCorrections,
    StaleCorrections,
    corrections_path,
    read_corrections,
)
from search.engine import get_document
from search.entity_evidence import describe_entity

DOCS = [
    {"id": "u1", "title": "One", "text": "The UN met.", "actor": ["UN"], "place": ["Geneva"],
     "countries": {"Geneva": "Switzerland"}, "mentions": [[4, 6, "UN", "actor", "UN"]]},
    {"id": "u2", "title": "Two", "text": "United Nations staff left.",
     "actor": ["United Nations"], "place": ["Geneva"], "countries": {"Geneva": "Switzerland"}},
    {"id": "u3", "title": "Three", "text": "The Northern Relief Group and the NRG helped.",
     "actor": ["Northern Relief Group", "NRG"], "place": ["Aleppo"],
     "countries": {"Aleppo": "Syria"}},
    {"id": "u4", "title": "Four", "text": "Jordan and the NRG.", "actor": ["NRG", "Jordan"],
     "place": ["Amman"], "countries": {"Amman": "Jordan"},
     "mentions": [[0, 6, "Jordan", "actor", "Jordan"], [15, 18, "NRG", "actor", "NRG"]]},
    {"id": "u5", "title": "Five", "text": "Reuters reported from Amman.",
     "actor": ["Reuters"], "place": ["Amman", "Jordan"], "countries": {"Amman": "Jordan",
                                                                      "Jordan": "Jordan"}},
]


@pytest.fixture
def index_dir(tmp_path):
    return write_generation(tmp_path / "index", DOCS)


def counts(ix, facet: str, **params) -> dict[str, int]:
    result = search(ix, SearchRequest.from_params({"facet_size": "100", **params}))
    return {v.value: v.count for v in result.facets[facet].values}


def total(ix, **params) -> int:
    return search(ix, SearchRequest.from_params(params)).total


def edit(index_dir, **fields):
    ix = open_index(index_dir)
    made = correct(index_dir, ix.generation(), fields, "cli")
    ix.refresh()
    return ix, made


def test_without_corrections_the_entities_are_the_rules_ones(index_dir):
    ix = open_index(index_dir)
    assert counts(ix, "actor") == {"United Nations": 2, "NRG": 2, "Jordan": 1, "Reuters": 1,
                                   "Northern Relief Group": 1}
    assert read_corrections(index_dir).entries == ()


def test_merge_joins_two_entities_counts_once_and_filters_by_any_alias(index_dir):
    ix, made = edit(index_dir, op="merge", facet="actor", value="NRG",
                    into="Northern Relief Group")
    assert made.entry.id == "c1" and made.entry.via == "cli" and made.entry.when
    assert counts(ix, "actor")["Northern Relief Group"] == 2  # u3 holds both: counted once
    assert "NRG" not in counts(ix, "actor")
    assert total(ix, actor="nrg") == total(ix, actor="Northern Relief Group") == 2
    assert total(ix, q='actor:"NRG"') == 2
    found = describe_entity(ix.generation(), "actor", "NRG")
    assert found["name"] == "Northern Relief Group" and found["corrections"] == ["c1"]
    assert {a["name"]: a["why"] for a in found["aliases"]}["NRG"] == "correction c1 (merge)"
    hit = search(ix, SearchRequest.from_params({"q": "Jordan"})).hits[0]
    assert "Northern Relief Group" in hit.actor


def test_undo_takes_back_the_last_change_or_a_named_one(index_dir):
    edit(index_dir, op="merge", facet="actor", value="NRG", into="Northern Relief Group")
    edit(index_dir, op="rename", facet="actor", value="Reuters", name="Reuters News")
    ix, made = edit(index_dir, op="undo")
    assert made.entry.target == "c2"
    assert "Reuters" in counts(ix, "actor") and "Northern Relief Group" in counts(ix, "actor")
    ix, _ = edit(index_dir, op="undo", target="c1")
    assert counts(ix, "actor")["NRG"] == 2
    assert ix.generation().correction_status == {"c1": "undone", "c2": "undone",
                                                 "c3": "applied", "c4": "applied"}
    with pytest.raises(CorrectionError, match="no change to undo"):
        edit(index_dir, op="undo")
    with pytest.raises(CorrectionError, match="already undone"):
        edit(index_dir, op="undo", target="c1")


def test_split_takes_an_alias_off_its_entity(index_dir):
    ix, _ = edit(index_dir, op="split", facet="actor", value="UN")
    assert counts(ix, "actor")["United Nations"] == 1 and counts(ix, "actor")["UN"] == 1
    assert total(ix, actor="UN") == 1


def test_retype_moves_an_entity_to_the_other_facet_joining_a_same_named_one(index_dir):
    ix, _ = edit(index_dir, op="retype", facet="actor", value="Jordan", to="place")
    assert "Jordan" not in counts(ix, "actor")
    assert counts(ix, "place")["Jordan"] == 2  # u4 (was an actor) and u5
    assert total(ix, place="Jordan") == 2 and total(ix, actor="Jordan") == 0
    hit = search(ix, SearchRequest.from_params({"q": "NRG Jordan"})).hits[0]
    assert "Jordan" in hit.place and "Jordan" not in hit.actor
    document = get_document(ix, "u4")  # the text as written, the mention linked to its entity
    assert (document["actor"], document["place"]) == (["NRG"], ["Amman", "Jordan"])
    assert document["mentions"] == [[0, 6, "place", "Jordan"], [15, 18, "actor", "NRG"]]


def test_country_sets_a_place_country_label_and_evidence(index_dir):
    ix, _ = edit(index_dir, op="country", facet="place", value="Aleppo", country="Syrian Arab Republic")
    result = search(ix, SearchRequest.from_params({"place": "Aleppo"}))
    aleppo = next(v for v in result.facets["place"].values if v.value == "Aleppo")
    assert aleppo.label == "Aleppo · Syrian Arab Republic"
    assert describe_entity(ix.generation(), "place", "Aleppo")["country"] == "Syrian Arab Republic"


def test_country_correction_moves_the_place_documents_in_the_country_facet(index_dir):
    ix = open_index(index_dir)
    assert counts(ix, "country") == {"Jordan": 2, "Switzerland": 2, "Syria": 1}
    ix, made = edit(index_dir, op="country", facet="place", value="Aleppo",
                    country="Syrian Arab Republic")
    assert counts(ix, "country") == {"Jordan": 2, "Switzerland": 2, "Syrian Arab Republic": 1}
    assert total(ix, country="Syria") == 0 and total(ix, country="Syrian Arab Republic") == 1
    assert total(ix, q='country:"syrian arab republic"') == 1
    hit = search(ix, SearchRequest.from_params({"place": "Aleppo"})).hits[0]
    assert hit.country == ["Syrian Arab Republic"]
    assert get_document(ix, "u3")["countries"] == {"Aleppo": "Syrian Arab Republic"}
    ix, _ = edit(index_dir, op="undo")
    assert counts(ix, "country") == {"Jordan": 2, "Switzerland": 2, "Syria": 1}
    assert search(ix, SearchRequest.from_params({"place": "Aleppo"})).hits[0].country == ["Syria"]


def test_a_dropped_or_retyped_place_no_longer_brings_its_country(index_dir):
    ix, _ = edit(index_dir, op="drop", facet="place", value="Amman")
    assert counts(ix, "country")["Jordan"] == 1  # u5 still names the place Jordan
    assert total(ix, country="Jordan") == 1
    assert get_document(ix, "u4")["countries"] == {}
    ix, _ = edit(index_dir, op="retype", facet="place", value="Geneva", to="actor")
    assert "Switzerland" not in counts(ix, "country") and total(ix, country="Switzerland") == 0


def test_a_value_retyped_into_the_places_brings_the_country_set_for_it(index_dir):
    ix, _ = edit(index_dir, op="retype", facet="actor", value="NRG", to="place")
    ix, _ = edit(index_dir, op="country", facet="place", value="NRG", country="Italy")
    assert counts(ix, "country")["Italy"] == 2  # u3 and u4 name NRG
    hit = search(ix, SearchRequest.from_params({"q": "Jordan", "country": "Italy"})).hits[0]
    assert hit.country == ["Jordan", "Italy"]


def test_without_corrections_the_derived_country_table_is_the_stored_one(index_dir):
    from search.place_countries import corrected_country_table, read_place_countries

    gen = open_index(index_dir).generation()
    derived = corrected_country_table(gen, gen.entities["place"], read_place_countries(gen))
    stored = gen.surface["country"]
    assert derived.values == stored.values
    assert derived.value_ptr.tolist() == stored.value_ptr.tolist()
    assert derived.value_docs.tolist() == stored.value_docs.tolist()


def test_drop_removes_a_value_from_facets_counts_and_filters(index_dir):
    ix, _ = edit(index_dir, op="drop", facet="actor", value="Reuters")
    assert "Reuters" not in counts(ix, "actor")
    assert total(ix, actor="Reuters") == 0 and total(ix, q="Reuters") == 1  # text stays
    assert "Reuters" not in search(ix, SearchRequest.from_params({"q": "Reuters"})).hits[0].actor
    ix, _ = edit(index_dir, op="merge", facet="actor", value="Jordan", into="NRG")
    assert get_document(ix, "u4")["mentions"] == [[0, 6, "actor", "NRG"], [15, 18, "actor", "NRG"]]
    ix, _ = edit(index_dir, op="drop", facet="actor", value="NRG")
    assert get_document(ix, "u4")["mentions"] == [] and get_document(ix, "u4")["actor"] == []


def test_rename_gives_a_canonical_name_and_the_old_one_still_finds_it(index_dir):
    ix, _ = edit(index_dir, op="rename", facet="actor", value="UN", name="The United Nations")
    assert counts(ix, "actor")["The United Nations"] == 2
    assert total(ix, actor="United Nations") == total(ix, actor="UN") == 2


@pytest.mark.parametrize(("fields", "message"), [
    ({"op": "merge", "facet": "actor", "value": "Nobody", "into": "NRG"}, "no actor named 'Nobody'"),
    ({"op": "merge", "facet": "actor", "value": "NRG", "into": "Aleppo"},
     "'Aleppo' is a place, not an actor"),
    ({"op": "merge", "facet": "actor", "value": "UN", "into": "United Nations"},
     "already one actor"),
    ({"op": "rename", "facet": "actor", "value": "NRG", "name": "reuters"},
     "already the actor 'Reuters Agency': merge into it instead"),
    ({"op": "retype", "facet": "actor", "value": "NRG", "to": "actor"}, "already an actor"),
    ({"op": "split", "facet": "actor", "value": "Reuters"}, "no other value"),
    ({"op": "country", "facet": "actor", "value": "NRG", "country": "Italy"}, "only places"),
    ({"op": "merge", "facet": "weapon", "value": "NRG", "into": "UN"}, "facet must be"),
    ({"op": "explode", "facet": "actor", "value": "NRG"}, "unknown op"),
    ({"op": "merge", "facet": "actor", "value": "NRG"}, "needs 'into'"),
    ({"op": "rename", "facet": "actor", "value": "NRG", "name": "a\nb"}, "one line"),
    ({"op": "undo", "target": "c9"}, "no correction with id 'c9'"),
    ({"op": "drop", "facet": "actor", "value": "NRG", "colour": "red", "by": "me"},
     r"unknown field\(s\): by, colour"),
])
def test_bad_input_is_refused_and_changes_nothing(index_dir, fields, message):
    edit(index_dir, op="rename", facet="actor", value="Reuters", name="Reuters Agency")
    before = corrections_path(index_dir).read_bytes()
    with pytest.raises(CorrectionError, match=message):
        edit(index_dir, **fields)
    assert corrections_path(index_dir).read_bytes() == before


def test_a_cycle_of_merges_is_refused(index_dir):
    edit(index_dir, op="merge", facet="actor", value="NRG", into="Northern Relief Group")
    with pytest.raises(CorrectionError, match="already one actor"):
        edit(index_dir, op="merge", facet="actor", value="Northern Relief Group", into="NRG")


def test_a_stale_edit_is_refused(index_dir):
    version = read_corrections(index_dir).version
    ix = open_index(index_dir)
    correct(index_dir, ix.generation(), {"op": "drop", "facet": "actor", "value": "Reuters"},
            "api", version)
    with pytest.raises(StaleCorrections, match="changed since you read them"):
        correct(index_dir, ix.generation(),
                {"op": "drop", "facet": "actor", "value": "Jordan"}, "api", version)
    assert len(read_corrections(index_dir).entries) == 1


@pytest.mark.parametrize("text", [
    "corrections: [1, 2]", "version: 7\ncorrections: []", "- just a list",
    "corrections:\n- {id: c1, op: merge, facet: actor, value: UN}",
    "corrections:\n- {id: c1, op: drop, facet: actor, value: UN, colour: red}",
    "corrections: [{id: c1, op: drop, facet: actor, value: a}, {id: c1, op: drop, facet: actor, value: b}]",
    "corrections: *a", "{{{{",
])
def test_a_malformed_file_is_reported_served_without_and_not_edited(index_dir, text):
    corrections_path(index_dir).write_text(text, encoding="utf-8")
    found = read_corrections(index_dir)
    assert found.entries == () and found.problem and "corrections.yaml" in found.problem
    ix = open_index(index_dir)
    assert ix.generation().corrections.problem == found.problem
    assert counts(ix, "actor")["United Nations"] == 2
    with pytest.raises(MalformedCorrections):
        correct(index_dir, ix.generation(), {"op": "drop", "facet": "actor", "value": "UN"}, "cli")
    assert corrections_path(index_dir).read_text(encoding="utf-8") == text


def test_an_edit_names_the_earlier_changes_it_leaves_without_effect(index_dir):
    edit(index_dir, op="rename", facet="actor", value="Reuters", name="Reuters News")
    _, dropped = edit(index_dir, op="drop", facet="actor", value="Reuters News")
    assert dropped.skipped == {}
    _, made = edit(index_dir, op="undo", target="c1")
    assert list(made.skipped) == ["c2"]
    assert made.skipped["c2"].startswith("skipped: no actor named 'Reuters News'")
    _, later = edit(index_dir, op="drop", facet="actor", value="NRG")
    assert later.skipped == {}  # c2 was skipped before this edit already


def test_a_correction_whose_value_left_the_index_is_skipped_not_fatal(index_dir):
    edit(index_dir, op="drop", facet="actor", value="Reuters")
    write_generation(index_dir, DOCS[:4])  # a rebuild without the document naming Reuters
    ix = open_index(index_dir)
    assert ix.generation().correction_status["c1"].startswith("skipped: no actor named")
    assert counts(ix, "actor")["United Nations"] == 2


def test_corrections_survive_a_rebuild_and_an_incremental_commit(index_dir):
    edit(index_dir, op="merge", facet="actor", value="NRG", into="Northern Relief Group")
    ix = open_index(index_dir, refresh_interval_s=0)
    write_generation(index_dir, DOCS)  # --rebuild: a new generation is published
    assert corrections_path(index_dir).exists()
    assert counts(ix, "actor")["Northern Relief Group"] == 2
    add_to_live(index_dir, [{"id": "u6", "title": "Six", "text": "NRG again.", "actor": ["NRG"]}])
    assert counts(ix, "actor")["Northern Relief Group"] == 3
    assert counts(open_index(index_dir), "actor")["Northern Relief Group"] == 3


def test_a_changed_file_is_picked_up_by_an_open_index(index_dir):
    ix = open_index(index_dir, refresh_interval_s=0)
    assert "Reuters" in counts(ix, "actor")
    other = open_index(index_dir)  # another process's edit, as far as `ix` can tell
    correct(index_dir, other.generation(), {"op": "drop", "facet": "actor", "value": "Reuters"},
            "cli")
    assert "Reuters" not in counts(ix, "actor")


def test_the_entity_structures_are_stored_beside_the_generation_and_reused(index_dir):
    from search import store
    from search.entity_cache import CACHE_PREFIX

    generation = index_dir / store.generation_name(index_dir)
    assert not list(generation.glob(f"{CACHE_PREFIX}*"))
    first = open_index(index_dir).generation()
    stored = list(generation.glob(f"{CACHE_PREFIX}*.pickle"))
    assert len(stored) == 1
    again = open_index(index_dir).generation()
    assert counts(open_index(index_dir), "actor") == counts(open_index(index_dir, cache=False),
                                                            "actor")
    assert [e.name for e in again.entities["actor"].entities] == [
        e.name for e in first.entities["actor"].entities]
    stored[0].write_bytes(b"not a pickle")  # unreadable: resolved again, stored again
    assert counts(open_index(index_dir), "actor")["United Nations"] == 2
    add_to_live(index_dir, [{"id": "u7", "title": "Seven", "text": "x", "actor": ["UN"]}])
    assert counts(open_index(index_dir), "actor")["United Nations"] == 3  # a new commit
    assert [p.name for p in generation.glob(f"{CACHE_PREFIX}*.pickle")] != [stored[0].name]


def test_the_places_countries_are_stored_beside_the_generation_once_per_commit(index_dir):
    from search import store
    from search.index import store_derived
    from search.place_countries import CACHE_PREFIX

    generation = index_dir / store.generation_name(index_dir)
    assert store_derived(index_dir)  # what `trawl index` does after its commit
    stored = list(generation.glob(f"{CACHE_PREFIX}*.pickle"))
    assert len(stored) == 1
    ix, _ = edit(index_dir, op="country", facet="place", value="Amman", country="Hashemite")
    assert counts(ix, "country")["Hashemite"] == 2
    add_to_live(index_dir, [{"id": "u8", "title": "Eight", "text": "x", "place": ["Amman"],
                             "countries": {"Amman": "Jordan"}}])
    assert counts(open_index(index_dir), "country")["Hashemite"] == 3  # a new commit
    assert [p.name for p in generation.glob(f"{CACHE_PREFIX}*.pickle")] != [stored[0].name]
