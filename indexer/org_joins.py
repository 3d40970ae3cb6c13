"""Class 2 (names cut short): an organisation's name the model cut at "for", its purpose or
jurisdiction taken for a second organisation ("the Tunisian League | for | the Defence of Human
Rights", "the Court of Appeals | for | the Third Circuit"). The two spans are one name when both
are organisations, only "for" (or "for the") stands between them, and the first ends with a
noun that takes such a complement (`purpose_heads`: League, Committee, Court, Ministry...). "a
report by Amnesty International for the United Nations" stays two: "International" is no such
noun.
"""

from __future__ import annotations

import re

from indexer.rule_data import word_list
from indexer.spans import Ent

_FOR = re.compile(r" for (?:the )?")


def join_purpose_names(text: str, ents: list[Ent]) -> list[Ent]:
    """Adjacent "<Body> | for | <purpose>" organisation spans joined into one."""
    heads = frozenset(word_list("purpose_heads"))
    out: list[Ent] = []
    for ent in ents:  # in text order, as the model gave them
        last = out[-1] if out else None
        if last and _cut_at_for(text, last, ent, heads):
            out[-1] = Ent(last.start, ent.end, text[last.start:ent.end], "ORG")
        else:
            out.append(ent)
    return out


def _cut_at_for(text: str, ent: Ent, nxt: Ent, heads: frozenset[str]) -> bool:
    words = ent.text.split()
    return (ent.label == nxt.label == "ORG" and not ent.fixed and not nxt.fixed
            and bool(words) and words[-1] in heads
            and _FOR.fullmatch(text, ent.end, nxt.start) is not None)
