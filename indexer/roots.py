"""The paths given to `trawl index` (roots): where each document's file is, and prune scope.

The loader names a document's file relative to the root it was found under (`Document.path`),
which cannot tell two roots apart. The builder loads root by root and stores the file's path
as reached from the command line (root folder joined with that relative path, normalised),
so `--prune` can limit itself to documents whose files lie under the roots of this run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence

from indexer.document import Document, Problem
from indexer.load import load_paths

_WILDCARD = re.compile(r"[*?[]")


def load_roots(paths: Sequence[str]) -> Iterator[Document | Problem]:
    """Documents and problems of every root, each document's `path` qualified by its root.

    A file reached from two roots (a folder and a file in it) loads only from the first.
    """
    earlier: set[str] = set()
    for arg in paths:
        base = root_base(arg)
        found: set[str] = set()
        real_of: dict[str, str] = {}
        for item in load_paths([arg]):
            if isinstance(item, Document):
                item.path = qualify(base, item.path)
                real = real_of.get(item.path) or real_of.setdefault(
                    item.path, os.path.realpath(item.path))
                if real in earlier:
                    continue
                found.add(real)
            yield item
        earlier |= found


def root_base(arg: str) -> str:
    """The folder the loader names a root's files relative to (the loader's own rule)."""
    if os.path.isdir(arg):
        return arg
    if os.path.isfile(arg) or os.path.islink(arg) or not _WILDCARD.search(arg):
        return os.path.dirname(arg)
    parts = arg.split(os.sep)
    fixed = parts[: next(i for i, part in enumerate(parts) if _WILDCARD.search(part))]
    return os.sep.join(fixed) or ("/" if arg.startswith(os.sep) else ".")


def qualify(base: str, rel: str) -> str:
    """A root-relative POSIX path joined to its root folder, normalised."""
    return normalise(os.path.join(base, *rel.split("/")))


def normalise(path: str) -> str:
    """One spelling per path: normalised, POSIX separators, no trailing slash."""
    return os.path.normpath(path).replace(os.sep, "/")


class RootScope:
    """Decides whether a stored document's file lies under the roots of this run."""

    def __init__(self, paths: Sequence[str]):
        self._patterns = [_root_pattern(arg) for arg in paths]

    def contains(self, path: str) -> bool:
        return bool(path) and any(p.match(path) for p in self._patterns)


def _root_pattern(arg: str) -> re.Pattern[str]:
    """A regex matching the root itself and everything under it (glob roots: their matches)."""
    if os.path.exists(arg) or not _WILDCARD.search(arg):
        body = re.escape(normalise(arg))
        return re.compile(body + r"(?:/.*)?\Z", re.DOTALL) if body != r"\." else re.compile(
            r"(?!\.\./|/).*\Z", re.DOTALL)
    return re.compile(_glob_regex(normalise(arg)) + r"(?:/.*)?\Z", re.DOTALL)


def _glob_regex(pattern: str) -> str:
    """Translate a glob ('*', '?', '[...]', '**') to a regex where only '**' crosses '/'."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append(r"(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(r".*")
            i += 2
        elif pattern[i] == "*":
            out.append(r"[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append(r"[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            inner = pattern[i + 1:end]
            out.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner) + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)
