"""Places read from what stands beside a name (twenty-seventh part of issue 10): the town a
building stands in ("Lourdes Hospital, Kefrtown"), wards and constituencies, numbered roads,
list bullets before a line's first word, and a county named with "Co"."""

from __future__ import annotations

import pytest

from indexer import entities
from indexer.consistency import towns_of_named_countries
from indexer.gazetteer import Gazetteer, Place
from indexer.names import trim_span
from indexer.spans import Ent
from tests.indexer.entity_kit import resolved
from tests.indexer.test_rules import classified, facets


def _cued(text: str, label: str, name: str) -> list[tuple[str, str | None]]:
    ctx, ents = classified(text, [(label, name)])
    return [(t, f) for t, f, _ in facets(entities.rule_place_cues(ctx, ents))]


@pytest.mark.parametrize(("text", "label"), [
    ("His body was taken to Lourdes Hospital, Kefrtown where tests were done.", "PERSON"),
    ("He was a pastor with the holy trinity church, Kefrtown, Imo state.", "ORG"),
    ("She studied at the PES University, Kefrtown.", "ORG"),
])
def test_a_name_after_a_building_and_a_comma_is_where_it_stands(text, label):
    # class 2: a town the model tagged a person or an organisation
    assert _cued(text, label, "Kefrtown") == [("Kefrtown", "place")]


@pytest.mark.parametrize(("text", "name"), [
    ("Outside the school, Principal Ann Kefr, said classes would resume.", "Principal Ann Kefr"),
    ("At Kefr High School, John Roe, the head, spoke. Roe said more later.", "John Roe"),
    ("At the hospital, Ann Kefr said nothing.", "Ann Kefr"),  # the name's phrase goes on
])
def test_a_person_after_a_building_and_a_comma_stays_a_person(text, name):
    assert _cued(text, "PERSON", name) == [(name, "actor")]


@pytest.mark.parametrize("text", [
    "Results of the Kefrton ward by-election were close.",
    "He wants to build his Kefrton constituency up.",
])
def test_a_ward_or_a_constituency_makes_a_place(text):
    assert _cued(text, "PERSON", "Kefrton") == [("Kefrton", "place")]


def test_a_numbered_road_is_a_place_where_the_road_noun_ends_the_phrase():
    assert _cued("Two died in a collision on the B123 road in Kefria.", "ORG", "B123") == [
        ("B123", "place")]
    # the noun heads a compound: "Police Kefria's road policing unit" names no road
    text = "Insp Ann Roe, of Police Kefria's road policing unit, said so."
    assert _cued(text, "ORG", "Police Kefria") == [("Police Kefria", "actor")]


@pytest.mark.parametrize("bullet", ["•", "▪", "●"])
def test_a_list_bullet_is_no_part_of_a_name(bullet):
    # class 3: "• Access" was a value; the bullet opens a line, so "Access" is the common word
    text = f"The rules are plain.\n{bullet} Access of civilians must be ensured.\n"
    start = text.index(bullet)
    assert text[slice(*trim_span(text, start, start + 8))] == "Access"
    assert resolved(text, [("ORG", f"{bullet} Access")]) == []


def test_a_county_named_with_co_is_a_division():
    county = Place("Wicklow", "Ireland", "province", 0)
    gazetteer = Gazetteer.from_entries([(f"{prefix} Wicklow", county)
                                        for prefix in ("County", "Co", "Co.")])
    assert gazetteer.division_of("Co Wicklow") == county
    assert gazetteer.division_of("County Wicklow") == county
    assert gazetteer.division_of("Co Kefr") is None


def test_a_span_ending_in_a_territorys_name_is_the_territory():
    # class 2: "Gwoza Local Government Area of Borno" tagged an organisation; the span ends
    # after the territory's word, the place it lies in is cut off
    text = "Troops repelled an attack in Kefr Local Government Area of Borno on Monday."
    ctx, ents = classified(text, [("ORG", "Kefr Local Government Area of Borno")])
    assert facets(ents) == [("Kefr Local Government Area", "place", "Kefr Local Government Area")]
    ctx, ents = classified("The Kefr District Council met.", [("ORG", "Kefr District Council")])
    assert [f for _, f, _ in facets(ents)] == ["actor"]
    # an Ethiopian region's name ("Oromia Regional State")
    ctx, ents = classified("They visited projects in Kefr Regional State.",
                           [("ORG", "Kefr Regional State")])
    assert facets(ents) == [("Kefr Regional State", "place", "Kefr Regional State")]


