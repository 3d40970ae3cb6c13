"""The type prior (error class 5 of issue 10): products, software, spacecraft, vessels, works
and events that the model tags as organisations or people are no actors.

The evidence is the document's own wording around a name, with the cue words as data
(indexer/data/type_cues.txt), not a list of names:

- a type noun in apposition before the name: "the browser Firefox", "the TV show Friends",
  "NASA's space probe Stardust", "cargo ship MV X" (a vessel prefix counts too);
- a type noun right after the name, which a determiner or possessive opens: "the Firefox
  browser", "its Falcon Heavy rocket", "the Glastonbury festival";
- a type noun leading the name itself: "Space Shuttle Atlantis", "Spacecraft Stardust" (not
  before a plural: "Film Critics Circle"), or the one the name is about before its complement:
  "Festival of Britain" (journals and magazines are outlets, actors as newspapers are);
- an apposition a type noun heads: "Suits, a Toronto-shot legal series";
- a year alone in brackets right after the name: "Match Point (2005)" (not an author cited:
  a one-word name, "Jespersen (1924)", "Cruse and Croft (2004)", or a person's full name after
  "by" or an occupation or before an author's verb, "popularized by Henry Jenkins (2006)",
  "sociologist William Graham Sumner (1906)", "Denis Dutton (2010) provides");
- a car maker's name (data) with its model or after "a"/"an": "a grey Subaru Outback", "a
  blue Honda" (and that maker's bare name in the document, unless it speaks: "Toyota said");
- the name as the object of a verb whose objects are products or works: "launched Falcon 9",
  "released Windows 11", "will stream The Mandalorian" (organisations only: "Iran released
  Nazanin Zaghari-Ratcliffe" names a person, so the model's PERSON spans need a noun cue).

One cue types every mention of that name in the document, a cue next to a mention the model
left untagged too ("the Crew Dragon spacecraft" untagged types "the next Crew Dragon mission").
A maker keeps its facet: a name
that is the subject of such a verb anywhere in the document ("SpaceX launched Falcon 9",
"Netflix will stream it"), that a role in an organisation follows ("LibriVox founder") or that
ends like an organisation ("Boeing Company") is an actor whatever noun follows it. Places the
gazetteer knows keep theirs before a type noun ("a United States spacecraft"). The pipeline runs the model's NER only (no parser, to
keep the cost within 1.15 x the bare model), so the cues are read from the words next to the
span rather than from dependency arcs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from indexer.casing import is_lower_case_word
from indexer.consistency import ORG_ENDINGS, open_mention, plural_name, states
from indexer.names import name_head
from indexer.rule_data import alternation, word_list
from indexer.spans import Ent, SpanIndex, replace

#: how far before or after a span its cue is looked for
WINDOW = 60
#: the lower-case words the before-cue may hold between its determiner and its type noun ("the
#: upcoming live action movie Black Panther")
MAX_MODIFIERS = 3


WORK_NOUNS = alternation("work_nouns")
WORK_VERBS = alternation("work_verbs")
MAKER_AUXILIARIES = alternation("maker_auxiliaries")
VESSEL_PREFIXES = alternation("vessel_prefixes")
# Patterns are built from the data lists; what stays here is only their grammar (determiner,
# lowercase modifiers, the span boundary), which is code.
_OPENER = r"(?:\b(?:the|its|a|an|their|his|her|our|this|that)|['’]s)"
#: a type noun (or its plural, "the films X"; no verb's form: "the video shows Aleppo") in
#: apposition before the name, maybe with the title's own article outside the span ("the play
#: The Tempest"), a vessel prefix, or a word that introduces a title ("a pilot titled Young
#: MacGyver"). A vessel prefix is matched as written: "ITS Libeccio" is the ship, "its Kabul
#: office" no vessel
_NOUN_BEFORE = re.compile(
    rf"(?:{_OPENER}\s+(?:[a-z][\w-]*\s+){{0,{MAX_MODIFIERS}}}"
    rf"(?:{alternation('work_noun_plurals')}|{WORK_NOUNS})"
    rf"|\b(?-i:{VESSEL_PREFIXES})\b|\b(?:{alternation('title_words')}))[,:]?[ \t]+[\"“‘']?"
    r"(?:The[ \t]+)?$", re.I)
#: after the name: at most one lowercase modifier ("the EastMed gas pipeline"), and no other
#: name after the noun ("the Netflix series Stranger Things": Netflix is its maker)
_NOUN_AFTER = re.compile(rf"[\"”’']?\s+(?:[a-z]+\s+)?(?:{WORK_NOUNS})\b"
                         r"(?![ \t]+[\"“‘']?[A-Z])")
#: what follows the head noun of a phrase, not a noun it modifies ("a film studio")
_HEAD_FOLLOWS = r"(?:of|by|that|which|who|about|from|in|on|with|for|and|starring|set|based)\b"
#: an apposition after the name that a type noun heads: "Suits, a Toronto-shot legal series",
#: "Maximum Ride, a film"; its modifiers are no function words, which end the head's phrase
#: ("Reynato Lanoria, a janitor on the ship": a janitor, no ship; class 5 the other way)
_APPOSITION_AFTER = re.compile(rf",\s+(?:a|an)\s+(?:(?!{_HEAD_FOLLOWS}|the\b)[\w-]+\s+)"
                               rf"{{0,{MAX_MODIFIERS + 1}}}?"
                               rf"(?:{WORK_NOUNS})(?=\s*[,.;:)!?]|\s*$|\s+{_HEAD_FOLLOWS})")
_OPENED = re.compile(rf"{_OPENER}\s+(?:[a-z][\w-]*\s+)?[\"“‘']?$", re.I)
_VERB_BEFORE = re.compile(
    rf"\b(?:{WORK_VERBS})\s+(?:(?:the|its|a|an|their|his|her)\s+)?"
    r"(?:new\s+|latest\s+)?[\"“‘']?$")
_MAKER_AFTER = re.compile(
    rf"['’]?\s+(?:(?:{MAKER_AUXILIARIES})\s+)*(?:{WORK_VERBS})"
    r"\s+(?:(?:the|its|a|an|their|his|her|our|two|three|several)\s|[A-Z0-9\"“])")
#: a role in an organisation right after the name: "LibriVox founder Hugh McGuire"
_ROLE_AFTER = re.compile(rf"['’]?s?\s+(?:{alternation('maker_roles')})\b", re.I)
#: the span is only the start of a longer title: "Doris Day's Best Friends", "Bob Lazar: Area
#: 51 & Flying Saucers"
_TITLE_GOES_ON = re.compile(r"(?:['’]s|:)?[ \t]+[A-Z]")
_LEADING_NOUN = re.compile(rf"^(?:{WORK_NOUNS})\s+\S", re.I)
#: a year alone in brackets right after the name: a work's release ("Match Point (2005)");
#: a person's years have a range or a word ("(1700-1782)", "(born 1960)")
_YEAR_AFTER = re.compile(r"[\"”’']?[ \t]*\((?:c\.\s*)?\d{4}\)")


#: the one-word type nouns, lower case
_WORK_NOUN_SET = frozenset(entry.lower() for entry in word_list("work_nouns") if " " not in entry)
#: every word of every cue, lower case: one pass over the document's words finds where cues
#: may be, and only mentions near one are looked at closely (the full patterns are slow)
CUE_WORDS = frozenset(word.lower() for name in ("work_nouns", "work_noun_plurals",
                                                "work_verbs", "vessel_prefixes", "title_words")
                      for entry in word_list(name) for word in entry.split())
_WORD = re.compile(r"[A-Za-z]+")


def _cue_near(starts: list[int], ent: Ent) -> bool:
    """True when some cue word starts within the window around the mention (or inside it)."""
    i = bisect_left(starts, ent.start - WINDOW)
    return i < len(starts) and starts[i] <= ent.end + WINDOW


def typed_as_work(text: str, ent: Ent, is_place: Callable[[str], bool]) -> bool:
    """True when a cue next to this mention makes it a product, work, vessel or event. The
    cues after a name do not make a work of a place the gazetteer knows ("a United States
    spacecraft"), but do of the model's place it does not ("the Crew Dragon spacecraft")."""
    before = text[max(0, ent.start - WINDOW):ent.start]
    if _NOUN_BEFORE.search(before) or _led_by_type_noun(ent.text) \
            or _headed_by_type_noun(ent.text) or _instrument_actor(ent, text):
        return True
    return not (ent.label == "GPE" and is_place(ent.text)) and _cued_after(text, ent, before)


def _cued_after(text: str, ent: Ent, before: str) -> bool:
    """The cues a place's name never takes: a bracketed year, a type noun after the name or
    heading its apposition, a product's verb before it (an organisation's only)."""
    if _released(text, ent) or _APPOSITION_AFTER.match(text, ent.end):
        return True
    if _NOUN_AFTER.match(text, ent.end) and _OPENED.search(before) and not ent.text.isupper():
        return True  # an acronym before a type noun is its maker ("the BBC documentary")
    return ent.label != "PERSON" and bool(_VERB_BEFORE.search(before))


def _released(text: str, ent: Ent) -> bool:
    """ "Match Point (2005)": a year alone in brackets after a name that is no author cited."""
    return bool(_YEAR_AFTER.match(text, ent.end)) and not _cited_author(text, ent)


#: the word before a second author: "Cruse and Croft (2004)", "by Croft (2004)"
_AUTHOR_BEFORE = re.compile(r"\b(?:and|&|by)\s+$")


#: an occupation right before a name: a word of `occupation_words` or one that ends like an
#: occupation ("sociologist", "anthropologist", "historian", "mathematician")
_OCCUPATION_BEFORE = re.compile(
    rf"\b(?:[a-z]+(?:ist|ian)|{alternation('occupation_words')})\s+$")


#: the year and an author's verb after the name: "Denis Dutton (2010) provides"
_CITING_AFTER = re.compile(rf"{_YEAR_AFTER.pattern}\s+(?:{alternation('citation_verbs')})\b")


def _cited_author(text: str, ent: Ent) -> bool:
    """ "Jespersen (1924)", "Cruse and Croft (2004)": a one-word name before a year is an
    author cited when the model calls it a person or an author's word precedes it; a
    full name is one after "by", whatever the model calls it ("used by Marsha Kinder (1991)",
    "by Giovanni Bellini (1505)", tagged an organisation), and a person's full name after an
    occupation or before an author's verb ("sociologist William Graham Sumner (1906)", "Denis
    Dutton (2010) provides"), where a film's title is not."""
    by_author = bool(_AUTHOR_BEFORE.search(text, max(0, ent.start - 6), ent.start))
    if " " not in ent.text:
        return ent.label == "PERSON" or by_author
    return by_author or ent.label == "PERSON" and (
        bool(_OCCUPATION_BEFORE.search(text, max(0, ent.start - 30), ent.start))
        or bool(_CITING_AFTER.match(text, ent.end)))


def _led_by_type_noun(name: str) -> bool:
    """ "Space Shuttle Atlantis", "Spacecraft Stardust": a type noun leads the name. Not when
    a plural follows it, which makes the noun a modifier of a body's members ("Film Critics
    Circle", "Game Developers Conference")."""
    return bool(_LEADING_NOUN.match(name)) \
        and not any(plural_name(word.lower()) for word in name.split()[1:])


def _headed_by_type_noun(name: str) -> bool:
    """A type noun is what a name with a complement is about: "Festival of Britain", "Book of
    Kells" (`name_head`)."""
    head = name_head(name)
    return head != name.split()[-1] and head.lower() in _WORK_NOUN_SET


#: last words of an instrument's or a craft's name ("James Webb Space Telescope")
_THING_ENDINGS = frozenset(word_list("thing_name_endings"))


#: the capitalised word right after a span
_NAME_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


def _instrument_actor(ent: Ent, text: str) -> bool:
    """An actor whose name ends with an instrument's, craft's or law's noun that heads it:
    "James Webb Space Telescope", "Polar Satellite Launch Vehicle", "the Voting Rights Act"
    (a place keeps its facet: "Very Large Telescope"; "Department of Motor Vehicles" is
    headed by its department), or one the model cut right before that noun ("its James Webb
    Space | Telescope", "the Typhoid Conjugate | Vaccine")."""
    if ent.facet != "actor":
        return False
    after = _NAME_WORD_AFTER.match(text, ent.end)
    if after and after[1].lower() in _THING_ENDINGS:
        return True
    words = ent.text.split()
    return words[-1].lower() in _THING_ENDINGS and name_head(ent.text) == words[-1]


def is_maker(text: str, ent: Ent) -> bool:
    """True when the mention is the subject of a work verb with an object ("SpaceX launched
    Falcon 9", "Netflix will stream the show"; "Friends aired on NBC" is the work), a role in
    an organisation follows it ("LibriVox founder"), or its name ends like an
    organisation's."""
    return bool(_MAKER_AFTER.match(text, ent.end) or _ROLE_AFTER.match(text, ent.end)) \
        or ent.text.split()[-1] in ORG_ENDINGS


def drop_works(text: str, ents: list[Ent], is_place: Callable[[str], bool]) -> list[Ent]:
    """Every actor or place mention of a name the document types as a product, work, vessel,
    weapon or event loses its facet, unless the document also shows the name as a maker. A
    mention that is only the start of a longer title ("Day's talk show Doris Day's Best
    Friends") is dropped alone: the singer Doris Day elsewhere stays an actor."""
    starts = _cue_starts(text)
    candidates = _mentions_near_cues(text, ents, starts)
    if candidates:
        candidates += _unspanned_near_cues(text, ents, starts)
    weapons = _weapons(text, ents, is_place) | _vehicles(text, ents, is_place)
    if not candidates and not weapons:
        return ents
    works, spans = _typed_as_works(text, candidates, ents, is_place)
    works |= weapons
    return [replace(e, facet=None, value=None, rule="type-prior")
            if open_mention(e) and (e.key in works or (e.start, e.end) in spans) else e
            for e in ents]


def _cue_starts(text: str) -> list[int]:
    """Where the document's cue words start."""
    return [m.start() for m in _WORD.finditer(text) if m[0].lower() in CUE_WORDS]


def _mentions_near_cues(text: str, ents: list[Ent], starts: list[int]) -> list[Ent]:
    """The unfixed actor and place mentions with a cue word near them or an instrument's,
    craft's or law's word ending them ("the Voting Rights Act"), and the model's product and
    work mentions of their names ("the ferry “Ierapetra”" tagged a product types
    "onboard the Ierapetra" tagged a person)."""
    named = {e.key for e in ents if open_mention(e)}
    return [e for e in ents if (open_mention(e) or _thing_of(e, named)) and _cued(text, e, starts)]


def _thing_of(ent: Ent, named: set[str]) -> bool:
    """A product's or work's span of the model with the name of an actor or place mention."""
    return ent.facet is None and ent.label in _THING_LABELS and ent.key in named


def _cued(text: str, ent: Ent, starts: list[int]) -> bool:
    """A cue word near the mention, a year in brackets after it or a thing's word ending it."""
    return _cue_near(starts, ent) or bool(_YEAR_AFTER.match(text, ent.end)) \
        or _instrument_actor(ent, text)


#: the model's labels of products and works: no facet, but what types the name elsewhere
_THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART"})


def _unspanned_near_cues(text: str, ents: list[Ent], starts: list[int]) -> list[Ent]:
    """The names of the open mentions where the text writes them again near a cue word and
    the model made no span ("the Crew Dragon spacecraft" untagged, "the next Crew Dragon
    mission" tagged): what types a name there types every mention of it."""
    names = {e.text: e for e in ents if open_mention(e)}
    tagged = SpanIndex(ents)
    found: dict[int, Ent] = {}
    for start in starts:
        low = max(0, start - WINDOW)
        window = text[low:start + WINDOW]
        for name, ent in names.items():
            at = window.find(name)
            while at >= 0:
                ghost = replace(ent, start=low + at, end=low + at + len(name))
                if _whole_words(text, ghost) and not tagged.overlaps(ghost):
                    found[ghost.start] = ghost
                at = window.find(name, at + 1)
    return list(found.values())


def _whole_words(text: str, ent: Ent) -> bool:
    """The span neither starts nor ends inside a word."""
    return not (text[ent.start - 1:ent.start].isalnum() or text[ent.end:ent.end + 1].isalnum())


def _typed_as_works(text: str, candidates: list[Ent], ents: list[Ent],
                    is_place: Callable[[str], bool]) -> tuple[set[str], set[tuple[int, int]]]:
    """(keys of the names typed as works wherever they stand, (start, end) of the mentions
    typed as works, which include the start of a longer title), makers excepted: a name any
    of whose mentions is a maker's."""
    cued = [e for e in candidates if typed_as_work(text, e, is_place)]
    makers = _makers(text, {e.key for e in cued}, ents)
    cued = [e for e in cued if e.key not in makers]
    works = {e.key for e in cued if not _TITLE_GOES_ON.match(text, e.end)}
    return works | _defined_acronyms(text, cued) | _short_thing_names(text, cued), \
        {(e.start, e.end) for e in cued}


def _short_thing_names(text: str, works: list[Ent]) -> set[str]:
    """The keys of the words an instrument's or craft's name is called by alone ("the
    James Webb Space Telescope ... the promise of Webb", "Hubble" of the Hubble Space
    Telescope): its capitalised words before the last, when the name is typed by its thing's
    word (class 5; the person the thing is named after is rarely the story's actor too)."""
    instruments = [e for e in works if _instrument_actor(e, text)]
    return {w.lower() for e in instruments for w in e.text.split()[:-1]
            if w[:1].isupper() and w.lower() not in _WORK_NOUN_SET}


#: an acronym set off in brackets right after a name, maybe past the word the model cut off
#: ("the Typhoid Conjugate Vaccine (TCV)")
_ACRONYM_AFTER = re.compile(r"(?:[ \t]+[A-Z][a-z]+)?[ \t]*\(([A-Z]{2,8})\)")


def _defined_acronyms(text: str, works: list[Ent]) -> set[str]:
    """The acronyms the text defines for names typed as works: "the Typhoid Conjugate Vaccine
    (TCV)" makes every "TCV" the vaccine too, no body the model's label would make it."""
    return {m[1].lower() for e in works if (m := _ACRONYM_AFTER.match(text, e.end))}


def _makers(text: str, keys: set[str], ents: list[Ent]) -> set[str]:
    """The keys among `keys` that some open mention shows as a maker."""
    return {e.key for e in ents if e.key in keys and open_mention(e) and is_maker(text, e)}


def _may_be_weapon(ent: Ent, is_place: Callable[[str], bool]) -> bool:
    """An actor, or a place the gazetteer does not know."""
    return ent.facet == "actor" or (ent.facet == "place" and not is_place(ent.text))


#: a weapon noun after a name, maybe after a model number and one modifier ("Paveway IV guided
#: bombs", "Grad missiles")
_WEAPON_AFTER = re.compile(rf"(?:\s+[A-Z0-9-]+)?\s+(?:[a-z]+\s+)?(?:{alternation('weapon_nouns')})\b")


def _weapons(text: str, ents: list[Ent], is_place: Callable[[str], bool]) -> set[str]:
    """Keys of the actor names, and of the place names the gazetteer does not know, that a
    weapon noun follows wherever the text writes them ("Kassam rockets" twice, "Katyusha
    rockets" tagged a place; not "Hamas", also written alone, nor "Gaza rockets"), makers
    excepted."""
    keys = {e.key: e.text for e in ents if open_mention(e) and _may_be_weapon(e, is_place)
            and _WEAPON_AFTER.match(text, e.end) and not is_maker(text, e)}
    return {key for key, name in keys.items()
            if all(_WEAPON_AFTER.match(text, m.end())
                   for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))}


