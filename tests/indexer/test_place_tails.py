"""The `place-tail` rule alone (class 2: a place's name cut after its first word)."""

from __future__ import annotations

from dataclasses import replace

from indexer import entities
from indexer.entities import DocContext
from indexer.gazetteer import Gazetteer, Place
from indexer.spans import Ent
from tests.indexer.test_rules import classified, facets


def _with_place(ents, text):
    """The spans with the one whose text is `text` made a place (as the cue rules would)."""
    return [replace(e, facet="place", value=e.text, fixed=True) if e.text == text else e
            for e in ents]


def test_the_tail_of_a_place_named_elsewhere_is_that_place():
    text = "Guns shelled Sheikh Dabbour. The district of Sheikh Dabbour was empty."
    ctx, ents = classified(text, [("GPE", "Sheikh Dabbour")])
    # the model kept only the tail of the first mention, and took it for a person
    tail = Ent(20, 27, "Dabbour", "PERSON", facet="actor", value="Dabbour")
    ents = [tail] + _with_place(ents[1:], "Sheikh Dabbour")
    out = entities.rule_place_tails(ctx, ents)
    assert facets(out) == [("Sheikh Dabbour", "place", "Sheikh Dabbour")] * 2
    assert out[0].rule == "place-tail" and (out[0].start, out[0].end) == (13, 27)


def test_a_surname_after_another_word_stays_a_person():
    text = "Minister Dabbour spoke. Sheikh Dabbour is a district; Dr Roe agreed."
    ctx, ents = classified(text, [("PERSON", "Dabbour"), ("GPE", "Sheikh Dabbour"),
                                  ("PERSON", "Roe")])
    out = entities.rule_place_tails(ctx, _with_place(ents, "Sheikh Dabbour"))
    assert [(e.text, e.facet) for e in out if e.facet] == [
        ("Dabbour", "actor"), ("Sheikh Dabbour", "place"), ("Roe", "actor")]


def test_a_name_the_document_also_gives_a_feature_word_is_that_feature():
    text = "Flights reach Kestra Island twice a week. Kestra has one road."
    ctx, ents = classified(text, [("LOC", "Kestra Island"), ("PERSON", "Kestra")])
    out = entities.rule_feature_heads(ctx, ents)
    assert facets(out) == [("Kestra Island", "place", "Kestra Island"),
                           ("Kestra", "place", "Kestra Island")]
    assert out[1].rule == "feature-head" and out[1].fixed


def test_a_feature_head_that_is_a_persons_surname_stays_the_person():
    text = "Ann Kestra sailed past Kestra Island. Kestra said it was calm."
    ctx, ents = classified(text, [("PERSON", "Ann Kestra"), ("LOC", "Kestra Island"),
                                  ("PERSON", "Kestra")])
    out = entities.rule_feature_heads(ctx, ents)
    assert [(e.text, e.facet) for e in out] == [
        ("Ann Kestra", "actor"), ("Kestra Island", "place"), ("Kestra", "actor")]


def test_the_tail_of_a_place_the_gazetteer_knows_is_that_place():
    text = "It was felt in Sultan Dabbour. The El Dabbour road and Minister Dabbour."
    gazetteer = Gazetteer.from_entries([(name, Place(name, "Syria", "city", 120_000))
                                        for name in ("Sultan Dabbour", "El Dabbour")],
                                       capitals={})
    ents = [Ent(22, 29, "Dabbour", "GPE", facet="place", value="Dabbour"),
            Ent(35, 45, "El Dabbour", "GPE", facet="place", value="El Dabbour"),
            Ent(64, 71, "Dabbour", "PERSON", facet="actor", value="Dabbour")]
    out = entities.rule_place_tails(DocContext(text, gazetteer), ents)
    # the determiner is no part of a name; no place "Minister Dabbour"
    assert [(e.text, e.facet, e.rule) for e in out] == [
        ("Sultan Dabbour", "place", "place-tail"), ("El Dabbour", "place", "model"),
        ("Dabbour", "actor", "model")]


def test_a_place_named_with_and_cut_at_it_is_joined():
    # "Kestra and | Dabbour": the model cut a country's name at its "and"; "Syria and Iraq"
    # are two
    text = "He visited Kestra and Dabbour, then Syria and Iraq."
    gazetteer = Gazetteer.from_entries(
        [(name, Place(name, name, "country", 1_000_000)) for name in
         ("Kestra and Dabbour", "Syria", "Iraq")], capitals={})
    ents = [Ent(11, 17, "Kestra", "GPE", facet="place", value="Kestra"),
            Ent(22, 29, "Dabbour", "PERSON", facet="actor", value="Dabbour"),
            Ent(36, 41, "Syria", "GPE", facet="place", value="Syria"),
            Ent(46, 50, "Iraq", "GPE", facet="place", value="Iraq")]
    out = entities.rule_place_tails(DocContext(text, gazetteer), ents)
    assert [(e.text, e.facet) for e in out] == [
        ("Kestra and Dabbour", "place"), ("Syria", "place"), ("Iraq", "place")]


def test_a_place_named_with_and_the_is_one_span_over_the_models_pieces():
    # class 2: "Saint Vincent and the Grenadines" (model: a place and a place), "Sao Tome and
    # Principe" (model: an organisation and a product), "Saint Kitts and Nevis" (model: a
    # person), or missed it; "Syria and Iraq" stay two; a full stop after the name is no part
    # of it
    text = ("King (Kestra Vale and the Dabbours) spoke; Kef Tome and Prin and Syria and Iraq "
            "agreed. Aid went to Kestra Vale and the Dabbours.")
    gazetteer = Gazetteer.from_entries(
        [(name, Place(name, name, "country", 100_000)) for name in
         ("Kestra Vale and the Dabbours", "Kef Tome and Prin", "Syria", "Iraq")], capitals={})
    ents = [Ent(6, 17, "Kestra Vale", "GPE", facet="place", value="Kestra Vale"),
            Ent(26, 34, "Dabbours", "GPE", facet="place", value="Dabbours"),
            Ent(43, 51, "Kef Tome", "ORG", facet="actor", value="Kef Tome"),
            Ent(56, 60, "Prin", "PRODUCT"),
            Ent(65, 70, "Syria", "GPE", facet="place", value="Syria"),
            Ent(75, 79, "Iraq", "GPE", facet="place", value="Iraq")]
    out = entities.rule_place_tails(DocContext(text, gazetteer), ents)
    assert [(e.text, e.facet) for e in out] == [
        ("Kestra Vale and the Dabbours", "place"), ("Kef Tome and Prin", "place"),
        ("Syria", "place"), ("Iraq", "place"), ("Kestra Vale and the Dabbours", "place")]


def test_a_span_running_out_of_a_name_with_and_keeps_the_model_spans():
    text = "Kestra Vale and the Dabbours Society met."
    gazetteer = Gazetteer.from_entries(
        [("Kestra Vale and the Dabbours", Place("Kestra Vale and the Dabbours", "X", "country",
                                                100_000))], capitals={})
    ents = [Ent(0, 11, "Kestra Vale", "GPE", facet="place", value="Kestra Vale"),
            Ent(20, 37, "Dabbours Society", "ORG", facet="actor", value="Dabbours Society")]
    out = entities.rule_place_tails(DocContext(text, gazetteer), ents)
    assert [(e.text, e.facet) for e in out] == [("Kestra Vale", "place"),
                                                ("Dabbours Society", "actor")]
