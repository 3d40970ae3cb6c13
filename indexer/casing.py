"""How English writes a word: in lower case, or capitalised as a name.

The evidence is spaCy's own English word probabilities (the `lexeme_prob` table of the
`spacy-lookups-data` package, the table behind `Token.prob`), which count "Infection" and
"infection" apart. A word whose lower-case form is at least `LOWER_CASE_ODDS` times as frequent
as its capitalised form is a common word ("heartbroken", "backlash", "aides"); names are
capitalised more often than not ("Reuters", "Hezbollah", "Bush") or close to it ("Trump",
"Rice", "Turkey"), and sit below the bar.

A name word is the other side: one English writes capitalised at least as often as in lower
case ("Blinken", "Kabul", "Sergey"), or that the table does not hold in lower case at all.

Reading the table (a million entries) takes about a second and a few hundred megabytes, so
the words above each bar are written once to a small cache file per table version and bar,
and read from there by later processes.
"""

from __future__ import annotations

import math
import os
import tempfile
from functools import cache
from pathlib import Path

#: how much more often English writes a common word in lower case than capitalised
#: (e**2: "focus" 12×, "challenges" 36×, while "Reading" the town is 15× and known to the
#: gazetteer, "Labor" the party 7×)
LOWER_CASE_ODDS = math.e ** 2
CACHE_ENV = "TRAWL_CACHE_DIR"


def is_lower_case_word(word: str) -> bool:
    """True when English writes this one word (any case given) mainly in lower case."""
    return word.lower() in lower_case_words()


def is_name_word(word: str) -> bool:
    """True when English writes this word capitalised at least as often as in lower case."""
    return word.lower() not in lower_case_words(1.0)


@cache
def lower_case_words(odds: float = LOWER_CASE_ODDS) -> frozenset[str]:
    """The words English writes in lower case at least `odds` times as often as capitalised
    (empty without spacy-lookups-data)."""
    source = _table_path()
    if source is None:
        return frozenset()
    cached = _cache_path(source, odds)
    try:
        return frozenset(cached.read_text(encoding="utf-8").split())
    except OSError:
        words = _words_from_table(source, odds)
        _write_cache(cached, words)
        return words


def _table_path() -> Path | None:
    try:
        import spacy_lookups_data
    except ImportError:
        return None
    return Path(str(spacy_lookups_data.en["lexeme_prob"]))


def _cache_path(source: Path, odds: float) -> Path:
    from spacy_lookups_data import __version__

    root = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "trawl")
    return root / f"lower-case-words-{__version__}-{odds:.3f}.txt"


def _words_from_table(source: Path, odds: float) -> frozenset[str]:
    """Lower-case words at least `odds` times as frequent as their capitalised form (a word
    the table holds only in lower case counts too)."""
    import spacy.util

    probs = spacy.util.load_language_data(source)
    bar = math.log(odds)
    return frozenset(word for word, logp in probs.items()
                     if word.isalpha() and word.islower()
                     and logp - probs.get(word[:1].upper() + word[1:], -math.inf) >= bar)


def _write_cache(path: Path, words: frozenset[str]) -> None:
    """Write the words atomically; a cache that cannot be written only costs the next
    process the same second."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         delete=False, suffix=".tmp") as out:
            out.write("\n".join(sorted(words)))
        os.replace(out.name, path)
    except OSError:
        pass
