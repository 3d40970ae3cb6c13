"""The `join-cut` rule alone (class 2: an organisation's name cut at its "for" or "and"), on spans
from spacy.blank("en") with an entity ruler."""

from __future__ import annotations

from indexer import entities
from tests.indexer.test_rules import facets, spans


def test_a_body_and_its_purpose_are_one_organisation():
    text = "The Ruritanian League for the Rights of Farmers protested."
    ctx, ents = spans(text, [("ORG", "Ruritanian League"), ("ORG", "the Rights of Farmers")])
    out = entities.rule_join_cut_names(ctx, ents)
    assert [(e.text, e.label) for e in out] == [
        ("Ruritanian League for the Rights of Farmers", "ORG")]


def test_a_court_and_its_circuit_are_one_name():
    text = "the Court of Appeals for the Ninth Circuit ruled."
    ctx, ents = spans(text, [("ORG", "the Court of Appeals"), ("ORG", "the Ninth Circuit")])
    assert [e.text for e in entities.rule_join_cut_names(ctx, ents)] == [
        "Court of Appeals for the Ninth Circuit"]


def test_work_done_for_another_body_stays_two_names():
    text = "A report by Amnesty International for the United Nations; Ann Lee for Acme Union."
    patterns = [("ORG", "Amnesty International"), ("ORG", "the United Nations"),
                ("PERSON", "Ann Lee"), ("ORG", "Acme Union")]
    ctx, ents = spans(text, patterns)
    out = entities.rule_join_cut_names(ctx, ents)
    assert facets(out) == facets(ents)
    assert len(out) == 4


def test_only_for_stands_between_the_two_names():
    text = "The Farmers League, for the Rights of Farmers, spoke."
    ctx, ents = spans(text, [("ORG", "Farmers League"), ("ORG", "the Rights of Farmers")])
    assert len(entities.rule_join_cut_names(ctx, ents)) == 2


def test_a_couples_foundation_cut_at_and_is_one_name():
    text = "Money came from the Ann and Bob Roe Foundation and from Mary and the Roe Trust."
    patterns = [("PERSON", "Ann"), ("ORG", "Bob Roe Foundation"), ("PERSON", "Mary"),
                ("ORG", "the Roe Trust")]
    ctx, ents = spans(text, patterns)
    out = entities.rule_join_cut_names(ctx, ents)
    assert [e.text for e in out] == ["Ann and Bob Roe Foundation", "Mary", "Roe Trust"]


def test_a_body_cut_before_its_object_runs_on_over_it():
    # "to <Verb>" and a capitalised preposition end no name: the object after them is its own
    text = ("The Global Coalition to Defeat Kestra met. Farmers Against the War marched. "
            "The Union Against marched.")
    patterns = [("ORG", "Global Coalition to Defeat"), ("ORG", "Kestra"),
                ("ORG", "Farmers Against"), ("ORG", "Union Against")]
    ctx, ents = spans(text, patterns)
    out = entities.rule_join_cut_names(ctx, ents)
    assert [e.text for e in out] == ["Global Coalition to Defeat Kestra",
                                     "Farmers Against the War", "Union Against"]


def test_a_body_against_an_event_is_no_event():
    # the event noun after "against" is the body's cause, not what the name is about
    ctx, ents = spans("Farmers Against the War marched.", [("ORG", "Farmers Against")])
    ents = entities.rule_classify(ctx, entities.rule_join_cut_names(ctx, ents))
    assert [text for text, _, _ in facets(entities.rule_events(ctx, ents))] == [
        "Farmers Against the War"]
