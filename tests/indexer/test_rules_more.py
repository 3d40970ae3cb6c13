"""Rules of the pipeline that were only tested through the whole pipeline, now alone too."""

from __future__ import annotations

from dataclasses import replace

import pytest

from indexer import entities
from indexer.gazetteer import default_gazetteer
from indexer.spans import Ent
from tests.indexer.entity_kit import resolved
from tests.indexer.test_rules import classified, facets, spans


def test_coordination_splits_two_names_the_document_names_apart():
    text = "Ann Kelly and Bob Baroni were tried. Kelly and Baroni appealed."
    patterns = [("PERSON", "Ann Kelly"), ("PERSON", "Bob Baroni"), ("PERSON", "Kelly and Baroni")]
    ctx, ents = classified(text, patterns)
    out = entities.rule_coordination(ctx, ents)
    assert "Kelly and Baroni" not in [e.text for e in out]
    assert [e.text for e in out if e.start > 36] == ["Kelly", "Baroni"]


def test_coordination_keeps_one_name_with_and_in_it():
    text = "The Bill and Mary Roe Foundation gave money."
    ctx, ents = classified(text, [("ORG", "The Bill and Mary Roe Foundation")])
    assert facets(entities.rule_coordination(ctx, ents)) == facets(ents)


def test_a_lone_known_surname_is_the_known_person():
    ctx, ents = classified("Assad spoke on Sunday.", [("PERSON", "Assad")])
    out = entities.rule_known_surnames(ctx, ents)
    assert [(e.text, e.value, e.rule) for e in out if e.facet] == [
        ("Assad", "Bashar al-Assad", "alias-known")]


def test_a_known_surname_the_document_gives_another_first_name_is_left_alone():
    text = "Hafez al-Assad ruled for decades."
    ctx, ents = classified(text, [("PERSON", "Hafez al-Assad")])
    assert facets(entities.rule_known_surnames(ctx, ents)) == facets(ents)


def test_run_in_after_a_bare_legislature_splits_off_a_full_name_once_named():
    text = ("He met the Speaker of the House Mary Lee Roe and the chair of the House Budget "
            "Committee.")
    patterns = [("ORG", "the House Mary Lee Roe"), ("ORG", "the House Budget Committee")]
    ctx, ents = classified(text, patterns)
    out = entities.rule_run_in_names(ctx, ents)
    assert [e.text for e in out] == ["House", "Mary Lee Roe", "House Budget Committee"]
    assert [e.label for e in out][:2] == ["ORG", "PERSON"]


def test_an_event_is_no_actor_but_a_body_running_events_is():
    # "Government" heads a body's name too: the Libyan "Government of National Accord"
    text = ("The Orwell Summit opened; the Orwell Board of Elections and the Commission on "
            "Debates spoke. The Orwell Government of National Accord agreed.")
    patterns = [("ORG", "The Orwell Summit"), ("ORG", "the Orwell Board of Elections"),
                ("ORG", "the Commission on Debates"), ("ORG", "The Orwell Government of National Accord")]
    ctx, ents = classified(text, patterns)
    out = entities.rule_events(ctx, ents)
    assert [(t, f) for t, f, _ in facets(out)] == [
        ("Orwell Board of Elections", "actor"), ("Commission on Debates", "actor"),
        ("Orwell Government of National Accord", "actor")]


def test_a_compound_adjective_before_a_cue_noun_is_no_place():
    text = "Shells fell on the Kurdish-held district and the Orwell district."
    ctx, ents = classified(text, [])
    out = entities.rule_place_cues(ctx, ents)
    assert [(e.text, e.facet) for e in out] == [("Orwell", "place")]


def test_a_feature_or_settlement_noun_after_a_name_makes_it_a_place_but_not_a_nationality():
    text = ("Drones hit the Kestra oil field, ash rose over the Tarnu volcano, and a Fijian "
            "village and the Tongan village of Ha'ano were quiet.")
    ctx, ents = classified(text, [("ORG", "Kestra"), ("PERSON", "Tarnu"), ("NORP", "Fijian"),
                                  ("NORP", "Tongan")])
    out = entities.rule_place_cues(ctx, ents)
    assert sorted(e.text for e in out if e.facet == "place") == ["Ha'ano", "Kestra", "Tarnu"]


