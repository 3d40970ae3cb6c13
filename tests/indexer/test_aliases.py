"""Aliases inside a document: acronyms, partial names, head nouns, group actors, armed forces."""

from __future__ import annotations

import pytest
from entity_kit import raw_ents, resolved, ruler_nlp, small_gazetteer

from indexer.aliases import (
    acronym_definitions,
    first_name_targets,
    initials,
    is_acronym_of,
    known_surname_aliases,
)
from indexer.entities import resolve_entities
from indexer.gazetteer import Gazetteer, Place
from indexer.spans import Ent


@pytest.mark.parametrize(("acronym", "name", "expected"), [
    ("HTS", "Hayat Tahrir al-Sham", True),
    ("IRGC", "Islamic Revolution Guards Corps", True),
    ("ISIL", "Islamic State of Iraq and the Levant", True),
    ("SDF", "Syrian Democratic Forces", True),
    ("SDF", "Syrian Army", False),
    ("A", "Amnesty International", False),
])
def test_is_acronym_of(acronym, name, expected):
    assert is_acronym_of(acronym, name) is expected


def test_initials_count_capitalised_and_content_words():
    assert initials("Islamic State of Iraq and the Levant") == ("ISIL", "ISIL")
    assert initials("Hayat Tahrir al-Sham") == ("HTS", "HTAS")


def test_acronym_in_parentheses_maps_every_use_to_the_full_name():
    text = "Hayat Tahrir al-Sham (HTS) led the attack. HTS later said it held the town."
    assert resolved(text, [("ORG", "Hayat Tahrir al-Sham"), ("ORG", "HTS")]) == [
        ("Hayat Tahrir al-Sham", "actor", "Hayat Tahrir al-Sham", "model"),
        ("HTS", "actor", "Hayat Tahrir al-Sham", "alias-acronym"),
        ("HTS", "actor", "Hayat Tahrir al-Sham", "alias-acronym"),
    ]


def test_bracketed_acronym_after_the_cut_tail_of_a_longer_name_is_not_the_tails():
    text = ("a convoy of the United Nations Integrated Stabilization Mission in the Central "
            "African Republic (MINUSCA) was attacked. MINUSCA said.")
    found = resolved(text, [("GPE", "Central African Republic"), ("ORG", "MINUSCA")])
    assert ("MINUSCA", "actor", "MINUSCA", "model") in found
    assert [value for _, facet, value, _ in found if facet == "place"] == ["Central African Republic"]


def test_bracketed_capitals_after_a_whole_name_are_its_acronym_even_if_not_its_initials():
    text = "Doctors of the World (MDM) said so. MDM staff left."
    assert resolved(text, [("ORG", "Doctors of the World"), ("ORG", "MDM")])[1] == (
        "MDM", "actor", "Doctors of the World", "alias-acronym")
    # a person's name before "of the" is no longer name the span ends
    text = "Ann Holt of the UK's Crime Bureau (CB) said so. CB staff left."
    found = resolved(text, [("PERSON", "Ann Holt"), ("ORG", "UK's Crime Bureau"), ("ORG", "CB")])
    assert found[-1][2:] == (found[1][2], "alias-acronym")


def test_acronym_by_apposition_and_even_when_the_model_misses_it():
    text = "The Syrian Democratic Forces, or SDF, advanced. The SDF took two villages."
    assert resolved(text, [("ORG", "Syrian Democratic Forces")]) == [
        ("Syrian Democratic Forces", "actor", "Syrian Democratic Forces", "model"),
        ("SDF", "actor", "Syrian Democratic Forces", "alias-acronym"),
        ("SDF", "actor", "Syrian Democratic Forces", "alias-acronym"),
    ]


def test_acronym_definitions_from_brackets_apposition_and_initials():
    text = ("Islamic State (ISIS) and the Free Syrian Army, known as FSA, met. The NDF said the "
            "National Defence Forces would stay.")

    def actor(name: str) -> Ent:
        start = text.index(name)
        return Ent(start, start + len(name), name, "ORG", "actor", name)

    state, army, ndf, forces = map(actor, ("Islamic State", "Free Syrian Army", "NDF",
                                           "National Defence Forces"))
    found = acronym_definitions(text, [state, army, ndf, forces])
    assert found == {"ISIS": state, "FSA": army, "NDF": forces}


def test_an_acronym_two_names_spell_or_of_two_letters_is_no_alias():
    names = ("National Defence Forces", "Northern Democratic Front", "NDF", "Nur Din", "ND")
    assert acronym_definitions("", [Ent(0, 1, n, "ORG", "actor", n) for n in names]) == {}


def test_first_names_are_given_names_of_short_full_names_only():
    people = [Ent(0, 1, name, "PERSON", "actor", name)
              for name in ("Melania Trump", "DeShawn Smith", "Maria de la Cruz Lopez", "Ivan")]
    assert list(first_name_targets(people, {})) == ["Melania"]
    assert first_name_targets(people, {"melania": people[0]}) == {}


def test_lone_surname_of_two_people_named_in_full_stays_unresolved():
    bashar = Ent(0, 15, "Bashar al-Assad", "PERSON", "actor", "Bashar al-Assad")
    hafez = Ent(20, 34, "Hafez al-Assad", "PERSON", "actor", "Hafez al-Assad")
    lone = Ent(40, 45, "Assad", "PERSON", "actor", "Assad")
    surnames = {"assad": "Bashar al-Assad"}
    assert known_surname_aliases([bashar, lone], surnames, lambda name: False)[-1].value \
        == "Bashar al-Assad"
    assert known_surname_aliases([bashar, hafez, lone], surnames, lambda name: False)[-1] == lone
    assert known_surname_aliases([lone], surnames, lambda name: name == "Assad") == [lone]


def test_partial_name_takes_the_full_name_and_its_label():
    text = "Foreign Minister Abbas Araghchi spoke. Araghchi said the talks failed."
    assert resolved(text, [("PERSON", "Foreign Minister Abbas Araghchi"), ("GPE", "Araghchi")]) == [
        ("Foreign Minister Abbas Araghchi", "actor", "Abbas Araghchi", "model"),
        ("Araghchi", "actor", "Abbas Araghchi", "alias-partial"),
    ]


