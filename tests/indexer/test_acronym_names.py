"""Rule acronym-name: a cut name widened to what its bracketed acronym spells."""

from indexer import entities
from tests.indexer.test_rules import spans


def test_a_cut_name_is_widened_to_its_acronym():
    # class 2: the model marks only "West African States" (a place) of the community's name
    text = ("The Economic Community of West African States (ECOWAS) met. "
            "A Member of Parliament (MP) spoke. Troops of the Orwell Tarn Force (OTF) left.")
    ctx, ents = spans(text, [("GPE", "West African States"), ("ORG", "Parliament"),
                             ("ORG", "Tarn Force")])
    out = entities.rule_acronym_names(ctx, ents)
    assert [(e.text, e.label) for e in out] == [
        ("Economic Community of West African States", "ORG"), ("Parliament", "ORG"),
        ("Orwell Tarn Force", "ORG")]


def test_no_widening_when_the_letters_do_not_spell_it():
    text = "Leaders of the Tarn Force (XYZ) spoke."
    ctx, ents = spans(text, [("ORG", "Tarn Force")])
    assert [e.text for e in entities.rule_acronym_names(ctx, ents)] == ["Tarn Force"]
