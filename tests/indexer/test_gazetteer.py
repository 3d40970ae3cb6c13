"""Places: gazetteer lookups, canonical names with countries, relabelling, missed places."""

from __future__ import annotations

import pytest
from entity_kit import resolved, small_gazetteer

from indexer.entities import resolve_entities
from indexer.gazetteer import (
    Gazetteer,
    Place,
    _better,
    default_entries,
    default_gazetteer,
    place_key,
    spelling_variant,
)
from indexer.phrases import infer_countries
from indexer.spans import Ent, SpanIndex, overlaps


def test_place_key_folds_case_accents_dots_and_articles():
    assert place_key("the U.S.") == "us"
    assert place_key("Ḩalab") == "halab"
    assert place_key("Tall Rif‘at") == "tall rifat"
    assert place_key("Deir ez-Zor") == "deir ez zor"


def test_canonical_country_aliases_and_city_spelling():
    gazetteer = small_gazetteer()
    assert gazetteer.canonical("U.S.") == ("United States", "United States")
    assert gazetteer.canonical("the United States") == ("United States", "United States")
    assert gazetteer.canonical("Aleppo") == ("Aleppo", "Syria")
    assert gazetteer.canonical("Raqqa") == ("Raqqa", "Syria")
    assert gazetteer.canonical("Khan Tuman") is None
    # a dateline's capitals are no spelling of the city's ("ALEPPO -", "RAQQA -")
    assert gazetteer.canonical("ALEPPO") == ("Aleppo", "Syria")
    assert gazetteer.canonical("RAQQA") == ("Raqqa", "Syria")


def test_a_dotted_acronym_is_no_place_its_letters_spell():
    # "O.A.S." (a company) is not the town Oas; the place table's dotted aliases still resolve
    gazetteer = Gazetteer.from_entries([("Oas", Place("Oas", "Philippines", "city", 64890)),
                                        ("U.S.", Place("United States", "United States",
                                                       "country", 0))])
    assert gazetteer.lookup("O.A.S.") is None
    assert gazetteer.lookup("Oas").name == "Oas"
    assert gazetteer.lookup("U.S.").name == "United States"


def test_confident_needs_a_large_city():
    gazetteer = small_gazetteer()
    assert gazetteer.confident("Idlib").name == "Idlib"
    assert gazetteer.confident("Saraqib") is None
    assert gazetteer.confident("Syria").kind == "country"


def test_spelling_variants_are_kept_translations_are_not():
    assert spelling_variant("Raqqa", "Ar Raqqah")
    assert spelling_variant("Idleb", "Idlib")
    assert not spelling_variant("Halab", "Aleppo")
    assert not spelling_variant("White House", "Casablanca")
    # transliterations differ in vowels, c/k/q, a final h and doubled letters
    assert spelling_variant("Hodeidah", "Al Ḩudaydah")
    assert spelling_variant("Mecca", "Makkah")
    assert spelling_variant("Derna", "Darnah")
    assert not spelling_variant("Tadmur", "Palmyra")


def test_cities_of_arabic_speaking_countries_are_found_without_their_article():
    # class 4 (wrong or missing countries): "Hodeidah", "Qamishli", "Douma" in conflict reports
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("Hodeidah").country == "Yemen"
    assert gazetteer.lookup("Qamishli").country == "Syria"
    assert gazetteer.lookup("Douma").country == "Syria"
    assert gazetteer.lookup("Mecca").country == "Saudi Arabia"


def test_default_gazetteer_knows_countries_aliases_cities_and_regions():
    gazetteer = default_gazetteer()
    assert gazetteer.canonical("US") == ("United States", "United States")
    assert gazetteer.canonical("UK") == ("United Kingdom", "United Kingdom")
    assert gazetteer.canonical("Palestinian Territory") == ("Palestine", "Palestine")
    assert gazetteer.canonical("Idlib") == ("Idlib", "Syria")
    assert gazetteer.canonical("Raqqah") == ("Raqqah", "Syria")
    assert gazetteer.canonical("California") == ("California", "United States")
    assert gazetteer.canonical("PNG") == ("Papua New Guinea", "Papua New Guinea")
    assert gazetteer.canonical("BiH") == ("Bosnia and Herzegovina", "Bosnia and Herzegovina")
    assert gazetteer.lookup("White House") is None