@pytest.mark.parametrize(("text", "name"), [
    ("Fighting in Kachin State went on.", "Kachin State"),
    ("Fighting in Amhara went on.", "Amhara"),
    ("Storms hit the Caribbean.", "Caribbean"),
])
def test_a_place_named_like_a_people_stays_a_place(text, name):
    assert [(t, facet) for t, facet, _, _ in resolved(text, [("GPE", name)])] == [(name, "place")]


def test_city_states_areas_and_banks_introduce_places():
    text = ("They built the city-states of Copan and Tival. Crowds walked on the banks of "
            "the Lorn. Aid reached the areas of Brack.")
    ctx, ents = classified(text, [("ORG", "Tival")])
    out = entities.rule_place_cues(ctx, ents)
    assert sorted(e.text for e in out if e.facet == "place") == ["Brack", "Copan", "Lorn", "Tival"]


def test_a_capitalised_determiner_before_a_cue_noun_is_no_place():
    ctx, ents = classified("Each area they work in matters. Every village was quiet.", [])
    assert [e.text for e in entities.rule_place_cues(ctx, ents) if e.facet == "place"] == []


@pytest.mark.parametrize("word", ["Korean", "Tigrayan", "Tibetan"])
def test_the_adjective_of_a_people_of_several_countries_before_a_cue_noun_is_no_place(word):
    text = f"Tension on the {word} peninsula grew; a {word} village was quiet."
    ctx, ents = classified(text, [("NORP", word)])
    assert [e.text for e in entities.rule_place_cues(ctx, ents) if e.facet == "place"] == []


def test_a_singular_cue_introduces_one_place_a_plural_one_a_list():
    text = ("The mayor of Orwell, Ann Lee, spoke. The towns of Brack, Tarn and Quill "
            "were shelled.")
    ctx, ents = classified(text, [("PERSON", "Ann Lee")])
    out = entities.rule_place_cues(ctx, ents)
    assert sorted(e.text for e in out if e.facet == "place") == ["Brack", "Orwell", "Quill",
                                                                 "Tarn"]
    assert [(e.text, e.facet) for e in out if e.text == "Ann Lee"] == [("Ann Lee", "actor")]


def test_a_site_and_plural_regions_introduce_places():
    # class 2 in conflict statements: "north of the ancient site of X", "the X and Y regions"
    text = "It lies north of the ancient site of Brack. Troops massed in the Tarn and Quill regions."
    ctx, ents = classified(text, [("ORG", "Brack"), ("ORG", "Tarn")])
    out = entities.rule_place_cues(ctx, ents)
    assert sorted(e.text for e in out if e.facet == "place") == ["Brack", "Quill", "Tarn"]


def test_a_document_symbol_is_no_name():
    # class 3: "SG" of the press release number "SG/SM/20217"; "AC/DC" has no number
    text = "SG/SM/20217\n\nThe Orwell Council met. AC/DC played."
    ctx, ents = classified(text, [("ORG", "SG"), ("ORG", "Orwell Council"), ("ORG", "AC/DC")])
    out = entities.rule_shapes(ctx, ents)
    assert [e.text for e in out if e.facet == "actor"] == ["Orwell Council", "AC/DC"]


@pytest.mark.parametrize(("text", "facet"), [
    # class 2 the other way: a place-tagged name before "party" is the party's, even one the
    # gazetteer knows as a town (Morena, India)
    ("Mexico's ruling Morena party was ahead on Sunday.", "actor"),
    # a region's or country's name before "party" names the place's branch: still the place
    ("The Texas party chairman spoke on Sunday.", "place"),
])
def test_a_place_tagged_name_before_party_is_the_party(text, facet):
    name = "Morena" if "Morena" in text else "Texas"
    _, ents = spans(text, [("GPE", name)])
    out = entities.rule_classify(entities.DocContext(text, default_gazetteer(), {}), ents)
    assert [e.facet for e in out if e.text == name] == [facet]


def test_a_currency_is_no_place():
    # class 3: "devalued the Naira" tagged a place; a town named like a currency stays
    text = ("Reports said the bank devalued Naira from N631 to the dollar. The bank did not "
            "devalue the Naira, it said. Traders in Lira were calm.")
    ents = resolved(text, [("GPE", "Naira"), ("GPE", "Lira")])
    assert [e[:2] for e in ents] == [("Lira", "place")]