_MAKES = frozenset(word_list("vehicle_makes"))
#: "a grey", "an old blue": an indefinite article and up to two lower-case words before a name,
#: none a function word ("A section of Ford Kenya" names a party)
_INDEFINITE_BEFORE = re.compile(r"\b[Aa]n?(?:\s+(?!(?:" + alternation("trailing_function_words")
                                + r")\b)[a-z]+){0,2}\s+$")
#: a car's model after its make: a capitalised or alphanumeric word ("Outback", "XC90", "CR-V")
_MODEL = re.compile(r"[A-Z0-9][\w-]*$")
#: a determiner or a number word before a maker's bare name: a car counted ("one Toyota
#: Hilux"), not a name of which something is ("A section of Ford Kenya")
_COUNTED = re.compile(r"\b(?i:" + alternation("counted_determiners") + r")\s+$")
#: the word right after a maker's bare name, on the same line
_MODEL_AFTER = re.compile(r"[ \t]([A-Z0-9][\w-]*)\b")


def _vehicles(text: str, ents: list[Ent], is_place: Callable[[str], bool]) -> set[str]:
    """Keys of the cars a document names: a maker's name with a model after it ("Subaru
    Outback", "Vauxhall Vectra"; not a place: "Ford Kenya" is a party) or after "a"/"an" ("a
    blue Honda CRV" tagged "Honda"), and the maker's bare name in that document ("the
    Vauxhall driver"), unless a mention shows the name speaking or making ("Toyota said")."""
    open_ents = [e for e in ents if open_mention(e)]
    keys = _car_keys(text, open_ents, is_place)
    return keys - {e.key for e in open_ents if e.key in keys and _speaks(text, e)}


