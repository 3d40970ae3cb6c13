"""Each rule of the entity pipeline alone: spans from spacy.blank("en") with an entity ruler
(tests/indexer/entity_kit.py), one rule applied, its own effect checked."""

from __future__ import annotations

from dataclasses import replace

import pytest

from indexer import entities
from indexer.entities import RULES, DocContext, canonical_value, run_rules, spans_from_model
from indexer.gazetteer import default_gazetteer
from indexer.headlines import headline_ranges, is_title_cased, unconfirmed_headline_names
from indexer.shapes import name_shape
from indexer.spans import Ent
from tests.indexer.entity_kit import raw_ents, ruler_nlp, small_gazetteer

GAZETTEER = small_gazetteer()


def spans(text: str, patterns: list[tuple[str, str]], body_start: int = 0):
    """The context and the model spans of a text, as the first rule receives them."""
    ctx = DocContext(text, GAZETTEER, {}, body_start=body_start)
    return ctx, spans_from_model(text, raw_ents(ruler_nlp(patterns), text), {})


def classified(text: str, patterns: list[tuple[str, str]], body_start: int = 0):
    """Spans after `classify` with their canonical values, for rules that run later."""
    ctx, ents = spans(text, patterns, body_start)
    return ctx, [canonical_value(e, GAZETTEER) for e in entities.rule_classify(ctx, ents)]


def facets(ents: list[Ent]) -> list[tuple[str, str | None, str | None]]:
    return [(e.text, e.facet, e.value) for e in ents if e.facet in ("actor", "place")]


def test_rule_names_are_unique_and_every_rule_has_one_signature():
    names = [name for name, _ in RULES]
    assert len(names) == len(set(names))
    ctx, ents = spans("Nothing here.", [])
    for _, rule in RULES:
        assert rule(ctx, list(ents)) == []


def test_join_org_names():
    text = "Syria's Armed Forces advanced."
    ctx, ents = spans(text, [("GPE", "Syria"), ("ORG", "Armed Forces")])
    joined = entities.rule_join_org_names(ctx, ents)
    assert [e.text for e in joined] == ["Syria's Armed Forces"]


@pytest.mark.parametrize(("label", "name", "joined"), [
    # a place's name cut before the word that makes it an organisation's name
    ("GPE", "Kestra", "Kestra Media"),
    ("ORG", "Aleppo", "Aleppo Media"),
    # an organisation's name the gazetteer does not know is no place's
    ("ORG", "Kestra", "Kestra"),
])
def test_join_a_place_and_an_organisations_word(label, name, joined):
    ctx, ents = spans(f"The head of {name} Media, Ali, said.", [(label, name)])
    assert [e.text for e in entities.rule_join_org_names(ctx, ents)] == [joined]


def test_join_a_place_and_a_newspapers_word():
    # a newspaper named after its place ("Samoa Observer"), the model's span cut before it
    ctx, ents = spans("According to Aleppo Observer editor Ali, it grew.", [("ORG", "Aleppo")])
    assert [e.text for e in entities.rule_join_org_names(ctx, ents)] == ["Aleppo Observer"]


def test_classify_a_titled_person_tagged_an_organisation():
    # "United States Representative Elijah Cummings" as one organisation span: a person; a
    # body's name after a title word stays a body
    text = "Representative Ali Kefi and State Fire Brigade and Sheriff of Tel Rif County spoke."
    ctx, ents = classified(text, [("ORG", "Representative Ali Kefi"),
                                  ("ORG", "State Fire Brigade"),
                                  ("ORG", "Sheriff of Tel Rif County")])
    assert [(e.label, e.value) for e in ents] == [
        ("PERSON", "Ali Kefi"), ("ORG", "State Fire Brigade"),
        ("ORG", "Sheriff of Tel Rif County")]


def test_classify_a_denominations_church_is_a_body_and_a_named_church_a_building():
    text = "The Catholic Church, the Russian Orthodox Church and Calvary Church spoke."
    ctx, ents = classified(text, [("ORG", "Catholic Church"), ("ORG", "Russian Orthodox Church"),
                                  ("ORG", "Calvary Church")])
    assert [(e.text, e.facet) for e in ents] == [
        ("Catholic Church", "actor"), ("Russian Orthodox Church", "actor"),
        ("Calvary Church", "place")]


def test_classify_known_place_tagged_org_is_a_place():
    ctx, ents = spans("Shelling hit Aleppo overnight.", [("ORG", "Aleppo")])
    assert [(e.facet, e.rule) for e in entities.rule_classify(ctx, ents)] == [("place", "gazetteer")]


@pytest.mark.parametrize(("text", "name", "facet"), [
    # class 2 both ways: a town the model calls an organisation is a place once something
    # places it; with nothing placing it, it is the company, school or team named after it
    ("Idlib was planning its first plant.", "Idlib", "actor"),
    ("Shelling hit targets in Idlib overnight.", "Idlib", "place"),
    ("Idlib, Syria: shelling overnight.", "Idlib", "place"),
    ("Damascus was planning it.", "Damascus", "place"),  # of LANDMARK_CITY_POPULATION
    # "in" makes an unknown name the model calls an organisation a place, even of a common
    # word with a name's ("Levico Terme"; a name of common words only is none:
    # test_aliases.py, test_unknown_names_in_place_context_that_are_no_places)
    ("Fighting went on in Kulbiyow today.", "Kulbiyow", "place"),
    ("He is in Levico Terme this week.", "Levico Terme", "place"),
    ("Ships sailed across the Channel today.", "Channel", "place"),
])
def test_classify_an_organisation_label_and_what_places_it(text, name, facet):
    ctx, ents = spans(text, [("ORG", name)])
    assert [e.facet for e in entities.rule_classify(ctx, ents)] == [facet]


@pytest.mark.parametrize(("text", "name", "facet"), [
    # an organisation's noun in apposition before a name the model calls a place
    ("Claims were made by state news firm Kestra and others.", "Kestra", "actor"),
    ("the broadcaster Kestra, reported", "Kestra", "actor"),
    ("soldiers with the UN peacekeeping force KMSO were killed", "KMSO", "actor"),
    # not "site", which introduces places, nor a noun that is no apposition
    ("the ancient site Kestra was dug", "Kestra", "place"),
    ("a firm in Kestra closed", "Kestra", "place"),
    # a plural common noun ends a body's name; not a place's plural, nor a name whose last
    # words the gazetteer knows
    ("Scientists from Kestra Shark Expeditions said.", "Kestra Shark Expeditions", "actor"),
    # a body's last word ("Asia-Pacific Economic Cooperation summit" tagged a location)
    ("Leaders met at a Kestra Economic Cooperation summit.", "Kestra Economic Cooperation", "actor"),
    ("Scientists from Kestra Gardens said.", "Kestra Gardens", "place"),
    ("Scientists from Western United States said.", "Western United States", "place"),
])
def test_classify_the_words_of_or_around_a_place_label_that_make_an_organisation(
        text, name, facet):
    ctx, ents = spans(text, [("GPE", name)])
    assert [e.facet for e in entities.rule_classify(ctx, ents)] == [facet]


@pytest.mark.parametrize(("text", "label", "name", "facet"), [
    # a name that only names the facility after it is that facility
    ("Gunmen stormed the Kestra hotel in the capital.", "ORG", "Kestra", "place"),
    ("Gunmen stormed the Kestra hotel in the capital.", "PERSON", "Kestra", "place"),
    ("Shelling hit the Kestra camp for displaced people.", "PERSON", "Kestra", "place"),
    ("Patients fled the Kestra hospital.", "ORG", "Kestra", "place"),
    # words of the facility's kind between name and noun; with them, no determiner needed,
    # and a noun an organisation also has ("base", "school") names a site
    ("Firms will invest in the Tavan Kestra coal mine.", "PERSON", "Tavan Kestra", "place"),
    ("Militants struck the Kestra military base.", "ORG", "Kestra", "place"),
    ("The attack came when Kestra primary school was hit.", "PERSON", "Kestra", "place"),
    ("Traders met at the Kestra junction.", "ORG", "Kestra", "place"),
    ("Students at the Kestra law school protested.", "ORG", "Kestra", "actor"),
    ("Kestra said the Kestra base would close.", "ORG", "Kestra", "actor"),
    ("Anna Kestra said the Anna Kestra coal mine will close.", "PERSON", "Anna Kestra", "actor"),
    # an organisation's building, and a person's name the document gives, stay actors
    ("Gunmen stormed the Kestra Company hotel.", "ORG", "Kestra Company", "actor"),
    ("Anna Kestra spoke. Gunmen stormed the Kestra hotel.", "PERSON", "Kestra", "actor"),
])
def test_classify_a_name_before_a_facility_noun(text, label, name, facet):
    patterns = [(label, name)] + ([("PERSON", "Anna Kestra")] if "Anna" in text else [])
    ctx, ents = spans(text, patterns)
    assert {e.facet for e in entities.rule_classify(ctx, ents) if e.text == name} == {facet}


def test_classify_fills_person_words_for_later_rules():
    ctx, ents = spans("Michael Jordan spoke.", [("PERSON", "Michael Jordan")])
    entities.rule_classify(ctx, ents)
    assert ctx.persons == {"Michael", "Jordan"}


def test_hyphenated_places():
    ctx, ents = classified("Baghdad talks: the Aleppo-Idlib road.", [("ORG", "Aleppo-Idlib")])
    assert [e.text for e in entities.rule_hyphenated(ctx, ents)] == ["Aleppo", "Idlib"]


@pytest.mark.parametrize("text,pattern,expected", [
    # class 2: a place run on over the place it lies in is two places
    ("at the Aleppo Cathedral in Aleppo today", ("ORG", "Aleppo Cathedral in Aleppo"),
     [("Aleppo Cathedral", "FAC"), ("Aleppo", "GPE")]),
    ("from Saraqib in Idlib", ("ORG", "Saraqib in Idlib"), [("Saraqib", "GPE"), ("Idlib", "GPE")]),
    # an organisation's name keeps its span; so does a place in no place the gazetteer knows
    ("the Democratic Rally in Syria", ("ORG", "Democratic Rally in Syria"),
     [("Democratic Rally in Syria", "ORG")]),
    ("the Aleppo Cathedral in Springfield", ("ORG", "Aleppo Cathedral in Springfield"),
     [("Aleppo Cathedral in Springfield", "ORG")]),
])
def test_located_places(text, pattern, expected):
    ctx, ents = spans(text, [pattern])
    assert [(e.text, e.label) for e in entities.rule_located_places(ctx, ents)] == expected


@pytest.mark.parametrize("text,value", [
    ("Iraqi officials entered the city.", "Iraqi officials"),
    # plural institutions and a leadership are a nation's group too (class 6)
    ("support for the Iraqi institutions", "Iraqi institutions"),
    ("to help Iraqi militaries work together", "Iraqi militaries"),
    ("We commend Iraqi leadership on all sides", "Iraqi leadership"),
    # a party to a conflict or a talk
    ("as the Iraqi side said", "Iraqi side"),
    # a chamber the model left untagged ("in the Italian Senate")
    ("scenes in the Iraqi Senate today", "Iraqi Senate"),
    # a junta; a modifier after an adverb
    ("the Iraqi ruling junta asked", "Iraqi ruling junta"),
    ("the Iraqi internationally recognized government said", "Iraqi internationally recognized government"),
])
def test_group_actors(text, value):
    ctx, ents = classified(text, [("NORP", "Iraqi")])
    assert (text[text.index("Iraqi"):][:len(value)], "actor", value) \
        in facets(entities.rule_group_actors(ctx, ents))


def test_a_complement_of_another_noun_is_no_listed_modifier():
    # "the government of Iraq and Syria's army": Iraq is the government's, not an army's
    text = "The government of Iraq and Syria's army met."
    ctx, ents = classified(text, [("GPE", "Iraq"), ("GPE", "Syria")])
    out = entities.rule_group_actors(ctx, ents)
    assert [v for _, f, v in facets(out) if f == "actor"] == ["Syrian Army"]


@pytest.mark.parametrize(("text", "actors"), [
    ("They fled to the Iraqi side of the border.", []),
    # after a locative and "the", the side is where something happens
    ("Ten were killed on the Iraqi side in May.", []),
    ("Fire came from the Iraqi side at night.", []),
    # the party that acts
    ("The Iraqi side violated the truce.", ["Iraqi side"]),
])
def test_a_side_of_something_is_no_group(text, actors):
    ctx, ents = classified(text, [("NORP", "Iraqi")])
    assert [v for _, f, v in facets(entities.rule_group_actors(ctx, ents)) if f == "actor"] == actors


@pytest.mark.parametrize(("text", "patterns", "actors"), [
    # a group noun right before an organisation's name describes it: no second actor
    ("Iraq's main opposition Kestra Movement said.", [("GPE", "Iraq"), ("ORG", "Kestra Movement")],
     ["Kestra Movement"]),
    # a person's name after it is someone of the group, which stays
    ("Iraqi army Colonel Ali Kestra said.", [("NORP", "Iraqi"), ("PERSON", "Ali Kestra")],
     ["Ali Kestra", "Iraqi Army"]),
])
def test_a_group_noun_before_a_body_s_name_is_no_group(text, patterns, actors):
    ctx, ents = classified(text, patterns)
    assert [v for _, f, v in facets(entities.rule_group_actors(ctx, ents)) if f == "actor"] == actors