def test_a_makers_name_before_a_model_is_a_car():
    # class 5: the model cut the car's model off its maker ("one Toyota | Hilux pick up")
    text = "Troops destroyed one Toyota Hilux pick up and a gun truck."
    ctx, ents = classified(text, [("ORG", "Toyota")])
    assert facets(entities.rule_type_prior(ctx, ents)) == []
    text = "Workers at Toyota Government offices marched."  # a common word after: no car
    ctx, ents = classified(text, [("ORG", "Toyota")])
    assert [t for t, _, _ in facets(entities.rule_type_prior(ctx, ents))] == ["Toyota"]


def test_a_period_is_no_place():
    assert resolved("Tombs from the Kefric Period were found.", [("LOC", "Kefric Period")]) == []


def test_a_possessive_before_a_feature_noun_names_two_places():
    # "Western New Guinea's Foja mountains": the cue noun names the inner place, the
    # possessor is where it lies, though the gazetteer knows neither
    text = "Kefria's Foja mountains are home to rare birds."
    assert [(t, f) for t, f, _, _ in resolved(text, [])] == [("Kefria", "place"), ("Foja", "place")]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Minister for Housing Ann Kefr won the vote. Critics said the Minister had failed.",
     "Ann Kefr", "Minister"),
    ("India, Minister of Tourism and Lands Ann Kefr told Parliament. The Minister said so.",
     "Ann Kefr", "Minister"),
    # a title after "for" is the office itself: the spokesman's principal is the one named
    ("Spokesman for Secretary-General Ban Kefr:\n\nThe Secretary-General condemns the attack.",
     "Ban Kefr", "Secretary-General"),
    # an organisation's name before the head: its trailing title words are the role
    ("Attacks rose, UN High Commissioner for Human Rights Ann Kefr said. The High "
     "Commissioner appealed for calm.", "Ann Kefr", "High Commissioner"),
])
def test_a_role_with_a_complement_is_the_one_its_head_names_later(text, name, role):
    # class 6: "the Minister" is the person the document names as "Minister for Housing"
    ctx, ents = classified(text, [("PERSON", name)])
    out = entities.rule_roles(ctx, ents)
    assert [(e.text, e.value) for e in out if e.rule == "role"] == [(role, name)]



def test_a_person_keeps_each_role_the_document_gives_them():
    # class 6: a role before the name and one set off before it are both the person's
    text = ("The Chairman of the Board, President Ann Kefr, spoke. The Chairman later left. "
            "The President said so.")
    ctx, ents = classified(text, [("PERSON", "Ann Kefr")])
    out = entities.rule_roles(ctx, ents)
    assert [(e.text, e.value) for e in out if e.rule == "role"] == [
        ("Chairman", "Ann Kefr"), ("President", "Ann Kefr")]


def test_a_space_station_is_no_place():
    # class 5: a spacecraft; the bodies of the solar system stay places in no country
    text = "The crew docked with the International Space Station (ISS) above Earth."
    assert resolved(text, [("ORG", "International Space Station"), ("ORG", "ISS")]) == []


def test_a_sentence_cased_titles_first_word_needs_confirming():
    # class 1: a sentence-cased title capitalises its first word whatever it is
    title = "Calm returns to Kefr after the killings\n\n"
    text = title + "Peace came back to Kefr on Monday, Ann Roe said."
    ctx, ents = classified(text, [("PERSON", "Calm")], body_start=len(title))
    assert facets(entities.rule_headlines(ctx, ents)) == []
    # a name the body uses again stays
    text = title.replace("Calm", "Roe") + "Peace came back to Kefr on Monday, Ann Roe said."
    ctx, ents = classified(text, [("PERSON", "Roe")], body_start=len(title))
    assert [t for t, _, _ in facets(entities.rule_headlines(ctx, ents))] == ["Roe", "Roe"]