def _car_keys(text: str, ents: list[Ent], is_place: Callable[[str], bool]) -> set[str]:
    """The keys of the cars' mentions and of their makers' bare names."""
    after_makes = {m.group(1) for m in _MAKE_AND_WORD.finditer(text)}
    cars = [e for e in ents if _names_a_car(text, e, is_place, after_makes)]
    makes = {e.text.split()[0] for e in cars}
    return {e.key for e in cars} | {e.key for e in ents if e.text in makes}


def _speaks(text: str, ent: Ent) -> bool:
    """The maker, not its car: a maker's cue, or a verb of statement after it ("Toyota
    said")."""
    return is_maker(text, ent) or states(text, ent.end)


#: a car maker's name, a blank and the word after it: "a Nissan Navara", which the model left
#: untagged or cut to "Navara"
_MAKE_AND_WORD = re.compile(r"(?<![\w-])(?:" + alternation("vehicle_makes")
                            + r")[ \t]+(?=([A-Z0-9][\w-]*))")


def _a_makes_model(ent: Ent, is_place: Callable[[str], bool], after_makes: set[str]) -> bool:
    """One word, shaped as a model's name, no place the gazetteer knows, that the document
    writes right after a car maker's name somewhere (`after_makes`: "the Navara driver"
    after "a Nissan Navara")."""
    return " " not in ent.text and bool(_MODEL.match(ent.text)) and not is_place(ent.text) \
        and ent.text in after_makes


def _names_a_car(text: str, ent: Ent, is_place: Callable[[str], bool],
                 after_makes: set[str]) -> bool:
    words = ent.text.split()
    if words[0] not in _MAKES:
        return _a_makes_model(ent, is_place, after_makes)
    if len(words) == 1 and _COUNTED.search(text, max(0, ent.start - 30), ent.start):
        after = _MODEL_AFTER.match(text, ent.end)  # the model cut it: "one Toyota | Hilux"
        words += [after.group(1)] if after and not is_lower_case_word(after.group(1)) else []
    return (len(words) == 2 and bool(_MODEL.match(words[1])) and not is_place(words[1])) \
        or bool(_INDEFINITE_BEFORE.search(text, max(0, ent.start - 30), ent.start))
