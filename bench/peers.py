"""The peer engines of bench/bench_peers.py: tantivy (embedded, Rust) and SQLite FTS5, each
set up the way its documentation suggests, answering the same request as search():
total, 20 hits with snippets, the disjunctive counts (top 10) of actor, place and date, and
a timeline by month of publication.

Both index the generated corpus (bench.gen_corpus) with their own analysers (tantivy's
English stemmer, FTS5's Porter stemmer); Trawl's stemmer is another one, so totals may
differ on some words: the bench counts and prints where.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from search.model import SearchRequest

FACET_NAMES = ("actor", "place", "date")
TOP = 10
HITS = 20
_EPOCH = date(1970, 1, 1)
MONTH_DAYS = 30


def periods(dates: Iterable[str]) -> list[str]:
    """Every mentioned date with the month and year enclosing it ("2011-03-02" -> also
    "2011-03", "2011"), so a date filter is one term, as Trawl's date filter selects."""
    found = []
    for value in dates:
        found.extend(value[:n] for n in (4, 7, 10) if len(value) >= n)
    return list(dict.fromkeys(found))


def day_number(day: date | None) -> int:
    return (day - _EPOCH).days if day else -1


def match_words(q: str) -> list[str]:
    """The query's words and quoted phrases, each an AND-ed part."""
    parts, rest = [], q
    while '"' in rest:
        before, _, after = rest.partition('"')
        phrase, _, rest = after.partition('"')
        parts.extend(before.split())
        parts.append(f'"{phrase}"')
    parts.extend(rest.split())
    return [p for p in parts if p.strip('"')]


def facet_filters(req: SearchRequest) -> dict[str, list[str]]:
    return {"actor": list(req.actor), "place": list(req.place), "date": list(req.date)}


def day_range(req: SearchRequest) -> tuple[int | None, int | None]:
    return (day_number(req.date_from) if req.date_from else None,
            day_number(req.date_to) if req.date_to else None)


class Tantivy:
    """tantivy-py: stemmed title/body with positions, raw fast fields for facets."""

    name = "tantivy"

    def __init__(self, path: Path):
        import tantivy

        self.t = tantivy
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
        builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
        for name in FACET_NAMES:
            builder.add_text_field(name, stored=False, fast=True, tokenizer_name="raw")
        builder.add_integer_field("day", stored=True, indexed=True, fast=True)
        self.schema = builder.build()
        path.mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(self.schema, path=str(path))

    def build(self, docs) -> None:
        writer = self.index.writer(heap_size=512 * 2**20, num_threads=2)
        for doc, facets in docs:
            writer.add_document(self.t.Document(
                id=doc.id, title=doc.title, body=doc.text, actor=facets.actor,
                place=facets.place, date=periods(facets.date), day=day_number(doc.published)))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def _text(self, q: str):
        words = match_words(q)
        if not words:
            return self.t.Query.all_query()
        return self.index.parse_query(" ".join(words), ["title", "body"],
                                      conjunction_by_default=True)

    def _filtered(self, text, req: SearchRequest, skip: str | None = None):
        occur = self.t.Occur.Must
        clauses = [(occur, text)]
        for facet, values in facet_filters(req).items():
            if values and facet != skip:
                clauses.append((occur, self.t.Query.term_set_query(self.schema, facet, values)))
        low, high = day_range(req)
        if low is not None or high is not None:
            clauses.append((occur, self.t.Query.range_query(
                self.schema, "day", self.t.FieldType.Integer, low, high)))
        return text if len(clauses) == 1 else self.t.Query.boolean_query(clauses)

    def search(self, req: SearchRequest) -> int:
        searcher = self.index.searcher()
        text = self._text(req.q)
        query = self._filtered(text, req)
        result = searcher.search(query, limit=HITS, count=True)
        if req.q.strip() and result.hits:
            snippets = self.t.SnippetGenerator.create(searcher, query, self.schema, "body")
            for _, address in result.hits:
                snippets.snippet_from_doc(searcher.doc(address)).to_html()
        for facet in FACET_NAMES:
            searcher.aggregate(self._filtered(text, req, skip=facet),
                               {"top": {"terms": {"field": facet, "size": TOP}}})
        searcher.aggregate(query, {"months": {"histogram": {"field": "day",
                                                            "interval": MONTH_DAYS}}})
        return result.count