@pytest.mark.parametrize(("text", "patterns", "values"), [
    # one group, one value however the nation is written: the way its institutions are named
    ("American troops met U.S. troops and America's troops.",
     [("NORP", "American"), ("GPE", "U.S."), ("GPE", "America")], {"US Armed Forces"}),
    ("the Lebanon authorities and Lebanese authorities", [("GPE", "Lebanon"), ("NORP", "Lebanese")],
     {"Lebanese authorities"}),
    # a nation's people keep its adjective
    ("the American people and the US people", [("NORP", "American"), ("GPE", "US")],
     {"American people"}),
    # a country the model called a location, an organisation or a person
    ("the Turkey authorities", [("LOC", "Turkey")], {"Turkish authorities"}),
    ("Iran's armed forces and Syria's army", [("ORG", "Iran"), ("PERSON", "Syria")],
     {"Iranian Armed Forces", "Syrian Army"}),
])
def test_group_actors_name_their_nation_one_way(text, patterns, values):
    ctx, ents = classified(text, patterns)
    assert {v for _, f, v in facets(entities.rule_group_actors(ctx, ents)) if f == "actor"} == values


@pytest.mark.parametrize("text,pattern,expected", [
    # class 5: a flight is no actor; the airline that runs it is
    ("after Kestrel Air Flight 610 crashed", ("ORG", "Kestrel Air Flight 610"), ("Kestrel Air", "ORG")),
    ("after Kestrel Air Flight vanished", ("EVENT", "Kestrel Air Flight"), ("Kestrel Air", "ORG")),
    ("the Flight Safety Foundation said", ("ORG", "Flight Safety Foundation"),
     ("Flight Safety Foundation", "ORG")),
])
def test_flights(text, pattern, expected):
    ctx, ents = spans(text, [pattern])
    assert [(e.text, e.label) for e in entities.rule_flights(ctx, ents)] == [expected]


@pytest.mark.parametrize("label", ["GPE", "ORG"])
def test_group_actors_from_a_nationality_the_model_mislabelled(label):
    ctx, ents = classified("reports of the surrender of Iraqi troops", [(label, "Iraqi")])
    assert ("Iraqi troops", "actor", "Iraqi Armed Forces") in facets(
        entities.rule_group_actors(ctx, ents))


@pytest.mark.parametrize("text,pattern,kept", [
    # class 3: a country after a title is part of a character's or a title's name
    ("dressed as Captain America today", ("GPE", "America"), False),
    ("the film Mister America premiered", ("GPE", "Mister America"), False),
    ("Miss Syria was crowned", ("GPE", "Syria"), False),
    # the country itself, and a title before no country
    ("Captain Smith flew to America.", ("GPE", "America"), True),
    ("a Captain, America said", ("GPE", "America"), True),
    ("Captain Aleppo", ("GPE", "Aleppo"), True),
])
def test_titled_countries(text, pattern, kept):
    ctx, ents = spans(text, [pattern])
    ents = entities.rule_classify(ctx, entities.rule_titled_countries(ctx, ents))
    assert [e.facet == "place" for e in ents] == [kept]


@pytest.mark.parametrize("text,patterns,value", [
    # class 6: a group named by the nation behind it is one actor, the nation's one name first
    ("as the Saudi-led Coalition's intervention", [("NORP", "Saudi")], "Saudi-led coalition"),
    ("Iran-backed militias fired", [("GPE", "Iran")], "Iranian-backed militias"),
    ("the US-led coalition struck", [("GPE", "US")], "US-led coalition"),
    ("the U.S.-led coalition struck", [], "US-led coalition"),  # a country the model missed
])
def test_group_actors_led_by_a_nation(text, patterns, value):
    ctx, ents = classified(text, patterns)
    out = entities.rule_group_actors(ctx, ents)
    assert [e.value for e in out if e.facet == "actor"] == [value]
    assert not [e for e in out if e.facet == "place"]  # the nation is a modifier there


def test_group_actors_not_led_by_a_nation():
    # "The" is no nation, and a name after the participle is the model's own organisation
    ctx, ents = classified("The Kurdish-led Syrian Democratic Forces and The-led forces",
                           [("NORP", "Kurdish"), ("ORG", "Syrian Democratic Forces")])
    assert facets(entities.rule_group_actors(ctx, ents)) == [
        ("Syrian Democratic Forces", "actor", "Syrian Democratic Forces")]


def test_group_actors_take_no_verb_for_a_modifier():
    # a word in -s between a nation and a group noun is a verb: "Azerbaijan claims people
    # killed" names no group ("Iraqi security forces" keeps its singular modifier)
    text = "Syria claims people died. Iraqi security forces advanced."
    ctx, ents = classified(text, [("GPE", "Syria"), ("NORP", "Iraqi")])
    out = entities.rule_group_actors(ctx, ents)
    assert [e.value for e in out if e.facet == "actor"] == ["Iraqi Security Forces"]
    assert [e.text for e in out if e.facet == "place"] == ["Syria"]


def test_group_actors_take_no_clause_opener_for_a_modifier():
    # "Niger where militants have exploited ...": a clause opens after the country, which
    # stays a place; no group "Nigerien militants"
    text = "The violence spilled into Syria where militants have exploited the strife."
    ctx, ents = classified(text, [("GPE", "Syria")])
    out = entities.rule_group_actors(ctx, ents)
    assert [(e.text, e.facet) for e in out if e.facet] == [("Syria", "place")]


def test_group_of_actors():
    # a country's institution takes the one value every wording of it gets; other groups of a
    # place keep "<Head> of <Place>"
    ctx, ents = classified("the government of Iraq said the people of Mosul",
                           [("GPE", "Iraq"), ("GPE", "Mosul")])
    values = [e.value for e in entities.rule_group_of(ctx, ents)]
    assert {"Iraqi Government", "People of Mosul"} <= set(values)


def test_a_head_joined_by_and_is_a_group_of_the_place_too():
    # class 2: "the government and people of Pakistan"; "the people and Government of Sri
    # Lanka" (the model missed the place: found before the groups are)
    ctx, ents = classified("We stand with the government and people of Iraq.", [("GPE", "Iraq")])
    assert [(e.text, e.value) for e in entities.rule_group_of(ctx, ents) if e.facet == "actor"] \
        == [("people of Iraq", "People of Iraq"), ("government", "Iraqi Government")]
    ctx, ents = classified("We stand with the people and Government of Syria in grief.", [])
    out = entities.rule_group_of(ctx, ents)
    assert [(e.text, e.value) for e in out if e.facet == "actor"] == [
        ("Government of Syria", "Syrian Government")]  # the condolence's "people": no group
    assert [e.text for e in out if e.facet == "place"] == ["Syria"]


def test_a_plural_institution_of_listed_countries_is_each_ones():
    ctx, ents = classified("the governments of Iraq, Syria and Iran met the government of Mosul",
                           [("GPE", "Iraq"), ("GPE", "Syria"), ("GPE", "Iran"), ("GPE", "Mosul")])
    out = entities.rule_group_of(ctx, ents)
    assert [(e.text, e.value) for e in out if e.facet == "actor"] == [
        ("governments of Iraq", "Iraqi Government"), ("Syria", "Syrian Government"),
        ("Iran", "Iranian Government"), ("government of Mosul", "Government of Mosul")]
    assert [e.text for e in out if e.facet == "place"] == ["Iraq", "Syria", "Iran", "Mosul"]


def test_group_of_a_people_makes_its_home_a_place():
    # "the people of Moura" with the town tagged an organisation: the town is a place, the
    # people a group; a company's people are no group of a place
    # (tagged a person, a one-word home is a place too)
    ctx, ents = classified("including the people of Kefr Dana, the people of Tel, and the people "
                           "of Acme Group", [("ORG", "Kefr Dana"), ("PERSON", "Tel"),
                                             ("ORG", "Acme Group")])
    out = facets(run_rules(ctx, ents, tuple(
        (n, r) for n, r in RULES if n in ("group-of", "alias"))))
    assert sorted(out) == [("Acme Group", "actor", "Acme Group"),
                           ("Kefr Dana", "place", "Kefr Dana"),
                           ("Tel", "place", "Tel"),
                           ("people of Kefr Dana", "actor", "People of Kefr Dana"),
                           ("people of Tel", "actor", "People of Tel")]


def test_events_are_no_actor_and_keep_their_place():
    ctx, ents = classified("at the Damascus Conference", [("ORG", "Damascus Conference")])
    out = facets(entities.rule_events(ctx, ents))
    assert out == [("Damascus", "place", None)]


@pytest.mark.parametrize("name", ["Kestra Medal of Science", "Order of the Rising Kestrel"])
def test_an_event_noun_heading_a_name_before_its_complement_makes_an_event(name):
    # an award's or order's noun before "of": no actor ("order" is no event noun, a medal is)
    ctx, ents = classified(f"She received the {name} in May.", [("ORG", name)])
    out = facets(entities.rule_events(ctx, ents))
    assert out == ([] if "Medal" in name else [(name, "actor", name)])


@pytest.mark.parametrize(("label", "name"), [
    ("PERSON", "Eid"), ("ORG", "Nowruz"), ("LOC", "Easter"), ("PERSON", "Yom Kippur"),
    ("ORG", "Paralympics"), ("GPE", "Expo")])
def test_a_holiday_or_an_event_noun_alone_is_no_actor_or_place(label, name):
    # the model's person, organisation or place for a holiday's whole name or an event noun
    ctx, ents = classified(f"A ceasefire was called as {name} approached.", [(label, name)])
    assert facets(entities.rule_events(ctx, ents)) == []


def test_a_prize_the_model_called_a_person_is_an_event():
    # "The prestigious Kefr Dana Award was presented": no one's name ends in Award
    ctx, ents = classified("The prestigious Kefr Dana Award went to Rita Day.",
                           [("PERSON", "Kefr Dana Award"), ("PERSON", "Rita Day")])
    assert [text for text, _, _ in facets(entities.rule_events(ctx, ents))] == ["Rita Day"]


def test_a_holidays_name_that_is_a_persons_surname_stays_and_a_longer_name_is_no_holiday():
    ctx, ents = classified("Mohamed Eid spoke. Eid said Christmas Island was calm. Rita Day "
                           "agreed, and Day left.",
                           [("PERSON", "Mohamed Eid"), ("PERSON", "Eid"),
                            ("GPE", "Christmas Island"), ("PERSON", "Rita Day"),
                            ("PERSON", "Day")])
    out = entities.rule_events(ctx, ents)
    assert out is ents  # nothing to do: the very list comes back
    assert [text for text, _, _ in facets(out)] == ["Mohamed Eid", "Eid", "Christmas Island",
                                                     "Rita Day", "Day"]


def test_vessel_parts():
    ctx, ents = classified("USS Hopper sailed. Later Hopper returned.",
                           [("ORG", "USS Hopper"), ("ORG", "Hopper")])
    out = entities.rule_vessels(ctx, ents)
    assert [e.facet for e in out if e.text == "Hopper"] == [None]


@pytest.mark.parametrize(("text", "name"), [
    ("the film Alien opened.", "Alien"),
    ("Mozilla shipped the web browser Firefox today.", "Firefox"),
    ("NASA's space probe Stardust returned.", "Stardust"),
    ("the Crew Dragon capsule docked.", "Crew Dragon"),
    ("its Falcon Heavy rocket lifted off.", "Falcon Heavy"),
    ("the EastMed gas pipeline was signed.", "EastMed"),
    ("the Glastonbury festival was cancelled.", "Glastonbury"),
    ("Space Shuttle Atlantis landed.", "Space Shuttle Atlantis"),
    ("They launched Starlink on Monday.", "Starlink"),
    ("Apple will release the new Vision Pro soon.", "Vision Pro"),
    ("Users can download Zoom for free.", "Zoom"),
    # the type noun the name is about, before its complement
    ("the Grand Festival of Lights opened.", "Grand Festival of Lights"),
    # a year alone in brackets after the name: a work's release
    ("She starred in Harbour Lights (2006) and others.", "Harbour Lights"),
    ("His book Quiet Grammar (1931) sold well.", "Quiet Grammar"),
    # a genre stands for the type noun; a plural type noun; the title's own article outside
    # the span; a word that introduces a title
    ("the period drama Harbour Lights ended.", "Harbour Lights"),
    ("the upcoming live action movie Harbour Lights opened.", "Harbour Lights"),
    ("the Olsen comedy Rainy Minute opened.", "Rainy Minute"),
    ("the films Rainy Minute and others", "Rainy Minute"),
    ("Shakespeare's play The Quiet Isle was staged.", "Quiet Isle"),
    ("a pilot titled Young Marlow was never picked up.", "Young Marlow"),
    ("The boat, Sea Lark, caught fire.", "Sea Lark"),
    # an apposition a type noun heads
    ("in the final season of Harbour Lights, a Toronto-shot legal series.", "Harbour Lights"),
    ("Maximum Ride, a film by her, opened.", "Maximum Ride"),
])
def test_type_prior_drops_products_works_and_events(text, name):
    ctx, ents = classified(text, [("ORG", name), ("ORG", "Mozilla"), ("ORG", "NASA"), ("ORG", "Apple")])
    out = entities.rule_type_prior(ctx, ents)
    assert name not in [t for t, _, _ in facets(out)]
    assert [e.rule for e in out if e.text == name] == ["type-prior"]