def test_a_body_of_the_solar_system_lies_in_no_country():
    gazetteer = default_gazetteer()
    jupiter = gazetteer.lookup("Jupiter")
    assert (jupiter.kind, jupiter.country) == ("celestial", "")
    assert gazetteer.confident("Jupiter") is None  # never made a place against the model
    text = "The probe reached Jupiter after passing Mars near Aleppo."
    ctx = entities.DocContext(text, gazetteer, {})
    ents = entities.spans_from_model(text, [(18, 25, "GPE", ""), (40, 44, "LOC", "")], {})
    out = [entities.canonical_value(e, gazetteer) for e in entities.rule_classify(ctx, ents)]
    out = entities.rule_countries(ctx, out)
    assert [(e.text, e.facet, e.country) for e in out if e.facet] == [
        ("Jupiter", "place", None), ("Mars", "place", None)]


def _run_in(text: str, patterns: list[tuple[str, str]]) -> list[str]:
    ctx, ents = spans(text, patterns)
    ctx = replace(ctx, gazetteer=default_gazetteer())
    return [e.text for e in entities.rule_run_in_names(ctx, ents)]


def test_run_in_splits_a_state_or_country_before_a_full_name():
    # labelled PERSON, or after a title: the state or country is split off
    assert _run_in("A Senator from Vermont Ann Marie Roe voted.",
                   [("ORG", "Vermont Ann Marie Roe")]) == ["Vermont", "Ann Marie Roe"]
    assert _run_in("A speech by the First Minister of Scotland Jean Kerr.",
                   [("PERSON", "Scotland Jean Kerr")]) == ["Scotland", "Jean Kerr"]


def test_run_in_keeps_a_name_after_a_region_without_title_one_word_or_a_body():
    for text, pattern in [
        ("She read the novels of Virginia Woolf.", ("PERSON", "Virginia Woolf")),
        ("It took a loan from Texas Capital Bank.", ("ORG", "Texas Capital Bank")),
        ("He is chair of Maryland Democratic Party.", ("PERSON", "Maryland Democratic Party")),
        ("The commander of Florida Central Command spoke.", ("ORG", "Florida Central Command")),
        ("A donation from Texas Ann Roe arrived.", ("ORG", "Texas Ann Roe")),
    ]:
        assert _run_in(text, [pattern]) == [pattern[1]], text


def test_a_known_place_of_nationality_words_is_still_a_place():
    # "Persian" and "Gulf" are each a nationality-like word; together a known sea
    gazetteer = default_gazetteer()
    sea = entities.canonical_value(Ent(0, 12, "Persian Gulf", "LOC", facet="place"), gazetteer)
    assert (sea.facet, sea.value) == ("place", "Persian Gulf")
    # a lone such word, or lower-case words, stay no name
    for text in ("Persian", "west coast"):
        ent = entities.canonical_value(Ent(0, len(text), text, "LOC", facet="place"), gazetteer)
        assert ent.facet is None


def test_a_capitalised_parliament_or_cabinet_alone_is_the_documents_body():
    assert [(t, f) for t, f, _, _ in resolved("Parliament voted on Tuesday.",
                                             [("ORG", "Parliament")])] == [("Parliament", "actor")]
    assert [(t, f) for t, f, _, _ in resolved("He will report to Cabinet on Monday.",
                                             [("ORG", "Cabinet")])] == [("Cabinet", "actor")]
    # other generic words alone stay no name
    assert resolved("The Ministry said so.", [("ORG", "Ministry")]) == []


def test_a_titled_person_the_model_missed_is_found():
    # actor recall: the model misses some names after titles ("Congresswoman Val Demings");
    # capitals of common words after a title make no name ("General Motors", "first Pacific
    # Islander" after a word that is no role)
    text = ("Congresswoman Ann Orwen spoke, said the chancellor, Bo Tarn. General Motors "
            "and the first Pacific Islander agreed.")
    ctx, ents = classified(text, [])
    out = entities.rule_titled_names(ctx, ents)
    assert [(e.text, e.label) for e in out] == [("Ann Orwen", "PERSON"), ("Bo Tarn", "PERSON")]
    assert [e.facet for e in entities.rule_classify(ctx, out)] == ["actor", "actor"]


