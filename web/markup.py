"""A document's full text as HTML: escaped paragraphs with each entity mention linked."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence

from markupsafe import Markup, escape

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

#: one mention as the index stores it: [start, end, facet, value] offsets into the text
MentionSpan = Sequence


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each non-blank paragraph of `text`."""
    spans, start = [], 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def usable_mentions(mentions: Iterable[MentionSpan], length: int) -> list[tuple[int, int, str, str]]:
    """Mentions sorted by position, dropping malformed and overlapping ones (first one wins)."""
    valid = sorted(
        (int(m[0]), int(m[1]), str(m[2]), str(m[3]))
        for m in mentions
        if len(m) >= 4 and 0 <= int(m[0]) < int(m[1]) <= length
    )
    kept: list[tuple[int, int, str, str]] = []
    for mention in valid:
        if not kept or mention[0] >= kept[-1][1]:
            kept.append(mention)
    return kept


def usable_matches(matches: Iterable[Sequence], mentions: list[tuple[int, int, str, str]],
                   length: int) -> list[tuple[int, int, int]]:
    """(start, end, number) of the query matches to mark: in order, none overlapping another
    or straddling a mention's edge; numbered from 1 for the page's match-to-match steps."""
    edges = sorted({p for m in mentions for p in m[:2]})
    kept: list[tuple[int, int]] = []
    for start, end in sorted((int(m[0]), int(m[1])) for m in matches if len(m) >= 2):
        if not 0 <= start < end <= length or (kept and start < kept[-1][1]):
            continue
        if any(start < edge < end for edge in edges):
            continue
        kept.append((start, end))
    return [(start, end, n) for n, (start, end) in enumerate(kept, start=1)]


def render_text(
    text: str, mentions: Iterable[MentionSpan], href_for: Callable[[str, str], str],
    matches: Iterable[Sequence] = (),
) -> Markup:
    """`<p>` paragraphs of escaped text, each mention an `<a class="mention ...">` to `href_for`,
    each query match a `<mark id="match-N">`."""
    spans = usable_mentions(mentions, len(text))
    marks = usable_matches(matches, spans, len(text))
    html = []
    for start, end in paragraphs(text):
        inside = [m for m in spans if m[0] >= start and m[1] <= end]
        html.append(Markup("<p>{}</p>").format(
            _render_span(text, start, end, inside, href_for, marks)))
    return Markup("\n").join(html)


def _render_span(text: str, start: int, end: int, mentions, href_for, marks) -> Markup:
    """Escaped text[start:end] with the given (sorted, non-overlapping) mentions as links."""
    parts, pos = [], start
    for m_start, m_end, facet, value in mentions:
        parts.append(_marked(text, pos, m_start, marks))
        parts.append(Markup('<a class="mention mention-{}" href="{}" title="{}: {}">{}</a>').format(
            facet, href_for(facet, value), facet, value, _marked(text, m_start, m_end, marks)
        ))
        pos = m_end
    parts.append(_marked(text, pos, end, marks))
    return Markup("").join(parts)


def _marked(text: str, start: int, end: int, marks: list[tuple[int, int, int]]) -> Markup:
    """Escaped text[start:end] with the query matches inside it in `<mark>`."""
    parts, pos = [], start
    for m_start, m_end, number in marks[bisect.bisect_left(marks, (start,)):]:
        if m_start >= end:
            break
        if m_end <= end:
            parts.append(escape(text[pos:m_start]))
            parts.append(Markup('<mark class="match" id="match-{}">{}</mark>').format(
                number, text[m_start:m_end]))
            pos = m_end
    parts.append(escape(text[pos:end]))
    return Markup("").join(parts)