def test_a_games_adjective_alone_is_no_actor():
    # class 3: "its 2012 Paralympic campaign" tagged an organisation
    assert resolved("The team began its 2012 Paralympic campaign.", [("ORG", "Paralympic")]) == []


@pytest.mark.parametrize("name", ["Dail", "Knesset", "Rajya Sabha"])
def test_a_parliament_named_by_its_own_word_is_no_place_after_in(name):
    # class 2 the other way: "TDs in the Dail" names the house, an actor
    text = f"Members asked questions in the {name} on Tuesday."
    assert [(t, f) for t, f, _, _ in resolved(text, [("ORG", name)])] == [(name, "actor")]


def test_a_title_name_of_common_words_needs_confirming():
    # class 1: a sentence-cased title capitalises "Lost World" at will; an acronym stays
    title = "Scientists probe 'Lost World' rainforest as USG funds the trip\n\n"
    text = title + "An expedition to the rainforest found new birds, the scientists said."
    ctx, ents = classified(text, [("ORG", "Lost World"), ("ORG", "USG")], body_start=len(title))
    assert [t for t, _, _ in facets(entities.rule_headlines(ctx, ents))] == ["USG"]


@pytest.mark.parametrize(("text", "value"), [
    ("an insurgency against the Turkish state since 1984", "Turkish State"),
    ("It still belonged to the Turkish state, the ministry said.", "Turkish State"),
])
def test_the_nations_state_closing_its_phrase_is_an_actor(text, value):
    ctx, ents = classified(text, [("NORP", "Turkish")])
    assert value in [v for _, f, v in facets(entities.rule_group_actors(ctx, ents)) if f == "actor"]


@pytest.mark.parametrize("text", [
    "Turkish state media said so.",
    "the Turkish state broadcaster said",
    "They seek a Turkish state.",
    "a region of the Turkish state of old",
])
def test_a_state_modifying_a_noun_or_still_to_be_made_is_no_actor(text):
    ctx, ents = classified(text, [("NORP", "Turkish")])
    assert [v for _, f, v in facets(entities.rule_group_actors(ctx, ents)) if f == "actor"] == []


@pytest.mark.parametrize(("text", "patterns"), [
    ("hours after Israeli aircraft killed two militants", [("NORP", "Israeli")]),
    ("attacks against Syrian and US warships this week", [("NORP", "Syrian"), ("GPE", "US")]),
])
def test_craft_of_a_nation_are_no_actor_and_their_nation_no_place(text, patterns):
    ctx, ents = classified(text, patterns)
    assert facets(entities.rule_group_actors(ctx, ents)) == []


@pytest.mark.parametrize("name", ["Shayrat Airfield", "Baikonur Cosmodrome", "Baiji Refinery",
                                  "Kanombe Barracks", "Larchwood Crescent", "Inwood Terrace",
                                  "Abbot Point"])
def test_an_airfield_a_launch_site_a_refinery_barracks_a_street_or_a_point_is_a_place(name):
    _, ents = classified(f"The strike hit {name} on Friday.", [("PERSON", name)])
    assert facets(ents) == [(name, "place", name)]


def test_a_verbs_past_form_between_a_nation_and_a_group_noun_makes_no_group():
    ctx, ents = classified("Iraq sent troops to Syria.", [("GPE", "Iraq"), ("GPE", "Syria")])
    assert [v for _, f, v in facets(entities.rule_group_actors(ctx, ents)) if f == "actor"] == []


def test_a_headline_name_opened_by_a_nationality_needs_confirming():
    # class 1: a nationality opens headlines, not people's names
    title = "Turkish Warplanes Hit Rebel Targets\n\n"
    text = title + "Dozens of Turkish warplanes struck rebel targets, a source said."
    ctx, ents = classified(text, [("PERSON", "Turkish Warplanes Hit")], body_start=len(title))
    assert facets(entities.rule_headlines(ctx, ents)) == []
    # a given name opening one stays
    text = "Statement by Ned Price\n\nThe spokesman said so."
    ctx, ents = classified(text, [("PERSON", "Ned Price")], body_start=len(text.split("\n\n")[0]) + 2)
    assert facets(entities.rule_headlines(ctx, ents)) == [("Ned Price", "actor", "Ned Price")]


