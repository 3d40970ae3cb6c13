"""Class 3 (non-names): a place or body run into a person's name by the model.

A title with its place or body ("First Minister of Scotland Nicola Sturgeon", "Senator from
Vermont Bernie Sanders", "Speaker of the House Nancy Pelosi") leaves, once the title words
are trimmed, one span that starts with the place or body. After "of" or "from", the leading
words of such a span that name a place the gazetteer knows, or a body (one the document
names apart, or a bare legislature noun), are that place or body, and the words after them
are the person when the document names that person elsewhere (the surname, or a full name
that starts the same), or, in a span the model labelled PERSON, when they are a full name; in
such a span the place or body must be one the document names apart; after a bare legislature
noun ("the House", which starts no person's name) a full name is the person whatever the label. Leading words that begin
another person's name in the document are never split off, and a span that is itself a
known place ("Puerto Rico") stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from indexer.rule_data import body_endings
from indexer.spans import Ent

#: at most this many leading words can be the run-in place or body
MAX_PREFIX_WORDS = 3
_WORD = re.compile(r"\S+")
#: the span follows a title's "of" / "from" ("President of India Pranab Mukherjee")
_AFTER_OF = re.compile(r"\b(?:of|from)\s+(?:the\s+)?$")
#: the model labels of a run-in span, and of a place or body named apart
_RUN_IN = frozenset({"PERSON", "ORG", "GPE"})
_NON_PERSON = frozenset({"ORG", "GPE", "LOC", "FAC"})


def split_run_in_names(text: str, ents: list[Ent], is_place: Callable[[str], bool],
                       bare_bodies: Collection[str]) -> list[Ent]:
    """Spans after "of"/"from" split into the leading place or body and the person."""
    bodies = _bodies(ents, bare_bodies)
    out: list[Ent] = []
    for ent in ents:
        parts = None
        if _candidate(text, ent, is_place):
            persons = [e.key.split() for e in ents if e.label == "PERSON" and e is not ent]
            parts = _split(ent, bodies, persons, is_place, bare_bodies)
        out.extend(parts or (ent,))
    return out


def _bodies(ents: list[Ent], bare_bodies: Collection[str]) -> dict[str, str]:
    """Places and bodies named in the document (key -> label), and the bare legislatures."""
    bodies = dict.fromkeys(bare_bodies, "ORG")
    bodies.update({e.key: e.label for e in ents if e.label in _NON_PERSON})
    return bodies


def _candidate(text: str, ent: Ent, is_place: Callable[[str], bool]) -> bool:
    """A model span of several words, after "of"/"from", that is not itself a known place."""
    return not ent.fixed and ent.label in _RUN_IN and " " in ent.key \
        and _AFTER_OF.search(text[max(0, ent.start - 12):ent.start]) is not None \
        and not is_place(ent.text)


def _split(ent: Ent, bodies: dict[str, str], persons: list[list[str]],
           is_place: Callable[[str], bool], bare: Collection[str]) -> tuple[Ent, Ent] | None:
    words = list(_WORD.finditer(ent.text))
    firsts = {p[0] for p in persons if len(p) > 1}
    for k in range(min(MAX_PREFIX_WORDS, len(words) - 1), 0, -1):  # longest place first
        head = ent.text[:words[k - 1].end()]
        rest = ent.text[words[k].start():]
        head_key = " ".join(head.lower().split())
        if head_key.split()[0] in firsts or not _is_place_or_body(ent, head, bodies, is_place):
            continue
        if _is_person(ent, rest, persons, head_key in bare):
            first = Ent(ent.start, ent.start + len(head), head, bodies.get(head_key, "GPE"))
            return first, Ent(ent.start + words[k].start(), ent.end, rest, "PERSON")
    return None


def _is_place_or_body(ent: Ent, head: str, bodies: dict[str, str],
                      is_place: Callable[[str], bool]) -> bool:
    """The leading words are a place or body the document names apart; or, in a span the
    model did not take for a person's name, a place the gazetteer knows."""
    return " ".join(head.lower().split()) in bodies or (ent.label != "PERSON" and is_place(head))


def _is_person(ent: Ent, rest: str, persons: list[list[str]], after_bare: bool) -> bool:
    """The words after the place or body are capitalised and name a person: one whose
    surname or start the document names as a person, or two or more words where the model
    labelled the span PERSON or they follow a bare legislature noun ("Speaker of the House
    Nancy Pelosi": no person's name starts with "House")."""
    words = rest.split()
    if not all(w[0].isupper() for w in words):
        return False
    if after_bare and words[-1] in body_endings():
        return False  # "House | Judiciary Committee": a committee of the House, no person
    return ((ent.label == "PERSON" or after_bare) and len(words) > 1) \
        or _named_person(rest.lower().split(), persons)



def _named_person(words: list[str], persons: list[list[str]]) -> bool:
    """The document names a person with this surname, or whose name starts with these words."""
    return any(p[-1] == words[-1] or p[:len(words)] == words for p in persons)