def test_type_prior_a_persons_name_before_a_year_without_an_author_cue_is_a_work():
    text = "She starred in Erin Waverly (2000) and others."
    ctx, ents = classified(text, [("PERSON", "Erin Waverly")])
    assert facets(ents) and facets(entities.rule_type_prior(ctx, ents)) == []


def test_type_prior_types_every_mention_of_the_name():
    text = "The show Friends aired on NBC. Friends was a hit."
    ctx, ents = classified(text, [("ORG", "Friends"), ("ORG", "NBC")])
    assert facets(entities.rule_type_prior(ctx, ents)) == [("NBC", "actor", "NBC")]


def test_type_prior_reads_the_cue_where_the_model_made_no_span():
    # the model tagged only the third mention; the first two, untagged, are typed by their
    # type nouns, and so is every tagged mention of the name. A place the gazetteer knows
    # takes a type noun after it and stays ("a Damascus film" is a film about a place)
    text = "A Kestrel capsule flew. The Kestrel spacecraft docked; the next Kestrel mission waits."
    at = text.rindex("Kestrel")
    ctx = DocContext(text, GAZETTEER, {})
    ents = [canonical_value(e, GAZETTEER) for e in entities.rule_classify(
        ctx, spans_from_model(text, [(at, at + 7, "GPE", "")], {}))]
    assert facets(ents) == [("Kestrel", "place", "Kestrel")]
    assert facets(entities.rule_type_prior(ctx, ents)) == []
    text = "The Damascus film opened. Later Damascus was calm."
    ctx, ents = classified(text, [("GPE", "Damascus")])
    assert [v for _, _, v in facets(entities.rule_type_prior(ctx, ents))] == ["Damascus"] * 2


def test_type_prior_a_name_always_before_a_weapon_noun_is_a_weapon():
    text = ("Kassam rockets and Grad missiles hit; Hamas fired them. Two Kassam rockets fell. "
            "Hamas rockets were seen, and Paveway IV guided bombs.")
    ctx, ents = classified(text, [("ORG", "Kassam"), ("ORG", "Grad"), ("ORG", "Hamas"),
                                  ("ORG", "Paveway")])
    assert {v for _, _, v in facets(entities.rule_type_prior(ctx, ents))} == {"Hamas"}


def test_type_prior_a_makers_name_with_a_model_or_after_an_article_is_a_car():
    # class 5: "a grey Subaru Outback", "a blue Honda" and later "the Honda" are cars; a maker
    # that speaks stays an actor, and "A section of Ford Kenya" names a party
    text = ("A red Honda and a grey Subaru Outback collided; the Honda driver was hurt. "
            "Toyota said a Toyota Hilux was recalled. A section of Ford Kenya leaders met.")
    ctx, ents = classified(text, [("ORG", "Honda"), ("ORG", "Subaru Outback"),
                                  ("ORG", "Toyota"), ("ORG", "Toyota Hilux"),
                                  ("ORG", "Ford")])
    out = facets(entities.rule_type_prior(ctx, ents))
    assert sorted({v for _, _, v in out if v}) == ["Ford", "Toyota"]


def test_type_prior_a_name_written_after_a_makers_is_a_car_wherever_it_stands():
    # class 5: "a Nissan Kestrel" the model left untagged or cut to its model's name is a car,
    # and so is "the Kestrel" later; a place the gazetteer knows after a maker stays a place
    text = "A van hit a Nissan Kestrel on the Ford Mosul road. The Kestrel driver was hurt."
    ctx, ents = classified(text, [("PERSON", "Kestrel"), ("GPE", "Mosul")])
    out = facets(entities.rule_type_prior(ctx, ents))
    assert sorted({v for _, _, v in out if v}) == ["Mosul"]


@pytest.mark.parametrize(("text", "kept"), [
    # a maker: the subject of a work verb with an object
    ("SpaceX launched Starlink. The SpaceX rocket landed.", "SpaceX"),
    ("Netflix will stream the series. We watched the Netflix series.", "Netflix"),
    # the maker before a type noun that another name follows
    ("the Netflix series Stranger Things premiered", "Netflix"),
    # an acronym before a type noun is its maker
    ("the BBC documentary aired", "BBC"),
    # a person released is no work; an organisation-shaped name is a maker
    ("Iran released Nazanin Ratcliffe on Sunday.", "Nazanin Ratcliffe"),
    ("the Boeing Company rocket failed", "Boeing Company"),
    # a place before a type noun is the maker's place
    ("a United States spacecraft", "United States"),
    # a role in an organisation after any mention of the name makes it the organisation
    ("Bookhive founder Ann Lee spoke. I launched Bookhive in May.", "Bookhive"),
    # "single" is an adjective more often than a song
    ("the town's single Kestrel-owned shop closed", "Kestrel"),
    # a type noun before a plural modifies a body's members
    ("at the Film Critics Circle dinner", "Film Critics Circle"),
    # a journal's name ending like an organisation's is a newspaper, a maker
    ("the Wall Street Journal reported", "Wall Street Journal"),
    # journals and magazines are outlets, as newspapers are: actors, not works
    ("a study in the journal Current Ecology found", "Current Ecology"),
    ("the Northern Journal of Field Medicine reported", "Northern Journal of Field Medicine"),
    ("an interview with the magazine Quiet Times", "Quiet Times"),
    # a one-word author cited with a year: a person, or after "and"/"by"
    ("as Jespersen (1924) argued", "Jespersen"),
    ("the book by Cruse and Croft (2004) says", "Croft"),
    # a person's full name cited with a year after "by" or an occupation is the author
    ("a notion first used by Marsha Kendry (1991)", "Marsha Kendry"),
    ("as sociologist Wilfred Graham Sumby (1906) described", "Wilfred Graham Sumby"),
    ("Dennis Dalton (2010) provides such an account", "Dennis Dalton"),
    # after "by", whatever the model's label: "St. Jerome in the Desert, by Giovanni Bellini
    # (1505)", tagged an organisation
    ("Saint Kestrel in the Desert, by Giorgio Bellmont (1505)", "Giorgio Bellmont"),
    # a person's years are a range
    ("the painter Mirel Ostby (1890-1954) lived here", "Mirel Ostby"),
    # a type noun's form that is a verb's too is no plural cue
    ("The video shows Kestrel Bay burning.", "Kestrel Bay"),
    ("The team plays Chelsea Rovers today.", "Chelsea Rovers"),
    # an apposition a type noun only modifies
    ("Kestrel Media, a film studio, said", "Kestrel Media"),
])
def test_type_prior_keeps_makers_people_and_places(text, kept):
    label = "PERSON" if kept in ("Nazanin Ratcliffe", "Jespersen", "Mirel Ostby", "Marsha Kendry",
                                 "Wilfred Graham Sumby", "Dennis Dalton") else "GPE" if kept == "United States" else "ORG"
    ctx, ents = classified(text, [(label, kept), ("ORG", "Starlink"), ("ORG", "Stranger Things")])
    assert kept in [t for t, _, _ in facets(ents)]
    assert kept in [t for t, _, _ in facets(entities.rule_type_prior(ctx, ents))]


def test_type_prior_leaves_fixed_mentions_and_learns_nothing_from_them():
    text = "The show Friends aired on NBC. Friends was a hit."
    ctx, ents = classified(text, [("ORG", "Friends"), ("ORG", "NBC")])
    ents = [replace(e, rule="watchlist", fixed=True) if e.start == 9 else e for e in ents]
    out = entities.rule_type_prior(ctx, ents)
    assert [(e.start, e.facet) for e in out if e.text == "Friends"] == [(9, "actor"), (31, "actor")]


def test_type_prior_drops_only_the_start_of_a_longer_title():
    text = "Doris Day sang. Her talk show Doris Day's Best Friends ran a year."
    ctx, ents = classified(text, [("PERSON", "Doris Day")])
    out = entities.rule_type_prior(ctx, ents)
    assert [(e.start, e.facet) for e in out] == [(0, "actor"), (30, None)]


def test_type_prior_a_title_goes_on_after_a_colon():
    text = "Rob Lanza spoke. A documentary film titled Rob Lanza: Area 9 Secrets aired."
    ctx, ents = classified(text, [("PERSON", "Rob Lanza")])
    out = entities.rule_type_prior(ctx, ents)
    assert [(e.start, e.facet) for e in out] == [(0, "actor"), (43, None)]


def test_role_mentions_join_the_one_person_with_that_role():
    text = ("Foreign Secretary Jeremy Hunt met Chancellor Philip Hammond. The Foreign Secretary "
            "left; the Chancellor stayed. The President spoke.")
    ctx, ents = classified(text, [("PERSON", "Jeremy Hunt"), ("PERSON", "Philip Hammond")])
    out = entities.rule_roles(ctx, ents)
    assert [(e.text, e.value, e.rule) for e in out if e.rule == "role"] == [
        ("Foreign Secretary", "Jeremy Hunt", "role"), ("Chancellor", "Philip Hammond", "role")]
    assert {e.value for e in out if e.facet == "actor"} == {"Jeremy Hunt", "Philip Hammond"}


def test_the_new_holder_of_a_role_is_the_one_person_with_that_role():
    # class 6: "the new Prime Minister" after "led by Prime Minister Giuseppe Conte"
    text = "A government led by Prime Minister Giuseppe Conte won. The new Prime Minister left."
    ctx, ents = classified(text, [("PERSON", "Giuseppe Conte")])
    assert [(e.text, e.value) for e in entities.rule_roles(ctx, ents) if e.rule == "role"] == [
        ("Prime Minister", "Giuseppe Conte")]


def test_a_role_written_in_letters_is_the_one_person_with_that_role():
    # class 6: "the PM", "the Deputy PM" after "Prime Minister Giuseppe Conte and Deputy Prime
    # Minister Matteo Salvini"
    text = ("Prime Minister Giuseppe Conte and Deputy Prime Minister Matteo Salvini met. The PM "
            "called the Deputy PM an opportunist.")
    ctx, ents = classified(text, [("PERSON", "Giuseppe Conte"), ("PERSON", "Matteo Salvini")])
    assert [(e.text, e.value) for e in entities.rule_roles(ctx, ents) if e.rule == "role"] == [
        ("PM", "Giuseppe Conte"), ("Deputy PM", "Matteo Salvini")]


def test_a_role_the_model_tagged_as_a_person_is_a_mention_of_its_holder():
    # class 6: the model's PERSON "Defence Secretary" (no name: no value of its own) is the one
    # person named with that role
    text = "Defence Secretary Delfin Lorenzana spoke. The Defence Secretary left."
    ctx, ents = classified(text, [("PERSON", "Delfin Lorenzana"), ("PERSON", "Defence Secretary")])
    assert ents[-1].text == "Defence Secretary" and ents[-1].facet is None
    out = entities.rule_roles(ctx, ents)
    assert [(e.text, e.value) for e in out if e.rule == "role"] == [
        ("Defence Secretary", "Delfin Lorenzana")]


@pytest.mark.parametrize("text", [
    "The Special Envoy of the Secretary-General for Yemen, Martin Griffiths, spoke. The Special "
    "Envoy left.",
    "Martin Griffiths, the Special Envoy, spoke. Later the Special Envoy left.",
])
def test_role_set_off_by_a_comma_is_the_persons(text):
    ctx, ents = classified(text, [("PERSON", "Martin Griffiths")])
    out = entities.rule_roles(ctx, ents)
    assert [(e.text, e.value) for e in out if e.rule == "role"][-1] == (
        "Special Envoy", "Martin Griffiths")


@pytest.mark.parametrize("text", [
    # two people with the role: ambiguous
    "President Emmanuel Macron met President Joe Biden. The President left.",
    # a role followed by a name, or "of": another person
    "Foreign Secretary Jeremy Hunt spoke. The Foreign Secretary Dominic Raab replied.",
    "Foreign Secretary Jeremy Hunt spoke. The Foreign Secretary of France replied.",
    # nobody named in full with the role: no person is invented
    "The Foreign Secretary spoke to Jeremy Hunt.",
    # an honorific is no bare role, set off or not
    "Mr Jeremy Hunt spoke. The Mr replied.",
    "The General, Jeremy Hunt, spoke. The General replied.",
    # the office, not its holder
    "Prime Minister Theresa May spoke. Voters do not elect the Prime Minister directly.",
    "Lord Mayor Robert Doyle resigned. The Lord Mayor election is next month.",
    "President Joe Biden spoke. If the President and Vice President are both away.",
])
def test_role_mentions_never_guess(text):
    names = [("PERSON", n) for n in ("Jeremy Hunt", "Emmanuel Macron", "Joe Biden", "Dominic Raab",
                                     "Theresa May", "Robert Doyle")]
    ctx, ents = classified(text, names)
    assert [e for e in entities.rule_roles(ctx, ents) if e.rule == "role"] == []