def test_a_common_word_that_is_also_a_town_stays_the_body():
    # class 2's town rule: "the essence of our Alliance" in a text naming the United States is
    # no town of Ohio; a town of no common word still is one
    gazetteer = Gazetteer.from_entries([
        ("United States", Place("United States", "United States", "country", 1)),
        ("Alliance", Place("Alliance", "United States", "city", 22_000)),
        ("Kefrton", Place("Kefrton", "United States", "city", 22_000))])
    country = Ent(0, 13, "United States", "GPE", facet="place", value="United States")
    for name, facet in (("Alliance", "actor"), ("Kefrton", "place")):
        body = Ent(20, 20 + len(name), name, "ORG", facet="actor", value=name)
        out = towns_of_named_countries([country, body], gazetteer, set())
        assert out[1].facet == facet


def test_a_given_name_that_is_a_common_word_before_a_surname_after_a_title_is_a_person():
    # actor recall: "Councillor Cliff Hughes" (cliff is a common word); a title's second word
    # is no given name ("Queen Consort Camilla" names Camilla)
    text = "Councillor Cliff Hughes spoke. Queen Consort Camilla came. General Motors agreed."
    ctx, ents = classified(text, [])
    found = [e.text for e in entities.rule_titled_names(ctx, ents)]
    assert found == ["Cliff Hughes", "Camilla"]


@pytest.mark.parametrize(("text", "patterns", "party"), [
    ("Liberal Democrats gained three seats.", [], "Liberal Democrats"),
    # the model tags the members' noun alone as a nationality's word
    ("Her partner, the Free Democrats, failed.", [("NORP", "Democrats")], "Free Democrats"),
])
def test_a_party_named_by_its_members_noun_is_an_actor(text, patterns, party):
    ctx, ents = classified(text, patterns)
    assert facets(entities.rule_party_names(ctx, ents)) == [(party, "actor", None)]


@pytest.mark.parametrize("text", ["Other Republicans agreed.", "Fellow Democrats said so.",
                                  "The Greens won."])
def test_a_determiner_before_a_members_noun_names_no_party(text):
    ctx, ents = classified(text, [])
    assert facets(entities.rule_party_names(ctx, ents)) == []


@pytest.mark.parametrize(("text", "body"), [
    ("A Scottish Fire and Rescue Service spokesperson said the road was shut.",
     "Scottish Fire and Rescue Service"),
    ("Notices were served by South Ribble Council last year.", "South Ribble Council"),
    ("The Lahore High Court refused to hear the case.", "Lahore High Court"),
])
def test_an_untagged_bodys_name_is_found_by_its_last_word(text, body):
    ctx, ents = classified(text, [])
    assert facets(entities.rule_body_names(ctx, ents)) == [(body, "actor", None)]


@pytest.mark.parametrize("text", [
    "The Government said so.",  # one word after a determiner
    "It was a Denial of Service attack.",  # the body word after a small word
    "The US Department of Defense said so.",  # the name goes on
    "It joined Task Force 50 on Monday.",
    "We are run as a Hybrid Organization these days.",  # a kind of body
    "Tokyo Stock Exchange (TSE) Group Inc. said so.",  # the name began before
    "He was banned by the [Iranian] Chess Federation at once.",
])
def test_no_body_name_where_the_words_name_none_or_go_on(text):
    ctx, ents = classified(text, [])
    assert facets(entities.rule_body_names(ctx, ents)) == []


def test_a_body_name_takes_no_span_the_model_found():
    ctx, ents = classified("The Kefr Regional Council met.", [("ORG", "Kefr Regional Council")])
    assert entities.rule_body_names(ctx, ents) == ents


def test_a_celestial_body_after_a_running_the_is_that_body():
    # class 2: Moon is a surname too, so the model calls it a person
    gazetteer = Gazetteer.from_entries([("Moon", Place("Moon", "", "celestial", 0))])
    text = "They prepare for missions to the Moon. Moon Jae-in spoke."
    ctx, ents = classified(text, [("PERSON", "Moon"), ("PERSON", "Moon Jae-in")])
    ctx.gazetteer = gazetteer
    out = entities.rule_classify(ctx, ents)
    assert [(e.text, e.facet) for e in out] == [("Moon", "place"), ("Moon Jae-in", "actor")]



