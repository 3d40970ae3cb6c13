"""Acronyms that are also common words ("US", "WHO", "IT", "AND"): indexed as written.

The text analyzer lower-cases words and drops stop words, so "US" used to vanish like "us"
and "WHO" to match every "who". Written in capitals, such a word is kept as an upper-case
term ("US"), which no lower-case word can produce; the same analyzer reads queries, so
`US` and `"US troops"` find the acronym, and `us` or `who` the common word as before.
A run of capitals ("WHO ARE THEY" in a shouted headline) is left as words.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from whoosh.analysis import STOP_WORDS, Filter, StopFilter

_WORD_LIST = "acronym_words.txt"
MIN_ACRONYM_CHARS = 2
#: a token never stopped nor marked as an acronym, written before a word to analyse it alone
#: as if the word before it were in capitals (the only context the analyzer looks at)
CAPITALS_BEFORE = "QZXJ "


@lru_cache(maxsize=1)
def acronym_words() -> frozenset[str]:
    """The lower-case words whose capitalised form is an acronym: stop words plus the list."""
    text = resources.files("search").joinpath("data", _WORD_LIST).read_text(encoding="utf-8")
    listed = {line.strip() for line in text.splitlines()
              if line.strip() and not line.startswith("#")}
    return frozenset(listed | set(STOP_WORDS))


def is_acronym(text: str, previous_in_capitals: bool) -> bool:
    """Whether a word as written is one of the acronyms kept apart from its common word."""
    return (len(text) >= MIN_ACRONYM_CHARS and text.isalpha() and text.isupper()
            and not previous_in_capitals and text.lower() in acronym_words())


def in_capitals(text: str) -> bool:
    """Whether a word as written is in capitals (then the next one is no acronym)."""
    return len(text) >= MIN_ACRONYM_CHARS and text.isupper()


class MarkAcronyms(Filter):
    """Before lower-casing: remembers on each token whether it is such an acronym."""

    def __call__(self, tokens):
        previous_in_capitals = False
        for token in tokens:
            token.acronym = (token.text if is_acronym(token.text, previous_in_capitals)
                             else None)
            previous_in_capitals = in_capitals(token.text)
            yield token


class AcronymStopFilter(StopFilter):
    """Whoosh's StopFilter, except that a marked acronym is never a stop word."""

    def __call__(self, tokens):
        pos = None
        for token in tokens:
            text = token.text
            acronym = getattr(token, "acronym", None)
            if acronym or (len(text) >= self.min and text not in self.stops):
                if self.renumber and token.positions:
                    pos = token.pos if pos is None else pos + 1
                    token.pos = pos
                token.stopped = False
                yield token
            elif not token.removestops:
                token.stopped = True
                yield token


class RestoreAcronyms(Filter):
    """Last: a marked acronym's term is the word as written ("US"), never stemmed or folded."""

    def __call__(self, tokens):
        for token in tokens:
            acronym = getattr(token, "acronym", None)
            if acronym:
                token.text = acronym
            yield token