def test_a_us_state_abbreviation_after_a_place_is_that_state():
    # class 2 in casualty releases: "of Gaithersburg, Md., died"; "Md" alone is no state
    text = "Spc. Ann Orwen, 20, of Gaithersburg, Md., died. Md Karim spoke. TARN, Colo. -"
    ctx, ents = classified(text, [("PERSON", "Ann Orwen"), ("GPE", "Gaithersburg"), ("GPE", "Md"),
                                  ("PERSON", "Md Karim")])
    out = entities.rule_state_abbreviations(ctx, ents)
    states = [(e.text, e.value, e.country) for e in out if e.rule == "state-abbreviation"]
    assert states == [("Md.", "Maryland", "United States"), ("Colo.", "Colorado", "United States")]
    assert "Md Karim" in [e.text for e in out]


def test_a_canadian_province_abbreviation_after_a_place_is_that_province():
    # "WATERLOO, Ont. - BlackBerry said": the province, in Canada (the model's "Ont" was an actor)
    text = "WATERLOO, Ont. - BlackBerry said. Surrey, B.C., voted."
    ctx, ents = classified(text, [("GPE", "WATERLOO"), ("PERSON", "Ont"), ("GPE", "Surrey")])
    out = entities.rule_state_abbreviations(ctx, ents)
    states = [(e.text, e.value, e.country) for e in out if e.rule == "state-abbreviation"]
    assert states == [("Ont.", "Ontario", "Canada"), ("B.C.", "British Columbia", "Canada")]
    assert "Ont" not in [e.text for e in out]


def test_country_short_forms_are_the_country():
    # the place table's short forms as news writes them: "N. Korea fires", "Pak Army"
    gazetteer = default_gazetteer()
    assert [gazetteer.canonical(name) for name in ("N. Korea", "S. Korea", "Pak")] == [
        ("North Korea", "North Korea"), ("South Korea", "South Korea"), ("Pakistan", "Pakistan")]
    # one value for the Congos however the news spells them
    drc = "Democratic Republic of the Congo"
    assert [gazetteer.canonical(name)[0] for name in (
        "Democratic Republic of Congo", "Congo-Kinshasa", "Republic of Congo")] == [
        drc, drc, "Republic of the Congo"]


def test_a_city_written_with_its_district_is_one_place_and_other_comma_pairs_stay_two():
    # "Washington, D.C." is one name of the place table: one mention, not a city and a second
    # place; "Gaithersburg, Maryland" is a city and its state
    text = "Crowds in Washington, D.C. and in Gaithersburg, Maryland marched."
    ctx, ents = spans(text, [("GPE", "Washington"), ("GPE", "D.C."), ("GPE", "Gaithersburg"),
                             ("GPE", "Maryland")])
    out = entities.rule_state_abbreviations(ctx, ents)
    assert sorted(e.text for e in out) == ["Gaithersburg", "Maryland", "Washington, D.C."]
    places = resolved(text, [("GPE", "Washington"), ("GPE", "D.C.")])
    assert {value for _, facet, value, _ in places if facet == "place"} == {"Washington, D.C."}


def test_a_place_particle_leaves_an_organisations_span_a_place_after_in():
    # the model's organisation "Davao del Sur" after "in": a province, whose lower-case
    # "del" no longer reads as a non-name's word; other lower-case words still do
    text = "Nine were hurt in Davao del Sur and four in Cases for Kestra."
    ctx, ents = spans(text, [("ORG", "Davao del Sur"), ("ORG", "Cases for Kestra")])
    out = entities.rule_classify(ctx, ents)
    assert [(e.text, e.facet) for e in out] == [("Davao del Sur", "place"),
                                                ("Cases for Kestra", "actor")]


def test_a_base_or_camp_is_a_place_whatever_the_model_said():
    text = ("He was assigned to Fort Orwen and served at Camp Tarn. Masjid Al-Tarn was full. "
            "Troops clashed in Barangay Tarn.")
    ctx, ents = classified(text, [("ORG", "Fort Orwen"), ("PERSON", "Camp Tarn"),
                                  ("ORG", "Masjid Al-Tarn"), ("PERSON", "Barangay Tarn")])
    assert [(e.text, e.facet) for e in ents] == [("Fort Orwen", "place"), ("Camp Tarn", "place"),
                                                 ("Masjid Al-Tarn", "place"),
                                                 ("Barangay Tarn", "place")]