def test_a_name_before_a_bridge_closing_the_phrase_is_a_place():
    assert _cued("Fighting reached the strategic Kefra bridge, which crosses the river.", "ORG",
                 "Kefra") == [("Kefra", "place")]
    # the noun heads a compound: "Kefra bridge authority" names a body
    assert _cued("Kefra bridge authority said so.", "ORG", "Kefra") == [("Kefra", "actor")]


@pytest.mark.parametrize(("text", "label", "name"), [
    # a hill, a chiefdom, a local government area after a name the model made a body
    ("The bodies found on Kefra hill in Bwito may be the men's.", "ORG", "Kefra"),
    ("Kefra chiefdom was attacked.", "ORG", "Kefra"),
    ("Gunmen attacked Kefra local government area of the state.", "PERSON", "Kefra"),
])
def test_a_hill_a_chiefdom_or_a_local_government_area_after_a_name_is_a_place(text, label, name):
    # class 2: a place the gazetteer does not know, named with its kind
    assert _cued(text, label, name) == [(name, "place")]


def test_a_hill_that_heads_a_compound_makes_no_place():
    # "a Kefra hill farmer": the noun goes on, so no place is named
    assert _cued("A Kefra hill farmer spoke.", "ORG", "Kefra") == [("Kefra", "actor")]


@pytest.mark.parametrize(("text", "label"), [
    ("Kefra lies around 12 kilometres from the border.", "PERSON"),
    ("Kefra lies in the north of the valley.", "PERSON"),
    ("Kefra lies 40 km away.", "ORG"),
    ("Kefra is located in the north.", "ORG"),
    ("Kefra was situated above the river.", "PERSON"),
])
def test_a_name_before_a_verb_saying_where_it_is_is_a_place(text, label):
    # class 2: a town the gazetteer does not know, the model's person or body
    assert _cued(text, label, "Kefra") == [("Kefra", "place")]


def test_a_person_who_lies_about_something_stays_a_person():
    assert _cued("Kefra lies about the war.", "PERSON", "Kefra") == [("Kefra", "actor")]


def test_a_name_before_a_mall_is_a_place():
    # class 2: "the attack on the Westgate shopping mall in Nairobi"
    assert _cued("The attack on the Kefra shopping mall in Kestria went on.", "ORG",
                 "Kefra") == [("Kefra", "place")]
    assert _cued("Kefra mall managers met.", "ORG", "Kefra") == [("Kefra", "actor")]


def test_a_known_place_is_found_over_the_nationality_the_model_made_of_its_first_words():
    # class 2: "beat Central African Republic 2-1", the model's NORP "Central African"; a
    # nationality word a rule gave a facet (a group's) still covers its words
    gazetteer = Gazetteer.from_entries([
        ("Kestrian Republic", Place("Kestrian Republic", "Kestrian Republic", "country", 1))])
    text = "Ghana beat Kestrian Republic 2-1."
    ctx = entities.DocContext(text, gazetteer)
    norp = Ent(11, 19, "Kestrian", "NORP")
    assert [(e.text, e.facet) for e in entities.rule_missed_places(ctx, [norp])] == [
        ("Kestrian Republic", "place")]
    group = Ent(11, 19, "Kestrian", "NORP", facet="actor", value="Kestrian")
    assert entities.rule_missed_places(ctx, [group]) == [group]


def test_a_possessor_after_an_example_cue_is_no_example():
    # "raids at a number of locations including President Lula's house": the house is the
    # example, its owner no place
    assert _cued("Police raided locations including Kefra Lula's house.", "PERSON",
                 "Kefra Lula") == [("Kefra Lula", "actor")]
    assert _cued("Police raided locations including Kefra.", "PERSON",
                 "Kefra") == [("Kefra", "place")]


def test_a_titled_person_after_an_example_cue_is_no_example():
    # class 2, people made places: "15 heads of states, including President Adama Barrow"
    assert _cued("It drew heads of states, including President Kefra Lula.", "PERSON",
                 "Kefra Lula") == [("Kefra Lula", "actor")]
    assert _cued("It drew leaders of towns, including Dr Kefra Lula.", "PERSON",
                 "Kefra Lula") == [("Kefra Lula", "actor")]
    assert _cued("Police raided towns including Kefra Lula.", "PERSON",
                 "Kefra Lula") == [("Kefra Lula", "place")]