@pytest.mark.parametrize(("name", "country"), [
    ("Democratic People’s Republic of Korea", "North Korea"),
    ("Republic of Korea", "South Korea"),  # ISO's "Korea, Republic of", put right
    ("Hashemite Kingdom of Jordan", "Jordan"),
    ("the State of Qatar", "Qatar"),
    ("Republic of Iraq", "Iraq"),
    ("Lao People's Democratic Republic", "Laos"),
    # class 4: the name that tells the state from Northern Ireland had been put in the UK
    ("Republic of Ireland", "Ireland"), ("Irish Republic", "Ireland"),
])
def test_countries_are_known_by_their_official_names(name, country):
    assert default_gazetteer().country_of(name) == country


def test_an_official_name_making_a_territory_part_of_another_country_is_left_out():
    assert default_gazetteer().lookup("Taiwan, Province of China") is None
    assert default_gazetteer().country_of("Taiwan") == "Taiwan"


@pytest.mark.parametrize(("label", "rule"), [("NORP", "gazetteer"), ("ORG", "gazetteer"),
                                             ("WORK_OF_ART", "gazetteer")])
def test_mislabelled_places_become_places(label, rule):
    text = "Clashes were reported west of Aleppo."
    assert resolved(text, [(label, "Aleppo")]) == [("Aleppo", "place", "Aleppo", rule)]


def test_person_that_is_a_city_needs_place_context():
    assert resolved("Fighting reached Mosul and Aleppo.", [("GPE", "Mosul"), ("PERSON", "Aleppo")]) \
        == [("Mosul", "place", "Mosul", "model"), ("Aleppo", "place", "Aleppo", "gazetteer")]
    assert resolved("His wife Mary said he was tired.", [("PERSON", "Mary")]) \
        == [("Mary", "actor", "Mary", "model")]


def test_person_name_word_is_not_relabelled():
    text = "Said Aleppo Khan spoke. Later Aleppo left."
    assert resolved(text, [("PERSON", "Said Aleppo Khan"), ("PERSON", "Aleppo")])[0] \
        == ("Said Aleppo Khan", "actor", "Said Aleppo Khan", "model")


def test_country_alias_is_canonical_with_its_country():
    assert resolved("Talks with the US ended.", [("GPE", "US")]) \
        == [("US", "place", "United States", "model")]


def test_place_cue_makes_an_unknown_town_a_place_with_a_nearby_country():
    text = "Rebels took the town of Khan Tuman near Aleppo."
    ents = resolved(text, [("PERSON", "Khan Tuman"), ("GPE", "Aleppo")])
    assert ents == [("Khan Tuman", "place", "Khan Tuman", "place-cue"),
                    ("Aleppo", "place", "Aleppo", "model")]


def test_missed_places_are_found_but_not_common_words_or_sentence_starts():
    text = "Aid reached Damascus. Of the trucks, most came via Saraqib or Turkey."
    assert resolved(text, []) == [("Damascus", "place", "Damascus", "gazetteer-scan"),
                                  ("Turkey", "place", "Turkey", "gazetteer-scan")]


def test_missed_places_end_before_an_offices_word():
    # class 2: a run the model left untagged ends its place before an office's word ("Oyo
    # State Governor, Seyi Makinde": "Oyo State"); an office leading the run is no cut
    text = "Aid came. The Syria Deputy Governor spoke. Governor Aleppo Tal spoke."
    assert [r[:2] for r in resolved(text, [])] == [("Syria", "place")]