def test_a_mountain_or_lake_named_by_its_lead_word_is_a_place():
    # "The eruption of Cerro Azul" was an actor (the model's organisation)
    text = "The eruption of Cerro Tarn went on. Ash fell on Mount Orwen and Lake Kestra."
    ctx, ents = classified(text, [("ORG", "Cerro Tarn"), ("PERSON", "Mount Orwen"),
                                  ("ORG", "Lake Kestra")])
    assert [(e.text, e.facet) for e in ents] == [("Cerro Tarn", "place"), ("Mount Orwen", "place"),
                                                 ("Lake Kestra", "place")]


def test_titled_names_with_a_regnal_number_or_after_a_plural_title():
    text = ("Presidents Ann Orwen and Bo Tarn met Queen Elizabeth II. Pope Francis spoke. "
            "Justice G Kefayan ruled.")
    ctx, ents = classified(text, [])
    assert [e.text for e in entities.rule_titled_names(ctx, ents)] == ["Ann Orwen",
                                                                      "Elizabeth II",
                                                                      "G Kefayan"]


def test_a_peers_title_opens_a_name_but_a_given_name_is_no_title():
    text = "Lord Orwen and Baroness Kefaya travelled to Sudan. Earl Kestrel stayed."
    ctx, ents = classified(text, [("PERSON", "Earl Kestrel")])
    assert [e.text for e in entities.rule_titled_names(ctx, ents)
            if e.rule == "titled-name"] == ["Orwen", "Kefaya"]
    assert [e.value for e in ents if e.text == "Earl Kestrel"] == ["Earl Kestrel"]


def test_a_facility_or_theatre_is_a_place_whatever_the_model_said():
    text = "He was held at Ann Orwen Correctional Facility and shown at the Tarn Theatre."
    ctx, ents = classified(text, [("PERSON", "Ann Orwen Correctional Facility"),
                                  ("ORG", "Tarn Theatre")])
    assert [e.facet for e in ents] == ["place", "place"]


def test_near_opening_a_line_and_a_groups_leadership():
    # "Near X, a strike destroyed ..." opens strike-report lines; "the X leadership" is a group
    text = "-- Near Orwenabad, a strike hit a truck. He met the Tarnallah leadership in Syria."
    ctx, ents = classified(text, [("ORG", "Orwenabad"), ("GPE", "Tarnallah"), ("GPE", "Syria")])
    assert [(e.text, e.facet) for e in ents] == [("Orwenabad", "place"), ("Tarnallah", "actor"),
                                                 ("Syria", "place")]


def test_a_name_listed_after_a_persons_name_is_no_place():
    # "Aleppo" ends Ann Aleppo's name here: no city is listed with Bo Tarn
    text = "Portraits of Ann Aleppo and Bo Tarn hang here. Shells hit Aleppo and Kafr Tarn."
    ctx, ents = classified(text, [("ORG", "Bo Tarn"), ("ORG", "Kafr Tarn")])
    assert [(e.text, e.facet) for e in ents] == [("Bo Tarn", "actor"), ("Kafr Tarn", "place")]


def test_a_name_with_a_middle_initial_is_no_unknown_place():
    text = "Crowds gathered near Harlan T. Voss and near Kafr Tarn on Sunday."
    ctx, ents = classified(text, [("ORG", "Harlan T. Voss"), ("ORG", "Kafr Tarn")])
    assert [(e.text, e.facet) for e in ents] == [("Harlan T. Voss", "actor"),
                                                 ("Kafr Tarn", "place")]


def test_a_one_word_name_after_a_title_is_a_person_but_not_a_common_word():
    text = "The ruling of Lord Harrowby stands, and Senator Today is no name."
    ctx, ents = classified(text, [])
    assert [e.text for e in entities.rule_titled_names(ctx, ents)] == ["Harrowby"]