def test_partial_name_ignores_particles_and_case():
    text = "Ibrahim al-Jaafari arrived. JAAFARI and Mr. Jaafari spoke."
    values = {v for _, _, v, _ in resolved(text, [("PERSON", "Ibrahim al-Jaafari"),
                                                  ("PERSON", "JAAFARI"), ("PERSON", "Mr. Jaafari")])}
    assert values == {"Ibrahim al-Jaafari"}


def test_ambiguous_partial_name_stays_unresolved():
    text = "Boris Johnson met Lyndon Johnson. Johnson spoke."
    assert resolved(text, [("PERSON", "Boris Johnson"), ("PERSON", "Lyndon Johnson"),
                           ("PERSON", "Johnson")])[-1] == ("Johnson", "actor", "Johnson", "model")


def test_bare_head_noun_is_the_one_full_name():
    text = "The Global Coalition met. The Coalition agreed."
    assert resolved(text, [("ORG", "Global Coalition"), ("ORG", "Ministry"),
                           ("ORG", "Coalition")])[-1] == ("Coalition", "actor", "Global Coalition",
                                                          "alias-head")


def test_bare_two_word_body_is_the_one_full_name_about_it():
    text = ("The Syrian Air Force struck. The Air Force said so. The Centre for Anime North "
            "opened; Anime North began. The Iowa Democratic Party and the Democratic Party met.")
    ents = resolved(text, [("ORG", "Syrian Air Force"), ("ORG", "Air Force"),
                           ("ORG", "Centre for Anime North"), ("ORG", "Anime North"),
                           ("ORG", "Iowa Democratic Party"), ("ORG", "Democratic Party")])
    assert ents[1] == ("Air Force", "actor", "Syrian Air Force", "alias-head")
    assert [e[2] for e in ents[3:]] == ["Anime North", "Iowa Democratic Party",
                                        "Democratic Party"]


def test_well_known_place_is_no_short_form_of_a_name_ending_with_it():
    text = "She studied at the University of Aleppo and then moved to Aleppo in 1990."
    ents = resolved(text, [("ORG", "University of Aleppo"), ("ORG", "Aleppo")])
    assert ents[1][1:3] == ("place", "Aleppo")


def test_a_complements_word_is_no_short_form_of_the_name():
    # "People of Zorbania" is about people, "Institute of Zorbics" about an institute: the
    # word after "of" alone is not that name (the place stays a place, the subject no body)
    text = ("I tell the people of Zorbania: in Zorbania all is ready, in Zorbania all waits. "
            "The Institute of Zorbics met; she studies Zorbics.")
    ents = resolved(text, [("ORG", "people of Zorbania"), ("GPE", "Zorbania"),
                           ("ORG", "Institute of Zorbics"), ("ORG", "Zorbics")])
    assert [e[1:3] for e in ents if e[0] == "Zorbania"] == [("place", "Zorbania")] * 2
    assert [e[2] for e in ents if e[0] == "Zorbics"] != ["Institute of Zorbics"]
    # a plural complement may name the body's members: "the Commons" is the House of Commons
    text = ("The House of Commons met. The Commons voted; Linguistics grew at the Institute "
            "of Linguistics.")
    ents = resolved(text, [("ORG", "House of Commons"), ("ORG", "Commons"),
                           ("ORG", "Linguistics"), ("ORG", "Institute of Linguistics")])
    assert [e[2] for e in ents if e[0] in ("Commons", "Linguistics")] == [
        "House of Commons", "Linguistics"]


def test_place_label_on_an_unknown_head_word_is_the_body():
    text = "He joined the Harbor City Pirates in May. The Pirates won; the Mosul team lost."
    ents = resolved(text, [("ORG", "Harbor City Pirates"), ("GPE", "Pirates"), ("GPE", "Mosul")])
    assert ents[1][1:] == ("actor", "Harbor City Pirates", "alias-head")
    assert ents[2][1:3] == ("place", "Mosul")


def test_bare_body_stands_only_for_its_countrys_body():
    # "the House" is no short form of "White House"; "Air Force" is of "Syrian Air Force"
    text = "The White House spoke. The House voted. The Syrian Air Force and the Air Force."
    ents = resolved(text, [("ORG", "White House"), ("ORG", "House"), ("ORG", "Syrian Air Force"),
                           ("ORG", "Air Force")])
    assert [e[2] for e in ents] == ["White House", "House", "Syrian Air Force", "Syrian Air Force"]


def test_armed_forces_stay_when_no_army_is_named():
    # the possessive country is a place mention inside the name (rule place-in-name)
    ents = resolved("Syria's Armed Forces said.", [("ORG", "Syria's Armed Forces")])
    assert ents == [("Syria", "place", "Syria", "place-in-name"),
                    ("Syria's Armed Forces", "actor", "Syrian Armed Forces", "model")]


def test_group_actors_from_nationalities_and_countries():
    text = "Iraqi forces and the Syrian opposition met U.S. troops and Syria's army."
    ents = resolved(text, [("NORP", "Iraqi"), ("NORP", "Syrian"), ("GPE", "U.S."),
                           ("GPE", "Syria")])
    assert [(value, rule) for _, _, value, rule in ents] == [
        ("Iraqi Armed Forces", "group"), ("Syrian opposition", "group"),
        ("US Armed Forces", "group"),
        ("Syrian Army", "group")]  # "U.S." written the one way ("US") its bodies are


def test_people_nouns_are_actors_adjectives_are_dropped():
    text = "Syrians fled while Syrian officials and Kurdish leaders talked."
    ents = resolved(text, [("NORP", "Syrians"), ("NORP", "Kurdish")])
    assert ents == [("Syrians", "actor", "Syrians", "people"),
                    ("Kurdish leaders", "actor", "Kurdish leaders", "group")]


