"""Load `.txt` and `.md` files: optional YAML front matter, else the title is the first line."""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from indexer.document import Document
from indexer.loaders.records import FIELD_KEYS, make_document, split_record
from indexer.loaders.source import Skipped, SourceFile
from search.safe_yaml import load_yaml

#: a first line longer than this is a paragraph, not a title, and stays in the text
TITLE_MAX_CHARS = 150
#: front matter is a handful of keys; anything longer is not front matter (or is hostile)
FRONT_MATTER_MAX_CHARS = 64_000
FENCE = "---"
FENCE_ENDS = ("---", "...")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
# front matter names every field but the text, which is the body below it
_FRONT_MATTER_FIELDS = tuple(name for name in FIELD_KEYS if name != "text")


def load_text(source: SourceFile) -> Iterator[Document]:
    """Yield the one Document a text or Markdown file holds."""
    lines = source.read_text().split("\n")
    front, body_start = _front_matter(lines)
    fields, meta = split_record(front, _FRONT_MATTER_FIELDS)
    body = "\n".join(lines[body_start:])
    if "title" not in fields:
        fields["title"], body = split_title(body, source.stem)
    fields["text"] = body
    yield make_document(fields, meta, source, line=None, default_id=source.rel)


def _front_matter(lines: list[str]) -> tuple[dict, int]:
    """Parse YAML front matter fenced by '---' lines at the top; return it and the body's index."""
    if not lines or lines[0].strip() != FENCE:
        return {}, 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in FENCE_ENDS), None)
    if end is None:
        raise Skipped("front matter opened on line 1 is never closed with '---'", 1)
    front = _parsed_yaml("\n".join(lines[1:end]))
    if front is None:
        return {}, end + 1
    if not isinstance(front, dict):
        raise Skipped("front matter is not a mapping of keys to values", 2)
    return front, end + 1


def _parsed_yaml(text: str):
    """The front matter's YAML, or Skipped naming the problem and its line in the file."""
    try:
        return load_yaml(text, FRONT_MATTER_MAX_CHARS)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err)
        raise Skipped(f"invalid YAML front matter: {problem}", line) from None


def split_title(body: str, stem: str) -> tuple[str, str]:
    """Take the first non-empty line as the title when it reads as one; else use the file stem."""
    lines = body.strip().split("\n")
    first = lines[0].strip()
    rest = "\n".join(lines[1:]).strip()
    if not rest:
        return stem, first
    heading = _HEADING.match(first)
    if heading:
        return heading.group(1), rest
    if len(first) <= TITLE_MAX_CHARS and not first.endswith((".", ",", ";", ":")):
        return first, rest
    return stem, body
