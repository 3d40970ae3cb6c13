"""Class 3 (non-names): a species' scientific name is no actor or place. The model tags
binomials ("Acropora millepora", "A. millepora") as organisations, people or places; their
shape gives them away: a capitalised genus (or its initial) and a lower-case species word.
A bare genus the document also writes as the start of such a binomial ("Acropora") goes
with it. Lower-case name particles ("Ali bin Hassan"), body nouns ("Democratic party") and
nationality groups and other groups ("Iraqi forces", "Houthi militia") are no binomials.
"""

from __future__ import annotations

import re

from indexer.casing import is_lower_case_word
from indexer.countries import is_demonym
from indexer.rule_data import body_endings, institution_words, word_list
from indexer.spans import Ent, replace

#: lower-case second words that are no species: name particles, body nouns ("Democratic
#: party", "Afghan government") and group nouns ("Houthi militia", "Shabaab fighters")
NOT_SPECIES = frozenset(word_list("name_particles")) | frozenset(
    w.lower() for w in (*body_endings(), *institution_words(),
                        *word_list("collectives"), *word_list("institutions")))
_BINOMIAL = re.compile(r"(?:[A-Z][a-z]+|[A-Z]\.) ([a-z][a-z-]{2,})")


def drop_taxa(ents: list[Ent], text: str = "") -> list[Ent]:
    """Binomials and the genera they start with lose their facet."""
    taxa = [e for e in ents if _binomial(e) or _bracketed_genus(e, text)]
    genera = {e.text.split()[0] for e in taxa}
    return [replace(e, facet=None, value=None, rule="taxon")
            if e in taxa or _genus(e, genera) else e for e in ents]


def _binomial(ent: Ent) -> bool:
    match = _BINOMIAL.fullmatch(ent.text)
    return bool(match) and ent.facet in ("actor", "place") and ent.rule == "model" \
        and not ent.fixed and match.group(1) not in NOT_SPECIES \
        and not is_demonym(ent.text.split()[0])


#: a species word closing the brackets a genus opens: "(Carcharodon carcharias)"
_SPECIES_CLOSES = re.compile(r" ([a-z][a-z-]{2,})\)")


def _bracketed_genus(ent: Ent, text: str) -> bool:
    """ "the great white shark (Carcharodon carcharias)": the model tagged the genus alone,
    and the brackets hold the binomial (a word English writes in lower case is no species
    word: "(Reuters said)")."""
    match = _SPECIES_CLOSES.match(text, ent.end)
    return bool(match) and text[ent.start - 1:ent.start] == "(" \
        and not is_lower_case_word(match.group(1)) \
        and _binomial(replace(ent, text=f"{ent.text} {match.group(1)}"))


def _genus(ent: Ent, genera: set[str]) -> bool:
    return ent.facet in ("actor", "place") and not ent.fixed and ent.text in genera