def test_missed_places_take_another_spelling_only_as_the_object_of_near_or_in():
    # "Raqqa" is an alternate spelling (Ar Raqqah): found after a line-opening "Near" or "in",
    # not as a modifier ("in the Raqqa talks") nor alone
    text = "Strikes went on.\n*Near Raqqa, 20 strikes hit.\nRaqqa talks began in the Raqqa talks hall."
    assert [r[0] for r in resolved(text, [])] == ["Raqqa"]
    assert resolved("Aid came. It was stored in Raqqa at night.", []) == [
        ("Raqqa", "place", "Raqqa", "gazetteer-scan")]
    # a word after it is its verb when the document writes the name alone again, but not
    # after an article ("in the Raqqa talks")
    text = "Raqqa remains calm. Fighting near Raqqa intensified. Raqqa mourned."
    assert [r[0] for r in resolved(text, [])] == ["Raqqa"]
    text = "Raqqa remains calm. Delegates in the Raqqa talks disagreed."
    assert resolved(text, []) == []


def test_missed_places_skip_words_english_writes_in_lower_case():
    # "Source: Africom" opens a line; the gazetteer holds a Monegasque ward "La Source"
    text = "The strike hit Turkey.\nSource: Africom"
    assert default_gazetteer().lookup("Source") is not None
    assert [r[0] for r in resolved(text, []) if r[1] == "place"] == ["Turkey"]
    # the source the line names is an actor (`dateline-credit`), not a place either
    assert [r[:2] for r in resolved(text, []) if r[0] == "Africom"] == [("Africom", "actor")]


def test_missed_places_skip_spans_overlapping_any_entity_however_far_back_it_starts():
    text = "Talks in Damascus and Turkey went on. Delegates from Turkey left."
    long_org = ("ORG", "Talks in Damascus and Turkey went on")
    assert resolved(text, [long_org])[1:] == [("Turkey", "place", "Turkey", "gazetteer-scan")]


def test_span_index_agrees_with_pairwise_overlap():
    spans = [Ent(s, e, "x", "ORG") for s, e in [(0, 30), (5, 8), (40, 42), (41, 60), (70, 71)]]
    taken = SpanIndex(spans)
    for start in range(0, 80):
        for end in range(start + 1, start + 12):
            probe = Ent(start, end, "y", "GPE")
            assert taken.overlaps(probe) == any(overlaps(probe, s) for s in spans), (start, end)
    assert SpanIndex([]).overlaps(Ent(0, 5, "y", "GPE")) is False


def test_region_suffix_is_dropped_for_known_places():
    assert resolved("Raids hit Idlib Province.", [("ORG", "Idlib Province")]) \
        == [("Idlib Province", "place", "Idlib", "gazetteer")]


def test_same_surface_same_facet_by_majority():
    text = "Idlib said. Idlib said again. Forces left Idlib."
    ents = resolved(text, [("ORG", "Idlib")])
    assert {(facet, value) for _, facet, value, _ in ents} == {("place", "Idlib")}


def test_cue_lists_and_locatives_make_unknown_names_places():
    text = ("Fighters took the towns of Rastan and Talbiseh. Trucks waited at the Cilvegozu "
            "and Yayladagi crossings. A base near Hmeimim was hit.")
    ents = resolved(text, [("PERSON", "Talbiseh"), ("ORG", "Cilvegozu"), ("ORG", "Hmeimim")])
    assert sorted((t, f) for t, f, _, _ in ents) == [
        ("Cilvegozu", "place"), ("Hmeimim", "place"), ("Rastan", "place"),
        ("Talbiseh", "place"), ("Yayladagi", "place")]


def test_a_large_city_as_a_sentence_subject_is_a_place():
    assert resolved("Damascus fell overnight.", [("PERSON", "Damascus")]) == [
        ("Damascus", "place", "Damascus", "gazetteer")]


def test_gazetteer_names_with_diacritics_never_become_values():
    gaz = Gazetteer.from_entries([("Tartus", Place("Ţarţūs", "Syria", "region", 0))])
    assert gaz.canonical("Tartus") == ("Tartus", "Syria")