def test_faiths_and_peoples_of_several_countries_are_actors_like_a_nation():
    text = "Muslims and Christians prayed; Hutus fled."
    ents = resolved(text, [("NORP", "Muslims"), ("NORP", "Christians"), ("NORP", "Hutus")])
    assert ents == [("Muslims", "actor", "Muslims", "people"),
                    ("Christians", "actor", "Christians", "people"),
                    ("Hutus", "actor", "Hutus", "people")]


def test_a_people_tagged_as_a_person_or_organisation_is_an_actor_as_when_tagged_nationality():
    ents = resolved("Thais bow. Most Thais smile.", [("PERSON", "Thais"), ("ORG", "Most Thais")])
    assert ents[0] == ("Thais", "actor", "Thais", "people")


def test_events_are_dropped_and_their_place_kept():
    ents = resolved("Delegates went to the Aleppo Conference.", [("ORG", "Aleppo Conference")])
    assert ents == [("Aleppo", "place", "Aleppo", "place-in-name")]


def test_vessels_are_neither_actors_nor_places():
    assert resolved("USS Mahan sailed. Later Mahan docked.", [("ORG", "USS Mahan"),
                                                             ("PERSON", "Mahan")]) == []


def test_storms_and_their_lone_names_are_neither_actors_nor_places():
    assert resolved("Hurricane Dorian hit Abaco. Dorian then turned north.",
                    [("ORG", "Hurricane Dorian"), ("PERSON", "Dorian"), ("GPE", "Abaco")]) == [
        ("Abaco", "place", "Abaco", "model")]


def test_place_named_with_its_country_takes_the_inner_name_and_that_country():
    ents = resolve_entities("Fighting in Syria's Saraqib and Iran's Qom went on.",
                            raw_ents(ruler_nlp([("GPE", "Syria's Saraqib"), ("GPE", "Iran's Qom")]),
                                     "Fighting in Syria's Saraqib and Iran's Qom went on."),
                            small_gazetteer())
    assert [(e.text, e.value, e.country) for e in ents if e.facet == "place"] == [
        ("Syria", "Syria", "Syria"), ("Saraqib", "Saraqib", "Syria"),
        ("Iran", "Iran", "Iran"), ("Qom", "Qom", "Iran")]


def test_ent_key_is_case_insensitive():
    assert Ent(0, 5, "ISIL ", "ORG").key == Ent(0, 4, "isil", "ORG").key == "isil"


def test_lone_known_surname_is_the_known_person_unless_another_is_named():
    assert resolved("Assad fled.", [("PERSON", "Assad")]) == [
        ("Assad", "actor", "Bashar al-Assad", "alias-known")]
    text = "Hafez al-Assad ruled. Assad died."
    assert resolved(text, [("PERSON", "Hafez al-Assad"), ("PERSON", "Assad")])[-1] == (
        "Assad", "actor", "Hafez al-Assad", "alias-partial")


def test_the_capitalised_coalition_is_an_actor_and_maps_to_the_documents_one_coalition():
    text = ("The Global Coalition to Defeat Daesh met. Later the Coalition struck, "
            "the coalition said, and the Coalition-led raid ended.")
    assert resolved(text, [("ORG", "Global Coalition to Defeat Daesh")]) == [
        ("Global Coalition to Defeat Daesh", "actor", "Global Coalition to Defeat Daesh", "model"),
        ("Coalition", "actor", "Global Coalition to Defeat Daesh", "alias-head")]


def test_a_coalition_without_a_unique_full_name_stays_coalition():
    text = ("The Small Group of the Global Coalition met. The Syrian Coalition and the "
            "Arab Coalition talked. The Alliance agreed; the Coalition did not.")
    names = ["Small Group of the Global Coalition", "Syrian Coalition", "Arab Coalition"]
    assert [e[1:] for e in resolved(text, [("ORG", n) for n in names])][3:] == [
        ("actor", "Alliance", "collective"), ("actor", "Coalition", "collective")]


@pytest.mark.parametrize(("text", "label", "name"), [
    ("It was published in Ecological Applications.", "ORG", "Ecological Applications"),
    ("She spoke about women in the Armed Services.", "ORG", "Armed Services"),
    ("He was moved by what he saw in Sekielski's film.", "ORG", "Sekielski"),
    ("She debuted in Ivan Turgenev's A Month in the Country.", "PERSON", "Ivan Turgenev"),
    ("It has a special place in the Universe.", "ORG", "Universe"),
    ("He thanked his daughters Mary and Susan.", "PERSON", "Susan"),
    # "in" a name made of common words only: a publication, a status, a program
    ("The notice ran in the Federal Register today.", "ORG", "Federal Register"),
    ("The photo is in the Public Domain now.", "ORG", "Public Domain"),
])
def test_unknown_names_in_place_context_that_are_no_places(text, label, name):
    facets = {e[0]: e[1] for e in resolved(text, [(label, name)])}
    assert facets[name] == "actor"


def test_unknown_name_listed_with_a_known_city_is_a_place():
    assert resolved("Aleppo and Latakia were quiet.", [("ORG", "Latakia")]) == [
        ("Latakia", "place", "Latakia", "gazetteer")]


def test_unknown_name_set_in_a_known_place_is_a_place():
    text = "Fighters attacked a camp at Kolbiyow, in Lower Juba, Syria. Kefi, in turn, spoke."
    ents = resolved(text, [("ORG", "Kolbiyow"), ("PERSON", "Kefi")])
    assert [(e[0], e[1]) for e in ents if e[0] in ("Kolbiyow", "Kefi")] == [
        ("Kolbiyow", "place"), ("Kefi", "actor")]


@pytest.mark.parametrize(("text", "label", "name"), [
    # after a locative word and right before "in" a known place (after a compass word or
    # before a region word), even a name the model calls a person
    ("A base at Kulbiyow in Southern Syria was hit.", "ORG", "Kulbiyow"),
    ("The attack at Khan Shaykhun in Idlib Province, Syria killed 80.", "PERSON", "Khan Shaykhun"),
])
def test_unknown_name_placed_in_a_known_place_is_a_place(text, label, name):
    assert [e[:2] for e in resolved(text, [(label, name)]) if e[0] == name] == [(name, "place")]


