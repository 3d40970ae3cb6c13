"""Accent and case folding shared by facet value search and highlighting.

Whoosh's `accent_map` (the table the text analyzer folds with) maps every character to
exactly one character, so folded text keeps the offsets of the original.
"""

from __future__ import annotations

import numpy as np
from whoosh.support.charset import accent_map

_BMP = 0x10000


def fold(text: str) -> str:
    """Accent-free, case-free form of a text, for comparisons ("Öcalan" -> "ocalan")."""
    return text.translate(accent_map).casefold()


def _offset_preserving_table() -> np.ndarray:
    """Code point -> lower-case, accent-free code point, for every one-to-one mapping."""
    table = np.array([ord(low) if len(low := chr(code).lower()) == 1 else code
                      for code in range(_BMP)], dtype=np.uint32)
    for code, folded in accent_map.items():
        if code < _BMP and len(folded) == 1:
            table[code] = ord(folded)
    return table


_TABLE = _offset_preserving_table()


def fold_keep_offsets(text: str) -> str:
    """Lower-case, accent-free form of a text with the same length (offsets map back one to
    one); vectorised, as highlighting folds whole documents of up to hundreds of kB."""
    if text.isascii():
        return text.lower()
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).copy()
    in_table = codes < _BMP
    codes[in_table] = _TABLE[codes[in_table]]
    return codes.tobytes().decode("utf-32-le")