def test_default_gazetteer_regions_win_over_small_foreign_cities():
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("Florida").country == "United States"   # not the town in Cuba
    assert gazetteer.lookup("Ontario").country == "Canada"          # not Ontario, California
    assert gazetteer.lookup("Gaza").country == "Palestine"          # not Gaza province, Mozambique
    assert gazetteer.lookup("Aleppo").kind == "city"


@pytest.mark.parametrize("name", ["Sahel", "West Africa", "Horn of Africa", "Central Asia"])
def test_default_gazetteer_knows_areas_across_borders_in_no_country(name):
    # class 2: "the heart of the Sahel" tagged a person is a place; it spans several
    # countries (not Burkina Faso's province of that name)
    place = default_gazetteer().confident(name)
    assert place is not None and place.country == ""


@pytest.mark.parametrize(("name", "country"), [
    ("Anbar", "Iraq"), ("Nineveh", "Iraq"), ("Deir al-Zour", "Syria"), ("Hasakah", "Syria"),
    ("North Darfur", "Sudan"), ("Helmand", "Afghanistan"), ("Punjab", "India"),
    # provinces under a first level of regions (ISO 3166-2 gives them a parent)
    ("Davao del Sur", "Philippines"), ("South Cotabato", "Philippines")])
def test_default_gazetteer_knows_first_level_regions(name, country):
    place = default_gazetteer().lookup(name)
    assert place is not None and place.country == country
    assert default_gazetteer().confident("Gezira") is None  # ISO provinces only confirm


def test_subdivisions_that_are_ordinary_words_are_not_loaded():
    assert default_gazetteer().lookup("Northern") is None


def test_keeping_other_countries_places_leaves_every_first_choice_as_it_was():
    # the first choice of each name is still the one reading the entries in order, a better
    # place replacing the one before it, gives (home-country only adds the alternatives)
    entries = default_entries()
    first: dict[str, Place] = {}
    for name, place in entries:
        key = place_key(name)
        if key and (key not in first or _better(place, first[key])):
            first[key] = place
    gazetteer = Gazetteer.from_entries(entries)
    assert len(gazetteer) == len(first)
    assert all(gazetteer.lookup(key) == place for key, place in first.items())
    assert all(p.country != first[key].country
               for key, others in gazetteer._others.items() for p in others)


def test_regions_known_by_their_english_names():
    g = default_gazetteer()
    assert g.canonical("Crete") == ("Crete", "Greece")
    assert g.canonical("Karabakh") == ("Nagorno-Karabakh", "Azerbaijan")
    assert g.confident("Tibet").country == "China"
    # an area across borders is a place in no country
    assert g.canonical("Kashmir") == ("Kashmir", "")


@pytest.mark.parametrize(("name", "bare"), [
    ("Ogun State", "Ogun"), ("Rakhine State", "Rakhine"), ("Tigray Region", "Tigray"),
    ("Lagos State", "Lagos"), ("Bauchi State", "Bauchi"),  # the bare name is a city too
    ("Southern District", None),  # New York's court district as often as Botswana's
    ("Islamic State", None), ("Ogun", None), ("State", None),
    # three-letter names are known only with their division word ("Mon" is Monday; Oyo
    # alone is the city), in either case
    ("Imo State", "Imo"), ("Oyo State", "Oyo"), ("Mon State", "Mon"), ("Imo state", "Imo"),
    ("Gao Region", "Gao"), ("Ibb Governorate", "Ibb"), ("Imo", None), ("Mon", None)])
def test_a_division_is_known_by_its_bare_name_when_that_is_a_state_or_province(name, bare):
    place = default_gazetteer().division_of(name)
    assert (place.name if place else None) == bare


def test_a_division_the_gazetteer_knows_by_its_bare_name_is_found_and_placed():
    # class 2 (places missed) and class 4 (countries): "Ogun State" (the model missed it) and
    # "Chin State" are in Nigeria and Myanmar; the value stays as written
    text = "To the North is Ogun State, and the fighting in Chin State went on."
    chin = text.index("Chin")
    ents = resolve_entities(text, [(chin, chin + 10, "GPE", "")], default_gazetteer())
    assert sorted((e.text, e.value, e.country) for e in ents if e.facet == "place") == [
        ("Chin State", "Chin State", "Myanmar"), ("Ogun State", "Ogun State", "Nigeria")]