@pytest.mark.parametrize("text", [
    "Jets struck buildings west of Tuz Khurma on Monday.",
    "Jets struck buildings north-east of Tuz Khurma on Monday.",
])
def test_a_two_word_name_after_a_compass_point_of_is_a_place(text):
    # class 2: "west of X" locates X, even a name the model calls a person
    assert [e[:2] for e in resolved(text, [("PERSON", "Tuz Khurma")])] == [
        ("Tuz Khurma", "place")]


def test_a_person_in_a_known_place_without_a_locative_before_stays_a_person():
    text = "Officials met Anna Kestrel in Syria on Monday."
    assert [e[:2] for e in resolved(text, [("PERSON", "Anna Kestrel")])
            if e[0] == "Anna Kestrel"] == [("Anna Kestrel", "actor")]


@pytest.mark.parametrize("text", [
    "Strikes hit near Hmeimim on Monday.",
    # a compass adjective between the locative and the name (class 2)
    "The party won most seats in southern Hmeimim on Monday.",
    "Clashes went on in the north-eastern Hmeimim on Monday.",
])
def test_unknown_name_after_a_locative_is_a_place(text):
    assert resolved(text, [("ORG", "Hmeimim")]) == [("Hmeimim", "place", "Hmeimim", "gazetteer")]


@pytest.mark.parametrize(("text", "label", "name"), [
    ("She starred in Cold Harbourage last year.", "ORG", "Cold Harbourage"),
    ("The fund bought a stake in Quillo last year.", "ORG", "Quillo"),
    ("Critics praised her roles in Anna Kestrel.", "PERSON", "Anna Kestrel"),
    ("The study was published in Quillo Biology last week.", "ORG", "Quillo Biology"),
    # a time phrase between the verb and "in"
    ("The study was published on Wednesday in Quillo Biology.", "ORG", "Quillo Biology"),
])
def test_a_part_or_a_stake_in_a_name_is_no_locative(text, label, name):
    assert [(t, facet) for t, facet, _, _ in resolved(text, [(label, name)])] == [
        (name, "actor")]


def test_a_publication_after_published_in_is_no_place_context_for_a_lone_place():
    # one word the model calls a place, mentioned once, after "published ... in": no place
    text = "Findings published on Wednesday in Quillo show zebras cool off."
    assert resolved(text, [("GPE", "Quillo")]) == []


@pytest.mark.parametrize("text", [
    "The world championships in Quillo opened.",
    "An investigation into Quillo began after the attack.",
])
def test_contests_and_inquiries_are_held_in_places(text):
    assert [(t, facet) for t, facet, _, _ in resolved(text, [("ORG", "Quillo")])] == [
        ("Quillo", "place")]


@pytest.mark.parametrize("text", [
    "A gunman killed two people in Vila Morenta on Friday.",
    "Fighting went on near Qala Daroun overnight.",
    "Protesters gathered outside Porto Brava, witnesses said.",
])
def test_two_word_name_the_model_calls_a_person_after_in_near_outside_is_a_place(text):
    name = next(n for n in ("Vila Morenta", "Qala Daroun", "Porto Brava") if n in text)
    assert [(t, facet) for t, facet, _, _ in resolved(text, [("PERSON", name)])] == [
        (name, "place")]


@pytest.mark.parametrize(("text", "name"), [
    # a possessor, and prepositions that take people
    ("He was moved by what he saw in Tomas Weller's film.", "Tomas Weller"),
    ("The inquiry into Hunter Bidwell widened.", "Hunter Bidwell"),
    ("Their hostility towards Maria Lenz grew.", "Maria Lenz"),
    # a person the document names elsewhere: the vote over its mentions keeps a person
    ("Maria Lenz spoke first. Maria Lenz said she was tired. Voters lost faith in Maria Lenz.",
     "Maria Lenz"),
])
def test_two_word_persons_stay_persons_after_other_words(text, name):
    facets = {t: facet for t, facet, _, _ in resolved(text, [("PERSON", name)])}
    assert facets[name] == "actor"


def test_a_place_put_in_a_region_stays_a_place_beside_a_person_of_that_name():
    text = "The fighter came from Saraqib, Syria. Commander Omar Saraqib denied it."
    ents = resolved(text, [("GPE", "Saraqib"), ("GPE", "Syria"), ("PERSON", "Omar Saraqib")])
    assert [(t, facet, value) for t, facet, value, _ in ents] == [
        ("Saraqib", "place", "Saraqib"), ("Syria", "place", "Syria"),
        ("Omar Saraqib", "actor", "Omar Saraqib")]


def test_without_the_region_the_surname_is_the_person():
    text = "The fighter met Saraqib. Commander Omar Saraqib denied it."
    ents = resolved(text, [("GPE", "Saraqib"), ("PERSON", "Omar Saraqib")])
    assert [(t, facet, value) for t, facet, value, _ in ents] == [
        ("Saraqib", "actor", "Omar Saraqib"), ("Omar Saraqib", "actor", "Omar Saraqib")]


def test_nations_listed_before_a_group_noun_are_modifiers_too():
    ents = resolved("There are reports of U.S., Iraqi, and Syrian companies hosting them.",
                    [("GPE", "U.S."), ("NORP", "Iraqi"), ("NORP", "Syrian")])
    assert sorted(value for _, facet, value, _ in ents if facet == "actor") == [
        "Iraqi companies", "Syrian companies", "US companies"]
    assert not [e for e in ents if e[1] == "place"]


def test_given_name_alone_is_the_one_person_with_that_first_name():
    ents = resolved("First Lady Melania Trump was ill. Doctors said Melania was resting.",
                    [("PERSON", "First Lady Melania Trump"), ("GPE", "Melania")])
    assert [(text, facet, value) for text, facet, value, _ in ents] == [
        ("First Lady Melania Trump", "actor", "Melania Trump"),
        ("Melania", "actor", "Melania Trump")]


