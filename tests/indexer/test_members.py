"""A body's members and officers as actors ("the European Union and its Member States", "the
Secretary-General"): tied to the body the document names before them, never invented when it
names none."""

from __future__ import annotations

import pytest

from indexer.members import member_mentions, officer_mentions
from indexer.spans import Ent
from tests.indexer.entity_kit import resolved


def body(text: str, name: str, value: str | None = None, known: str | None = None) -> Ent:
    start = text.index(name)
    return Ent(start, start + len(name), name, "ORG", facet="actor", value=value or name,
               known=known)


def members(text: str, ents: list[Ent]) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in member_mentions(text, ents) if e.rule == "member"]


def test_capitalised_members_take_the_nearest_body_before_them():
    text = "The European Union and its Member States condemn the attack. The UN urged Member States."
    ents = [body(text, "European Union"), body(text, "UN", known="United Nations")]
    assert members(text, ents) == [("Member States", "EU member states"),
                                   ("Member States", "UN member states")]


def test_the_bodys_known_name_or_acronym_finds_its_members():
    text = "EU ministers met. Member States agreed."
    assert members(text, [body(text, "EU")]) == [("Member States", "EU member states")]
    text = "The Security Council urged all Member States to act."
    assert members(text, [body(text, "Security Council")]) == [("Member States", "UN member states")]


@pytest.mark.parametrize("text", [
    "Member States should act, said the EU.",  # no body before them
    "Acme Corp and its Member States agreed.",  # no body with member states
    "The EU met. Leaders said the member states of the bloc disagree.",  # lower case, not right after
])
def test_no_body_no_members(text):
    ents = [body(text, name) for name in ("EU", "Acme Corp") if name in text]
    assert members(text, ents) == []


def test_lower_case_members_only_right_after_the_body():
    text = "The EU's member states and 27 EU member states met."
    second = text.index("27 EU") + 3
    ents = [body(text, "EU"), Ent(second, second + 2, "EU", "ORG", facet="actor", value="EU")]
    assert members(text, ents) == [("member states", "EU member states")] * 2


def test_the_models_span_of_the_mention_gives_way_and_a_longer_name_stays():
    text = "The EU and the Member States spoke. The EU Member States Forum met."
    model = Ent(text.index("the Member"), text.index(" spoke"), "the Member States", "GPE",
                facet="place", value="Member States")
    forum = Ent(text.index("EU Member States Forum"), text.index(" met"),
                "EU Member States Forum", "ORG", facet="actor", value="EU Member States Forum")
    out = member_mentions(text, [body(text, "EU"), model, forum])
    assert model not in out and forum in out
    assert [(e.text, e.value) for e in out if e.rule == "member"] == \
        [("Member States", "EU member states")]


def test_through_the_rules():
    text = "The European Union and its Member States reiterate their support."
    assert ("Member States", "actor", "EU member states", "member") in resolved(
        text, [("ORG", "European Union"), ("GPE", "Member States")])


def officers(text: str, ents: list[Ent]) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in officer_mentions(text, ents) if e.rule == "body-office"]


def test_a_bare_office_is_the_officer_of_the_nearest_body_before_it():
    text = ("The United Nations is worried. The Secretary-General condemns the attack. "
            '"The EU", said the High Representative. The Secretary General spoke.')
    ents = [body(text, "United Nations"), body(text, "EU")]
    assert officers(text, ents) == [("Secretary-General", "UN Secretary-General"),
                                    ("High Representative", "EU High Representative"),
                                    ("Secretary General", "EU Secretary-General")]


@pytest.mark.parametrize("text", [
    "The Secretary-General spoke; the UN listened.",  # no body before it
    "Acme Corp met the Secretary-General.",  # no body with officers
    "The UN will elect the Secretary-General.",  # the office, not its holder
    "The UN met the Secretary-General of NATO.",  # someone else's office
    "The UN met the High Representative for Bosnia.",
    "The UN met the Secretary-General Antonio Guterres.",  # a name follows: the person's
])
def test_no_body_or_no_bare_office_no_officer(text):
    ents = [body(text, name) for name in ("UN", "Acme Corp") if name in text]
    assert officers(text, ents) == []


def test_an_office_tied_to_a_named_person_stays_the_persons():
    text = "The UN met Secretary-General Ban Ki-moon. The Secretary-General said."
    start = text.rindex("Secretary-General")
    role = Ent(start, start + 17, "Secretary-General", "PERSON", facet="actor",
               value="Ban Ki-moon", rule="role")
    assert officer_mentions(text, [body(text, "UN"), role]) == [body(text, "UN"), role]


def test_officers_through_the_rules():
    text = "The United Nations is worried. The Secretary-General strongly condemns the attack."
    assert ("Secretary-General", "actor", "UN Secretary-General", "body-office") in resolved(
        text, [("ORG", "United Nations")])