def test_a_known_division_tagged_an_organisation_is_a_place():
    # class 2 (places tagged as organisations): "visited Borno State", "Oyo State" with their
    # country; a body named after a state stays an actor
    text = ("Buhari visited Borno State, Oyo State and Bauchi State. The Edo State Government "
            "said no. Ohio State won.")
    raw = [(text.index(n), text.index(n) + len(n), "ORG", "")
           for n in ("Borno State", "Oyo State", "Bauchi State", "Edo State Government",
                     "Ohio State")]
    ents = resolve_entities(text, raw, default_gazetteer())
    assert sorted((e.text, e.facet, e.country) for e in ents) == [
        ("Bauchi State", "place", "Nigeria"), ("Borno State", "place", "Nigeria"),
        ("Edo State Government", "actor", None), ("Ohio State", "actor", None),
        ("Oyo State", "place", "Nigeria")]


def test_a_three_letter_state_before_a_lower_case_state_is_a_place():
    # class 2: "Orlu, Imo state": Imo, tagged a body, is known only as "Imo State" (too short
    # to index alone), the cue "state" after it makes it the place
    text = "A church in Orlu, Imo state, burned."
    imo = text.index("Imo")
    ents = resolve_entities(text, [(imo, imo + 3, "ORG", "")], default_gazetteer())
    assert [(e.text, e.facet, e.rule) for e in ents if e.text == "Imo"] == [
        ("Imo", "place", "place-cue")]


@pytest.mark.parametrize(("name", "county"), [
    ("County Meath", "Meath"), ("Co Meath", "Meath"), ("Co. Meath", "Meath"),
    ("County Kerry", "Kerry"), ("Co Donegal", "Donegal"),
    ("Kerry", None), ("Clare", None),  # a bare county's name is a person's as often
    ("Gloucestershire", "Gloucestershire")])  # but never a shire's (class 2, places missed)
def test_irish_and_british_counties_are_known_by_their_county_forms(name, county):
    place = default_gazetteer().lookup(name)
    found = place.name if place is not None and place.kind == "province" else None
    assert found == county


def test_a_place_named_with_its_region_after_a_comma_lies_in_the_region_s_country():
    # class 4: "Kells, Co Meath" and "Heraklio, Crete" as one span each: in Ireland, in Greece
    text = "A crash near Kells, Co Meath closed a road; the ferry reached Heraklio, Crete."
    raw = [(text.index(n), text.index(n) + len(n), "ORG", "")
           for n in ("Kells, Co Meath", "Heraklio, Crete")]
    ents = resolve_entities(text, raw, default_gazetteer())
    assert sorted((e.text, e.facet, e.country) for e in ents) == [
        ("Heraklio, Crete", "place", "Greece"), ("Kells, Co Meath", "place", "Ireland")]


def _countries_after_inference(text: str, places: list[tuple[str, str | None]]) -> dict:
    ents = [Ent(text.index(name), text.index(name) + len(name), name, "GPE", facet="place",
                value=name, country=country) for name, country in places]
    return {e.value: e.country for e in infer_countries(text, ents, small_gazetteer())}


def test_a_neighbour_named_in_the_sentence_gives_no_country():
    # class 4: "the Kefrin region bordering Iraq" lies outside Iraq
    text = "Troops died in the Kefrin region bordering Iraq."
    assert _countries_after_inference(text, [("Kefrin", None), ("Iraq", "Iraq")])["Kefrin"] is None
    text = "Troops died in the Kefrin region of Iraq."
    assert _countries_after_inference(text, [("Kefrin", None), ("Iraq", "Iraq")])["Kefrin"] == "Iraq"


