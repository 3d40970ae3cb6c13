"""A document's full text as HTML: escaped paragraphs with each entity mention linked."""

from __future__ import annotations

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


def render_text(
    text: str, mentions: Iterable[MentionSpan], href_for: Callable[[str, str], str]
) -> Markup:
    """`<p>` paragraphs of escaped text, each mention an `<a class="mention ...">` to `href_for`."""
    spans = usable_mentions(mentions, len(text))
    html = []
    for start, end in paragraphs(text):
        inside = [m for m in spans if m[0] >= start and m[1] <= end]
        html.append(Markup("<p>{}</p>").format(_render_span(text, start, end, inside, href_for)))
    return Markup("\n").join(html)


def _render_span(text: str, start: int, end: int, mentions, href_for) -> Markup:
    """Escaped text[start:end] with the given (sorted, non-overlapping) mentions as links."""
    parts, pos = [], start
    for m_start, m_end, facet, value in mentions:
        parts.append(escape(text[pos:m_start]))
        parts.append(Markup('<a class="mention mention-{}" href="{}" title="{}: {}">{}</a>').format(
            facet, href_for(facet, value), facet, value, text[m_start:m_end]
        ))
        pos = m_end
    parts.append(escape(text[pos:end]))
    return Markup("").join(parts)
