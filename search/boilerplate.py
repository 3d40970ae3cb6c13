"""Boilerplate entities: values a corpus holds only because of how its sources write, not
what the articles are about: a source naming itself ("Wikinews spoke to..."), platform
phrases ("said on Twitter", "posted to her Facebook account"), credit lines ("Photo: AP").

Found once per generation among the frequent entities, from a bounded sample of the stored
mentions; flagged entities are left out of facet lists by default and stay searchable.
Each test of a mention is a named function with one signature; word lists are data
(search/data/boilerplate.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from search.entity_table import EntityTable
from search.facet_table import FacetTable
from search.folding import fold

WORDS_FILE = Path(__file__).resolve().parent / "data" / "boilerplate.yaml"


@dataclass(frozen=True)
class BoilerplateWords:
    platform_before: re.Pattern
    platform_after: re.Pattern
    credit_line: re.Pattern
    credit_line_chars: int
    min_docs: int
    min_share: float
    sample_docs: int
    min_boilerplate_share: float


@lru_cache(maxsize=1)
def boilerplate_words() -> BoilerplateWords:
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    return BoilerplateWords(
        platform_before=re.compile(rf"\b(?:{'|'.join(raw['platform_before'])})\s*$", re.I),
        platform_after=re.compile(rf"^\s*(?:{'|'.join(raw['platform_after'])})\b", re.I),
        credit_line=re.compile(rf"\b(?:{'|'.join(raw['credit_words'])})\b", re.I),
        credit_line_chars=int(raw["credit_line_chars"]),
        min_docs=int(raw["min_docs"]),
        min_share=float(raw["min_share"]),
        sample_docs=int(raw["sample_docs"]),
        min_boilerplate_share=float(raw["min_boilerplate_share"]),
    )


@dataclass(frozen=True)
class MentionContext:
    """One mention of a candidate value and the document around it."""

    value: str
    source: str
    body: str
    start: int
    end: int


def source_self_name(m: MentionContext, words: BoilerplateWords) -> bool:
    """The publication naming itself ("Wikinews spoke to ..." in a Wikinews article)."""
    name = fold(m.value)
    return len(name) > 2 and name in fold(m.source)


def platform_phrase(m: MentionContext, words: BoilerplateWords) -> bool:
    """A platform as the channel of a statement ("said on Twitter", "her Facebook account")."""
    before = m.body[max(0, m.start - 40):m.start]
    after = m.body[m.end:m.end + 20]
    return bool(words.platform_before.search(before) or words.platform_after.search(after))


def credit_line(m: MentionContext, words: BoilerplateWords) -> bool:
    """A short line crediting a photo or a source ("Image: Reuters", "Source: AP")."""
    line_start = m.body.rfind("\n", 0, m.start) + 1
    line_end = m.body.find("\n", m.end)
    line = m.body[line_start:line_end if line_end >= 0 else len(m.body)]
    return len(line) <= words.credit_line_chars and bool(words.credit_line.search(line))


MentionTest = Callable[[MentionContext, BoilerplateWords], bool]
#: a mention is boilerplate when any of these says so
MENTION_TESTS: tuple[MentionTest, ...] = (source_self_name, platform_phrase, credit_line)

#: docnum -> (source, body, stored mentions [start, end, facet, value])
DocReader = Callable[[int], tuple[str, str, list]]


def flag_boilerplate(table: FacetTable, entities: EntityTable, live: np.ndarray,
                     read_doc: DocReader) -> dict[int, str]:
    """Entity id -> the source that mostly holds it, for the entities whose sampled documents
    mention them only in boilerplate."""
    words = boilerplate_words()
    counts = np.diff(table.value_ptr)
    floor = max(words.min_docs, words.min_share * int(live.sum()))
    flagged = {}
    for eid in np.flatnonzero(counts >= floor).tolist():
        docs = np.unique(table.docs_of([eid]))
        docs = docs[live[docs]]
        source = _boilerplate_source(table.name, entities.entities[eid].alias_names,
                                     _sample(docs, words.sample_docs), read_doc, words)
        if source is not None:
            flagged[eid] = source
    return flagged


def _sample(docs: np.ndarray, size: int) -> np.ndarray:
    """Up to `size` documents spread evenly over the list (deterministic)."""
    if len(docs) <= size:
        return docs
    return docs[np.linspace(0, len(docs) - 1, size).astype(np.int64)]


def _boilerplate_source(facet: str, aliases: tuple[str, ...], docs: np.ndarray,
                        read_doc: DocReader, words: BoilerplateWords) -> str | None:
    """The most common source of the sample when enough of its documents are boilerplate-only;
    stops reading as soon as that share is out of reach."""
    wanted = set(aliases)
    needed = words.min_boilerplate_share * len(docs)
    sources: dict[str, int] = {}
    for read, docnum in enumerate(docs.tolist()):
        if sum(sources.values()) + len(docs) - read < needed:
            return None
        source, body, mentions = read_doc(int(docnum))
        found = [MentionContext(value, source, body, start, end)
                 for start, end, kind, value in mentions if kind == facet and value in wanted]
        if found and all(any(test(m, words) for test in MENTION_TESTS) for m in found):
            sources[source] = sources.get(source, 0) + 1
    if not len(docs) or sum(sources.values()) < needed:
        return None
    return max(sources, key=lambda s: (sources[s], s))