@pytest.mark.parametrize(("text", "label", "facet"), [
    # class 2: the town a person described by age is from ("a 24-year-old Caboolture man")
    ("A 24-year-old Kefrton man has been charged.", "ORG", "place"),
    ("Police said the 31-year-old Kefrton woman fled.", "PERSON", "place"),
    # a people's word names no place; a name before any other noun is left alone
    ("A 40-year-old Indigenous man was hurt.", "ORG", "actor"),
    ("A 24-year-old Kefrton employee was hurt.", "ORG", "actor"),
])
def test_a_name_between_an_age_and_a_residents_noun_is_a_place(text, label, facet):
    name = text.split("-year-old ")[1].split()[0]
    assert _cued(text, label, name) == [(name, facet)]


@pytest.mark.parametrize(("text", "label", "facet"), [
    # class 2: a local division's noun right before its name ("tambon Tanyong Limo",
    # "Brgy. Kabbon Takas", "at village Kalantara Kandi"), whatever the model made of it
    ("A blockade was set at three villages in tambon Kefra Lim.", "PERSON", "place"),
    ("Troops met gunmen at Brgy. Kefra Lim, Patikul, on Monday.", "PERSON", "place"),
    ("The clash was in Barangay Kefra Lim on Monday.", "ORG", "place"),
    ("The gunfight broke out at village Kefra Lim in Baramulla.", "PERSON", "place"),
    # "village" opens no name elsewhere
    ("The village Kefra Lim said the well was dry.", "PERSON", "actor"),
])
def test_a_name_after_a_local_divisions_noun_is_a_place(text, label, facet):
    assert _cued(text, label, "Kefra Lim") == [("Kefra Lim", facet)]


def test_a_cue_introduces_a_name_with_a_portuguese_or_spanish_particle():
    # "in the district of Mocímboa da Praia": the name goes on after "da", "do", "del"
    assert _cued("Insurgents raided the district of Kefra da Praia on Monday.", "ORG",
                 "Kefra da Praia") == [("Kefra da Praia", "place")]


def test_a_division_the_model_took_for_a_person_gives_no_person_words():
    # "in western Rakhine State" tagged a person leaves "towns in Rakhine" free to be the place
    from indexer.consistency import person_words
    state = Ent(0, 12, "Kefrin State", "PERSON")
    person = Ent(20, 30, "Ann Kefrin", "PERSON")
    assert person_words([state]) == set()
    assert person_words([state, person]) == {"Ann", "Kefrin"}


@pytest.mark.parametrize(("text", "label"), [
    ("Fires burn at Kefra near Armidale.", "PERSON"),
    ("The convoy came from Kefra near the Walcha border.", "ORG"),
])
def test_a_name_a_preposition_opens_before_near_and_a_name_is_a_place(text, label):
    # class 2: "fires at Wandsworth near Armidale", the model's person
    assert _cued(text, label, "Kefra") == [("Kefra", "place")]


def test_a_name_near_a_place_without_a_place_preposition_stays():
    # a body's or person's name "near" a place is no cue without "at", "in", "from"...
    assert _cued("Troops loyal to Kefra near Armidale fired.", "PERSON", "Kefra") == [
        ("Kefra", "actor")]


@pytest.mark.parametrize(("text", "label"), [
    ("Kefra is a small village near the border.", "PERSON"),
    ("Kefra was a town where traders met.", "ORG"),
    ("Kestria and Kefra are two major rebel-held towns on the highway.", "ORG"),
])
def test_a_name_a_copula_defines_as_a_settlement_is_a_place(text, label):
    # class 2: "Saraqeb and Maaret al-Numan are two major rebel-held towns", the model's
    # organisations; the names listed before the defined one too
    ctx, ents = classified(text, [(label, "Kefra")] + (
        [("ORG", "Kestria")] if "Kestria" in text else []))
    assert {(t, f) for t, f, _ in facets(entities.rule_place_cues(ctx, ents))} == {
        (name, "place") for name in ("Kefra", "Kestria") if name in text}


