"""Places listed with places (class 2 of issue 10): a coordinated list ("A, B and C") holds
things of one kind, so a one-word name the model called a person or an organisation is a
place when most of the other names in its list are places ("services were not offered at
Elburgon, Gilgil, Njoro and Bahati hospitals", "between Kells and Virginia", "Edgewater and
Weehawken docks"). Left alone: names of two words or more (people are listed with places
by their full names: "Rubio of Florida, and David Perdue of Georgia"), except an organisation
of two words in a list of four or more ("Sennar, and Blue Nile"), all-capital names,
peoples, words of the document's person names, fixed spans (known and watchlist names such
as Hamas or NATO), and, in a list of two, an organisation's name the gazetteer does not know
("Israel and Fatah")."""

from __future__ import annotations

import re

from indexer.consistency import open_mention, person_words
from indexer.countries import is_people
from indexer.gazetteer import Gazetteer
from indexer.rule_data import alternation, body_endings
from indexer.spans import Ent, replace

#: what stands between two names of one list: a comma, "and" or "or" (maybe after a comma)
LIST_GLUE = re.compile(r"[ \t]*(?:,|,?[ \t]*\b(?:and|or)\b)[ \t]*")
_COORDINATOR = re.compile(r"\b(?:and|or)\b")


def listed_places(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """The spans with each one-word actor listed among places made a place, at every open
    mention of its name (the rule runs after `consistency`, which gave the document's other
    mentions of the list's places their facet: "between Markoye and Tokabangou")."""
    persons = _person_words(ents)
    chosen = {ents[i].key for items in _lists(text, ents)
              for i in _actors_among_places(items, ents, text, gazetteer, persons)}
    if not chosen:
        return ents
    return [replace(e, facet="place", value=None, rule="listed-place", fixed=True)
            if e.key in chosen and open_mention(e) else e for e in ents]


def _person_words(ents: list[Ent]) -> set[str]:
    """The words of the person names still actors (not of a span the model called a person
    that a rule has made a place: "Kells Garda Station")."""
    return person_words([e for e in ents if e.facet == "actor"])


def name_runs(text: str, ents: list[Ent]) -> list[list[int]]:
    """The indices of the actor and place spans in text order, in runs of names joined by
    commas, "and" or "or" (`LIST_GLUE`); a name alone is a run of one."""
    named = sorted((i for i, e in enumerate(ents) if e.facet in ("actor", "place")),
                   key=lambda i: ents[i].start)
    runs, run = [], named[:1]
    for i in named[1:]:
        previous = ents[run[-1]]
        if ents[i].start > previous.end and LIST_GLUE.fullmatch(text, previous.end, ents[i].start):
            run.append(i)
            continue
        runs.append(run)
        run = [i]
    runs.append(run)
    return runs


def _lists(text: str, ents: list[Ent]) -> list[list[int]]:
    """Runs of names joined by commas, "and" or "or", with at least one "and" or "or", that
    no noun of kin introduces."""
    return [r for r in name_runs(text, ents) if len(r) > 1
            and _COORDINATOR.search(text, ents[r[0]].end, ents[r[-1]].start)
            and not _KIN_BEFORE.search(text, max(0, ents[r[0]].start - 30), ents[r[0]].start)]


#: a noun of kin right before a list: its names are people's ("sisters Anna and Mariya")
_KIN_BEFORE = re.compile(r"\b(?:" + alternation("kin_nouns") + r")[ \t]+$")


def _actors_among_places(items: list[int], ents: list[Ent], text: str, gazetteer: Gazetteer,
                         persons: set[str]) -> list[int]:
    """The list's one-word actors most of whose fellow names are places: place spans, or
    names the gazetteer knows that the model did not call people ("Elizabeth and Susan" are
    daughters, though a town is called Elizabeth)."""
    placed = {i for i in items if ents[i].facet == "place"
              or (ents[i].label != "PERSON" and gazetteer.lookup(ents[i].text))}
    return [i for i in items if (_candidate(ents[i], text, len(items), gazetteer, persons)
                                 and 2 * len(placed - {i}) > len(items) - 1)
            or (4 * len(placed - {i}) >= 3 * (len(items) - 1)
                and _person_pair(ents[i], text, len(items)))]


def _candidate(ent: Ent, text: str, size: int, gazetteer: Gazetteer, persons: set[str]) -> bool:
    """An open one-word person or organisation, no people's, acronym's or person's word, with
    no capitalised word before it ("Mrs. Potts and Belle"); in a list of two, an organisation
    only when the gazetteer knows its name."""
    if not (_open_single_name(ent) or _open_pair(ent, size)) or is_people(ent.text) \
            or ent.text in persons \
            or _CAPITALISED_BEFORE.search(text, max(0, ent.start - 30), ent.start):
        return False
    return ent.label == "PERSON" or size > 2 or gazetteer.lookup(ent.text) is not None


def _open_single_name(ent: Ent) -> bool:
    """An unfixed person or organisation actor of one capitalised word, no acronym."""
    word = ent.text
    return ent.facet == "actor" and not ent.fixed and ent.label in ("PERSON", "ORG") \
        and " " not in word and word[:1].isupper() and not word.isupper()


#: the fewest names a list holds for an organisation of two words in it to be a place
_PAIR_LIST_SIZE = 4


def _open_pair(ent: Ent, size: int) -> bool:
    """An unfixed organisation actor of two capitalised words, not a body's ("White Nile,
    North Kordofan, Sennar, and Blue Nile"; not "Sennar and Sudan Airways"), in a list of
    four names or more (people are listed with places by full names, and the model tags
    them persons)."""
    words = ent.text.split()
    return size >= _PAIR_LIST_SIZE and ent.facet == "actor" and not ent.fixed \
        and ent.label == "ORG" and len(words) == 2 and all(w[:1].isupper() for w in words) \
        and not ent.text.isupper() and words[-1] not in body_endings()


#: the fewest names a list holds for a person's name of two words in it to be a place
_PERSON_PAIR_LIST_SIZE = 5


def _person_pair(ent: Ent, text: str, size: int) -> bool:
    """Class 2: "Quetta, Sibi, Harnai, Pishin, Qila Saifullah, Chaman, Ziarat and Zhob" - an
    unfixed person's name of two capitalised words in a list of five names or more, three in
    four of its other names places (the caller checks), its last word nowhere else in the
    text (a person listed with places is named again: "Rubio of Florida, and David Perdue of
    Georgia")."""
    words = ent.text.split()
    return size >= _PERSON_PAIR_LIST_SIZE and ent.facet == "actor" and not ent.fixed \
        and ent.label == "PERSON" and len(words) == 2 and all(w[:1].isupper() for w in words) \
        and not ent.text.isupper() and len(re.findall(rf"\b{re.escape(words[-1])}\b", text)) == 1


#: a capitalised word (maybe abbreviated) right before a name: its first part or a title
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*\.?[ \t]+$")