@pytest.mark.parametrize(("text", "role"), [
    ("Ann Kefi, Minister of Foreign Affairs, issued a statement.", "Minister of Foreign Affairs"),
    ("Farid Hamo, Deputy Spokesman for the Secretary-General, said so.",
     "Deputy Spokesman for the Secretary-General"),
    ("It was signed by Ann Kefi, Senior Adviser to the President.", "Senior Adviser to the President"),
    # after "the" and "former", and led by a country's name or adjective
    ("Ann Kefi, the US Secretary of State, will go.", "US Secretary of State"),
    ("Ann Kefi, the former Syrian Foreign Minister, said so.", "Syrian Foreign Minister"),
    # in lower case, after a modifier, and a role of no bare word with its complement
    ("Ann Kefi, the president of Kestria, was shot.", "president of Kestria"),
    ("Ann Kefi, the acting Prime Minister of Iraq, spoke.", "acting Prime Minister of Iraq"),
    ("Ann Kefi, the caretaker Prime Minister, spoke.", "caretaker Prime Minister"),
    ("Ann Kefi, the Supreme Leader of Iran, spoke.", "Supreme Leader of Iran"),
    ("Ann Kefi, the military leader of Fiji.", "military leader of Fiji"),
    ("It was at the request of Ann Kefi, then the Prime Minister.", "Prime Minister"),
    # before an auxiliary, with no comma after the role
    ("Ann Kefi, Secretary of State has said so.", "Secretary of State"),
    # set off before the name, after a determiner
    ("The Minister of Foreign Affairs, Ann Kefi, will go.", "Minister of Foreign Affairs"),
    ("I thank my Special Envoy, Ann Kefi, and her team.", "Special Envoy"),
    ("It named its envoy for Kestria, Ann Kefi, on Friday.", "envoy for Kestria"),
    # a complement ending in a division's word, opened by "in" or "from", or two of them;
    # after an indefinite article
    ("Ann Kefi, governor of the Kestria region, wrote.", "governor of the Kestria region"),
    ("Ann Kefi, the police chief of Kestria province, said.", "police chief of Kestria province"),
    ("Ann Kefi, Police chief in Kestria district, said.", "Police chief in Kestria district"),
    ("It was bad, said Ann Kefi, a police officer from Kefr in Kestria region.",
     "police officer from Kefr in Kestria region"),
])
def test_a_role_set_off_after_a_name_is_a_mention_of_that_person(text, role):
    ctx, ents = classified(text, [("PERSON", "Ann Kefi"), ("PERSON", "Farid Hamo")])
    out = entities.rule_apposed_roles(ctx, ents)
    assert [(e.text, e.facet, e.value) for e in out if e.rule == "apposed-role"] == [
        (role, "actor", ents[0].value)]


@pytest.mark.parametrize("text", [
    "Ann Kefi, Farid Hamo and Joe Roe spoke.",  # a list of names
    "Ann Kefi, Kefr Police Chief, said.",  # over another actor's span
    "Ann Kefi, Mr, said.",  # no bare role
    "Ann Kefi, Minister of Foreign Affairs and a poet, said.",  # the role goes on in lower case
    "Ann Kefi, the leader, said.",  # no bare role and no complement
    "Ann Kefi, the president of the club, said.",  # a complement in lower case
    "Ann Kefi, the president's aide, said.",  # another's role
    "The leader, Ann Kefi, said.",  # no bare role and no complement, before the name
    "In the Kestria, Ann Kefi won.",  # no role word before the name
    "Ann Kefi, a member of the public, said.",  # no bare role and a complement in lower case
    "Ann Kefi, police, said.",  # no bare role
])
def test_no_apposed_role_where_none_is_set_off(text):
    patterns = [("PERSON", "Ann Kefi"), ("PERSON", "Farid Hamo"), ("PERSON", "Joe Roe"),
                ("ORG", "Kefr Police")]
    ctx, ents = classified(text, patterns)
    assert [e for e in entities.rule_apposed_roles(ctx, ents) if e.rule == "apposed-role"] == []


def test_a_role_never_runs_across_a_line_break():
    # the end of a title line is no title of the body's first name
    text = "Hunt Meets Foreign Minister\n\nJeremy Hunt spoke. The Foreign Minister left."
    ctx, ents = classified(text, [("PERSON", "Jeremy Hunt")])
    assert [e for e in entities.rule_roles(ctx, ents) if e.rule == "role"] == []


def test_an_unnamed_office_of_one_country_is_an_actor():
    # class 6: "the Iraqi Foreign Minister" whom the document does not name; an unqualified
    # office could be any country's, and one named in apposition is that person
    text = ("The Orwellian Foreign Minister arrived. The Prime Minister spoke. "
            "The Iraqi Defence Minister, Ali Kefi, met the Iraqi Defence Minister's aides. "
            "The Iraqi Foreign Minister Ali Baba left.")
    ctx, ents = classified(text, [("PERSON", "Ali Kefi"), ("PERSON", "Ali Baba")])
    out = entities.rule_offices(ctx, ents)
    assert [(e.text, e.value) for e in out if e.rule == "office"] == [
        ("Iraqi Defence Minister", "Ali Kefi")]
    text = "Talks went on. The Iraqi Foreign Minister said so."
    ctx, ents = classified(text, [])
    assert [(e.text, e.value) for e in entities.rule_offices(ctx, ents)] == [
        ("Iraqi Foreign Minister", "Foreign Minister of Iraq")]


def test_a_portfolio_before_a_title_is_part_of_the_office():
    # class 6: "Health", "Education", "Trade" name a minister's portfolio as "Foreign" does;
    # a party named like a portfolio word ("Labour") is not one
    text = "The Irish Health Minister has promised action. The Trade Secretary left."
    ctx, ents = classified(text, [])
    assert [(e.text, e.value) for e in entities.rule_offices(ctx, ents)] == [
        ("Irish Health Minister", "Health Minister of Ireland")]
    ctx, ents = classified("Labour won, and Health Minister Ann Roe said so.",
                           [("ORG", "Labour"), ("PERSON", "Health Minister Ann Roe")])
    assert [(e.facet, e.value) for e in ents] == [("actor", "Labour"), ("actor", "Ann Roe")]


def test_an_office_of_a_named_country_is_an_actor_and_the_country_stays_a_place():
    text = ("The President of the United States and the leader met. Ali Kefi, the Defence "
            "Minister of Iraq, left. The Minister of Nowhere and the Mayor of Aleppo stayed. "
            "They will elect the President of Syria.")
    ctx, ents = classified(text, [("GPE", "United States"), ("PERSON", "Ali Kefi"),
                                  ("GPE", "Iraq"), ("GPE", "Syria")])
    out = entities.rule_offices(ctx, ents)
    assert [(e.text, e.value) for e in out if e.rule == "office"] == [
        ("President of the United States", "President of the United States"),
        ("Defence Minister of Iraq", "Ali Kefi")]
    assert [e.text for e in out if e.facet == "place"] == ["United States", "Iraq", "Syria"]


def test_an_office_written_in_lower_case_or_in_the_possessive_is_one_value():
    # class 6: "the Saudi foreign minister", "Saudi Arabia's foreign minister" and "the
    # Foreign Minister of Saudi Arabia" are one office, one value across documents; a
    # department ("defence ministry") is no office, and a name after the role is the person's
    text = ("Talks went on with the Saudi foreign minister. Later Saudi Arabia's foreign minister "
            "left, and the American ambassador met Brazil's new President. The Russian "
            "defence ministry and Iraq's prime minister Ali Kefi stayed.")
    ctx, ents = classified(text, [("GPE", "Saudi Arabia"), ("GPE", "Brazil"), ("GPE", "Iraq"),
                                  ("PERSON", "Ali Kefi")])
    assert [(e.text, e.value) for e in entities.rule_offices(ctx, ents) if e.rule == "office"] \
        == [("Saudi foreign minister", "Foreign Minister of Saudi Arabia"),
            ("American ambassador", "Ambassador of the United States"),
            ("Saudi Arabia's foreign minister", "Foreign Minister of Saudi Arabia"),
            ("Brazil's new President", "President of Brazil")]


def test_an_office_someone_is_sworn_in_as_is_theirs_and_the_office_itself_is_none():
    # class 6: "X was sworn in as Liberia's new president" is a mention of X; "should be the
    # Melbourne's Mayor" and "be the mayor of Toronto" name the office, no holder
    text = ("Ellen Johnson Sirleaf was sworn in as Liberia's new president. You should be the "
            "Melbourne's Mayor. Anyone can be the mayor of Toronto.")
    ctx, ents = classified(text, [("PERSON", "Ellen Johnson Sirleaf"), ("GPE", "Liberia"),
                                  ("GPE", "Melbourne"), ("GPE", "Toronto")])
    assert [(e.text, e.value) for e in entities.rule_offices(ctx, ents) if e.rule == "office"] \
        == [("Liberia's new president", "Ellen Johnson Sirleaf")]


def test_place_cues_replace_a_cut_span():
    ctx, ents = classified("the district of Sheikh Maqsoud was hit", [("PERSON", "Maqsoud")])
    out = facets(entities.rule_place_cues(ctx, ents))
    assert [(t, f) for t, f, _ in out] == [("Sheikh Maqsoud", "place")]


def test_place_cue_settlements_and_townships():
    text = "Shelling near the Ukrainian settlement of Zorbany and the township of Quillo."
    ctx, ents = classified(text, [("ORG", "Zorbany"), ("PERSON", "Quillo")])
    assert [(t, f) for t, f, _ in facets(entities.rule_place_cues(ctx, ents))] == [
        ("Zorbany", "place"), ("Quillo", "place")]


def test_place_cue_a_place_noun_called_or_named():
    text = ("Tools lay at a site called Abri Moulin and a village named Kefr Dana. "
            "A mayor named Ali Kefi spoke.")
    ctx, ents = classified(text, [("ORG", "Abri Moulin"), ("PERSON", "Kefr Dana"),
                                  ("PERSON", "Ali Kefi")])
    out = facets(entities.rule_place_cues(ctx, ents))
    assert [(t, f) for t, f, _ in out] == [("Abri Moulin", "place"), ("Kefr Dana", "place"),
                                           ("Ali Kefi", "actor")]


@pytest.mark.parametrize("noun", ["sector", "area", "settlement", "locality", "hamlet"])
def test_place_cue_a_part_of_a_place_called(noun):
    text = f"Bodies were found in a remote {noun} called Miski on Sunday."
    ctx, ents = classified(text, [("ORG", "Miski")])
    assert [(t, f) for t, f, _ in facets(entities.rule_place_cues(ctx, ents))] == [
        ("Miski", "place")]


def test_place_cue_examples_of_a_kind_of_place():
    text = ("The storm hit tourist attractions, such as Kefr Dana and Abri Moulin, and outer "
            "towns like Tel Rif. Other sites such as Gawkr and groups like Ali Kefi spoke.")
    ctx, ents = classified(text, [("PERSON", "Kefr Dana"), ("ORG", "Abri Moulin"),
                                  ("ORG", "Tel Rif"), ("ORG", "Gawkr"), ("PERSON", "Ali Kefi")])
    out = facets(entities.rule_place_cues(ctx, ents))
    assert [(t, f) for t, f, _ in out] == [
        ("Kefr Dana", "place"), ("Abri Moulin", "place"), ("Tel Rif", "place"),
        ("Gawkr", "actor"), ("Ali Kefi", "actor")]


def test_place_cue_a_camp_of_the_displaced():
    text = "Aid reached the Kefr IDP camp and the Tel Rif internally displaced persons camp."
    ctx, ents = classified(text, [("ORG", "Kefr IDP"), ("PERSON", "Tel Rif")])
    out = facets(entities.rule_place_cues(ctx, ents))
    assert sorted((t, f) for t, f, _ in out) == [("Kefr", "place"), ("Tel Rif", "place")]


def test_place_cue_a_corridor_or_a_station_after_the_name():
    text = "They blockaded the Kefr corridor. The train left Tel Rif railway station."
    ctx, ents = classified(text, [("PERSON", "Kefr"), ("ORG", "Tel Rif")])
    out = facets(entities.rule_place_cues(ctx, ents))
    assert [(t, f) for t, f, _ in out] == [("Kefr", "place"), ("Tel Rif", "place")]


def test_place_cue_state_only_for_a_known_place():
    """ "in Meghalaya state, a mudslide" (class 2): a place the gazetteer knows, tagged a
    person or body, before a closing "state"; no place of "an Islamic state in", nor of a
    name the gazetteer does not know, nor where "state" goes on ("Saraqib state media")."""
    text = ("In neighbouring Idlib state, a mudslide hit. "
            "They want an Islamic state for all. Kefr state, they said. Saraqib state media.")
    ctx, ents = classified(text, [("ORG", "Idlib"), ("ORG", "Kefr"),
                                  ("ORG", "Islamic"), ("ORG", "Saraqib")])
    cued = [e.text for e in entities.rule_place_cues(ctx, ents) if e.rule == "place-cue"]
    assert cued == ["Idlib"]


def test_place_cue_department_only_for_a_known_place():
    # class 2: "in the department of Caqueta", "Idlib department": a province's noun before
    # "of" or after the name; no place of a ministry ("the department of Kefr") or a name the
    # gazetteer does not know
    text = ("Fighting hit the department of Saraqib. The department of Kefr said so. "
            "Shelling hit Saraqib department, not Kefra department.")
    ctx, ents = classified(text, [("PERSON", "Saraqib"), ("ORG", "Kefr"), ("ORG", "Kefra")])
    out = entities.rule_place_cues(ctx, ents)
    assert [(e.text, e.facet) for e in out] == [("Saraqib", "place"), ("Kefr", "actor"),
                                                ("Saraqib", "place"), ("Kefra", "actor")]


