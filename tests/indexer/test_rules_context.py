"""Facets read from a name's own word or its neighbours (thirty-sixth and thirty-seventh
parts of issue 10): parliaments named by their own word, long lists of places, a body's name
before a site's noun, a kind of body written in letters, and names set off by commas before a
place cue (capitals as governments: test_capital_actors.py; an organisation's base:
test_gazetteer.py)."""

from __future__ import annotations

import pytest

from indexer import entities
from tests.indexer.entity_kit import resolved
from tests.indexer.test_rules import classified, listed


@pytest.mark.parametrize(("name", "label"), [
    ("Storting", "LOC"), ("Lok Sabha", "FAC"), ("Knesset", "GPE"), ("Verkhovna Rada", "LOC")])
def test_a_parliament_named_by_its_own_word_is_the_body(name, label):
    # class 2: "85 seats are required for a majority in the Storting" tagged a place
    ctx, ents = classified(f"The bill passed in the {name} on Monday.", [(label, name)])
    assert [(e.text, e.facet) for e in ents] == [(name, "actor")]


def test_a_place_ending_in_no_parliament_word_stays_a_place():
    ctx, ents = classified("The bill passed in Kefrtown on Monday.", [("GPE", "Kefrtown")])
    assert [(e.text, e.facet) for e in ents] == [("Kefrtown", "place")]


_FOUR = [("GPE", "Aleppo"), ("GPE", "Idlib"), ("GPE", "Hama"), ("GPE", "Homs")]


def test_a_two_word_person_in_a_list_of_five_places_is_a_place():
    # class 2: "Quetta, Sibi, Harnai, Pishin, Qila Saifullah, Chaman, Ziarat and Zhob"
    assert listed("Aleppo, Idlib, Qila Kefr, Hama and Homs were hit.",
                   _FOUR + [("PERSON", "Qila Kefr")]) == ["Qila Kefr"]


@pytest.mark.parametrize("text", [
    "Aleppo, Idlib, Qila Kefr and Hama were hit.",                        # four names only
    "Aleppo, Idlib, Qila Kefr, Hama and Homs were hit. Kefr said so.",    # named again
])
def test_a_two_word_person_in_a_short_list_or_named_again_stays_a_person(text):
    patterns = [p for p in _FOUR if p[1] in text] + [("PERSON", "Qila Kefr")]
    assert listed(text, patterns) == []


def test_a_two_word_person_in_a_list_three_in_four_of_whose_other_names_are_places():
    # one other name an actor still ("Harnai" taken for a person's given name) leaves it a
    # place among eight; two of its four fellows do not
    text = "Aleppo, Idlib, Hama, Qila Kefr, Homs, Raqqa, Daraa and UNICEF were hit."
    places = _FOUR + [("GPE", "Raqqa"), ("GPE", "Daraa")]
    assert listed(text, places + [("PERSON", "Qila Kefr"), ("ORG", "UNICEF")]) == ["Qila Kefr"]
    text = "Aleppo, Idlib, Qila Kefr, WFP and UNICEF were hit."
    assert listed(text, _FOUR[:2] + [("PERSON", "Qila Kefr"), ("ORG", "WFP"),
                                      ("ORG", "UNICEF")]) == []


@pytest.mark.parametrize(("name", "facet"), [
    ("Frontier Corps", "actor"), ("Kefr Border Command", "actor"), ("Kefr Valley", "place")])
def test_a_name_ending_like_a_body_s_before_a_site_noun_owns_the_site(name, facet):
    # class 2 the other way: "the Frontier Corps checkpoint" is the Corps' checkpoint; the
    # cue noun still places a name that does not end like an organisation's
    ctx, ents = classified(f"Gunmen attacked the {name} checkpoint on Monday.", [("ORG", name)])
    assert [(e.text, e.facet) for e in entities.rule_place_cues(ctx, ents)] == [(name, facet)]


def test_a_kind_of_body_written_in_letters_is_no_name():
    # class 3 (non-names): "a staff member of the NGO International Rescue Committee"
    ents = resolved("A staff member of the NGO Kefr Aid died. NGOs said so.",
                    [("ORG", "NGO"), ("ORG", "Kefr Aid"), ("ORG", "NGOs")])
    assert [(t, f) for t, f, _, _ in ents] == [("Kefr Aid", "actor")]


def test_names_set_off_by_commas_alone_before_a_place_cue_are_no_list():
    # class 2 the other way: "Shridhar Patil, SSP, Kulgam district" is a person and his
    # office; one name before the cue's ("in Banisa, Mandera district") and a list with
    # "and", with or without a comma before it, are places
    text = "Shridhar Patil, SSP, Kulgam district said so."
    assert [r[:2] for r in resolved(text, [("PERSON", "Shridhar Patil")])
            if r[0] == "Shridhar Patil"] == [("Shridhar Patil", "actor")]
    text = "Police were ambushed in Banisa, Mandera district on Friday."
    assert [r[:2] for r in resolved(text, [("PERSON", "Banisa")])][:1] == [("Banisa", "place")]
    text = "Bombs hit Yala, Pattani, and Narathiwat provinces."
    patterns = [("PERSON", "Yala"), ("PERSON", "Pattani"), ("PERSON", "Narathiwat")]
    assert [r[:2] for r in resolved(text, patterns)] == [
        ("Yala", "place"), ("Pattani", "place"), ("Narathiwat", "place")]


def test_an_acronym_before_a_place_cue_is_the_bodys_area_unless_a_known_place():
    # class 2 the other way: "the whole OSCE area" names the body's area; a place's letters
    # the gazetteer knows ("US") stay a place, and a road's number is a name
    text = "Frozen conflicts threaten the whole KESTRA area, officials said."
    assert [r[:2] for r in resolved(text, [("ORG", "KESTRA")])] == [("KESTRA", "actor")]
    text = "Troops patrolled the US area near Aleppo."
    assert ("US", "place") in [r[:2] for r in resolved(text, [("ORG", "US")])]
