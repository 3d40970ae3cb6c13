"""How English writes a word: in lower case, or capitalised as a name.

The evidence is spaCy's own English word probabilities (the `lexeme_prob` table of the
`spacy-lookups-data` package, the table behind `Token.prob`), which count "Infection" and
"infection" apart. A word whose lower-case form is at least `LOWER_CASE_ODDS` times as frequent
as its capitalised form is a common word ("heartbroken", "backlash", "aides"); names are
capitalised more often than not ("Reuters", "Hezbollah", "Bush") or close to it ("Trump",
"Rice", "Turkey"), and sit below the bar.

Reading the table (a million entries) takes about a second and a few hundred megabytes, so
the words above the bar are written once to a small cache file per table version and read
from there by later processes.
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


@cache
def lower_case_words() -> frozenset[str]:
    """The words English writes mainly in lower case (empty without spacy-lookups-data)."""
    source = _table_path()
    if source is None:
        return frozenset()
    cached = _cache_path(source)
    try:
        return frozenset(cached.read_text(encoding="utf-8").split())
    except OSError:
        words = _words_from_table(source)
        _write_cache(cached, words)
        return words


def _table_path() -> Path | None:
    try:
        import spacy_lookups_data
    except ImportError:
        return None
    return Path(str(spacy_lookups_data.en["lexeme_prob"]))


def _cache_path(source: Path) -> Path:
    from spacy_lookups_data import __version__

    root = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "trawl")
    return root / f"lower-case-words-{__version__}-{LOWER_CASE_ODDS:.3f}.txt"


def _words_from_table(source: Path) -> frozenset[str]:
    import spacy.util

    probs = spacy.util.load_language_data(source)
    bar = math.log(LOWER_CASE_ODDS)
    return frozenset(word.lower() for word, logp in probs.items()
                     if word[:1].isupper() and word[1:].islower()
                     and probs.get(word.lower(), -math.inf) - logp >= bar)


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
