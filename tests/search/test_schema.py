"""The text analyzer's indexing path (remembered terms) makes exactly the tokens of its
filter chain run token by token."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.analysis import CompositeAnalyzer

from search.schema import MEMO_WORDS, TextAnalyzer, text_analyzer

# capitals, stop words and acronyms, accents, dotted initials, digits, apostrophes
WORDS = ["US", "us", "Us", "WHO", "who", "THE", "the", "The", "AND", "IT", "it", "a", "I",
         "Öcalan", "ocalan", "İmralı", "café", "CAFÉ", "U.S.", "e.g.", "1990s", "42",
         "running", "Runs", "NATO", "nato", "x", "don't", "Straße", "naïve", "ÉTÉ", "protests"]
TEXTS = st.lists(st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=6)),
                 max_size=25).map(" ".join)
OPTIONS = st.fixed_dictionaries({"positions": st.booleans(), "chars": st.booleans(),
                                 "removestops": st.booleans(),
                                 "mode": st.sampled_from(["index", "query", ""]),
                                 "no_morph": st.booleans()})


def tokens(analyzer, text: str, options: dict) -> list[tuple]:
    return [(t.text, t.stopped, getattr(t, "pos", None), getattr(t, "startchar", None),
             getattr(t, "endchar", None), t.boost) for t in analyzer(text, **options)]


def chain() -> CompositeAnalyzer:
    return CompositeAnalyzer(*text_analyzer().items)


@settings(max_examples=400, deadline=None)
@given(texts=st.lists(TEXTS, min_size=1, max_size=4), options=OPTIONS)
def test_the_indexing_path_makes_the_chains_tokens(texts, options):
    analyzer, plain = text_analyzer(), chain()  # one analyzer for several texts: its memory
    for text in texts:
        assert tokens(analyzer, text, options) == tokens(plain, text, options)


def test_words_seen_in_and_out_of_context_are_remembered_apart():
    analyzer = text_analyzer()
    text = "The US army. THE US ARMY. us and WHO"
    indexed = tokens(analyzer, text, {"positions": True, "mode": "index"})
    assert [t[0] for t in indexed] == ["US", "armi", "THE", "armi", "WHO"]  # US after THE: us
    assert [t[2] for t in indexed] == [1, 2, 3, 4, 5]
    assert indexed == tokens(chain(), text, {"positions": True, "mode": "index"})
    assert ("US", False) in analyzer._memo and ("US", True) in analyzer._memo


def test_the_memory_is_bounded_and_not_pickled(monkeypatch):
    monkeypatch.setattr("search.schema.MEMO_WORDS", 3)
    analyzer = text_analyzer()
    list(analyzer("alpha beta gamma delta epsilon", mode="index"))
    assert 0 < len(analyzer._memo) <= 3 < MEMO_WORDS
    copy = pickle.loads(pickle.dumps(analyzer))
    assert isinstance(copy, TextAnalyzer) and "_memo" not in copy.__dict__
    assert tokens(copy, "The US army", {"mode": "index"}) == \
        tokens(chain(), "The US army", {"mode": "index"})