def test_given_name_rule_leaves_places_organisations_and_shared_names_alone():
    ents = resolved("Israel Houghton sang. Israel said no. KEFR West spoke; KEFR said no. "
                    "Anna Smith and Anna Jones came; Anna left.",
                    [("PERSON", "Israel Houghton"), ("GPE", "Israel"), ("PERSON", "KEFR West"),
                     ("ORG", "KEFR"), ("PERSON", "Anna Smith"), ("PERSON", "Anna Jones"),
                     ("PERSON", "Anna")])
    values = {(text, value) for text, _, value, _ in ents}
    assert ("Israel", "Israel") in values and ("KEFR", "KEFR") in values  # an acronym's body
    assert ("Anna", "Anna") in values


def test_a_given_name_the_model_calls_an_organisation_is_the_one_person_named_so():
    # split values: "Wang Yi ... Wang said", "Najib Razak ... Najib", the bare name tagged an
    # organisation, are one person (the family name first, or a given name used alone)
    ents = resolved("Foreign Minister Kefa Yi met envoys. Kefa said talks went well.",
                    [("PERSON", "Kefa Yi"), ("ORG", "Kefa")])
    assert [(text, value) for text, _, value, _ in ents] == [("Kefa Yi", "Kefa Yi"),
                                                             ("Kefa", "Kefa Yi")]


def test_honorific_makes_a_person_whatever_the_label():
    ents = resolved("Dr Valeria Gazzola and Congressman Justin Amash spoke.",
                    [("ORG", "Dr Valeria Gazzola"), ("PERSON", "Congressman Justin Amash")])
    assert [(facet, value) for _, facet, value, _ in ents] == [
        ("actor", "Valeria Gazzola"), ("actor", "Justin Amash")]


@pytest.mark.parametrize(("text", "label", "name", "facet"), [
    ("Crowds crossed London Bridge.", "ORG", "London Bridge", "place"),
    ("A fire hit the Al Noor Mosque.", "ORG", "Al Noor Mosque", "place"),
    ("He wrote for Ballot Access News.", "GPE", "Ballot Access News", "actor"),
    ("The clip was on News.com.au today.", "GPE", "News.com.au", "actor"),
    # a PERSON label yields to a landmark word no surname is, or to a house number
    ("The blast hit Karl Marx Avenue.", "PERSON", "Karl Marx Avenue", "place"),
    ("Police searched homes in Chippewa Falls.", "PERSON", "Chippewa Falls", "place"),
    ("The talks at 10 Downing Street ended.", "PERSON", "10 Downing Street", "place"),
    ("He was brought to Kestra Courthouse.", "PERSON", "Kestra Courthouse", "place"),
    ("A pipe burst at the Kestra Dam.", "PERSON", "Kestra Dam", "place"),
    ("Floods hit the Kestra Coast.", "PERSON", "Kestra Coast", "place"),
    ("The prize went to Sally Field.", "PERSON", "Sally Field", "actor"),
    ("Picabo Street won the race.", "PERSON", "Picabo Street", "actor"),
    # museums; a landmark word heading a name before its complement, not a body's word
    ("Visitors left the Kestra Museum.", "ORG", "Kestra Museum", "place"),
    ("It hangs in the Kestra Museum of Art.", "ORG", "Kestra Museum of Art", "place"),
    ("Crowds filled the Palace of Kestra.", "ORG", "Palace of Kestra", "place"),
    ("The Church of Kestra spoke.", "ORG", "Church of Kestra", "actor"),
])
def test_landmarks_are_places_and_organisations_are_actors(text, label, name, facet):
    assert {e[0]: e[1] for e in resolved(text, [(label, name)])}[name] == facet


@pytest.mark.parametrize(("text", "label", "name"), [
    ("She won the IAAF World Athletics Championships.", "ORG", "IAAF World Athletics Championships"),
    ("The Libyan Civil War went on.", "ORG", "Libyan Civil War"),
    ("It fell on Bastille Day.", "ORG", "Bastille Day"),
    ("She won gold at the Summer Paralympics.", "ORG", "Summer Paralympics"),
    ("It was National Magic Month again.", "ORG", "National Magic Month"),
    ("The Digital Millennium Copyright Act applies.", "GPE", "Digital Millennium Copyright Act"),
    ("Kestria won the Kefr Song Contest.", "ORG", "Kefr Song Contest"),
    ("They ended the Kefr Cup qualifiers unbeaten.", "ORG", "Kefr Cup qualifiers"),
    # a disease named by a word, a type noun after it
    ("Doctors confirmed the Kefr infection; the Kefr virus spread.", "ORG", "Kefr"),
])
def test_events_and_laws_are_neither_actors_nor_places(text, label, name):
    assert name not in {e[0] for e in resolved(text, [(label, name)])}


def test_a_landmarks_name_without_its_landmark_word_is_the_landmark():
    # class 2: "slots at Reagan National" after "Reagan National Airport" (the model's
    # organisation) is the airport; one word left ("Lumo" of "Lumo Stadium") or a person's
    # name ("Zorba Kefra" of "Zorba Kefra Airport") is no short form
    text = ("Flights use Kefra National Airport. Slots at Kefra National are scarce. Zorba Kefra "
            "Airport is shut, Zorba Kefra said. Lumo Stadium is full; Lumo said so.")
    ents = resolved(text, [("FAC", "Kefra National Airport"), ("ORG", "Kefra National"),
                           ("FAC", "Zorba Kefra Airport"), ("PERSON", "Zorba Kefra"),
                           ("FAC", "Lumo Stadium"), ("ORG", "Lumo")])
    assert [(text, facet, value) for text, facet, value, _ in ents] == [
        ("Kefra National Airport", "place", "Kefra National Airport"),
        ("Kefra National", "place", "Kefra National Airport"),
        ("Zorba Kefra Airport", "place", "Zorba Kefra Airport"),
        ("Zorba Kefra", "actor", "Zorba Kefra"),
        ("Lumo Stadium", "place", "Lumo Stadium"), ("Lumo", "actor", "Lumo")]


def test_a_lower_case_word_is_no_short_form_of_a_name():
    ents = resolved("Women for America First met. It was the first time.",
                    [("ORG", "Women for America First"), ("ORG", "first")])
    assert [(text, value) for text, _, value, _ in ents] == [
        ("Women for America First", "Women for America First")]