def test_an_operation_is_an_event_but_a_task_force_named_after_it_an_actor():
    text = ("Operation Tarn Shield ended; the Task Force Operation Tarn Shield spoke, "
            "and Operation cost rose.")
    patterns = [("ORG", "Operation Tarn Shield"), ("ORG", "Task Force Operation Tarn Shield")]
    ctx, ents = classified(text, patterns)
    out = entities.rule_events(ctx, ents)
    assert [(e.text, e.facet, e.rule) for e in out] == [
        ("Operation Tarn Shield", None, "event"),
        ("Task Force Operation Tarn Shield", "actor", "model")]


def test_a_name_about_an_organisation_before_its_complement_is_an_actor():
    text = "She joined the Kestrel Center for Field Studies near the Bank of Orwell Stadium."
    ctx, ents = classified(text, [("FAC", "Kestrel Center for Field Studies"),
                                  ("FAC", "Bank of Orwell Stadium")])
    assert [(e.text, e.facet) for e in ents] == [("Kestrel Center for Field Studies", "actor"),
                                                 ("Bank of Orwell Stadium", "place")]


def test_a_period_is_no_place_or_actor():
    text = "Tools from the Middle Ages and the 21st Century were shown in Aleppo."
    ctx, ents = classified(text, [("LOC", "the Middle Ages"), ("ORG", "the 21st Century"),
                                  ("GPE", "Aleppo")])
    out = entities.rule_events(ctx, ents)
    assert [(e.text, e.facet) for e in out if e.facet] == [("Aleppo", "place")]


def test_a_product_or_event_label_that_makes_a_statement_is_an_organisation():
    text = "Kestrel Shield condemns the attack. Kestrel Shield was a success. Tarn Cup said no."
    ctx, ents = classified(text, [("PRODUCT", "Kestrel Shield"), ("EVENT", "Tarn Cup")])
    assert [(e.start, e.facet) for e in ents] == [(0, "actor"), (36, None), (66, "actor")]


def test_a_capitalised_the_before_a_seas_name_in_running_text_is_a_publication():
    # the magazine, not the ocean: after a lower-case word or a comma; the bare sea beside it
    # stays the sea, and a title-cased line's "The" is only capitalised
    text = ("Voters told The Atlantic they were angry. Next, The Atlantic claimed more. "
            "Atlantic hurricanes grew.\nStorm Crosses The Atlantic\n")
    ctx, ents = classified(text, [("LOC", "Atlantic")])
    out = entities.rule_aliases(ctx, ents)
    assert [(e.text, e.facet, e.value) for e in out] == [
        ("The Atlantic", "actor", "The Atlantic"), ("The Atlantic", "actor", "The Atlantic"),
        ("Atlantic", "place", "Atlantic"), ("Atlantic", "place", "Atlantic")]


def test_a_nation_group_may_have_one_lower_case_modifier_before_its_noun():
    # "the Malian transition government", "U.S. federal government": one value per phrase,
    # the nation named as for its institutions; a function word lists two groups instead,
    # and a group noun alone still wins ("Iraqi security forces" is the institution)
    text = ("We urge the Malian transition government to act. The U.S. federal government "
            "agreed. American and coalition forces met Iraqi security forces.")
    ctx, ents = classified(text, [("NORP", "Malian"), ("GPE", "U.S."), ("NORP", "American"),
                                  ("NORP", "Iraqi")])
    out = entities.rule_group_actors(ctx, ents)
    assert [(e.text, e.value) for e in out if e.rule == "group"] == [
        ("Malian transition government", "Malian transition government"),
        ("U.S. federal government", "US federal government"),
        ("Iraqi security forces", "Iraqi Security Forces")]


@pytest.mark.parametrize(("text", "label", "name", "facet"), [
    ("NASA's James Webb Space Telescope will launch next year.", "ORG",
     "James Webb Space Telescope", None),
    ("The Parker Solar Probe flew past the Sun.", "ORG", "Parker Solar Probe", None),
    ("The Space Shuttle program ended in 2011.", "ORG", "Space Shuttle", None),
    # a place keeps its facet: the telescope is also the site
    ("Astronomers at the Very Large Telescope saw it.", "FAC", "Very Large Telescope", "place"),
    # an organisation ending otherwise stays an actor
    ("The Space Telescope Science Institute said so.", "ORG",
     "Space Telescope Science Institute", "actor"),
    # the model cut the name right before its thing's word (class 5)
    ("NASA launched its $10 billion James Webb Space Telescope on Saturday.", "ORG",
     "James Webb Space", None),
    ("Children will get the Typhoid Conjugate Vaccine next month.", "ORG",
     "Typhoid Conjugate Vaccine", None),
])
def test_instrument_names_are_no_actors(text, label, name, facet):
    found = {t: f for t, f, _, _ in resolved(text, [(label, name)])}
    assert found.get(name) == facet


