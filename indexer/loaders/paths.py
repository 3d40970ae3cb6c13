"""Expand the paths given on the command line (files, folders, globs) into files to load."""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterator

from indexer.document import Problem
from indexer.loaders.source import SourceFile

_WILDCARD = re.compile(r"[*?[]")


def expand_path(arg: str, supported: Callable[[str], bool]) -> Iterator[SourceFile | Problem]:
    """Yield the files one argument stands for, sorted by relative path, or the Problem it is.

    A file named explicitly is yielded whatever its type (the caller reports unsupported ones);
    inside folders and glob matches, unsupported files are skipped silently.
    """
    if os.path.isfile(arg):
        yield SourceFile(arg, os.path.basename(arg))
    elif os.path.isdir(arg):
        yield from _expand_found(arg, _walk(arg, arg), supported, "folder holds no supported files")
    elif os.path.islink(arg):
        yield SourceFile(arg, os.path.basename(arg))
    elif os.path.exists(arg):
        yield Problem(arg, None, "not a regular file or folder")
    elif _WILDCARD.search(arg):
        base = _glob_base(arg)
        yield from _expand_found(arg, _glob(arg, base), supported, "pattern matches no supported files")
    else:
        yield Problem(arg, None, "no such file or folder")


def _expand_found(
    arg: str,
    found: Iterator[SourceFile | Problem],
    supported: Callable[[str], bool],
    nothing: str,
) -> Iterator[SourceFile | Problem]:
    """Keep the supported files found, sorted; report the argument when nothing was found."""
    problems: list[Problem] = []
    sources: list[SourceFile] = []
    for item in found:
        if isinstance(item, Problem):
            problems.append(item)
        elif supported(item.path):
            sources.append(item)
    if not sources and not problems:
        problems.append(Problem(arg, None, nothing))
    yield from problems
    yield from sorted(sources, key=lambda source: source.rel)


def _walk(folder: str, root: str, seen: frozenset[str] = frozenset()) -> Iterator[SourceFile | Problem]:
    """Walk a folder recursively, skipping hidden entries and symlink loops."""
    real = os.path.realpath(folder)
    if real in seen:
        return
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if not entry.name.startswith("."))
    except OSError as err:
        yield Problem(folder, None, f"unreadable folder: {err.strerror or err}")
        return
    for name in names:
        path = os.path.join(folder, name)
        outside = _link_outside(path, root)
        if outside:
            yield Problem(path, None, outside)
        elif os.path.isdir(path):
            yield from _walk(path, root, seen | {real})
        else:  # broken links and FIFOs, devices, sockets are reported when they are opened
            yield SourceFile(path, _relative(path, root))


def _glob(pattern: str, base: str) -> Iterator[SourceFile | Problem]:
    """Files a pattern matches (recursive '**'); folders it matches are walked."""
    for path in glob.glob(pattern, recursive=True):
        outside = _link_outside(path, base)
        if outside:
            yield Problem(path, None, outside)
        elif os.path.isdir(path):
            yield from _walk(path, base)
        else:
            yield SourceFile(path, _relative(path, base))


def _link_outside(path: str, root: str) -> str:
    """Why a symbolic link is not followed ('' when it is not one, or stays under `root`).

    Links inside the indexed folder are followed; a link out of it (to /etc/passwd, to
    /dev/zero, to someone else's files) would make what it points at searchable.
    """
    if not os.path.islink(path) or not os.path.exists(path):
        return ""  # a broken link is reported when it is opened
    target = os.path.realpath(path)
    if os.path.commonpath([target, os.path.realpath(root)]) == os.path.realpath(root):
        return ""
    return f"symbolic link leads outside the indexed folder (to '{target}'), not followed"


def _glob_base(pattern: str) -> str:
    """The folder before the first wildcard: ids of glob matches are relative to it."""
    parts = pattern.split(os.sep)
    fixed = parts[: next(i for i, part in enumerate(parts) if _WILDCARD.search(part))]
    return os.sep.join(fixed) or ("/" if pattern.startswith(os.sep) else ".")


def _relative(path: str, root: str) -> str:
    return os.path.relpath(path, root).replace(os.sep, "/")
