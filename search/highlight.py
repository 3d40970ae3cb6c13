"""Snippets: up to 3 fragments of a document around its matched words, HTML-escaped, in <mark>.

Whoosh's highlighter runs the analyzer over the whole text (about 2 ms for a 2.5 kB
article, and it stops at 32 kB). Here `str.find` over the lower-cased, accent-folded text
finds the words that could stem to a query term, and the analyzer only sees those words,
so a 100 kB document costs a few C-speed scans. Fragments are built like Whoosh's
ContextFragmenter (context around clusters of matches, the best scored first).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from search.folding import fold_keep_offsets

MAX_FRAGMENTS = 3
FRAGMENT_MAX_CHARS = 240
CONTEXT_CHARS = 70
OPENING_CHARS = 240
#: stop looking for matches after this many (enough to pick 3 good fragments)
MAX_MATCHED_WORDS = 60
#: at most this many query terms are looked for (wildcards can expand to thousands)
MAX_PATTERN_TERMS = 200
#: words starting like a term examined per prefix and document (only the first ones)
MAX_CANDIDATE_WORDS = 500
ELLIPSIS = "…"
_WORD = re.compile(r"\w+(?:\.?\w+)*")  # Whoosh's default tokenizer
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s")

Analyze = Callable[[str], Iterable[str]]


@dataclass(frozen=True)
class _Fragment:
    start: int
    end: int
    words: list[tuple[int, int, str]]  # (start, end, term) of matched words inside

    @property
    def score(self) -> int:
        return 100 * len({t for _, _, t in self.words}) + len(self.words)


class Highlighter:
    """Builds snippets for one query: its terms (analyzed forms) and the analyzer."""

    def __init__(self, terms: Iterable[str], analyze: Analyze):
        self.terms = frozenset(terms)
        self.analyze = analyze
        self.prefixes = _prefixes(sorted(self.terms)[:MAX_PATTERN_TERMS])
        self._word_terms: dict[str, str | None] = {}

    def snippets(self, text: str) -> list[str]:
        """Highlighted fragments of `text`, or its opening sentences when nothing matches."""
        words = self._matched_words(text) if self.prefixes else []
        if not words:
            return [opening(text)] if text.strip() else []
        fragments = _fragments(text, words)
        best = sorted(fragments, key=lambda f: (-f.score, f.start))[:MAX_FRAGMENTS]
        return [_render(text, f) for f in sorted(best, key=lambda f: f.start)]

    def spans(self, text: str, limit: int) -> list[tuple[int, int]]:
        """(start, end) of the first `limit` words of `text` that match the query."""
        if not self.prefixes:
            return []
        return [(start, end) for start, end, _ in self._matched_words(text, limit)]

    def _matched_words(self, text: str,
                       limit: int = MAX_MATCHED_WORDS) -> list[tuple[int, int, str]]:
        """(start, end, term) of the words of `text` that analyze to a query term."""
        searchable = fold_keep_offsets(text)
        found = []
        for start in _word_starts(searchable, self.prefixes):
            end = _WORD.match(searchable, start).end()
            term = self._term_of(text[start:end])
            if term is not None:
                found.append((start, end, term))
                if len(found) >= limit:
                    break
        return found

    def _term_of(self, word: str) -> str | None:
        """The query term a word of the text analyzes to, if any (cached per word)."""
        key = word if word.isupper() else word.lower()  # "US" (an acronym) is not "us"
        if key not in self._word_terms:
            self._word_terms[key] = next((t for t in self.analyze(word) if t in self.terms), None)
        return self._word_terms[key]


def _prefixes(terms: list[str]) -> list[str]:
    """What a word must start with to possibly analyze to one of the terms. A stem may end
    differently from its words ('happi' <- 'happy'), so long stems lose their last letters."""
    terms = [t.lower() for t in terms]  # acronym terms are upper case ("US"); text is folded
    prefixes = {t if len(t) <= 3 else t[:max(3, len(t) - 2)] for t in terms if t}
    return sorted(p for p in prefixes if not any(q != p and p.startswith(q) for q in prefixes))


def _word_starts(folded: str, prefixes: list[str]) -> list[int]:
    """Sorted offsets where a word starts with one of the prefixes (str.find runs at C speed,
    a regular expression with alternatives at about 30 MB/s)."""
    starts: set[int] = set()
    for prefix in prefixes:
        at, taken = folded.find(prefix), 0
        while at != -1 and taken < MAX_CANDIDATE_WORDS:
            if at == 0 or not _is_word_char(folded[at - 1]):
                starts.add(at)
                taken += 1
            at = folded.find(prefix, at + 1)
    return sorted(starts)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _fragments(text: str, words: list[tuple[int, int, str]]) -> list[_Fragment]:
    """Group matched words into fragments of at most FRAGMENT_MAX_CHARS with context."""
    fragments, group = [], [words[0]]
    for word in words[1:]:
        if word[1] - group[0][0] <= FRAGMENT_MAX_CHARS - CONTEXT_CHARS:
            group.append(word)
        else:
            fragments.append(_with_context(text, group))
            group = [word]
    fragments.append(_with_context(text, group))
    return fragments


def _with_context(text: str, words: list[tuple[int, int, str]]) -> _Fragment:
    budget = max(FRAGMENT_MAX_CHARS - (words[-1][1] - words[0][0]), 2 * 20)
    start = _word_boundary_before(text, max(0, words[0][0] - budget // 2))
    end = _word_boundary_after(text, min(len(text), words[-1][1] + budget // 2))
    return _Fragment(start, end, words)


def _word_boundary_before(text: str, position: int) -> int:
    """Move forward to the start of a word (never cut a word in two)."""
    if position == 0:
        return 0
    space = text.find(" ", position)
    return space + 1 if 0 <= space < position + 30 else position


def _word_boundary_after(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    space = text.rfind(" ", position - 30, position)
    return space if space > 0 else position


def _render(text: str, fragment: _Fragment) -> str:
    parts = [ELLIPSIS] if fragment.start > 0 else []
    cursor = fragment.start
    for start, end, _ in fragment.words:
        parts.append(_escape(text[cursor:start]))
        parts.append(f"<mark>{_escape(text[start:end])}</mark>")
        cursor = end
    parts.append(_escape(text[cursor:fragment.end]))
    if fragment.end < len(text):
        parts.append(ELLIPSIS)
    return "".join(parts).strip()


def _escape(text: str) -> str:
    return html.escape(_SPACE.sub(" ", text), quote=False)


def opening(text: str) -> str:
    """The opening sentences of a text, up to about OPENING_CHARS, HTML-escaped."""
    head = _SPACE.sub(" ", text[:OPENING_CHARS * 2]).strip()
    if len(head) <= OPENING_CHARS:
        return html.escape(head, quote=False) + (ELLIPSIS if len(text) > OPENING_CHARS * 2 else "")
    ends = [m.end() for m in _SENTENCE_END.finditer(head) if m.end() <= OPENING_CHARS]
    if ends and ends[-1] >= OPENING_CHARS // 3:
        return html.escape(head[:ends[-1]].strip(), quote=False)
    cut = head.rfind(" ", 0, OPENING_CHARS)
    return html.escape(head[:cut if cut > 0 else OPENING_CHARS], quote=False) + ELLIPSIS
