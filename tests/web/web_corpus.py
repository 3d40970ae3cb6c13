"""A small hand-made corpus for the web tests, with entity mentions placed by hand (no spaCy)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from indexer.document import Document, Facets, Mention
from search import store
from search.schema import document_fields

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
SYRIA, LEBANON, QATAR, IRAQ = "Syria", "Lebanon", "Qatar", "Iraq"


@dataclass
class Article:
    """A test document: entity values are found in the text by their surface form."""

    id: str
    title: str
    text: str
    published: date | None
    source: str = "Levant Wire"
    url: str = ""
    actors: dict[str, str] = field(default_factory=dict)  # surface -> canonical actor
    places: dict[str, str] = field(default_factory=dict)  # surface -> canonical place
    dates: dict[str, str] = field(default_factory=dict)  # surface -> normalised date
    countries: dict[str, str] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    def document(self) -> Document:
        return Document(id=self.id, title=self.title, text=self.text, published=self.published,
                        source=self.source, url=self.url, path=f"{self.id}.md", meta=self.meta)

    def facets(self) -> Facets:
        mentions = [
            mention(self.text, surface, facet, value)
            for facet, table in (("actor", self.actors), ("place", self.places), ("date", self.dates))
            for surface, value in table.items()
        ]
        return Facets(
            actor=list(dict.fromkeys(self.actors.values())),
            place=list(dict.fromkeys(self.places.values())),
            date=list(dict.fromkeys(self.dates.values())),
            countries=dict(self.countries),
            mentions=sorted(mentions, key=lambda m: m.start),
        )


def mention(text: str, surface: str, facet: str, value: str) -> Mention:
    """The first occurrence of `surface` in `text` as a mention; fails loudly when absent."""
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, facet, value, rule="test")


HTS, ARMY, RUSSIA_AF = "Hayat Tahrir al-Sham", "Syrian Army", "Russian Air Force"
ALEPPO, IDLIB, HAMA, DAMASCUS = "Aleppo", "Idlib", "Hama", "Damascus"

ARTICLES = [
    Article(
        "reports/2024/aleppo-offensive", "Rebels launch offensive towards Aleppo",
        "Fighters of Hayat Tahrir al-Sham attacked positions of the Syrian Army west of Aleppo "
        "on 27 November.\n\nThe offensive started from Idlib province, residents said.",
        date(2024, 11, 28),
        actors={"Hayat Tahrir al-Sham": HTS, "Syrian Army": ARMY},
        places={"Aleppo": ALEPPO, "Idlib": IDLIB}, dates={"27 November": "2024-11-27"},
        countries={ALEPPO: SYRIA, IDLIB: SYRIA}, url="https://example.org/aleppo-offensive",
    ),
    Article(
        "reports/2024/aleppo-entered", "Rebels enter Aleppo as the army withdraws",
        "The Syrian Army withdrew from Aleppo on Saturday after rebels of Hayat Tahrir al-Sham "
        "entered the city.\n\nThousands fled towards Hama.",
        date(2024, 11, 30), source="Desk Report",
        actors={"Syrian Army": ARMY, "Hayat Tahrir al-Sham": HTS},
        places={"Aleppo": ALEPPO, "Hama": HAMA}, dates={"Saturday": "2024-11-30"},
        countries={ALEPPO: SYRIA, HAMA: SYRIA},
    ),
    Article(
        "reports/2024/russian-strikes", "Russian strikes hit Idlib and Aleppo",
        "The Russian Air Force struck Idlib and the outskirts of Aleppo, supporting the Syrian Army.",
        date(2024, 12, 1),
        actors={"Russian Air Force": RUSSIA_AF, "Syrian Army": ARMY},
        places={"Idlib": IDLIB, "Aleppo": ALEPPO}, countries={IDLIB: SYRIA, ALEPPO: SYRIA},
    ),
    Article(
        "reports/2024/hama-captured", "Rebels capture Hama",
        "Hayat Tahrir al-Sham said its fighters captured Hama on 5 December; the Syrian Army "
        "regrouped near Homs.",
        date(2024, 12, 5),
        actors={"Hayat Tahrir al-Sham": HTS, "Syrian Army": ARMY},
        places={"Hama": HAMA, "Homs": "Homs"}, dates={"5 December": "2024-12-05"},
        countries={HAMA: SYRIA, "Homs": SYRIA},
    ),
    Article(
        "reports/2024/doha-talks", "Foreign ministers meet in Doha",
        "Abbas Araghchi met Hakan Fidan and Sergey Lavrov in Doha to discuss a ceasefire.",
        date(2024, 12, 7), source="Gulf Desk",
        actors={"Abbas Araghchi": "Abbas Araghchi", "Hakan Fidan": "Hakan Fidan",
                "Sergey Lavrov": "Sergey Lavrov"},
        places={"Doha": "Doha"}, countries={"Doha": QATAR},
    ),
    Article(
        "reports/2024/lebanon-ceasefire", "Ceasefire holds in Lebanon",
        "A ceasefire between Hezbollah and Israel held in southern Lebanon on Wednesday.",
        date(2024, 11, 27),
        actors={"Hezbollah": "Hezbollah"}, places={"Lebanon": "Lebanon"},
        dates={"Wednesday": "2024-11-27"}, countries={"Lebanon": LEBANON},
    ),
    Article(
        "reports/2024/iraq-border", "Syrian soldiers cross into Iraq",
        "Hundreds of soldiers of the Syrian Army crossed into Iraq at Al-Qaim.",
        date(2024, 12, 7),
        actors={"Syrian Army": ARMY}, places={"Al-Qaim": "Al-Qaim"},
        countries={"Al-Qaim": IRAQ},
    ),
    Article(
        "reports/2025/transition", "Transition talks in Damascus",
        "Hayat Tahrir al-Sham leaders met ministers in Damascus to plan the transition.",
        date(2025, 1, 10),
        actors={"Hayat Tahrir al-Sham": HTS}, places={"Damascus": DAMASCUS},
        countries={DAMASCUS: SYRIA},
    ),
]

XSS_ARTICLE = Article(
    "xss/payload", f"{XSS_SCRIPT} Evil title {XSS_IMG}",
    f"Body with {XSS_SCRIPT} and {XSS_IMG} inside, near Evilplace.",
    date(2024, 12, 2), source=f"{XSS_SCRIPT}Source", url="javascript:alert(1)",
    actors={XSS_IMG: XSS_IMG}, places={"Evilplace": "Evilplace"},
    countries={"Evilplace": XSS_SCRIPT}, meta={"author": XSS_SCRIPT},
)


def article_fields(articles: list[Article]) -> list[dict]:
    """The stored fields of `articles`, as the builder gives them to any backend."""
    return [document_fields(a.document(), a.facets()) for a in articles]


def build_index(index_dir: Path, articles: list[Article]) -> Path:
    """Write `articles` into a new generation of `index_dir` and publish it."""
    path, ix = store.create_generation(index_dir)
    writer = ix.writer()
    for article in articles:
        writer.add_document(**document_fields(article.document(), article.facets()))
    writer.commit()
    store.publish(index_dir, path)
    return index_dir