@pytest.mark.parametrize(("text", "name", "facet"), [
    ("The World Economic Forum said growth would slow.", "World Economic Forum", "actor"),
    ("He is deputy director of the Greek Energy Forum.", "Greek Energy Forum", "actor"),
    ("Talks at the Libyan Political Dialogue Forum resumed.", "Libyan Political Dialogue Forum",
     "actor"),
    # a forum that opens with a city's name is the meeting held there
    ("Delegates attended the Damascus Energy Forum on Friday.", "Damascus Energy Forum", None),
    # other meeting nouns stay events
    ("Delegates attended the World Energy Conference.", "World Energy Conference", None),
])
def test_forums_are_bodies_unless_named_after_a_city(text, name, facet):
    found = {t: f for t, f, _, _ in resolved(text, [("ORG", name)])}
    assert found.get(name) == facet


def test_a_nationality_tagged_name_the_gazetteer_knows_is_the_place():
    # "in Manay, Davao Oriental": a province the model took for a nationality; a company
    # named with a nationality stays an organisation
    from indexer.consistency import classify
    from indexer.gazetteer import Gazetteer, Place
    gazetteer = Gazetteer.from_entries(
        [("Kestra Oriental", Place("Kestra Oriental", "Syria", "province", 0))], capitals={})
    text = "It hit Kestra Oriental; Saudi Aramco said."
    province = classify(Ent(7, 22, "Kestra Oriental", "NORP"), gazetteer, set(), text)
    company = classify(Ent(24, 36, "Saudi Aramco", "NORP"), gazetteer, set(), text)
    assert (province.facet, company.facet) == ("place", "actor")


_PLACES = [("GPE", "Aleppo"), ("GPE", "Idlib"), ("GPE", "Damascus")]


@pytest.mark.parametrize(("text", "label", "name", "facet"), [
    # a comma after a fronted phrase ends the phrase: the name after it is the sentence's subject
    ("Speaking in Damascus, Halabi said the talks would go on.", "PERSON", "Halabi", "actor"),
    ("As a student in Aleppo, Halabi wrote poems.", "PERSON", "Halabi", "actor"),
    # a list that goes on after the name, or ends with the line, is still a list of places
    ("Shelling hit Aleppo, Halabi and Idlib.", "PERSON", "Halabi", "place"),
    ("Shelling hit Aleppo and Halabi on Monday.", "PERSON", "Halabi", "place"),
    ("Damascus, Halabi - the ministry said.", "ORG", "Halabi", "place"),
    # "in" governs the noun the name modifies: no place (class 2, actors as places)
    ("He served in the Halabi administration.", "ORG", "Halabi", "actor"),
    ("The drug failed in the Kestrel trial.", "ORG", "Kestrel", "actor"),
    ("Jets hit a school in the Kestrel rebel stronghold of Idlib.", "ORG", "Kestrel", "actor"),
    # place nouns leave the name a place
    ("Clashes erupted in the Kestrel countryside.", "ORG", "Kestrel", "place"),
    ("Clashes erupted in Kestrel.", "ORG", "Kestrel", "place"),
    # a person-tagged name ending in a division's word is the division; an organisation's not
    ("Fighting spread to Kestrel State on Monday.", "PERSON", "Kestrel State", "place"),
    ("Kestrel State claimed the attack.", "ORG", "Kestrel State", "actor"),
    ("Jets struck Kestrel Town overnight.", "PERSON", "Kestrel Town", "place"),
    # a compass word before a country: part of it (not a body's name, "Central Command")
    ("Northern Syria came under their control.", "PERSON", "Northern Syria", "place"),
    ("Central Command said the raid was over.", "ORG", "Central Command", "actor"),
    # a name, a comma and a country it lies in: one place
    ("The ferry left Kestrel, Syria, at dawn.", "ORG", "Kestrel, Syria", "place"),
    # a side's hold on it, a distance and a direction from it: a place
    ("Troops entered rebel-held Kestrel today.", "ORG", "Kestrel", "place"),
    ("Shots were heard in 'KPR'-controlled Kestrel today.", "ORG", "Kestrel", "place"),
    ("Shells hit Kestrel (26km south-west of Aleppo) today.", "ORG", "Kestrel", "place"),
    ("Kestrel, 300 kilometres north of Aleppo, fell.", "ORG", "Kestrel", "place"),
    ("Kestrel said 26 people died.", "ORG", "Kestrel", "actor"),
    # a name ending in a government's word is a body whatever the model said
    ("The Kestrel Government is reaffirming its commitment.", "LOC", "Kestrel Government", "actor"),
])
def test_what_the_words_around_an_unknown_name_make_it(text, label, name, facet):
    ctx, ents = classified(text, [(label, name), *_PLACES])
    assert [f for t, f, _ in facets(ents) if t == name] == [facet]


