"""Tests for indexer.load: every input format, ids and paths, and every bad-input case."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from indexer.document import Document, Problem
from indexer.load import load_paths
from indexer.loaders.published import UnparseableDate, parse_published
from indexer.loaders.source import SourceFile

HTML_PAGE = """<html><head><title>Rebels take Aleppo - Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="date" content="2024-11-30">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://example.org/aleppo">
</head><body><nav>Home | World | Sport</nav><article><h1>Rebels take Aleppo</h1>
<p>Fighters led by Hayat Tahrir al-Sham entered Aleppo on Friday, residents said.</p>
<p>The Syrian army said it was redeploying troops around the city.</p></article>
<footer>Copyright Example News</footer></body></html>
"""


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run each test inside its own tmp_path so paths in reports are short and relative."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(name: str, content: str | bytes) -> str:
    """Create a file (and its folders) under the current folder; return its relative path."""
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return name


def load(*paths: str) -> list[Document | Problem]:
    return list(load_paths(list(paths)))


def doc(id: str, title: str, text: str, path: str, **fields) -> Document:
    return Document(id=id, title=title, text=text, path=path, **fields)


# --- text and Markdown -------------------------------------------------------------------


def test_txt_title_is_first_line_and_rest_is_text() -> None:
    write("news/raid.txt", "\n  Raid on Idlib  \n\nJets struck Idlib on Monday.\r\n\r\nTwo died.\n")
    assert load("news") == [
        doc("raid.txt", "Raid on Idlib", "Jets struck Idlib on Monday.\n\nTwo died.", "raid.txt"),
    ]


def test_txt_with_one_line_takes_title_from_file_name() -> None:
    write("brief.txt", "Shelling resumed near Homs.\n")
    assert load("brief.txt") == [doc("brief.txt", "brief", "Shelling resumed near Homs.", "brief.txt")]


def test_txt_whose_first_line_is_a_paragraph_keeps_it_in_the_text() -> None:
    first = "In a statement, the army said it had been clashing with militants. " * 3
    write("seed.txt", f"{first.strip()}\nA second paragraph.\n")
    assert load("seed.txt") == [
        doc("seed.txt", "seed", f"{first.strip()}\nA second paragraph.", "seed.txt"),
    ]


def test_md_front_matter_fills_fields_and_keeps_other_keys_as_meta() -> None:
    write(
        "reports/aleppo.md",
        "\ufeff---\ntitle: Rebels enter Aleppo\npublished: 2024-11-30\nsource: Example Wire\n"
        "url: https://example.org/a\nid: 42\ntags: [syria, aleppo]\nupdated: 2024-12-01\n---\n"
        "# Rebels enter Aleppo\n\nFighters entered the city on Friday.\n",
    )
    assert load("reports") == [
        doc(
            "42", "Rebels enter Aleppo", "# Rebels enter Aleppo\n\nFighters entered the city on Friday.",
            "aleppo.md", published=date(2024, 11, 30), source="Example Wire",
            url="https://example.org/a", meta={"tags": ["syria", "aleppo"], "updated": "2024-12-01"},
        ),
    ]


def test_md_front_matter_without_title_uses_heading_and_date_alias() -> None:
    write("a.md", "---\ndate: 4 January 2019\nauthor: R. Doe\n---\n## Blast in Magnitogorsk ##\n\nA building collapsed.\n")
    assert load("a.md") == [
        doc("a.md", "Blast in Magnitogorsk", "A building collapsed.", "a.md",
            published=date(2019, 1, 4), meta={"author": "R. Doe"}),
    ]


def test_md_without_front_matter_strips_heading_marks() -> None:
    write("b.md", "# Ceasefire in Lebanon\nThe truce took effect on Wednesday.\n")
    assert load("b.md") == [
        doc("b.md", "Ceasefire in Lebanon", "The truce took effect on Wednesday.", "b.md"),
    ]


# --- HTML --------------------------------------------------------------------------------


def test_html_main_text_and_metadata() -> None:
    write("web/aleppo.html", HTML_PAGE)
    assert load("web") == [
        doc(
            "aleppo.html", "Rebels take Aleppo",
            "Fighters led by Hayat Tahrir al-Sham entered Aleppo on Friday, residents said.\n"
            "The Syrian army said it was redeploying troops around the city.",
            "aleppo.html", published=date(2024, 11, 30), source="Example News",
            url="https://example.org/aleppo", meta={"author": "Jane Roe", "hostname": "example.org"},
        ),
    ]


def test_htm_in_declared_charset() -> None:
    write("cafe.htm", b'<html><head><meta charset="windows-1252"><title>Caf\xe9 reopens</title></head>'
          b"<body><p>Caf\xe9 owners in Damascus reopened on Sunday after the fighting.</p></body></html>")
    assert load("cafe.htm") == [
        doc("cafe.htm", "Café reopens", "Café owners in Damascus reopened on Sunday after the fighting.",
            "cafe.htm"),
    ]


# --- JSON --------------------------------------------------------------------------------


def test_jsonl_records_ids_aliases_and_meta() -> None:
    records = [
        {"id": "wn-1", "title": "Quake", "text": "A quake hit.", "published": "2019-01-04",
         "source": "Wikinews", "url": "https://w/1", "licence": "CC BY 2.5"},
        {"Title": "Flood", "body": "Rivers rose.", "date": "Fri, 04 Jan 2019 10:00:00 +0000"},
        {"id": 7, "content": "Talks began.", "text": " ", "tags": ["x"], "extra": None},
    ]
    lines = [json.dumps(records[0]), "", json.dumps(records[1]), json.dumps(records[2])]
    write("data/feed.jsonl", "\n".join(lines) + "\n")
    assert load("data/feed.jsonl") == [
        doc("wn-1", "Quake", "A quake hit.", "feed.jsonl", published=date(2019, 1, 4),
            source="Wikinews", url="https://w/1", meta={"licence": "CC BY 2.5"}),
        doc("feed.jsonl#L3", "Flood", "Rivers rose.", "feed.jsonl", published=date(2019, 1, 4)),
        doc("7", "", "Talks began.", "feed.jsonl", meta={"tags": ["x"]}),
    ]


def test_ndjson_is_json_lines() -> None:
    write("x.ndjson", '{"text": "One."}\r\n{"text": "Two."}\r\n')
    assert load("x.ndjson") == [
        doc("x.ndjson#L1", "", "One.", "x.ndjson"),
        doc("x.ndjson#L2", "", "Two.", "x.ndjson"),
    ]


def test_json_list_ids_are_item_positions() -> None:
    write("list.json", '[{"text": "First.", "source": "A"},\n {"text": "Second.", "id": "s"},'
          ' {"text": "Third."}]')
    assert load("list.json") == [
        doc("list.json#1", "", "First.", "list.json", source="A"),
        doc("s", "", "Second.", "list.json"),
        doc("list.json#3", "", "Third.", "list.json"),
    ]


def test_json_object_is_one_document() -> None:
    write("one.json", json.dumps({"title": "T", "text": "Body.", "lang": "en"}, indent=2))
    assert load("one.json") == [doc("one.json", "T", "Body.", "one.json", meta={"lang": "en"})]


def test_json_file_holding_json_lines() -> None:
    write("lines.json", '{"text": "A."}\n{"text": "B."}\n')
    assert load("lines.json") == [
        doc("lines.json#L1", "", "A.", "lines.json"),
        doc("lines.json#L2", "", "B.", "lines.json"),
    ]


# --- CSV ---------------------------------------------------------------------------------


def test_csv_rows_with_line_ids_meta_and_large_fields() -> None:
    long_text = "word " * 40_000  # 200 kB: larger than the csv module's default field limit
    write(
        "table.csv",
        "id,title,content,date,source,region\r\n"
        ',Strike,"Line one.\r\nLine two.",2024-11-29,Wire,North\r\n'
        "\r\n"
        f'r9,Big,"{long_text}",,,\r\n',
    )
    assert load("table.csv") == [
        doc("table.csv#L2", "Strike", "Line one.\nLine two.", "table.csv",
            published=date(2024, 11, 29), source="Wire", meta={"region": "North"}),
        doc("r9", "Big", long_text.strip(), "table.csv"),
    ]


# --- paths, ids and order ----------------------------------------------------------------


def test_folder_is_walked_recursively_in_sorted_order_skipping_hidden_and_unknown() -> None:
    write("corpus/b.txt", "B\nbee")
    write("corpus/a/z.md", "Z\nzed")
    write("corpus/a/deep/y.txt", "Y\nwhy")
    write("corpus/.hidden.txt", "H\nhidden")
    write("corpus/.git/c.txt", "C\nsee")
    write("corpus/photo.png", b"\x89PNG\x00")
    docs = load("corpus/")
    assert [(d.id, d.path, d.title) for d in docs] == [
        ("a/deep/y.txt", "a/deep/y.txt", "Y"),
        ("a/z.md", "a/z.md", "Z"),
        ("b.txt", "b.txt", "B"),
    ]


def test_glob_ids_are_relative_to_the_folder_before_the_wildcard() -> None:
    write("in/2019/a.txt", "A\nay")
    write("in/2020/sub/b.txt", "B\nbee")
    write("in/2020/c.md", "C\nsee")
    docs = load(os.path.join("in", "**", "*.txt"))
    assert [(d.id, d.path) for d in docs] == [("2019/a.txt", "2019/a.txt"), ("2020/sub/b.txt", "2020/sub/b.txt")]


def test_glob_matching_folders_walks_them() -> None:
    write("in/2019/a.txt", "A\nay")
    write("in/2020/b.md", "B\nbee")
    write("in/notes/c.txt", "C\nsee")
    docs = load(os.path.join("in", "20*"))
    assert [(d.id, d.path) for d in docs] == [("2019/a.txt", "2019/a.txt"), ("2020/b.md", "2020/b.md")]


def test_symlinked_folders_inside_the_root_are_followed_without_looping() -> None:
    write("root/a.txt", "A\nay")
    write("root/sub/b.txt", "B\nbee")
    write("elsewhere/c.txt", "C\nsee")
    os.symlink("..", "root/sub/up")  # a loop back to root/
    os.symlink("sub", "root/more")
    os.symlink("../elsewhere", "root/out")  # leaves the indexed folder: reported, not followed
    items = load("root")
    assert [(d.id, d.path) for d in items if isinstance(d, Document)] == [
        ("a.txt", "a.txt"), ("more/b.txt", "more/b.txt")]
    assert [(p.path, p.reason.split(" (")[0]) for p in items if isinstance(p, Problem)] == [
        ("root/out", "symbolic link leads outside the indexed folder")]


def test_file_named_directly_has_its_folder_as_root_and_loads_once() -> None:
    write("deep/er/note.txt", "Note\ntext")
    docs = load("deep/er/note.txt", "deep", "deep/er/note.txt")
    assert [(d.id, d.path) for d in docs] == [("note.txt", "note.txt")]


def test_paths_that_match_nothing_are_problems() -> None:
    Path("empty").mkdir()
    write("only/photo.png", b"\x89PNG")
    assert load("missing.txt", "empty", "only", "nothing/*.md", "only/photo.png") == [
        Problem("missing.txt", None, "no such file or folder"),
        Problem("empty", None, "folder holds no supported files"),
        Problem("only", None, "folder holds no supported files"),
        Problem("nothing/*.md", None, "pattern matches no supported files"),
        Problem("only/photo.png", None,
                "unsupported file type (expected one of .txt, .md, .html, .htm, .jsonl, .ndjson, "
                ".json, .csv)"),
    ]


# --- bad input ---------------------------------------------------------------------------


def test_every_bad_file_is_reported_and_the_good_ones_still_load() -> None:
    write("in/a-good.txt", "Good\nStill indexed.")
    write("in/binary.txt", b"GIF89a\x00\x01\x02")
    write("in/blank.md", "---\ntitle: Nothing here\n---\n\n  \n")
    write("in/empty.txt", "")
    write("in/latin1.txt", b"Title\nline two\ncaf\xe9\n")
    write("in/bad-date.md", "---\npublished: xyz\n---\nTitle\nText.")
    write("in/partial-date.md", "---\npublished: '2019-03'\n---\nTitle\nText.")
    write("in/open.md", "---\ntitle: never closed\nText.")
    write("in/yaml.md", "---\ntitle: [unclosed\n---\nText.")
    write("in/list.md", "---\n- a\n- b\n---\nText.")
    write("in/zz-good.md", "Last\nStill indexed too.")
    os.symlink("gone.txt", "in/link.txt")
    out = load("in")
    assert out == [
        doc("a-good.txt", "Good", "Still indexed.", "a-good.txt"),
        Problem("in/bad-date.md", None, "unparseable date 'xyz'"),
        Problem("in/binary.txt", None, "binary file"),
        Problem("in/blank.md", None, "empty document (no text)"),
        Problem("in/empty.txt", None, "empty document (no text)"),
        Problem("in/latin1.txt", 3, "not valid UTF-8 at byte 18"),
        Problem("in/link.txt", None, "broken symbolic link to 'gone.txt'"),
        Problem("in/list.md", 2, "front matter is not a mapping of keys to values"),
        Problem("in/open.md", 1, "front matter opened on line 1 is never closed with '---'"),
        Problem("in/partial-date.md", None, "unparseable date '2019-03' (needs year, month and day)"),
        Problem("in/yaml.md", 2, "invalid YAML front matter: expected ',' or ']', but got '<stream end>'"),
        doc("zz-good.md", "Last", "Still indexed too.", "zz-good.md"),
    ]


def test_bad_json_lines_skip_only_their_line() -> None:
    write(
        "feed.jsonl",
        b'{"text": "ok 1"}\n'
        b'{"text": "broken"\n'
        b"[1, 2]\n"
        b'{"text": "caf\xe9"}\n'
        b'{"title": "no text"}\n'
        b'{"text": "   "}\n'
        b'{"text": "dated", "published": "soon"}\n'
        b'{"text": "odd id", "id": [1]}\n'
        b'{"text": "ok 9"}\n',
    )
    assert load("feed.jsonl") == [
        doc("feed.jsonl#L1", "", "ok 1", "feed.jsonl"),
        Problem("feed.jsonl", 2, "malformed JSON: Expecting ',' delimiter (column 18)"),
        Problem("feed.jsonl", 3, "JSON line holds a list, expected an object"),
        Problem("feed.jsonl", 4, "not valid UTF-8 at byte 55"),
        Problem("feed.jsonl", 5, "no text field (expected text, body or content)"),
        Problem("feed.jsonl", 6, "empty document (no text)"),
        Problem("feed.jsonl", 7, "unparseable date 'soon'"),
        Problem("feed.jsonl", 8, "id [1] is not a string or an integer"),
        doc("feed.jsonl#L9", "", "ok 9", "feed.jsonl"),
    ]


def test_bad_json_files_and_items() -> None:
    write("a-broken.json", '{\n  "text": "x",\n  oops\n}')
    write("b-scalar.json", "42")
    write("c-items.json", '[\n{"text": "fine"},\n"text",\n{"text": ""}\n]')
    write("d-unclosed.json", '[{"text": "kept"}\n')
    write("e-binary.jsonl", b'{"text": "\x00"}\n')
    assert load("*.json", "e-binary.jsonl") == [
        Problem("a-broken.json", 3, "malformed JSON: Expecting property name enclosed in double quotes (column 3)"),
        Problem("b-scalar.json", 1, "JSON file holds a number, expected an object or a list of objects"),
        doc("c-items.json#1", "", "fine", "c-items.json"),
        Problem("c-items.json", 3, "JSON list item holds a string, expected an object"),
        Problem("c-items.json", 4, "empty document (no text)"),
        doc("d-unclosed.json#1", "", "kept", "d-unclosed.json"),
        Problem("d-unclosed.json", 2, "malformed JSON: expected ',' or ']'"),
        Problem("e-binary.jsonl", None, "binary file"),
    ]


def test_bad_csv_rows_skip_only_their_row() -> None:
    write(
        "t.csv",
        b"title,text,published\n"
        b"One,First text,2020-05-01\n"
        b"Two,ragged\n"
        b"Three,caf\xe9,\n"
        b"Four,,\n"
        b'Five,"Fifth\nspans lines",not a date\n'
        b"Six,Sixth text,\n",
    )
    write("no-text.csv", "title,source\nA,B\n")
    write("empty.csv", "")
    assert load("t.csv", "no-text.csv", "empty.csv") == [
        doc("t.csv#L2", "One", "First text", "t.csv", published=date(2020, 5, 1)),
        Problem("t.csv", 3, "row has 2 fields, the header has 3"),
        Problem("t.csv", 4, "not valid UTF-8 at byte 67"),
        Problem("t.csv", 5, "empty document (no text)"),
        Problem("t.csv", 6, "unparseable date 'not a date'"),
        doc("t.csv#L8", "Six", "Sixth text", "t.csv"),
        Problem("no-text.csv", 1, "CSV header has no text, body or content column"),
        Problem("empty.csv", 1, "empty document (no header row)"),
    ]


def test_unreadable_file_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    write("a.txt", "A\nfine")
    write("b.jsonl", '{"text": "never read"}\n')

    def refuse(self: SourceFile):
        if self.path.endswith("b.jsonl"):
            raise PermissionError(13, "Permission denied")
        return open(self.path, "rb")

    monkeypatch.setattr(SourceFile, "open", refuse)
    assert load(".") == [
        doc("a.txt", "A", "fine", "a.txt"),
        Problem("./b.jsonl", None, "unreadable file: Permission denied"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_file_without_read_permission_is_reported() -> None:
    write("locked.txt", "Locked\ntext")
    os.chmod("locked.txt", 0)
    assert load("locked.txt") == [Problem("locked.txt", None, "unreadable file: Permission denied")]


# --- publication dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["2019-01-04", "2019-01-04T23:30:00-05:00", "2019-01-04T10:00:00Z", "Fri, 04 Jan 2019 10:00:00 +0000",
     "4 January 2019", "January 4, 2019", date(2019, 1, 4)],
)
def test_published_formats(value: object) -> None:
    assert parse_published(value) == date(2019, 1, 4)


@pytest.mark.parametrize("value", ["xyz", "2019", "March 2019", "Friday", "2019-02-30", 2019])
def test_published_rejects_what_is_not_one_day(value: object) -> None:
    with pytest.raises(UnparseableDate, match=f"unparseable date '{value}'"):
        parse_published(value)