def test_listed_place_a_one_word_name_listed_among_places():
    """Class 2: "at Elburgon, Gilgil, Njoro and Bahati hospitals": a one-word person or body
    listed among places is a place; a two-word name in the list stays as it is."""
    text = "Aleppo, Mary, Bahati and Idlib hospitals closed; so did Damascus and Juba Traders."
    ctx, ents = spans(text, [("GPE", "Aleppo"), ("PERSON", "Mary"), ("ORG", "Bahati"),
                             ("GPE", "Idlib"), ("GPE", "Damascus"), ("ORG", "Juba Traders")])
    ents = [replace(e, facet="place" if e.label == "GPE" else "actor") for e in ents]
    out = entities.rule_listed_places(ctx, ents)
    assert sorted((e.text, e.facet) for e in out if e.rule == "listed-place") == [
        ("Bahati", "place"), ("Mary", "place")]
    assert [e.facet for e in out if e.text == "Juba Traders"] == ["actor"]


def listed(text: str, patterns: list[tuple[str, str]]) -> list[str]:
    """The names `listed-place` makes places, GPE spans given as places, the others actors."""
    ctx, ents = spans(text, patterns)
    ents = [replace(e, facet="place" if e.label == "GPE" else "actor") for e in ents]
    return [e.text for e in entities.rule_listed_places(ctx, ents) if e.rule == "listed-place"]


def test_listed_place_a_two_word_organisation_in_a_list_of_four_or_more():
    # "Khartoum, Al-Jazira, White Nile, North Kordofan, Sennar, and Blue Nile": a two-word
    # body the model made of a place listed among four names or more; not a body's name
    # ("Juba Traders Council"), not in a list of three, not a person's name
    places = [("GPE", "Aleppo"), ("GPE", "Idlib"), ("GPE", "Hama")]
    assert listed("Aleppo, Idlib, Hama, and Blue Kefr were hit.",
                  places + [("ORG", "Blue Kefr")]) == ["Blue Kefr"]
    assert listed("Aleppo, Idlib, Hama and Kefr Traders Council were hit.",
                  places + [("ORG", "Kefr Traders Council")]) == []
    assert listed("Aleppo, Idlib, Hama and Kefr Council were hit.",
                  places + [("ORG", "Kefr Council")]) == []
    assert listed("Aleppo, Idlib and Blue Kefr were hit.",
                  places[:2] + [("ORG", "Blue Kefr")]) == []
    assert listed("Aleppo, Idlib, Hama and Mary Kefr were hit.",
                  places + [("PERSON", "Mary Kefr")]) == []


def test_listed_place_reads_the_facets_consistency_gave_the_list_s_other_names():
    # "between Markoye and Tokabangou": Markoye's other mention is placed ("in Markoye"), so
    # after `consistency` both are places, and every mention of Tokabangou follows
    text = "Troops fought in Markoye. The post between Markoye and Tokabangou fell. Tokabangou burned."
    ctx, ents = classified(text, [("PERSON", "Markoye"), ("PERSON", "Tokabangou")])
    ents = run_rules(ctx, ents, tuple((n, r) for n, r in RULES if n in ("consistency", "listed-place")))
    assert [(e.text, e.facet) for e in ents] == [("Markoye", "place"), ("Markoye", "place"),
                                                 ("Tokabangou", "place"), ("Tokabangou", "place")]


@pytest.mark.parametrize(("text", "patterns"), [
    # a body of a list of two the gazetteer does not know: "Israel and Fatah"
    ("Talks between Israel and Fatah resumed.", [("GPE", "Israel"), ("ORG", "Fatah")]),
    # a title before the name: its person's
    ("Mrs. Potts and Damascus were mentioned.", [("GPE", "Damascus"), ("PERSON", "Potts")]),
    # a noun of kin introduces people, whatever the gazetteer calls the others
    ("He left his sisters Idlib and Hala.", [("GPE", "Idlib"), ("PERSON", "Hala")]),
    # no "and" or "or": an apposition, not a list
    ("The envoy for Syria, Hala, spoke.", [("GPE", "Syria"), ("PERSON", "Hala")]),
    # a town called like a given name is no place where the model says person
    ("Mary and Hala went home.", [("PERSON", "Mary"), ("PERSON", "Hala")]),
    # a people
    ("Iraq and Kurds agreed.", [("GPE", "Iraq"), ("NORP", "Kurds")]),
])
def test_listed_place_not_for_people_or_unlisted_names(text, patterns):
    ctx, ents = classified(text, patterns)
    assert entities.rule_listed_places(ctx, ents) is ents


def test_place_cue_an_axis_a_sector_or_a_market_after_the_name():
    # class 2: "24 fighters killed in the Gwoza axis", "the Ruwenzori sector", "the Kongowea
    # market burned"; an acronym before "sector" or "market" is a trade's, no place
    text = ("Troops cleared the Kefr axis. Fighting hit the Tel Rif sector. The Saraqib market "
            "burned. Jobs in the IT sector grew.")
    ctx, ents = classified(text, [("ORG", "Saraqib")])
    cued = sorted(e.text for e in entities.rule_place_cues(ctx, ents) if e.facet == "place")
    assert cued == ["Kefr", "Saraqib", "Tel Rif"]


def test_numbered_region_is_a_place_whatever_the_model_made_of_it():
    # class 2: "Region 11 and Region 12" tagged laws, "Region Four" untagged; an amount after
    # "Region" is no region's number
    text = "Floods hit Region 11 and Region 12. Region Four voted. Region 4 million people fled."
    ctx, ents = spans(text, [("LAW", "Region 11"), ("LAW", "Region 12")])
    out = entities.rule_numbered_regions(ctx, ents)
    assert [(e.text, e.facet) for e in out] == [("Region 11", "place"), ("Region 12", "place"),
                                                ("Region Four", "place")]


def test_place_cue_a_continent_after_the_name():
    ctx, ents = classified("Cases reached the Kefr continent.", [("ORG", "Kefr")])
    assert [(t, f) for t, f, _ in facets(entities.rule_place_cues(ctx, ents))] == [("Kefr", "place")]


def test_place_cue_the_inhabitants_of_a_place():
    ctx, ents = classified("It hurt the inhabitants of Kefr Dana and residents of Tel Rif.",
                           [("ORG", "Kefr Dana"), ("PERSON", "Tel Rif")])
    out = facets(entities.rule_place_cues(ctx, ents))
    assert [(t, f) for t, f, _ in out] == [("Kefr Dana", "place"), ("Tel Rif", "place")]


def test_possessive_places():
    ctx, ents = classified("fighting in Syria's Kafr Nabl", [("GPE", "Syria's Kafr Nabl")])
    out = entities.rule_possessive_places(ctx, ents)
    assert [(e.text, e.country) for e in out] == [("Syria", None), ("Kafr Nabl", "Syria")]


def test_collectives_take_the_one_full_name():
    text = "The Global Coalition struck. The Coalition said"
    ctx, ents = classified(text, [("ORG", "Global Coalition")])
    added = entities.rule_collectives(ctx, ents)[1:]
    assert [(e.text, e.value) for e in added] == [("Coalition", "Global Coalition")]


def test_collectives_before_a_group_noun():
    # "Coalition partner forces" names the coalition's forces; "Coalition Street" is no group
    text = "Coalition partner forces advanced. Coalition military forces struck. Coalition Street."
    ctx, ents = classified(text, [])
    added = entities.rule_collectives(ctx, ents)
    assert [(e.start, e.text, e.facet) for e in added] == [(0, "Coalition", "actor"),
                                                           (35, "Coalition", "actor")]


def test_aliases_acronym():
    text = "Hayat Tahrir al-Sham (HTS) advanced. HTS said"
    ctx, ents = classified(text, [("ORG", "Hayat Tahrir al-Sham")])
    out = entities.rule_aliases(ctx, ents)
    assert {e.value for e in out if e.text == "HTS"} == {"Hayat Tahrir al-Sham"}


def test_known_names_take_the_canonical_name_the_document_uses():
    known = [Ent(0, 3, "SDF", "ORG", "actor", "SDF", "known", known="Syrian Democratic Forces"),
             Ent(10, 34, "Syrian Democratic Forces", "ORG", "actor", "Syrian Democratic Forces",
                 "known", known="Syrian Democratic Forces")]
    out = entities.rule_known_names(DocContext("", GAZETTEER), known)
    assert {e.value for e in out} == {"Syrian Democratic Forces"}


def test_adopt_aliases():
    alias = Ent(0, 8, "Araghchi", "PERSON", "actor", "Abbas Araghchi", "alias-partial", fixed=True)
    other = Ent(20, 28, "Araghchi", "GPE", "place", "Araghchi")
    out = entities.rule_adopt_aliases(DocContext("", GAZETTEER), [alias, other])
    assert [(e.facet, e.value) for e in out] == [("actor", "Abbas Araghchi")] * 2


def test_harmonise_majority_facet():
    ents = [Ent(0, 5, "Zorba", "ORG", "actor"), Ent(10, 15, "Zorba", "ORG", "actor"),
            Ent(20, 25, "Zorba", "GPE", "place")]
    out = entities.rule_harmonise(DocContext("", GAZETTEER), ents)
    assert {e.facet for e in out} == {"actor"}


def test_harmonise_breaks_a_tie_with_the_gazetteer():
    ents = [Ent(0, 6, "Aleppo", "ORG", "actor"), Ent(10, 16, "Aleppo", "GPE", "place"),
            Ent(20, 25, "Zorba", "ORG", "actor"), Ent(30, 35, "Zorba", "GPE", "place")]
    out = entities.rule_harmonise(DocContext("", GAZETTEER), ents)
    assert [(e.text, e.facet) for e in out] == [("Aleppo", "place"), ("Aleppo", "place"),
                                                ("Zorba", "actor"), ("Zorba", "actor")]
    assert [e.rule for e in out] == ["consistency", "model", "model", "consistency"]


def test_harmonise_leaves_a_tie_with_a_small_town_to_the_actor():
    # "Obama" the person beside Obama, a Japanese town: a small town breaks no tie
    ents = [Ent(0, 7, "Saraqib", "PERSON", "actor"), Ent(10, 17, "Saraqib", "GPE", "place")]
    out = entities.rule_harmonise(DocContext("", GAZETTEER), ents)
    assert [e.facet for e in out] == ["actor", "actor"]


def test_harmonise_an_actor_label_after_at_or_in_casts_no_vote():
    # "villages including Zorba" tagged a place, "At Zorba, gunmen killed five" an organisation:
    # "at" and "in" read either way, so the place label decides
    text = "villages including Zorba and Kefi. At Zorba, gunmen killed five. Kefi said so."
    ents = [Ent(19, 24, "Zorba", "GPE", "place"), Ent(38, 43, "Zorba", "ORG", "actor"),
            Ent(29, 33, "Kefi", "GPE", "place"), Ent(65, 69, "Kefi", "ORG", "actor")]
    out = entities.rule_harmonise(DocContext(text, GAZETTEER), ents)
    assert [(e.text, e.facet) for e in out] == [("Zorba", "place"), ("Zorba", "place"),
                                                ("Kefi", "actor"), ("Kefi", "actor")]


def test_harmonise_a_list_item_split_off_a_span_casts_no_vote():
    # "near Zorba" tagged a place; "Zorba, Kefi Creek" tagged an organisation twice, split
    ents = [Ent(0, 5, "Zorba", "LOC", "place"),
            Ent(10, 15, "Zorba", "ORG", "actor", rule="listed-names"),
            Ent(30, 35, "Zorba", "ORG", "actor", rule="listed-names")]
    out = entities.rule_harmonise(DocContext("", GAZETTEER), ents)
    assert [e.facet for e in out] == ["place", "place", "place"]


def test_harmonise_fixed_facets_outvote_the_model_and_stay():
    ents = [Ent(0, 5, "Zorba", "ORG", "actor"), Ent(10, 15, "Zorba", "ORG", "actor"),
            Ent(20, 25, "Zorba", "ORG", "place", rule="place-cue", fixed=True),
            Ent(30, 35, "Kefi", "ORG", "place", rule="place-cue", fixed=True),
            Ent(40, 44, "Kefi", "ORG", "actor", rule="alias", fixed=True)]
    out = entities.rule_harmonise(DocContext("", GAZETTEER), ents)
    assert [e.facet for e in out] == ["place", "place", "place", "place", "actor"]


def test_common_words_cover_sentence_openers():
    text = "Results show a rise. The results were new."
    ctx, ents = classified(text, [("ORG", "Results")])
    assert facets(ents) == [("Results", "actor", "Results")]
    assert facets(entities.rule_common_words(ctx, ents)) == []


def test_towns_of_named_countries():
    text = "In Syria, shelling hit Saraqib."
    ctx, ents = classified(text, [("GPE", "Syria"), ("ORG", "Saraqib")])
    ents = [replace(e, fixed=False) if e.text == "Saraqib" else e for e in ents]
    ents = [replace(e, facet="actor", rule="model") if e.text == "Saraqib" else e for e in ents]
    out = entities.rule_towns(ctx, ents)
    assert [e.facet for e in out if e.text == "Saraqib"] == ["place"]


@pytest.mark.parametrize(("text", "persons"), [
    ("In Iraq, shelling hit Saraqib.", set()),  # a town of a country the document does not name
    ("In Syria, shelling hit Saraqib.", {"Saraqib"}),  # a word of a person's name
])
def test_towns_need_a_named_country_and_no_persons_name(text, persons):
    ctx, ents = classified(text, [("GPE", "Iraq"), ("GPE", "Syria"), ("ORG", "Saraqib")])
    ctx.persons.update(persons)
    ents = [replace(e, facet="actor", rule="model", fixed=False) if e.label == "ORG" else e
            for e in ents]
    out = entities.rule_towns(ctx, ents)
    assert [e.facet for e in out if e.text == "Saraqib"] == ["actor"]