@pytest.mark.parametrize(("text", "kept"), [
    # a place's noun and a comma before a name met once confirm it: "a nearby island, X"
    ("People fled to a nearby island, Kestrel, by boat.", True),
    ("People fled to the village, Kestrel, by boat.", True),
    ("People then saw Kestrel, by boat.", False),
])
def test_a_place_noun_before_a_lone_name_confirms_it(text, kept):
    found = [t for t, f, _, _ in resolved(text, [("GPE", "Kestrel")]) if f == "place"]
    assert (found == ["Kestrel"]) is kept


@pytest.mark.parametrize(("text", "found"), [
    # an untagged division's name after a locative word is a place no gazetteer needs to know
    ("A market near Kestra in the Dabbour Tembien District was hit.", ["Dabbour Tembien District"]),
    # not without the locative word, nor one word alone
    ("The Dabbour Tembien District said so.", []),
    ("Troops stayed in the District.", []),
])
def test_a_division_named_after_a_locative_is_a_place(text, found):
    ctx, ents = classified(text, [])
    assert [e.text for e in entities.rule_missed_places(ctx, ents)] == found


def test_a_nations_cabinet_is_its_institution():
    ctx, ents = classified("They attacked the Syrian cabinet in Aleppo.", [("NORP", "Syrian")])
    assert "Syrian Cabinet" in [v for _, f, v in facets(entities.rule_group_actors(ctx, ents))
                                if f == "actor"]


@pytest.mark.parametrize(("text", "facet"), [
    # a work or product named like a city: a place only where the words around place it
    ("He is known for sketching Mosul and other heroes.", None),
    ("Fighting went on in Mosul all day.", "place"),
])
def test_a_work_named_like_a_city_needs_words_that_place_it(text, facet):
    ctx, ents = classified(text, [("WORK_OF_ART", "Mosul")])
    assert [e.facet for e in ents if e.text == "Mosul"] == [facet]


@pytest.mark.parametrize(("text", "label", "name", "facet"), [
    # class 2: a name shaped like a landmark's, taken for a work, an event or a people
    ("An expedition reached the rainforests of Mount Singai in May.", "WORK_OF_ART",
     "Mount Singai", "place"),
    ("Traffic was slow on Lemoine Avenue all day.", "EVENT", "Lemoine Avenue", "place"),
    # set off by quotation marks: a title; cut by an editor's bracket: a person
    ('She starred in "Mount Singai" last year.', "WORK_OF_ART", "Mount Singai", None),
    ("An old experiment from [Russell] Church showed it.", "WORK_OF_ART", "Russell] Church",
     None),
])
def test_a_landmark_named_work_is_the_place(text, label, name, facet):
    ctx, ents = classified(text, [(label, name)])
    assert [e.facet for e in ents if e.text == name] == [facet]


def test_a_series_is_an_event():
    text = "The United States won the Wheelchair Rugby Tri-Nations Series in Sydney."
    ctx, ents = classified(text, [("ORG", "Wheelchair Rugby Tri-Nations Series")])
    assert facets(entities.rule_events(ctx, ents)) == []
