"""Rules of the fortieth part of issue 10, each on spacy.blank("en") with an entity ruler
standing in for the model: a body named with and without the country that opens its name
(one entity under several values), a verb after a country's name (class 3: no group), more
kinds of place and moves that cue a place (class 2), an office's subject before its holder's
name (class 3), a "Palais" (class 2), weapons and documents (class 5), a person's title
before a name tagged a place (class 2 the other way), and a person the model missed beside a
role set off by commas (actor recall)."""

from __future__ import annotations

import pytest

from indexer import entities
from indexer.spans import replace
from tests.indexer.entity_kit import resolved
from tests.indexer.test_rules import classified, facets, spans


def _values(text: str, patterns: list[tuple[str, str]]) -> dict[str, str | None]:
    ctx, ents = classified(text, patterns)
    return {e.text: e.value for e in entities.rule_aliases(ctx, ents)}


@pytest.mark.parametrize(("text", "patterns", "short", "full"), [
    # the bare name after the country's
    ("He ran for the Syria Libertarian Party. Later the Libertarian Party chose him.",
     [("ORG", "Syria Libertarian Party"), ("ORG", "Libertarian Party")],
     "Libertarian Party", "Syria Libertarian Party"),
    # the demonym opens the name; the bare name comes first
    ("The General Services Administration wrote. The Syrian General Services Administration "
     "agreed.", [("ORG", "General Services Administration"),
                 ("ORG", "Syrian General Services Administration")],
     "General Services Administration", "Syrian General Services Administration"),
    # one country written two ways: the first is the value
    ("She left the Syrian Liberal Party. I was in the Syria Liberal Party.",
     [("ORG", "Syrian Liberal Party"), ("ORG", "Syria Liberal Party")],
     "Syria Liberal Party", "Syrian Liberal Party"),
])
def test_a_body_named_without_its_country_is_the_documents_one_named_with_it(
        text, patterns, short, full):
    assert _values(text, patterns)[short] == full


@pytest.mark.parametrize(("text", "patterns"), [
    # two countries' bodies: the bare name is either
    ("The Syrian Armed Forces and the Turkish Armed Forces met. The Armed Forces said no.",
     [("ORG", "Syrian Armed Forces"), ("ORG", "Turkish Armed Forces"), ("ORG", "Armed Forces")]),
    # a state's body beside the country's: "the state's Supreme Court" may be the state's
    ("The Syrian Supreme Court and the Aleppo Supreme Court ruled. The Supreme Court met.",
     [("ORG", "Syrian Supreme Court"), ("ORG", "Aleppo Supreme Court"), ("ORG", "Supreme Court")]),
    # a religion's adjective is no country's
    ("The Christian Democratic Party won. The Democratic Party lost.",
     [("ORG", "Christian Democratic Party"), ("ORG", "Democratic Party")]),
])
def test_a_bare_name_two_qualified_names_share_stays_apart(text, patterns):
    values = _values(text, patterns)
    bare = patterns[-1][1]
    assert values[bare] == bare


@pytest.mark.parametrize(("text", "country", "group"), [
    # class 3 (non-names): a verb in -ed and its object after a country's name
    ("Syria killed militants in Aleppo.", "Syria", None),
    # an adverb before the noun makes a verb of the word after it
    ("Syria reportedly sent fighters to Idlib.", "Syria", None),
    # a participle that modifies a group noun keeps the group
    ("Syria armed forces moved to Idlib.", "Syria", "Syrian Armed Forces"),
    # after the nation's adjective, a word in -ed modifies the noun
    ("Syrian trained fighters moved to Idlib.", "Syrian", "Syrian trained fighters"),
])
def test_a_verb_after_a_countrys_name_makes_no_group(text, country, group):
    label = "NORP" if country.endswith("n") else "GPE"
    ctx, ents = classified(text, [(label, country)])
    groups = [e.value for e in entities.rule_group_actors(ctx, ents) if e.rule == "group"]
    assert groups == ([group] if group else [])