def test_missed_places():
    ctx, ents = classified("Talks were held in Damascus today.", [])
    assert [e.text for e in entities.rule_missed_places(ctx, ents)] == ["Damascus"]


def test_order():
    ents = [Ent(5, 6, "b", "ORG"), Ent(0, 1, "a", "ORG")]
    assert [e.text for e in entities.rule_order(DocContext("", GAZETTEER), ents)] == ["a", "b"]


def test_countries_from_the_nearest_known_place():
    text = "the village of Kafr Zita near Idlib"
    ents = [Ent(15, 24, "Kafr Zita", "GPE", "place", "Kafr Zita"),
            Ent(30, 35, "Idlib", "GPE", "place", "Idlib", country="Syria")]
    out = entities.rule_countries(DocContext(text, GAZETTEER), ents)
    assert out[0].country == "Syria"


def test_region_homonyms():
    ents = [Ent(0, 7, "Georgia", "GPE", "place", "Georgia", country="Georgia"),
            Ent(10, 17, "Atlanta", "GPE", "place", "Atlanta", country="United States")]
    out = entities.rule_region_homonyms(DocContext("", GAZETTEER), ents)
    assert out[0].country == "United States"


@pytest.mark.parametrize("line, expected", [
    ("DoD Identifies Army Casualty", True),
    ("Rebels Push on to the Coast", True),
    ("Rebels push on to the coast", False),
    # a long title-cased line may leave a word in lower case; a sentence-cased one leaves more
    ("OAS Secretary General Condemns Violence in Kestria and Calls on All Sides to Avoid "
     "Confrontations that could Result in More Victims", True),
    ("Secretary of State Antony Blinken visits Kyiv", False),
    ("Caloundra defeat Wynnum in fourth round of 2020 Sunshine Coast Rugby Union season", False),
    ("The Army Said It Would Go.", False),
    ("Two Words", False),
    # capitals that come from the names a line lists: a list, a reference by inverted name
    ("Terminal 3: Delta, Frontier, Hawaiian, JetBlue", False),
    ("Twain, Mark. A Connecticut Yankee in King Arthur's Court", False),
    ("Near Palmyra, Syrian Forces Advance, Officials Say", True),
    ("Terminal 3: Delta, Frontier, Hawaiian, and United Arab Emirates", False),
    ("Terminal 2: Alaska (Gates 10 & 11), Great Lakes (Gates C & D), Spirit, United", False),
    # four clauses are no list of names
    ("Safety, Security of United Nations Personnel, Property Must Be Guaranteed, "
     "Secretary-General Reiterates", True),
])
def test_is_title_cased(line, expected):
    assert is_title_cased(line) is expected


def test_headline_ranges_skip_a_sentence_cased_title():
    text = "Rebels push on to Raqqa\n\nBody text here.\nTinker Citizen Airmen Deploy\nMore."
    ranges = headline_ranges(text, 25)
    assert [text[s:e] for s, e in ranges] == ["Tinker Citizen Airmen Deploy"]


def test_headline_names_need_confirmation():
    text = "DoD Identifies Army Casualty Tinker\n\nThe soldier died in Aleppo. Tinker said"
    ctx, ents = classified(text, [("ORG", "DoD Identifies Army Casualty"), ("ORG", "Tinker"),
                                  ("GPE", "Aleppo")], body_start=38)
    out = facets(entities.rule_headlines(ctx, ents))
    assert [t for t, _, _ in out] == ["Tinker", "Aleppo", "Tinker"]


def test_headline_names_confirmed_by_gazetteer_rules_shipped_names_or_another_mention():
    text = "Aleppo Zorba Kefi Quux Blah Meet\n\nThe body said it. QC said so."

    def mention(name: str, **known) -> Ent:
        start = text.index(name)
        return Ent(start, start + len(name), name, "ORG", "actor", name, **known)

    ents = [mention("Aleppo"), mention("Zorba", fixed=True), mention("Kefi", known="Kefi"),
            replace(mention("Quux"), value="Quux Corp"), mention("Blah"),
            replace(mention("QC"), value="Quux Corp")]
    out = unconfirmed_headline_names(text, ents, headline_ranges(text, 0), {"Aleppo"}.__contains__,
                                     GAZETTEER.country_of)
    assert [e.text for e in out if e.facet] == ["Aleppo", "Zorba", "Kefi", "Quux", "QC"]
    assert [e.rule for e in out if not e.facet] == ["headline"]


def test_headline_names_confirmed_by_their_own_capitals():
    # class 1 without its cost: a press release's title often holds its only mention of the
    # speaker or the issuing body; title case cannot explain capitals English never drops
    text = ("Statement by Antony Blinken on Hostages\n\nUS State Department Urges Calm\n\n"
            "Tinker Citizen Airmen Deploy\n\nThe release said so.")
    ctx, ents = classified(text, [("PERSON", "Antony Blinken"), ("ORG", "US State Department"),
                                  ("ORG", "Tinker Citizen Airmen Deploy")], body_start=40)
    out = facets(entities.rule_headlines(ctx, ents))
    assert [t for t, _, _ in out] == ["Antony Blinken", "US State Department"]


def test_headline_person_confirmed_by_a_given_name_first():
    # "Price" is a word title case explains, "Ned" is not; "Army Casualty" is no person
    text = "Press Statement by Ned Price, Department Spokesperson\n\nArmy Casualty Named\n\nIt said."
    ctx, ents = classified(text, [("PERSON", "Ned Price"), ("PERSON", "Army Casualty")],
                           body_start=55)
    assert [t for t, _, _ in facets(entities.rule_headlines(ctx, ents))] == ["Ned Price"]


def test_headline_person_confirmed_by_surname():
    text = "Minister Meets Sergey Lavrov Again\n\nLavrov said so."
    ctx, ents = classified(text, [("PERSON", "Sergey Lavrov")], body_start=36)
    assert [t for t, _, _ in facets(entities.rule_headlines(ctx, ents))] == ["Sergey Lavrov"]


def test_run_rules_times_each_rule_by_name():
    ctx, ents = spans("Iraqi forces entered Mosul.", [("NORP", "Iraqi"), ("GPE", "Mosul")])
    seconds: dict[str, float] = {}
    run_rules(ctx, ents, RULES, seconds)
    assert set(seconds) == {name for name, _ in RULES}


@pytest.mark.parametrize("name, expected", [
    ("Jerry [O'Connell", "Jerry O'Connell"),
    ('"United States', "United States"),
    ('Jeremy "Spike" Cohen', 'Jeremy "Spike" Cohen'),
    ("Labour Party - 203", "Labour Party"),
    ("Aleppo 0.5%", "Aleppo"),
    ("Magnitude 6.3", None),
    ("USD 26.95", None),
    ("W]e", None),
    ("Task Force 50", "Task Force 50"),
    ("G20", "G20"),
    # a reference to a part of a document, alone or with its numbers, is no name
    ("Appendix S1", None),
    ("Title IV", None),
    ("Paragraph 1 & 2", None),
    ("Appendix", None),
    ("Table Mountain", "Table Mountain"),
    ("Section Eight", "Section Eight"),
    # a common word in capitals for emphasis; acronyms and names in capitals stay
    ("TOGETHER", None),
    ("ABSTAINS", None),
    ("UNICEF", "UNICEF"),
    ("REUTERS", "REUTERS"),
    ("WHO", "WHO"),
    # a nationality adjective behind a prefix; a name behind one stays
    ("Post-Soviet", None),
    ("Anti-American", None),
    ("Pan-African Parliament", "Pan-African Parliament"),
    # an ordinal or a decade alone is a number; a name holding one stays
    ("848th", None),
    ("1990s", None),
    ("82nd Airborne Division", "82nd Airborne Division"),
    ("3M", "3M"),
    # a Roman numeral alone ("to IV from III") is a number; a letter, a nerve agent, a
    # district and a name holding a numeral stay
    ("III", None),
    ("XIV", None),
    ("X", "X"),
    ("VX", "VX"),
    ("DC", "DC"),
    ("Louis XIV", "Louis XIV"),
])
def test_name_shape(name, expected):
    assert name_shape(name, lambda n: GAZETTEER.lookup(n) is not None) == expected


def test_shapes_rule_repairs_and_drops():
    text = "Results: Aleppo 0.5% and Magnitude 6.3 and Jerry [O'Connell spoke."
    ctx, ents = classified(text, [("ORG", "Aleppo 0.5%"), ("ORG", "Magnitude 6.3"),
                                  ("PERSON", "Jerry [O'Connell")])
    out = facets(entities.rule_shapes(ctx, ents))
    assert [(f, v) for _, f, v in out] == [("place", "Aleppo"), ("actor", "Jerry O'Connell")]


def test_shapes_rule_drops_a_code_called_a_geopolitical_entity():
    # "the R0 number": a code is no country or city; a location code ("Area 51") stays
    text = "The R0 number rose near Area 51 and in Aleppo."
    ctx, ents = classified(text, [("GPE", "R0"), ("LOC", "Area 51"), ("GPE", "Aleppo")])
    out = facets(entities.rule_shapes(ctx, ents))
    assert [(t, f) for t, f, _ in out] == [("Area 51", "place"), ("Aleppo", "place")]


def test_shapes_rule_drops_the_name_a_day_is_named_after():
    # class 3: "Mother's Day" tagged a place, "Mozambican Women's Day" an organisation; the
    # same name elsewhere stays
    text = "Sales rose for Kefra's Day in Aleppo. Kefran Women’s Day came. Aleppo's mayor spoke."
    ctx, ents = classified(text, [("GPE", "Kefra"), ("GPE", "Aleppo"), ("ORG", "Kefran Women"),
                                  ("GPE", "Aleppo")])
    out = facets(entities.rule_shapes(ctx, ents))
    assert [(t, f) for t, f, _ in out] == [("Aleppo", "place"), ("Aleppo", "place")]


def test_shapes_rule_drops_a_code_called_a_person():
    # "flight #JJ3054": no one's name holds a digit; a body's may ("G20")
    text = "Flight #JJ3054 crashed, the G20 said."
    ctx, ents = classified(text, [("PERSON", "JJ3054"), ("ORG", "G20")])
    assert [t for t, _, _ in facets(entities.rule_shapes(ctx, ents))] == ["G20"]


def test_shapes_rule_drops_acronyms_written_only_after_numbers():
    # units and currencies ("40 CUC", "15 - 25 CUC"); a counted body ("5 ISIS fighters"), a
    # longer name after a year ("the 2000 US Presidential election"), a date's day ("May 8,
    # NATO said") and an acronym also written elsewhere stay names
    text = ("A visa costs 15 - 25 CUC, or 40 CUC for a month. In 2000 US Presidential races, "
            "5 ISIS fighters fled. On May 8, NATO said 3 WHO staff and the WHO left.")
    ctx, ents = classified(text, [("ORG", "CUC"), ("GPE", "US"), ("ORG", "ISIS"),
                                  ("ORG", "NATO"), ("ORG", "WHO")])
    out = facets(entities.rule_shapes(ctx, ents))
    assert sorted({t for t, _, _ in out}) == ["ISIS", "NATO", "US", "WHO"]


def test_shapes_rule_drops_a_currency_code_written_next_to_a_number_once():
    # ISO 4217 codes: one mention next to a number (before or after it) makes every mention
    # a currency; an acronym that is no currency code, and a code never next to a number, stay
    text = "Dinghies cost 225 DKK per hour. Marina: VHF; berths at DKK. Fee USD 26.95, EUR too."
    ctx, ents = classified(text, [("ORG", "DKK"), ("ORG", "VHF"), ("ORG", "USD"), ("ORG", "EUR")])
    out = facets(entities.rule_shapes(ctx, ents))
    assert sorted({t for t, _, _ in out}) == ["EUR", "VHF"]


def test_targets_of_attacks_are_places():
    text = "Airstrikes hit Idlib and Saraqib, while Mosul Group said"
    ctx, ents = classified(text, [("ORG", "Idlib"), ("ORG", "Saraqib"), ("ORG", "Mosul Group")])
    ents = [replace(e, facet="actor", fixed=False, rule="model") for e in ents]
    out = entities.rule_targets(ctx, ents)
    assert [(e.text, e.facet) for e in out] == [("Idlib", "place"), ("Saraqib", "place"),
                                                 ("Mosul Group", "actor")]


def test_target_cue_needs_a_known_place():
    ctx, ents = classified("Police attacked Zorbania Ltd offices.", [("ORG", "Zorbania")])
    ents = [replace(e, facet="actor", fixed=False) for e in ents]
    assert [e.facet for e in entities.rule_targets(ctx, ents)] == ["actor"]


def test_target_cue_makes_an_attacked_building_a_place():
    # a hospital attacked is the building; an embassy named after a country stays the body,
    # whose place would be the country it stands for, not the city it stands in
    text = ("Reports of an attack on the Kefr Dana Maternal Hospital and attacks on the "
            "Syria Embassy.")
    ctx, ents = classified(text, [("ORG", "Kefr Dana Maternal Hospital"),
                                  ("ORG", "Syria Embassy")])
    out = entities.rule_targets(ctx, ents)
    assert [(e.text, e.facet, e.fixed) for e in out] == [
        ("Kefr Dana Maternal Hospital", "place", False), ("Syria Embassy", "actor", False)]