class Fts5:
    """SQLite FTS5 as datasette serves a table: an FTS5 index over title and body, facets
    in a plain table, counts by GROUP BY over the matching rows."""

    name = "sqlite-fts5"

    def __init__(self, path: Path):
        self.path = path
        self.db = sqlite3.connect(str(path), check_same_thread=False)

    def build(self, docs) -> None:
        db = self.db
        db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE VIRTUAL TABLE text USING fts5(title, body, tokenize='porter unicode61');
            CREATE TABLE doc(rowid INTEGER PRIMARY KEY, id TEXT, day INTEGER);
            CREATE TABLE facet(doc INTEGER, name TEXT, value TEXT);
        """)
        for n, (doc, facets) in enumerate(docs, start=1):
            db.execute("INSERT INTO text(rowid, title, body) VALUES (?, ?, ?)",
                       (n, doc.title, doc.text))
            db.execute("INSERT INTO doc VALUES (?, ?, ?)", (n, doc.id, day_number(doc.published)))
            db.executemany("INSERT INTO facet VALUES (?, ?, ?)",
                           [(n, name, value) for name in FACET_NAMES
                            for value in (periods(facets.date) if name == "date"
                                          else getattr(facets, name))])
        db.executescript("""
            CREATE INDEX facet_value ON facet(name, value, doc);
            CREATE INDEX facet_doc ON facet(doc, name, value);
            CREATE INDEX doc_day ON doc(day);
            INSERT INTO text(text) VALUES ('optimize');
        """)
        db.commit()

    def _where(self, req: SearchRequest, skip: str | None = None) -> tuple[str, list]:
        """The rows matching the request (all filters but `skip`'s) as a rowid subquery."""
        words = match_words(req.q)
        sql = ("SELECT rowid FROM text WHERE text MATCH ?" if words else "SELECT rowid FROM doc")
        args: list = [" ".join(w if w.startswith('"') else f'"{w}"' for w in words)] if words \
            else []
        for facet, values in facet_filters(req).items():
            if values and facet != skip:
                marks = ",".join("?" * len(values))
                sql += (" AND" if " WHERE " in sql else " WHERE") + \
                    f" rowid IN (SELECT doc FROM facet WHERE name = ? AND value IN ({marks}))"
                args += [facet, *values]
        low, high = day_range(req)
        if low is not None or high is not None:
            sql += (" AND" if " WHERE " in sql else " WHERE") + \
                " rowid IN (SELECT rowid FROM doc WHERE day BETWEEN ? AND ?)"
            args += [low if low is not None else -2**31, high if high is not None else 2**31]
        return sql, args

    def search(self, req: SearchRequest) -> int:
        db = self.db
        matching, args = self._where(req)
        total = db.execute(f"SELECT count(*) FROM ({matching})", args).fetchone()[0]
        if req.q.strip():
            db.execute("SELECT rowid, snippet(text, 1, '<mark>', '</mark>', '…', 12) FROM text "
                       f"WHERE rowid IN ({matching}) AND text MATCH ? ORDER BY bm25(text) "
                       f"LIMIT {HITS}", [*args, args[0]]).fetchall()
        else:
            db.execute(f"SELECT id FROM doc WHERE rowid IN ({matching}) ORDER BY day DESC "
                       f"LIMIT {HITS}", args).fetchall()
        for facet in FACET_NAMES:
            subquery, sub_args = self._where(req, skip=facet)
            db.execute(f"SELECT value, count(*) AS n FROM facet WHERE name = ? AND doc IN "
                       f"({subquery}) GROUP BY value ORDER BY n DESC LIMIT {TOP}",
                       [facet, *sub_args]).fetchall()
        db.execute(f"SELECT day / {MONTH_DAYS}, count(*) FROM doc WHERE rowid IN ({matching}) "
                   "GROUP BY 1", args).fetchall()
        return total