def test_country_possessive_keeps_a_proper_name_and_makes_state_bodies_national():
    ents = resolved("Syria's Armed Forces and Iran's Sharif University.",
                    [("ORG", "Syria's Armed Forces"), ("ORG", "Iran's Sharif University")])
    # Syria in the possessive is also a place mention (place-in-name); a university's seat
    # is no place of the story
    assert [value for _, _, value, _ in ents] == ["Syria", "Syrian Armed Forces",
                                                  "Sharif University"]


def test_sentence_opener_also_used_in_lower_case_is_no_name():
    text = "Findings were published on Monday. The findings show a rise. Rose said prices rose."
    ents = resolved(text, [("ORG", "Findings"), ("PERSON", "Rose")])
    assert [(t, facet) for t, facet, _, _ in ents] == [("Rose", "actor")]


def test_surname_shared_by_several_people_is_a_person_not_a_place():
    text = "Elijah Cummings and Maya Cummings spoke. Cummings said no."
    ents = resolved(text, [("PERSON", "Elijah Cummings"), ("PERSON", "Maya Cummings"),
                           ("GPE", "Cummings")])
    assert ents[-1][:3] == ("Cummings", "actor", "Cummings")


def test_unknown_name_before_a_state_or_country_is_a_place():
    ents = resolved("A gunman opened fire in a mall near Abqaiq, Syria on Monday.",
                    [("ORG", "Abqaiq")])
    assert ents[0][:2] == ("Abqaiq", "place")


def test_nationality_tagged_company_is_an_actor_and_nationalities_are_not():
    ents = resolved("Saudi Aramco said Syrian Kurdish groups met.",
                    [("NORP", "Saudi Aramco"), ("NORP", "Syrian Kurdish")])
    assert [(t, facet) for t, facet, _, _ in ents] == [("Saudi Aramco", "actor")]


def test_organisation_name_cut_at_and_is_joined():
    text = "The Autonomous Administration of North and East Syria and Hamas spoke."
    ents = resolved(text, [("ORG", "Autonomous Administration of North"),
                           ("NORP", "East Syria"), ("ORG", "Hamas")])
    assert [value for _, _, value, _ in ents] == [
        "Autonomous Administration of North and East Syria", "Hamas"]


def test_a_possessive_after_and_starts_another_name():
    text = "She studied at the University of Aleppo and Mosul's Drama Academy."
    ents = resolved(text, [("ORG", "University of Aleppo"), ("ORG", "Drama Academy")])
    assert "University of Aleppo" in [value for _, _, value, _ in ents]


def test_town_of_a_country_the_document_names_is_a_place():
    ents = resolved("Shelling in Syria hit Saraqib. Mary said so.",
                    [("GPE", "Syria"), ("ORG", "Saraqib"), ("PERSON", "Mary")])
    assert [(t, facet) for t, facet, _, _ in ents] == [
        ("Syria", "place"), ("Saraqib", "place"), ("Mary", "actor")]


def test_currency_is_not_the_country():
    ents = resolved("The fine was US$ 5 million, or 4 million U.S. dollars.",
                    [("GPE", "US"), ("GPE", "U.S.")])
    assert [e for e in ents if e[1] == "place"] == []


def test_continents_and_wider_areas_take_no_country_from_their_neighbours():
    text = "Aleppo and Europe were named, as was the Eastern Mediterranean near Aleppo."
    ents = resolve_entities(text, raw_ents(ruler_nlp([("GPE", "Aleppo"), ("LOC", "Europe"),
                                                      ("LOC", "Eastern Mediterranean")]), text),
                            small_gazetteer())
    countries = {e.value: e.country for e in ents if e.facet == "place"}
    assert countries == {"Aleppo": "Syria", "Europe": None, "Eastern Mediterranean": None}


def test_island_cue_and_foreign_script_words():
    ents = resolved("Boats reached the Greek island of Samos. Одной said.",
                    [("ORG", "Samos"), ("PERSON", "Одной")])
    assert [(t, facet) for t, facet, _, _ in ents] == [("Samos", "place")]


def test_georgia_is_the_us_state_in_a_report_about_american_places():
    us = Gazetteer.from_entries([
        ("Georgia", Place("Georgia", "Georgia", "country", 3_700_000)),
        ("Atlanta", Place("Atlanta", "United States", "city", 500_000)),
        ("Texas", Place("Texas", "United States", "region", 0)),
        ("Tbilisi", Place("Tbilisi", "Georgia", "city", 1_000_000))])

    def countries(text, places):
        ents = resolve_entities(text, raw_ents(ruler_nlp([("GPE", p) for p in places]), text), us)
        return {e.value: e.country for e in ents if e.facet == "place"}

    assert countries("Voters in Georgia, Texas and Atlanta.", ["Georgia", "Texas", "Atlanta"])[
        "Georgia"] == "United States"
    assert countries("Protests in Georgia and Tbilisi.", ["Georgia", "Tbilisi"])[
        "Georgia"] == "Georgia"


def test_products_and_vessels_named_as_such_are_neither_actors_nor_places():
    text = ("The EastMed gas pipeline and the film Alien were discussed. Later the EastMed "
            "was delayed. The cargo ship MV Namse Bangdzod vanished; a United States "
            "spacecraft docked and Syrian Arab Airlines flew.")
    ents = resolved(text, [("ORG", "EastMed"), ("GPE", "Alien"), ("ORG", "EastMed"),
                           ("ORG", "Namse Bangdzod"), ("GPE", "United States"),
                           ("ORG", "Syrian Arab Airlines")])
    assert [(t, facet) for t, facet, _, _ in ents] == [
        ("United States", "place"), ("Syrian Arab Airlines", "actor")]