@pytest.mark.parametrize(("text", "name", "label"), [
    # class 2: kinds of place the cue lists lacked ("the locality of Dadi", "the seaside
    # resort of Pichilemu", "townships, such as Kumeu and Piha")
    ("Secessionists attacked the locality of Zorbany, a source said.", "Zorbany", "PERSON"),
    ("Fire spread near the seaside resort of Quillo, renowned for surfing.", "Quillo", "ORG"),
    ("Fires hit nearby townships, such as Zorbany and Quillo, on Sunday.", "Quillo", "PERSON"),
    ("Fire spread over two residential areas, Zorbany and Quillo.", "Zorbany", "PERSON"),
])
def test_more_kinds_of_place_cue_the_name_after_them(text, name, label):
    ctx, ents = classified(text, [(label, name)])
    assert (name, "place") in [(t, f) for t, f, _ in facets(entities.rule_place_cues(ctx, ents))]


def test_a_known_place_travelled_to_is_a_place():
    """Class 2: "was due to travel to Honiara", "to visit Honiara" tagged a person."""
    text = "A delegation was due to travel to Aleppo. He went to visit Idlib and Zorbany."
    ctx, ents = classified(text, [("PERSON", "Aleppo"), ("PERSON", "Idlib"), ("PERSON", "Zorbany")])
    ents = [replace(e, facet="actor", fixed=False, rule="model") for e in ents]
    assert [(e.text, e.facet) for e in entities.rule_targets(ctx, ents)] == [
        ("Aleppo", "place"), ("Idlib", "place"), ("Zorbany", "actor")]


@pytest.mark.parametrize(("text", "org", "kept"), [
    # class 3: an office's subject before its holder's name is no actor
    ("Commerce Secretary Wilbur Ross spoke.", "Commerce", False),
    ("The former National Security Adviser John Bolton wrote a book.", "National Security", False),
    ("Police and Crime Commissioner Stephen Mold said so.", "Police and Crime", False),
    # a body's own name before the office stays
    ("Peruvian Congress Chairman Manuel Merino spoke.", "Peruvian Congress", True),
    # the subject without a holder after it is left to the other rules
    ("The Commerce Secretary spoke.", "Commerce", True),
])
def test_an_offices_subject_before_its_holder_is_no_actor(text, org, kept):
    ctx, ents = classified(text, [("ORG", org)])
    assert (org in [e.text for e in entities.rule_office_subjects(ctx, ents)]) == kept


@pytest.mark.parametrize(("text", "label", "name", "facet"), [
    # class 2: a landmark's word heading a name before a French complement
    ("He spoke at the Palais des Nations in Geneva.", "ORG", "Palais des Nations", "place"),
    # class 5: weapons and documents are no actors
    ("They stormed the camp using Vehicle Borne Improvised Explosive Devices on Monday.",
     "ORG", "Vehicle Borne Improvised Explosive Devices", None),
    ("It broke the latest Joint Statements in Vienna.", "ORG", "Joint Statements", None),
])
def test_a_palais_is_a_place_and_devices_and_statements_no_actors(text, label, name, facet):
    found = {t: f for t, f, _, _ in resolved(text, [(label, name)])}
    assert found.get(name) == facet


@pytest.mark.parametrize(("text", "label", "name", "facet"), [
    # class 2 the other way: a person's title before a name the model calls a place
    ("Investors fear the government of President-elect Kefr Dana will borrow.", "FAC",
     "Kefr Dana", "actor"),
    # ... or a person whose name the gazetteer knows as a city
    ("On the birthday of President Aleppo, flowers were laid.", "PERSON", "Aleppo", "actor"),
    # "General" may open a place's name ("General Santos"): no such title
    ("He flew to General Kefr Dana on Monday.", "GPE", "Kefr Dana", "place"),
])
def test_a_persons_title_before_a_name_makes_it_a_person(text, label, name, facet):
    found = {t: f for t, f, _, _ in resolved(text, [(label, name)])}
    assert found.get(name) == facet


@pytest.mark.parametrize(("text", "person"), [
    # actor recall: a name set off before a lower-case role and its complement
    ("Half the town is gone, Sergio Pirozzi, the mayor of Amatrice, told reporters.",
     "Sergio Pirozzi"),
    # ... or after one
    ("The minister for the Pacific, Zed Seselja, said so.", "Zed Seselja"),
    # a place before a noun that is no role's
    ("Port Moresby, the capital of Papua, was quiet.", None),
])
def test_a_name_beside_a_role_set_off_by_commas_is_a_person(text, person):
    ctx, ents = spans(text, [])
    found = [e.text for e in entities.rule_role_set_off_names(ctx, ents) if e.label == "PERSON"]
    assert found == ([person] if person else [])
