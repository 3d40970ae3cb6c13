"""Load documents from files, folders and globs, reporting bad input instead of stopping.

Formats: `.txt`/`.md` (optional YAML front matter), `.html`/`.htm` (trafilatura), `.jsonl`/
`.ndjson`/`.json` and `.csv` (fields id, title, text|body|content, published|date, source, url;
other fields kept in `Document.meta`).

Ids: a record's own `id`, else the file's path relative to the indexed root (the folder given,
the folder before a glob's first wildcard, or a named file's own folder), plus `#L<line>` for a
JSON line or CSV row and `#<n>` for the n-th item of a JSON list. `Document.path` is that
relative path without the suffix, so the builder can prune documents whose files are gone.

Bad input never stops a run: each of these becomes a `Problem` (file, line, reason) and is
skipped, the rest of the file and the other files loading as usual: paths that match nothing,
unsupported files named explicitly (inside folders they are skipped silently), unreadable files
and broken links, binary files (NUL bytes in the first 8 kB), bytes that are not UTF-8,
malformed JSON lines or CSV rows, records that are not objects, empty documents, and
publication dates that do not name one day (the document is skipped, not indexed undated, so a
typo in a date is noticed rather than silently dropping the document out of date filters).
Hostile files too: FIFOs and devices (opened non-blocking, refused), files and lines over
`MAX_FILE_BYTES`, links out of the indexed root (`loaders.paths`), YAML aliases
(`search.safe_yaml`); any other exception in a loader becomes a Problem for its file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence

from indexer.document import Document, Problem
from indexer.loaders import LOADERS
from indexer.loaders.paths import expand_path
from indexer.loaders.source import Skipped, SourceFile
from search.safe_yaml import first_line

SUPPORTED_EXTENSIONS = tuple(LOADERS)
#: formats with one record per line (CSV after its header row)
RECORDS_PER_LINE = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
#: counting the documents for the progress bar gives up after this long
COUNT_TIME_LIMIT_S = 3.0


def load_paths(paths: Sequence[str]) -> Iterator[Document | Problem]:
    """Yield every document found under `paths` in a stable order, and a Problem per bad input."""
    seen: set[str] = set()
    for arg in paths:
        for item in expand_path(arg, _supported):
            if isinstance(item, Problem):
                yield item
                continue
            real = os.path.realpath(item.path)
            if real not in seen:  # a file reached twice (a folder and a file in it) loads once
                seen.add(real)
                yield from load_source(item)


def count_documents(paths: Sequence[str], time_limit_s: float = COUNT_TIME_LIMIT_S) -> int | None:
    """How many documents `paths` hold, for a progress bar: one per text or HTML file, one per
    non-blank line of JSON lines, one per CSV line after the header (a cell spanning lines
    makes it an over-estimate). None when unknown (a .json file) or slow to find out."""
    deadline = time.monotonic() + time_limit_s
    total, seen = 0, set()
    for arg in paths:
        for item in expand_path(arg, _supported):
            if isinstance(item, Problem) or os.path.realpath(item.path) in seen:
                continue
            seen.add(os.path.realpath(item.path))
            count = _documents_in(item.path)
            if count is None or time.monotonic() > deadline:
                return None
            total += count
    return total


def _documents_in(path: str) -> int | None:
    kind = RECORDS_PER_LINE.get(_extension(path))
    if kind is None:
        return None if _extension(path) == ".json" else 1
    try:
        with open(path, "rb") as handle:
            lines = sum(1 for line in handle if line.strip())
    except OSError:
        return 0
    return max(0, lines - 1) if kind == "csv" else lines


def load_source(source: SourceFile) -> Iterator[Document | Problem]:
    """Load one file with the loader for its extension, turning failures into Problems."""
    loader = LOADERS.get(_extension(source.path))
    if loader is None:
        known = ", ".join(SUPPORTED_EXTENSIONS)
        yield Problem(source.path, None, f"unsupported file type (expected one of {known})")
        return
    if os.path.islink(source.path) and not os.path.exists(source.path):
        yield Problem(source.path, None, f"broken symbolic link to '{os.readlink(source.path)}'")
        return
    try:
        yield from loader(source)
    except Skipped as err:
        yield Problem(source.path, err.line, err.reason)
    except OSError as err:
        yield Problem(source.path, None, f"unreadable file: {err.strerror or err}")
    except Exception as err:  # noqa: BLE001 - one bad file is reported, never ends the run
        yield Problem(source.path, None, f"could not be loaded: {type(err).__name__}: "
                                         f"{first_line(str(err))}")


def _supported(path: str) -> bool:
    return _extension(path) in LOADERS


def _extension(path: str) -> str:
    return os.path.splitext(path)[1].lower()
