"""The document text renderer and the link helpers: pure functions, exact HTML."""

from __future__ import annotations

from web.links import document_href, export_href, search_href, with_filter, without_pair
from web.markup import paragraphs, render_text, usable_mentions
from web.search_page import pagination


def href(facet: str, value: str) -> str:
    return search_href([(facet, value)])


def test_render_text_links_each_mention_and_escapes_everything():
    text = "Assad <b>met</b> Putin in Moscow.\n\nLater: \"talks\" & more."
    mentions = [[0, 5, "actor", "Bashar al-Assad"], [17, 22, "actor", "Vladimir <Putin>"],
                [26, 32, "place", "Moscow"]]
    assert str(render_text(text, mentions, href)) == (
        '<p><a class="mention mention-actor" href="/?actor=Bashar+al-Assad" '
        'title="actor: Bashar al-Assad">Assad</a> &lt;b&gt;met&lt;/b&gt; '
        '<a class="mention mention-actor" href="/?actor=Vladimir+%3CPutin%3E" '
        'title="actor: Vladimir &lt;Putin&gt;">Putin</a> in '
        '<a class="mention mention-place" href="/?place=Moscow" title="place: Moscow">Moscow</a>.</p>\n'
        "<p>Later: &#34;talks&#34; &amp; more.</p>"
    )


def test_overlapping_out_of_range_and_paragraph_crossing_mentions_are_dropped():
    text = "Aleppo city\n\nHama"
    mentions = [[0, 6, "place", "Aleppo"], [0, 11, "place", "Aleppo city"], [7, 40, "place", "X"],
                [7, 17, "place", "Crossing"], ["bad"]]
    assert usable_mentions(mentions, len(text)) == [(0, 6, "place", "Aleppo"),
                                                    (7, 17, "place", "Crossing")]
    html = str(render_text(text, mentions, href))
    assert html == ('<p><a class="mention mention-place" href="/?place=Aleppo" '
                    'title="place: Aleppo">Aleppo</a> city</p>\n<p>Hama</p>')


def test_paragraphs_skip_blank_runs():
    assert paragraphs("a\n\n \n\nb\n\n") == [(0, 1), (6, 7)]
    assert paragraphs("") == []


def test_links_keep_order_and_drop_the_page_when_filters_change():
    params = [("q", "aleppo"), ("actor", "A"), ("page", "3")]
    assert with_filter(params, "actor", "B") == [("q", "aleppo"), ("actor", "A"), ("actor", "B")]
    assert with_filter(params, "actor", "A") == [("q", "aleppo"), ("actor", "A")]
    assert without_pair(params, "actor", "A") == [("q", "aleppo")]
    assert search_href([]) == "/"
    assert search_href("q=x&actor=A") == "/?q=x&actor=A"
    assert export_href([("q", "a b"), ("page", "2"), ("size", "5")], "csv") == (
        "/api/export?format=csv&q=a+b")
    assert document_href("reports/2024/a b?#") == "/documents/reports/2024/a%20b%3F%23"


def test_pagination_shows_a_window_with_gaps_and_prev_next():
    links, prev_href, next_href = pagination([("q", "x")], page=6, size=10, total=200)
    assert [link.number for link in links] == [1, None, 4, 5, 6, 7, 8, None, 20]
    assert [link.current for link in links if link.number] == [False] * 3 + [True] + [False] * 3
    assert links[0].href == "/?q=x"
    assert prev_href == "/?q=x&page=5" and next_href == "/?q=x&page=7"
    assert pagination([], page=1, size=20, total=20) == ([], None, None)
    links, prev_href, next_href = pagination([], page=1, size=20, total=21)
    assert [link.number for link in links] == [1, 2] and prev_href is None and next_href == "/?page=2"


def test_axis_labels_all_bars_when_few_and_spread_when_many():
    from web.search_page import axis_roles, period_label

    assert axis_roles(0) == {} and axis_roles(1) == {0: "first"}
    assert axis_roles(3) == {0: "first", 1: "minor", 2: "last"}
    assert axis_roles(40) == {0: "first", 10: "minor", 20: "minor", 29: "minor", 39: "last"}
    assert [period_label(p) for p in ("2024", "2024-11", "2024-11-05", "2024-13")] == [
        "2024", "Nov 2024", "5 Nov 2024", "2024-13"]
