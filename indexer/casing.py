"""How English writes a word: in lower case, or capitalised as a name.

The evidence is spaCy's own English word probabilities (the `lexeme_prob` table of the
`spacy-lookups-data` package, the table behind `Token.prob`), which count "Infection" and
"infection" apart. A word whose lower-case form is at least `LOWER_CASE_ODDS` times as frequent
as its capitalised form is a common word ("heartbroken", "backlash", "aides"); names are
capitalised more often than not ("Reuters", "Hezbollah", "Bush") or close to it ("Trump",
"Rice", "Turkey"), and sit below the bar.

A name word is the other side: one English writes capitalised at least as often as in lower
case ("Blinken", "Kabul", "Sergey"), or that the table does not hold in lower case at all.

One table answers every bar: each word written in lower case at least as often as capitalised,
with the natural log of how many times as often (`math.inf` for a word the table holds only in
lower case). Reading spaCy's table (a million entries) takes about a second and a few hundred
megabytes, so these odds are written once to a small cache file per table version and read
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


def is_lower_case_word(word: str, odds: float = LOWER_CASE_ODDS) -> bool:
    """True when English writes this one word (any case given) in lower case at least `odds`
    times as often as capitalised."""
    return lower_case_log_odds().get(word.lower(), -math.inf) >= math.log(odds)


def is_name_word(word: str) -> bool:
    """True when English writes this word capitalised at least as often as in lower case."""
    return word.lower() not in lower_case_log_odds()


@cache
def lower_case_log_odds() -> dict[str, float]:
    """Each word English writes in lower case at least as often as capitalised, with the log
    of how many times as often (empty without spacy-lookups-data)."""
    source = _table_path()
    if source is None:
        return {}
    cached = _cache_path()
    try:
        return _read_cache(cached)
    except (OSError, ValueError):
        odds = _odds_from_table(source)
        _write_cache(cached, odds)
        return odds


def _table_path() -> Path | None:
    try:
        import spacy_lookups_data
    except ImportError:
        return None
    return Path(str(spacy_lookups_data.en["lexeme_prob"]))


def _cache_path() -> Path:
    from spacy_lookups_data import __version__

    root = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "trawl")
    return root / f"lower-case-log-odds-{__version__}.tsv"


def _odds_from_table(source: Path) -> dict[str, float]:
    """Lower-case words at least as frequent as their capitalised form, with the log odds."""
    import spacy.util

    probs = spacy.util.load_language_data(source)
    odds = {word: logp - probs.get(word[:1].upper() + word[1:], -math.inf)
            for word, logp in probs.items() if word.isalpha() and word.islower()}
    return {word: log_odds for word, log_odds in odds.items() if log_odds >= 0.0}


def _read_cache(path: Path) -> dict[str, float]:
    """The odds a cache file holds: one "word<TAB>log odds" line each (floats as `repr`
    writes them, so they read back exactly); ValueError for a file that holds none or is
    not in that form."""
    odds = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, log_odds = line.split("\t")
        odds[word] = float(log_odds)
    if not odds:
        raise ValueError(f"{path}: no words")  # an empty file holds no table: build it again
    return odds


def _write_cache(path: Path, odds: dict[str, float]) -> None:
    """Write the odds atomically; a cache that cannot be written only costs the next process
    the same second."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         delete=False, suffix=".tmp") as out:
            out.write("\n".join(f"{word}\t{odds[word]!r}" for word in sorted(odds)))
        os.replace(out.name, path)
    except OSError:
        pass