def test_an_organisation_s_base_named_in_the_sentence_gives_no_country():
    # class 4: "the Britain-based Syrian Observatory said ... the city of Khan Sheikoun"
    text = "The Iraq-based monitor said strikes on the town of Kefrin killed 13."
    assert _countries_after_inference(text, [("Kefrin", None), ("Iraq", "Iraq")])["Kefrin"] is None
    text = "The monitor said strikes on the town of Kefrin in Iraq killed 13."
    assert _countries_after_inference(text, [("Kefrin", None), ("Iraq", "Iraq")])["Kefrin"] == "Iraq"


def test_a_part_of_a_country_named_by_a_compass_word_lies_in_that_country():
    # class 4: "Turkey would be moving into Northern Syria" put the region in Turkey
    text = "Turkey would be moving into Northern Syria."
    found = _countries_after_inference(text, [("Turkey", "Turkey"), ("Northern Syria", None)])
    assert found["Northern Syria"] == "Syria"


def test_a_country_inside_a_bodys_name_places_nothing_else_but_its_possessive_does():
    # class 4: "near Kefrin, used by the Iraq Air Force": the base is not Iraqi; "Kefrin, ...
    # Iraq's monitoring centre said" does place it
    def inferred(text: str) -> str | None:
        kefrin, iraq = text.index("Kefrin"), text.index("Iraq")
        ents = [Ent(kefrin, kefrin + 6, "Kefrin", "GPE", facet="place", value="Kefrin"),
                Ent(iraq, iraq + 4, "Iraq", "GPE", facet="place", value="Iraq", country="Iraq",
                    rule="place-in-name")]
        return {e.value: e.country for e in infer_countries(text, ents, small_gazetteer())}["Kefrin"]
    assert inferred("The crash was near Kefrin, used by the Iraq Air Force.") is None
    assert inferred("The crash was near Kefrin, Iraq's monitoring centre said.") == "Iraq"


@pytest.mark.parametrize(("places", "country"), [
    # a report whose known places all lie in Syria places an unknown village there
    ([("Aleppo", "Syria"), ("Idlib", "Syria")], "Syria"),
    # two countries, or one place only: no evidence of the document's one country
    ([("Aleppo", "Syria"), ("Mosul", "Iraq")], None),
    ([("Aleppo", "Syria")], None),
])
def test_an_unknown_place_takes_the_document_s_one_country(places, country):
    text = "Shells hit Aleppo. Later, Idlib and Mosul burned.\nKefrin was empty."
    found = _countries_after_inference(text, [*places, ("Kefrin", None)])
    assert found["Kefrin"] == country


def test_a_place_the_gazetteer_knows_without_a_country_takes_none_of_the_document_s():
    text = "Shells hit Aleppo. Later, Idlib burned.\nEurope watched."
    found = _countries_after_inference(text, [("Aleppo", "Syria"), ("Idlib", "Syria"),
                                              ("Europe", None)])
    assert found["Europe"] is None


def test_a_county_takes_one_value_whatever_its_prefix():
    # split values: "Co. Kerry", "Co Kerry" and "County Kerry" are one county
    gazetteer = default_gazetteer()
    assert {gazetteer.canonical(name) for name in ("Co. Kerry", "Co Kerry", "County Kerry")} == {
        ("County Kerry", "Ireland")}


def test_a_county_abbreviated_with_a_full_stop_swallows_the_models_span_inside_it():
    # class 2: "in Co. Kerry", the model's PERSON "Kerry" after the abbreviation, and an
    # untagged "Co. Mayo" (the abbreviation's full stop no longer ends the scanned name)
    text = "A crash occurred in Co. Kerry on Monday and another in Co. Mayo."
    kerry = text.index("Kerry")
    ents = resolve_entities(text, [(kerry, kerry + 5, "PERSON", "")], default_gazetteer())
    assert [(e.text, e.facet, e.value) for e in ents if e.facet] == [
        ("Co. Kerry", "place", "County Kerry"), ("Co. Mayo", "place", "County Mayo")]