def test_missed_target_is_added():
    ctx, ents = classified("Militants seized Saraqib in 2012.", [])
    assert facets(entities.rule_targets(ctx, ents)) == [("Saraqib", "place", None)]


def test_countries_from_a_known_place_in_the_name_and_none_for_open_water():
    text = "In Syria: Aleppo International Airport. Ships in the Atlantic near Aleppo."
    ents = [Ent(3, 8, "Syria", "GPE", "place", "Syria", country="Syria"),
            Ent(10, 38, "Aleppo International Airport", "FAC", "place",
                "Aleppo International Airport"),
            Ent(53, 61, "Atlantic", "LOC", "place", "Atlantic"),
            Ent(67, 73, "Aleppo", "GPE", "place", "Aleppo", country="Syria")]
    out = entities.rule_countries(DocContext(text, GAZETTEER), ents)
    assert [e.country for e in out] == ["Syria", "Syria", None, "Syria"]


def test_common_words_are_no_names_where_the_document_writes_them_in_lower_case():
    text = ("The Cathedral was shut; the cathedral dean spoke. Reading fans read. Amazon said "
            "the amazon river rose. Weather in the New York Post: the Post said weather")
    patterns = [("ORG", "Cathedral"), ("GPE", "Reading"), ("PERSON", "Amazon"),
                ("ORG", "New York Post"), ("ORG", "Post"), ("ORG", "Weather")]
    ctx, ents = classified(text, patterns)
    out = entities.rule_common_words(ctx, ents)
    assert [e.text for e in out if e.rule == "common-word"] == ["Cathedral", "Weather"]


def test_a_person_only_at_sentence_openings_written_in_lower_case_too_is_a_common_word():
    # class 3: "Ferry and boat disasters are common ... Ferry is still a key means" beside "the
    # ferry"; not a surname also met inside a sentence, nor a word English mostly capitalises
    text = "They salvaged the ferry. Ferry and boat trips are common. Ferry is still used."
    ctx, ents = classified(text, [("PERSON", "Ferry")])
    assert [e.text for e in entities.rule_common_words(ctx, ents)
            if e.rule == "common-word"] == ["Ferry", "Ferry"]
    text = "They salvaged the ferry. Ferry spoke first, said Ferry."
    ctx, ents = classified(text, [("PERSON", "Ferry")])
    assert [e for e in entities.rule_common_words(ctx, ents) if e.rule == "common-word"] == []
    text = "He met a baker. Baker said so. Baker left."
    ctx, ents = classified(text, [("PERSON", "Baker")])
    assert [e for e in entities.rule_common_words(ctx, ents) if e.rule == "common-word"] == []


def test_common_words_take_the_last_word_after_of_of_a_longer_name():
    # "Geology" of "Department of Geology" is no short form of it: the common word stays common
    text = "She joined the Department of Geology after a degree in Geology; geology paid."
    ctx, ents = classified(text, [("ORG", "Department of Geology"), ("GPE", "Geology")])
    out = entities.rule_common_words(ctx, ents)
    assert [e.text for e in out if e.rule == "common-word"] == ["Geology"]


def test_common_words_keep_an_organisation_named_bare_mid_sentence():
    # class: real names that are also common words ("Time" magazine) are no common words when
    # the model tags one mention ORG mid-sentence without a determiner; "the Chamber" is style
    text = ("In an interview with Time magazine, she spoke. It took time. Members of this "
            "Chamber met; the chamber rose. Photographs showed photographs.")
    patterns = [("ORG", "Time"), ("ORG", "Chamber"), ("ORG", "Photographs")]
    ctx, ents = classified(text, patterns)
    out = entities.rule_common_words(ctx, ents)
    assert [e.text for e in out if e.rule == "common-word"] == ["Chamber", "Photographs"]
    assert [e.value for e in out if e.facet == "actor"] == ["Time"]


def test_common_words_leave_a_countrys_bare_body():
    text = "The Senate voted; a state senate had voted first. The Cathedral and the cathedral."
    ctx, ents = classified(text, [("ORG", "Senate"), ("ORG", "Cathedral")])
    out = entities.rule_common_words(ctx, ents)
    assert [e.text for e in out if e.rule == "common-word"] == ["Cathedral"]


def test_common_words_leave_inner_capitals_and_web_addresses():
    text = "YouTube said users of youtube.com grew. Mozilla runs www.mozilla.org and /mozilla."
    ctx, ents = classified(text, [("ORG", "YouTube"), ("ORG", "Mozilla")])
    assert "common-word" not in [e.rule for e in entities.rule_common_words(ctx, ents)]


def test_place_cue_fixes_a_place_against_the_models_other_label():
    text = "Migrants reached the island of Lesbos, and Lesbos island camps are full."
    ctx, ents = classified(text, [("GPE", "Lesbos")])
    ents = [replace(ents[0])] + [replace(ents[0], start=43, end=49, label="ORG", facet="actor")]
    out = run_rules(ctx, ents, tuple(r for r in RULES if r[0] in ("place-cue", "consistency")))
    assert [(e.facet, e.value) for e in out] == [("place", "Lesbos")] * 2


def test_every_span_names_the_rules_that_produced_or_changed_it():
    text = "Foreign Secretary Jeremy Hunt spoke. The Foreign Secretary left. Mr Hunt smiled."
    ctx, ents = spans(text, [("PERSON", "Jeremy Hunt"), ("PERSON", "Hunt")])
    out = run_rules(ctx, ents)
    assert [(e.text, e.value, e.rules) for e in out] == [
        ("Jeremy Hunt", "Jeremy Hunt", ("classify",)),
        ("Foreign Secretary", "Jeremy Hunt", ("role",)),
        ("Hunt", "Jeremy Hunt", ("classify", "alias"))]
    assert {name for e in out for name in e.rules} <= set(entities.RULE_NAMES)


def test_run_in_names_splits_a_title_place_from_the_person():
    text = "The President of Turkey Ahmet Demir spoke. Later Demir left."
    ctx, ents = spans(text, [("GPE", "Turkey Ahmet Demir"), ("PERSON", "Demir")])
    split = entities.rule_run_in_names(ctx, ents)
    assert [(e.text, e.label) for e in split] == [
        ("Turkey", "GPE"), ("Ahmet Demir", "PERSON"), ("Demir", "PERSON")]


def test_run_in_names_person_span_needs_the_place_or_body_named_apart():
    text = "Speaker of the House Ann Roe spoke in the House. Mayor of Mary Ann Lee spoke."
    patterns = [("PERSON", "House Ann Roe"), ("PERSON", "Mary Ann Lee"), ("ORG", "House")]
    ctx, ents = spans(text, patterns)
    split = [e.text for e in entities.rule_run_in_names(ctx, ents)]
    # "House" is named apart; "Mary" is only a gazetteer town, so the person stays whole
    assert split == ["House", "Ann Roe", "House", "Mary Ann Lee"]


def test_run_in_names_needs_of_before_and_a_person_after():
    text = "Turkey Ahmet Demir spoke. Demir left. The court of Damascus Saraqib sat."
    patterns = [("PERSON", "Turkey Ahmet Demir"), ("PERSON", "Demir"), ("GPE", "Damascus Saraqib")]
    ctx, ents = spans(text, patterns)
    assert entities.rule_run_in_names(ctx, ents) == ents


def test_a_surname_with_a_particle_is_whole_and_no_place():
    # "Minister for Housing Darragh O’Brien": the title's name runs over "O’" (it stopped
    # there), and "confidence in Darragh O’Brien" does not make the name a place
    text = ("The Dail voted confidence in Darragh O’Brien. Housing Minister Seamus O’Neill, "
            "Mr DeSantis and Judge Ann Bloggs-Smith spoke.")
    ctx, ents = classified(text, [("ORG", "Darragh O’Brien")])
    assert facets(ents) == [("Darragh O’Brien", "actor", "Darragh O'Brien")]
    found = entities.rule_titled_names(ctx, ents)
    assert [e.text for e in found if e.rule == "titled-name"] == [
        "Seamus O’Neill", "DeSantis", "Ann Bloggs-Smith"]


def test_a_country_the_model_read_as_a_date_is_the_place():
    text = "The crisis spread to Burkina Faso and Syria. It began on 3 May."
    ctx, ents = spans(text, [("GPE", "Burkina Faso"), ("DATE", "Syria"), ("DATE", "3 May")])
    out = entities.rule_country_dates(ctx, ents)
    assert [(e.text, e.label, e.facet) for e in out] == [
        ("Burkina Faso", "GPE", None), ("Syria", "GPE", None), ("3 May", "DATE", "date")]
    assert entities.rule_country_dates(ctx, out) is out  # nothing to do: the very list


def test_run_in_names_after_a_titles_for():
    # "Minister for the Middle East Alistair Burt" (the model's one LOC span): a title's "for"
    # leads a place as "of" does; no title before "for", or a division's word ending the
    # rest, and the span stays whole
    text = ("The Envoy for Aleppo Alistair Burt spoke. A researcher for Aleppo Davis spoke. "
            "The Attorney of Aleppo Bernardino County spoke.")
    patterns = [("LOC", "Aleppo Alistair Burt"), ("ORG", "Aleppo Davis"),
                ("GPE", "Aleppo Bernardino County")]
    ctx, ents = spans(text, patterns)
    assert [(e.text, e.label) for e in entities.rule_run_in_names(ctx, ents)] == [
        ("Aleppo", "GPE"), ("Alistair Burt", "PERSON"), ("Aleppo Davis", "ORG"),
        ("Aleppo Bernardino County", "GPE")]


def test_run_in_names_never_splits_off_another_persons_given_name():
    text = "a ruling of Mary Lee Roe. Mary Smith and Roe met."
    patterns = [("GPE", "Mary Lee Roe"), ("PERSON", "Mary Smith"), ("PERSON", "Roe")]
    ctx, ents = spans(text, patterns)
    assert [e.text for e in entities.rule_run_in_names(ctx, ents)][0] == "Mary Lee Roe"


def test_lone_place_drops_an_unconfirmed_one_word_gpe():
    ctx, ents = classified("Afterwards, the talks ended in Aleppo.",
                           [("GPE", "Afterwards"), ("GPE", "Aleppo")])
    assert facets(entities.rule_lone_places(ctx, ents)) == [("Aleppo", "place", "Aleppo")]


def test_lone_place_keeps_places_listed_with_a_confirmed_place():
    # class 2: "the group has entered after Rutshuru, Nyiragongo and Masisi": a list of
    # three places or more, one of them confirmed, confirms the rest
    text = "The group entered Aleppo, Kefrabl and Zorbat. Talks went on, and Zorbon."
    ctx, ents = classified(text, [("GPE", "Aleppo"), ("GPE", "Kefrabl"), ("GPE", "Zorbat"),
                                  ("GPE", "Zorbon")])
    assert [e.text for e in entities.rule_lone_places(ctx, ents) if e.facet == "place"] == [
        "Aleppo", "Kefrabl", "Zorbat"]
    text = "Talks with Ali Kefi, Omar Fadl, Kefrabl and Zorbat went on. Zorbat fell."
    ctx, ents = classified(text, [("PERSON", "Ali Kefi"), ("PERSON", "Omar Fadl"),
                                  ("GPE", "Kefrabl"), ("GPE", "Zorbat")])
    assert [e.text for e in entities.rule_lone_places(ctx, ents) if e.facet == "place"] == [
        "Zorbat", "Zorbat"]  # a list mostly of people confirms no place


def test_a_village_named_with_its_settlement_word_may_run_to_several_words():
    # class 2: "flash floods hit Barangay San Jose", the model's organisation
    ctx, ents = classified("Floods hit Barangay San Jose in this city.",
                           [("ORG", "Barangay San Jose")])
    assert [(e.text, e.facet) for e in ents] == [("Barangay San Jose", "place")]


def test_lone_place_keeps_what_context_repetition_or_form_confirm():
    text = ("Fighting spread in Kafrnabl. Zorba fell; later Zorba was retaken. "
            "Talks moved on. D.C. officials left. Shrines stand throughout Attira. The "
            "crossings of Beitunya and Erezzo in Syria opened.")
    patterns = [("GPE", "Kafrnabl"), ("GPE", "Zorba"), ("GPE", "D.C."), ("GPE", "Attira"),
                ("GPE", "Erezzo")]
    ctx, ents = classified(text, patterns)
    assert facets(entities.rule_lone_places(ctx, ents)) == facets(ents)
    assert {e.text for e in ents if e.facet == "place"} == {"Kafrnabl", "Zorba", "D.C.", "Attira",
                                                            "Erezzo"}


def test_opener_words_are_common_words_capitalised_only_where_sentences_open():
    # class 3: a sentence-opening common word the model took for a name ("Heartbroken and
    # numb", "Backlash from the remark"); English writes these in lower case
    text = ('"Heartbroken and numb," she wrote. Backlash followed.\nAides said so. '
            "Reuters reported it. Hezbollah said so. Neil Young sang. Young left.")
    patterns = [("ORG", "Heartbroken"), ("ORG", "Backlash"), ("PERSON", "Aides"),
                ("ORG", "Reuters"), ("ORG", "Hezbollah"), ("PERSON", "Neil Young"),
                ("PERSON", "Young")]
    ctx, ents = classified(text, patterns)
    out = entities.rule_opener_words(ctx, ents)
    assert [e.text for e in out if e.rule == "opener-word"] == ["Heartbroken", "Backlash", "Aides"]
    assert {e.value for e in out if e.facet == "actor"} >= {"Reuters", "Hezbollah", "Neil Young"}


