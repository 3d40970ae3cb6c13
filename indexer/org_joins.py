"""Class 2 (names cut short): an organisation's name the model cut at "for", its purpose or
jurisdiction taken for a second organisation ("the Tunisian League | for | the Defence of Human
Rights", "the Court of Appeals | for | the Third Circuit"). The two spans are one name when both
are organisations, only "for" (or "for the") stands between them, and the first ends with a
noun that takes such a complement (`purpose_heads`: League, Committee, Court, Ministry...). "a
report by Amnesty International for the United Nations" stays two: "International" is no such
noun.

The same cut at "and" in a couple's foundation ("the Bill | and | Melinda Gates Foundation"):
a lone given name the model took for a person, "and", then an organisation of three or more
words named after the other person (ending in an `org_endings` word) is one name.

And the cut before an object: an organisation's span that ends in a capitalised preposition
or "to <Verb>" ("the Global Coalition to Defeat | ISIS", "Iraq Veterans Against | the War")
runs on over the capitalised name after it.
"""

from __future__ import annotations

import re

from indexer.consistency import ORG_ENDINGS
from indexer.rule_data import word_list
from indexer.spans import Ent, overlaps

_FOR = re.compile(r" for (?:the )?")
PURPOSE_HEADS = frozenset(word_list("purpose_heads"))
_AND = re.compile(r" and ")


def join_cut_names(text: str, ents: list[Ent]) -> list[Ent]:
    """Adjacent "<Body> | for | <purpose>" organisation spans joined into one, and a body
    cut before its object run on over it."""
    ents = _run_on_objects(text, ents)
    out: list[Ent] = []
    for ent in ents:  # in text order, as the model gave them
        last = out[-1] if out else None
        if last and (_cut_at_for(text, last, ent) or _cut_at_and(text, last, ent)):
            out[-1] = Ent(last.start, ent.end, text[last.start:ent.end], "ORG")
        else:
            out.append(ent)
    return out


def _cut_at_for(text: str, ent: Ent, nxt: Ent) -> bool:
    words = ent.text.split()
    return (ent.label == nxt.label == "ORG" and not ent.fixed and not nxt.fixed
            and bool(words) and words[-1] in PURPOSE_HEADS
            and _FOR.fullmatch(text, ent.end, nxt.start) is not None)


def _cut_at_and(text: str, ent: Ent, nxt: Ent) -> bool:
    """ "Bill | and | Melinda Gates Foundation": a lone given name before a foundation."""
    words = nxt.text.split()
    return (ent.label == "PERSON" and nxt.label == "ORG" and not ent.fixed and not nxt.fixed
            and " " not in ent.text and len(words) >= 3 and words[-1] in ORG_ENDINGS
            and _AND.fullmatch(text, ent.end, nxt.start) is not None)


#: a name that ends where its object should follow: "... Against", "... to Defeat"
_OBJECT_CUT = re.compile(r"(?:\s(?:Against|Between|Without)|\sto\s[A-Z][a-z]+)$")
#: the object: a capitalised name right after, maybe with its article
_OBJECT = re.compile(r" (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}")


def _run_on_objects(text: str, ents: list[Ent]) -> list[Ent]:
    """Each unfixed organisation span cut before its object, run on over the object; the
    spans it then covers go."""
    longer = {id(e): Ent(e.start, end, text[e.start:end], "ORG")
              for e in ents if (end := _object_end(text, e))}
    if not longer:
        return ents
    spans = list(longer.values())
    return [longer.get(id(e), e) for e in ents
            if id(e) in longer or not any(overlaps(e, s) for s in spans)]


def _object_end(text: str, ent: Ent) -> int:
    """Where the object after an organisation's name cut before it ends (0: no such cut)."""
    if ent.label != "ORG" or ent.fixed or not _OBJECT_CUT.search(ent.text):
        return 0
    obj = _OBJECT.match(text, ent.end)
    return obj.end() if obj else 0
