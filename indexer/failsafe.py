"""Enrichment that survives a bad document: it is reported as failed and the run goes on."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain

from indexer.document import Document, Facets
from search.errors import TrawlError


class _SourceFailed(Exception):
    """An error raised while loading (not enriching): it must stop the run, not a document."""

    def __init__(self, error: BaseException):
        super().__init__(str(error))
        self.error = error


def enrich_safely(enricher, docs: Iterable[Document]) -> Iterator[tuple[Document, Facets | Exception]]:
    """(document, facets) in input order, or (document, error) for a document that failed.

    The enricher reads ahead (it batches), so the documents it was handed but has not yet
    returned are kept; when it raises, the oldest of them is the one that failed, and
    enrichment restarts on the rest. User-facing errors (a missing model) end the run.
    """
    source = iter(docs)
    handed: deque[Document] = deque()
    while True:
        try:
            for doc, facets in enricher.enrich(_feed(source, handed)):
                handed.popleft()
                yield doc, facets
            return
        except _SourceFailed as failure:
            raise failure.error from None
        except TrawlError:
            raise
        except Exception as error:
            if not handed:
                raise
            yield handed.popleft(), error
            source = chain(list(handed), source)
            handed.clear()


def _feed(source: Iterator[Document], handed: deque[Document]) -> Iterator[Document]:
    """Hand documents to the enricher, remembering them until they come back."""
    while True:
        try:
            doc = next(source)
        except StopIteration:
            return
        except Exception as error:
            raise _SourceFailed(error) from error
        handed.append(doc)
        yield doc