@pytest.mark.parametrize("text", ["Kefra is a city councillor.", "Kefra is the group's leader.",
                                  "Kefra is a town hall clerk."])
def test_a_copula_without_a_settlement_ending_the_phrase_makes_no_place(text):
    assert _cued(text, "PERSON", "Kefra") == [("Kefra", "actor")]


@pytest.mark.parametrize(("name", "label"), [("Kefra Mountain", "ORG"), ("Kefra Junction", "ORG"),
                                             ("Kefra Chowk", "ORG"), ("Northern Slopes", "ORG")])
def test_a_name_a_feature_or_crossing_word_ends_is_a_place(name, label):
    # class 2: "a blaze at Gospers Mountain", "protesters at Shadman Chowk", the model's bodies
    ctx, ents = classified(f"A crowd gathered at {name} on Monday.", [(label, name)])
    assert [(e.text, e.facet) for e in ents] == [(name, "place")]


@pytest.mark.parametrize("text", ["Airstrikes hit the camp of the Kefra Sayyaf group at dawn.",
                                  "Troops raided the village of Kefra Sayyaf fighters at dawn."])
def test_a_cued_name_its_members_follow_is_the_group_not_a_place(text):
    # class 2: "the camp of the Jund al-Aqsa group": the group's camp, the group no place
    assert _cued(text, "ORG", "Kefra Sayyaf") == [("Kefra Sayyaf", "actor")]


@pytest.mark.parametrize("after", ["bandits", "members", "rebels", "insurgents", "gunmen", "group"])
def test_a_model_place_its_members_follow_is_a_group(after):
    # class 2: "three Abu Sayyaf bandits", "150 Abu Sayyaf members", the model's LOC
    ctx, ents = classified(f"Troops killed three Kefra Sayyaf {after} in a clash.",
                           [("LOC", "Kefra Sayyaf")])
    assert [(e.text, e.facet) for e in ents] == [("Kefra Sayyaf", "actor")]


def test_names_listed_after_a_plural_place_noun_and_a_comma_are_places():
    # class 2: "its two neighboring provinces, Yala and Pattani, since 2004", the model's persons
    text = "Militants fought in its two neighbouring provinces, Kefra and Kestria, since 2004."
    ctx, ents = classified(text, [("PERSON", "Kefra"), ("PERSON", "Kestria")])
    assert [(t, f) for t, f, _ in facets(entities.rule_place_cues(ctx, ents))] == [
        ("Kefra", "place"), ("Kestria", "place")]


@pytest.mark.parametrize("text", [
    "Fighting spread to three districts, Kefra and Kestria fighters said.",  # phrase goes on
    "Fighting spread to three districts, Kefra said.",  # no list
    "Talks with the banks, Kefra and Kestria, failed.",  # no place noun
])
def test_a_comma_after_a_plural_place_noun_without_a_closed_list_makes_no_place(text):
    ctx, ents = classified(text, [("ORG", "Kefra")] + ([("ORG", "Kestria")] if "Kestria" in text else []))
    assert {f for _, f, _ in facets(entities.rule_place_cues(ctx, ents))} == {"actor"}


@pytest.mark.parametrize(("name", "label"), [
    ("Avenida Kefra", "ORG"), ("Plaza de Kefra", "ORG"), ("Palácio da Kefra", "PERSON"),
    ("Praça dos Três Kefras", "ORG"), ("Jalan Kefra", "PERSON")])
def test_a_street_square_or_palace_named_in_another_language_is_a_place(name, label):
    # class 2: "marched along Avenida Paulista", "filled the Plaza de Mayo": the model's bodies
    ctx, ents = classified(f"Crowds gathered at {name} on Monday.", [(label, name)])
    assert [(e.text, e.facet) for e in ents] == [(name, "place")]


@pytest.mark.parametrize("name", ["Plaza Kefra said", "Plaza de Kefra Foundation Trust Fund Board"])
def test_a_street_lead_needs_a_name_it_ends(name):
    # a lower-case word inside, or more than five words: no street's name
    ctx, ents = classified(f"{name} met on Monday.", [("ORG", name)])
    assert [(e.text, e.facet) for e in ents] == [(name, "actor")]
