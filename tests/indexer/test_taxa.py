"""The `taxon` rule alone (class 3: a species' scientific name is no actor or place)."""

from __future__ import annotations

from indexer import entities
from tests.indexer.test_rules import classified, facets


def test_binomials_and_their_genus_lose_their_facet():
    text = ("Divers found Zorbula marina and Quaxa fennica near Aleppo. Zorbula grows fast; "
            "Z. marina too.")
    patterns = [("ORG", "Zorbula marina"), ("GPE", "Quaxa fennica"), ("GPE", "Aleppo"),
                ("ORG", "Zorbula"), ("PERSON", "Z. marina")]
    ctx, ents = classified(text, patterns)
    assert len(facets(ents)) == 5
    out = entities.rule_taxa(ctx, ents)
    assert facets(out) == [("Aleppo", "place", "Aleppo")]
    assert {e.rule for e in out if e.text != "Aleppo"} == {"taxon"}


def test_particles_body_nouns_and_groups_are_no_binomials():
    text = ("Ali bin Hassan of the Democratic party met Iraqi forces and Ursula von Roe, "
            "far from Houthi militia.")
    patterns = [("PERSON", "Ali bin Hassan"), ("ORG", "Democratic party"),
                ("NORP", "Iraqi"), ("PERSON", "Ursula von Roe"), ("ORG", "Houthi militia")]
    ctx, ents = classified(text, patterns)
    assert facets(entities.rule_taxa(ctx, ents)) == facets(ents)
    assert {("Democratic party", "actor"), ("Houthi militia", "actor")} <= {
        (t, f) for t, f, _ in facets(ents)}


def test_a_genus_tagged_alone_in_brackets_with_its_species_word_is_a_taxon():
    # the binomial in brackets, the model's span only its genus; a name in brackets before a
    # word English writes in lower case stays
    text = "The white shark (Zorbula fennica) left. The (Kestra said) line stays."
    ctx, ents = classified(text, [("ORG", "Zorbula"), ("ORG", "Kestra")])
    assert facets(entities.rule_taxa(ctx, ents)) == [("Kestra", "actor", "Kestra")]