def test_an_opener_word_met_once_needs_weaker_odds_of_lower_case():
    # class 3: "Unknown gunmen attacked", "Overcast skies": a common word at an opening, met
    # once, on weaker odds than one met twice; a name English capitalises often stays
    text = "Unknown gunmen attacked. Overcast skies followed. Politico reported it."
    ctx, ents = classified(text, [("PERSON", "Unknown"), ("ORG", "Overcast"),
                                  ("ORG", "Politico")])
    out = entities.rule_opener_words(ctx, ents)
    assert [e.text for e in out if e.rule == "opener-word"] == ["Unknown", "Overcast"]
    assert [e.text for e in out if e.facet == "actor"] == ["Politico"]


def test_opener_words_in_the_title_a_house_style_capitalises():
    # class 1: "COMMUNIQUE: ECOWAS Condemns the hostage situation" - a title capitalises words
    # at will even where it is not title-cased; the body's names stay
    text = "ECOWAS Condemns the hostage situation\n\nThe ECOWAS Commission condemns the attack."
    ctx, ents = classified(text, [("ORG", "ECOWAS"), ("PERSON", "Condemns"),
                                  ("ORG", "ECOWAS Commission")], body_start=39)
    out = entities.rule_opener_words(ctx, ents)
    assert [e.text for e in out if e.rule == "opener-word"] == ["Condemns"]


def test_opener_words_keep_a_word_the_document_capitalises_mid_sentence():
    # "Labor activist Howie Hawkins" opens a sentence, but "the Labor party" names the party
    text = "Labor won the seat. Voters backed the Labor candidate."
    ctx, ents = classified(text, [("ORG", "Labor")])
    assert "opener-word" not in [e.rule for e in entities.rule_opener_words(ctx, ents)]
    text = "Labor activist Ann Hill spoke."
    ctx, ents = classified(text, [("ORG", "Labor"), ("PERSON", "Ann Hill")])
    assert [e.text for e in entities.rule_opener_words(ctx, ents)
            if e.rule == "opener-word"] == ["Labor"]


def test_opener_words_ignore_capitals_of_title_cased_lines():
    # "Latest Strikes Against ISIS" capitalises every word; "Strikes in Syria" opens a line
    text = "Officials Report Latest Strikes Against Rebels\n\nStrikes in Syria\n\nThe strikes hit."
    ctx, ents = classified(text, [("ORG", "Strikes")], body_start=48)
    assert [e.rule for e in entities.rule_opener_words(ctx, ents)] == ["opener-word"] * 2


def test_a_known_place_ending_like_an_organisation_stays_a_place():
    # "Bank" ends "World Bank", but the gazetteer is sure of the "West Bank"
    text = "Raids went on in the West Bank and at the Orwell Bank."
    ctx, ents = spans(text, [("GPE", "West Bank"), ("GPE", "Orwell Bank")])
    ctx = DocContext(text, default_gazetteer())
    out = entities.rule_classify(ctx, ents)
    assert [(e.text, e.facet) for e in out] == [("West Bank", "place"), ("Orwell Bank", "actor")]


def test_a_two_word_title_reads_as_a_headline_but_a_two_word_body_line_does_not():
    text = "Army Casualty\n\nThe soldier died.\nJohn Doe\n"
    assert headline_ranges(text, 15) == [(0, 13)]
    ctx, ents = classified(text, [("ORG", "Army Casualty")], body_start=15)
    assert [e.rule for e in entities.rule_headlines(ctx, ents)] == ["headline"]


@pytest.mark.parametrize(("text", "acronym"), [
    ("Exports of liquid natural gas (LNG) rose. LNG prices fell.", "LNG"),
    ("Ebola virus disease (EVD) spread. EVD kills.", "EVD"),
    ("It damages the anterior cingulate cortex (ACC), the team said.", "ACC"),
    ("I like electric vehicle [EV] conversions.", "EV"),
    ("It has some RPG [role-playing game] elements.", "RPG"),
    # its plural, defined after it ("the KVs (kidnap victims)")
    ("Troops searched for the KVs (kidnap victims) all day.", "KVs"),
])
def test_an_acronym_defined_by_common_nouns_is_no_actor(text, acronym):
    ctx, ents = classified(text, [("ORG", acronym)])
    assert acronym in [t for t, _, _ in facets(ents)]
    out = entities.rule_thing_acronyms(ctx, ents)
    assert facets(out) == []
    assert {e.rule for e in out if e.text == acronym} == {"thing-acronym"}


@pytest.mark.parametrize(("text", "acronym"), [
    # a capitalised definition, with small words and a name particle, is an organisation's
    ("The Syrian Democratic Forces (SDF) advanced. SDF fighters held.", "SDF"),
    ("Hayat Tahrir al-Sham (HTS) attacked. HTS denied it.", "HTS"),
    ("the Economic Community of West African States (ECOWAS) met", "ECOWAS"),
    # no definition the letters spell: left alone
    ("The group (IRC) said aid would come.", "IRC"),
    # a capitalised definition after it
    ("It runs on a VPS [Virtual Private Server].", "VPS"),
])
def test_an_acronym_defined_by_a_name_stays(text, acronym):
    ctx, ents = classified(text, [("ORG", acronym)])
    out = entities.rule_thing_acronyms(ctx, ents)
    assert acronym in [t for t, _, _ in facets(out)]


def test_model_spans_are_cut_at_spaced_dashes_as_at_line_breaks():
    # a dateline's parts: the model runs a date into the city and a province into the
    # department; an en dash inside a name stays, and so does a hyphen
    text = ("July 18, 2018 - Kefr, Tel - Global Affairs Orwell\n"
            "The Joint Task Force – Inherent Resolve and Aleppo-Idlib met.")
    first = text.index("July")
    raw = [(first, text.index(", Tel"), "DATE", ""),
           (text.index("Tel"), text.index("\n"), "ORG", ""),
           (text.index("Joint"), text.index(" and"), "ORG", ""),
           (text.index("Aleppo"), text.index(" met"), "GPE", "")]
    assert [(e.text, e.label) for e in spans_from_model(text, raw, {})] == [
        ("July 18, 2018", "DATE"), ("Tel", "ORG"), ("Global Affairs Orwell", "ORG"),
        ("Joint Task Force – Inherent Resolve", "ORG"), ("Aleppo-Idlib", "GPE")]


def test_a_model_span_is_cut_at_an_em_dash_between_words():
    # "OSHAWA, Ontario—Workers at the plant": the dateline's region and the body's first word
    # are two pieces; an en dash inside a name and a hyphen stay
    text = "KEFR, Kestria—Workers left. Task Force–Kefr and Guinea-Bissau met."
    raw = [(6, 21, "ORG", ""), (28, 43, "ORG", ""), (48, 61, "GPE", "")]
    assert [e.text for e in spans_from_model(text, raw, {})] == [
        "Kestria", "Workers", "Task Force–Kefr", "Guinea-Bissau"]


def test_a_lone_document_noun_after_a_running_the_is_no_person():
    # class 3: "passed the ... Bill. MPs opposed the Bill", the model's person "Bill"; a
    # person the document names in full keeps the first name, and "The Bill" may be a title
    text = "MPs passed the Amendment Bill. They opposed the Bill. Bill Gates spoke."
    ctx, ents = classified(text, [("PERSON", "Bill"), ("PERSON", "Bill Gates")])
    assert [(e.text, e.facet) for e in entities.rule_shapes(ctx, ents)] == [
        ("Bill", "actor"), ("Bill", "actor"), ("Bill Gates", "actor")]
    text = "MPs passed the Amendment Bill No. 5. They opposed the Bill, and the Act."
    ctx, ents = classified(text, [("PERSON", "Bill"), ("PERSON", "Act")])
    assert [(e.text, e.facet) for e in entities.rule_shapes(ctx, ents)] == [
        ("Bill", None), ("Bill", None), ("Act", None)]


@pytest.mark.parametrize(("name", "person"), [
    ("Kefa Ronaldo Tamat", True),  # a person's name the model called an organisation
    ("Kefa Rono Council", False),  # a body's name
])
def test_an_organisations_name_a_persons_role_is_set_off_before_is_a_person(name, person):
    # class 6: "The Chairperson of the Commission of the African Union, Moussa Faki Mahamat,"
    # with the model's ORG; its role is then that person's ("The Chairperson notes")
    text = f"The Chairperson of the Commission, {name}, spoke. The Chairperson left."
    ctx, ents = classified(text, [("ORG", name)])
    assert (ents[0].label == "PERSON", ents[0].facet) == (person, "actor")


def _title_parts(title: str, body: str, patterns: list[tuple[str, str]]):
    text = f"{title}\n\n{body}"
    ctx, ents = classified(text, patterns, body_start=len(title) + 2)
    return facets(entities.rule_title_parts(ctx, ents))


def test_a_title_span_holding_a_body_name_and_words_naming_nothing_is_that_name():
    # class 1: a headline glues a verb or an adjective after a name, a country's word or a
    # direction before a place, "in" between a group and its place
    assert _title_parts("Bolivia Expectant as Votes Are Counted", "Bolivia voted.",
                        [("PERSON", "Bolivia Expectant"), ("GPE", "Bolivia")]) == [
        ("Bolivia", "place", "Bolivia"), ("Bolivia", "place", "Bolivia")]
    assert _title_parts("Shelling kills 14 in Syrian Idlib", "Shells hit Idlib.",
                        [("GPE", "Syrian Idlib"), ("GPE", "Idlib")])[0] == (
        "Idlib", "place", "Idlib")
    assert _title_parts("Soldiers killed in clash with Abu Sayyaf in Patikul",
                        "Abu Sayyaf fighters attacked troops in Patikul.",
                        [("ORG", "Abu Sayyaf in Patikul"), ("ORG", "Abu Sayyaf"),
                         ("GPE", "Patikul")])[:2] == [
        ("Abu Sayyaf", "actor", "Abu Sayyaf"), ("Patikul", "place", "Patikul")]


@pytest.mark.parametrize(("title", "body", "patterns"), [
    # a body's or a landmark's word after the name makes a longer name
    ("U.S. House issues subpoena", "The U.S. said so.", [("ORG", "U.S. House"), ("GPE", "U.S.")]),
    ("Plan for Hagia Sophia Museum", "Hagia Sophia is old.",
     [("FAC", "Hagia Sophia Museum"), ("FAC", "Hagia Sophia")]),
    # an office of a place is no modifier of it
    ("President of Portugal signs decree", "Portugal votes.",
     [("ORG", "President of Portugal"), ("GPE", "Portugal")]),
    # an actor at the end is the longer name's head ("Iowa Senate")
    ("Lykam elected to Iowa Senate", "The Senate met.", [("ORG", "Iowa Senate"), ("ORG", "Senate")]),
])
def test_a_title_span_naming_more_than_the_body_name_inside_it_stays(title, body, patterns):
    assert _title_parts(title, body, patterns)[0][0] == patterns[0][1]


def test_only_the_title_is_read_as_a_headline():
    text = "Bolivia Expectant is a film. Bolivia voted."
    ctx, ents = classified(text, [("PERSON", "Bolivia Expectant"), ("GPE", "Bolivia")])
    assert facets(entities.rule_title_parts(ctx, ents))[0][0] == "Bolivia Expectant"


@pytest.mark.parametrize(("text", "label", "name", "facet"), [
    # class 2: a place's first word before a name the gazetteer knows is that place, and
    # "Brgy", the settlement's word written short, leads a village's name as "Barangay" does
    ("The insurgents seized Port Mosul two weeks ago.", "PERSON", "Port Mosul", "place"),
    ("Gunmen struck Brgy Kestra on Monday.", "PERSON", "Brgy Kestra", "place"),
    # an unknown name after such a word, and a known place after a word that opens no
    # place's name, stay as the model said
    ("The insurgents met Port Kestrabad officials.", "ORG", "Port Kestrabad", "actor"),
    ("Vice Mosul said so.", "PERSON", "Vice Mosul", "actor"),
    ("Fans of the New Mosul band met.", "ORG", "New Mosul", "actor"),  # an adjective, no kind
])
def test_a_place_s_first_word_before_a_known_place_or_a_village_s_name(text, label, name, facet):
    ctx, ents = classified(text, [(label, name)])
    assert [(e.text, e.facet) for e in ents] == [(name, facet)]


def test_lone_place_drops_the_body_named_after_the_place_it_drops():
    # class 3: "Quoting police sources": the model's GPE "Quoting" made "Quoting Police" a
    # local body; the body goes with its unconfirmed place, a known town's body stays
    text = "Quoting police sources, the agency said an Aleppo police officer was hurt."
    ctx, ents = classified(text, [("GPE", "Quoting"), ("GPE", "Aleppo")])
    ents = entities.rule_lone_places(ctx, entities.rule_local_bodies(ctx, ents))
    assert facets(ents) == [("Aleppo", "place", "Aleppo"),
                            ("Aleppo police", "actor", "Aleppo Police")]