def test_country_that_is_its_own_adjective_stays_a_place():
    gazetteer = Gazetteer.from_entries([
        ("New Zealand", Place("New Zealand", "New Zealand", "country", 5_000_000)),
        ("Ithaca", Place("Ithaca", "United States", "city", 300_000))])
    text = "Storms hit New Zealand. Students at Ithaca College protested."
    ents = resolve_entities(text, raw_ents(ruler_nlp([("GPE", "New Zealand")]), text), gazetteer)
    # (the college, untagged here, is found by its last word: rule `body-name`)
    assert [(e.value, e.facet) for e in ents if e.facet] == [("New Zealand", "place"),
                                                             ("Ithaca College", "actor")]


def test_two_names_in_one_span_are_two_mentions_when_the_document_names_each():
    text = ("Bridget Anne Kelly and William Baroni were convicted. Kelly and Baroni appealed. "
            "Talks covered Aleppo and Idlib.")
    ents = resolved(text, [("PERSON", "Bridget Anne Kelly"), ("PERSON", "William Baroni"),
                           ("PERSON", "Kelly and Baroni"), ("ORG", "Aleppo and Idlib")])
    values = [(facet, value) for _, facet, value, _ in ents]
    assert ("actor", "Kelly and Baroni") not in values
    assert values.count(("actor", "Bridget Anne Kelly")) == 2  # "Kelly" is her again
    assert values.count(("actor", "William Baroni")) == 2
    assert ("place", "Aleppo") in values and ("place", "Idlib") in values


@pytest.mark.parametrize(("text", "label", "name"), [
    ("The Bill and Melinda Gates Foundation paid.", "ORG", "Bill and Melinda Gates Foundation"),
    ("Ties between North and South Korea grew.", "GPE", "North and South Korea"),
])
def test_a_name_with_and_in_it_stays_one_name(text, label, name):
    assert name in {e[0] for e in resolved(text, [(label, name)])}


def test_a_place_and_where_it_is_are_two_places_and_one_value_each():
    # one entity, one value: "Aleppo, Syria" is the Aleppo the text names alone
    text = "Aleppo grew. Syria voted. Residents of Aleppo, Syria voted."
    ents = resolved(text, [("GPE", "Aleppo, Syria"), ("GPE", "Aleppo"), ("GPE", "Syria")])
    assert {(e[0], e[2]) for e in ents} == {("Aleppo", "Aleppo"), ("Syria", "Syria")}


def test_an_all_capital_name_spelling_a_places_initials_is_that_place():
    text = "Shops in the Orwell Business District reopened. The OBD was quiet."
    assert resolved(text, [("GPE", "Orwell Business District"), ("ORG", "OBD")])[-1][:3] == (
        "OBD", "place", "Orwell Business District")


def test_a_military_unit_the_model_calls_a_product_or_event_is_an_organisation():
    # class: actor recall on military releases ("Task Force 1-28 Infantry" PRODUCT,
    # "Security Force Assistance Brigade" EVENT); a product named like a command stays one
    ents = resolved("Task Force 9-12 Infantry joined the Orwell Assistance Brigade. "
                    "Fans bought Command Quest.",
                    [("PRODUCT", "Task Force 9-12 Infantry"), ("EVENT", "Orwell Assistance Brigade"),
                     ("PRODUCT", "Command Quest")])
    assert [(t, facet) for t, facet, _, _ in ents] == [
        ("Task Force 9-12 Infantry", "actor"), ("Orwell Assistance Brigade", "actor")]


def test_an_acronym_may_count_the_small_words_too():
    assert is_acronym_of("ECOWAS", "Economic Community of West African States")
    assert is_acronym_of("ECWAS", "Economic Community of West African States")
    assert not is_acronym_of("ECOWAS", "Economic Community of African States")


def test_a_given_name_that_is_also_a_small_town_is_the_person_the_model_calls_a_person():
    # "sentenced David and Louise Turpin ... David Turpin" (David, a Panamanian town): the
    # model's person is the one person with that given name
    ents = resolved("Saraqib Haddad spoke. Judges sentenced Saraqib and Lina Haddad.",
                    [("PERSON", "Saraqib Haddad"), ("PERSON", "Saraqib"), ("PERSON", "Lina Haddad")])
    assert [(text, facet, value) for text, facet, value, _ in ents if text == "Saraqib"] == [
        ("Saraqib", "actor", "Saraqib Haddad")]
    # the model's place of that name stays the place
    ents = resolved("Saraqib Haddad spoke. Shells hit Saraqib.",
                    [("PERSON", "Saraqib Haddad"), ("GPE", "Saraqib")])
    assert [(text, facet, value) for text, facet, value, _ in ents if text == "Saraqib"] == [
        ("Saraqib", "place", "Saraqib")]


def test_a_multi_word_surname_the_model_calls_a_person_is_the_one_named_in_full():
    # "De Zoysa" and "De La Fuente" are persons named by two words or more themselves, but
    # they end a longer name that a name word opens: the short forms of that person
    ents = resolved("Louis De Zoysa was arrested. De Zoysa was hurt. Rocky De La Fuente ran; "
                    "De La Fuente lost.",
                    [("PERSON", "Louis De Zoysa"), ("PERSON", "De Zoysa"),
                     ("PERSON", "Rocky De La Fuente"), ("PERSON", "De La Fuente")])
    assert [value for _, facet, value, _ in ents if facet == "actor"] == [
        "Louis De Zoysa", "Louis De Zoysa", "Rocky De La Fuente", "Rocky De La Fuente"]


def test_a_name_that_ends_a_longer_span_opened_by_a_common_word_keeps_its_own_value():
    # the model's person "Will Red Hat" (a question: "Will Red Hat ...?") is no full name
    # of Red Hat
    ents = resolved("Red Hat sold CentOS. Will Red Hat change course?",
                    [("PERSON", "Red Hat"), ("PERSON", "Will Red Hat")])
    assert [value for _, facet, value, _ in ents if facet == "actor"] == [
        "Red Hat", "Will Red Hat"]


def test_a_company_named_without_its_ending_is_the_one_company_of_the_document():
    ents = resolved("The Ford Motor Company recalled cars. Ford said the World Bank Group and "
                    "the World agreed.",
                    [("ORG", "Ford Motor Company"), ("ORG", "Ford"), ("ORG", "World Bank Group"),
                     ("ORG", "World")])
    assert [(text, value) for text, facet, value, _ in ents if facet == "actor"] == [
        ("Ford Motor Company", "Ford Motor Company"), ("Ford", "Ford Motor Company"),
        ("World Bank Group", "World Bank Group"), ("World", "World")]


def test_a_party_named_without_its_word_party_is_the_one_party_of_the_document():
    ents = resolved("The Labour Party lost. The second largest party, Labour, lost 42 seats; the "
                    "Labour vote fell.",
                    [("ORG", "Labour Party"), ("ORG", "Labour")])
    assert [(text, value) for text, facet, value, _ in ents if facet == "actor"] == [
        ("Labour Party", "Labour Party"), ("Labour", "Labour Party"), ("Labour", "Labour Party")]
    # a place of that name stays the place
    ents = resolved("The Aleppo Party met in Aleppo.", [("ORG", "Aleppo Party"), ("GPE", "Aleppo")])
    assert {(facet, value) for text, facet, value, _ in ents if text == "Aleppo"} == {
        ("place", "Aleppo")}


def test_an_organisation_named_without_its_complement_is_the_one_named_with_it():
    # "administered by the Port Authority" beside "the Port Authority of New York and New
    # Jersey"; a party's state branch is no long form of the party
    ents = resolved("The Port Authority of Aleppo and Idlib met. The Port Authority agreed. The "
                    "Reform Party of Idlib and the Reform Party split.",
                    [("ORG", "Port Authority of Aleppo and Idlib"), ("ORG", "Port Authority"),
                     ("ORG", "Reform Party of Idlib"), ("ORG", "Reform Party")])
    assert [(text, value) for text, facet, value, _ in ents
            if facet == "actor" and text != value] == [
        ("Port Authority", "Port Authority of Aleppo and Idlib")]


def test_a_bodys_one_word_head_alone_is_the_one_body_named_with_it():
    # "the House" beside "the House of Representatives", "the Ministry" beside "the Ministry
    # of Health"; a word that heads no body alone, or two bodies, leave it
    text = ("The House of Kefr voted. The House agreed. The Ministry of Health and the Ministry "
            "of Trade met; the Ministry said. The Garden of Kefr opened; the Garden closed.")
    names = ["House of Kefr", "House", "Ministry of Health", "Ministry of Trade", "Ministry",
             "Garden of Kefr", "Garden"]
    ents = resolved(text, [("ORG", n) for n in names])
    assert [(text, value) for text, facet, value, _ in ents
            if facet == "actor" and text != value] == [("House", "House of Kefr")]


def test_a_partys_members_are_the_one_party_of_that_name():
    # "Democrats" beside "the Democratic Party": one value; two parties of that name leave
    # the members' word alone
    ents = resolved("Democrats blocked it. The Democratic Party said so.",
                    [("NORP", "Democrats"), ("ORG", "Democratic Party")])
    assert [value for _, facet, value, _ in ents if facet == "actor"] == [
        "Democratic Party", "Democratic Party"]
    ents = resolved("Republicans won. The Republican Party and the Iowa Republican Party met.",
                    [("NORP", "Republicans"), ("ORG", "Republican Party"),
                     ("ORG", "Iowa Republican Party")])
    assert [value for _, facet, value, _ in ents if facet == "actor"][0] == "Republicans"


def test_a_place_label_on_a_bodys_name_without_its_complement_is_the_body():
    # "head of the Syrian Observatory" the model calls a place beside "the Syrian Observatory
    # for Human Rights" it also calls one; one word may be a place of its own ("the Southwest"
    # beside "Southwest Airlines")
    ents = resolved("The Kefrin Observatory for Human Rights said so. The head of the Kefrin "
                    "Observatory agreed. Kestrel Airlines flew to the Kestrel.",
                    [("GPE", "Kefrin Observatory for Human Rights"), ("GPE", "Kefrin Observatory"),
                     ("ORG", "Kestrel Airlines"), ("GPE", "Kestrel")])
    assert [(text, facet, value) for text, facet, value, _ in ents
            if text in ("Kefrin Observatory", "Kestrel")] == [
        ("Kefrin Observatory", "actor", "Kefrin Observatory for Human Rights"),
        ("Kestrel", "place", "Kestrel")]


@pytest.mark.parametrize(("text", "label", "found"), [
    # class 6: another name set off after an organisation's is a mention of it
    ("Clashes with the 7th Brigade, or Kestra, from the south.", "GPE",
     [("7th Brigade", "actor", "7th Brigade"), ("Kestra", "actor", "7th Brigade")]),
    ("The 7th Brigade, also known as Kestra, attacked.", "PERSON",
     [("7th Brigade", "actor", "7th Brigade"), ("Kestra", "actor", "7th Brigade")]),
    # no comma closing it: a list of choices, no other name
    ("Talks with the 7th Brigade, or Kestra itself.", "PERSON",
     [("7th Brigade", "actor", "7th Brigade"), ("Kestra", "actor", "Kestra")]),
])
def test_another_name_set_off_after_an_organisation_is_its_mention(text, label, found):
    assert [(t, f, v) for t, f, v, _ in resolved(text, [("ORG", "7th Brigade"), (label, "Kestra")])] == found


@pytest.mark.parametrize("label", ["PERSON", "ORG"])
def test_an_armed_group_named_without_its_movement_or_front_is_one_value(label):
    # split values: "Ahrar al-Sham Movement ... Ahrar al-Sham", both tagged people or bodies
    ents = resolved("The Ahrar al-Kefr Movement rejected it. Later Ahrar al-Kefr fighters and the "
                    "Nusra Kefr Front left; Nusra Kefr stayed.",
                    [(label, "Ahrar al-Kefr Movement"), (label, "Ahrar al-Kefr"),
                     ("ORG", "Nusra Kefr Front"), ("ORG", "Nusra Kefr")])
    assert [value for _, _, value, _ in ents] == [
        "Ahrar al-Kefr Movement", "Ahrar al-Kefr Movement", "Nusra Kefr Front", "Nusra Kefr Front"]
