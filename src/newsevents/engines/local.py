"""In-process and local-process-pool engine: Articles → ArticleRecords, in input order, errors included.

Error articles (ingest failed) are not sent through spaCy; they come back as error records in their place.
``n_process > 1`` uses spaCy's own multiprocessing (``nlp.pipe(n_process=…)``); records are identical either way.
"""
from __future__ import annotations

import logging
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..config import get_settings
from ..errors import Code, error_item
from ..ingest import Article
from ..pipeline import load_pipeline
from ..record import ArticleRecord, error_record, from_doc

logger = logging.getLogger(__name__)


def _to_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.meta = dict(article.meta)
    doc._.source = dict(article.source)
    doc._.removed_boilerplate = list(article.removed_boilerplate)
    doc._.warnings = list(article.warnings)
    doc._.errors = []
    return doc


def _too_long(nlp: Language, article: Article) -> Optional[Article]:
    """Texts over spaCy's max_length become error E105 instead of crashing the batch."""
    if article.ok and len(article.text) > nlp.max_length:
        article.errors = [error_item(Code.E105, "ingest", size=len(article.text), limit=nlp.max_length)]
        article.text = ""
    return article


def process(articles: Iterable[Article], nlp: Optional[Language] = None, n_process: Optional[int] = None,
            batch_size: Optional[int] = None) -> Iterator[ArticleRecord]:
    """Run the pipeline over articles and yield one ArticleRecord per article, in input order.

    Args:
        articles: Articles from :mod:`newsevents.ingest` (error articles pass through as error records).
        nlp: A pipeline from :func:`newsevents.pipeline.load_pipeline`; the configured one by default.
        n_process: Worker processes (1 = in-process).
        batch_size: Documents per ``nlp.pipe`` batch.
    """
    settings = get_settings()
    nlp = nlp or load_pipeline()
    n_process = n_process or settings.n_process
    batch_size = batch_size or settings.batch_size
    pending: dict[int, Article] = {}
    next_out = 0

    def feed() -> Iterator[tuple[Doc, int]]:
        for index, article in enumerate(articles):
            article = _too_long(nlp, article)
            if article.ok:
                yield _to_doc(nlp, article), index
            else:
                pending[index] = article

    def flush(upto: int) -> Iterator[ArticleRecord]:
        nonlocal next_out
        while next_out < upto or next_out in pending:
            if next_out in pending:
                bad = pending.pop(next_out)
                yield error_record(bad.errors, bad.source, bad.meta, bad.text)
            next_out += 1

    for doc, index in nlp.pipe(feed(), as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield from flush(index)
        yield from_doc(doc)
        next_out = index + 1
    yield from flush(next_out)


def extract(text: Optional[str] = None, *, html: Optional[str] = None, url: Optional[str] = None,
            published: Optional[str] = None, title: Optional[str] = None, outlet: Optional[str] = None,
            nlp: Optional[Language] = None) -> ArticleRecord:
    """Extract one article given as text or HTML (with optional metadata).

    Args:
        text: Plain article text (a headline and standfirst on its first lines are recognised).
        html: A web page; its main text and metadata are extracted.
        url: Where the page came from (recorded; not fetched here: see ``newsevents.ingest.fetch_url``).
        published: Publication date (ISO 8601); relative times are anchored on it.
        title: Headline, if known.
        outlet: Publisher name, if known.
        nlp: A pipeline to use instead of the cached default one.

    Returns:
        The ArticleRecord; bad input gives a record with ``status="error"`` and coded errors, never an exception.
    """
    from ..ingest.jsonl import from_item

    item = {"text": text, "html": html, "url": url, "published": published, "title": title, "outlet": outlet}
    article = from_item({k: v for k, v in item.items() if v is not None})
    return next(process([article], nlp=nlp, n_process=1))


def extract_many(items: Iterable[dict], n_process: Optional[int] = None,
                 nlp: Optional[Language] = None) -> Iterator[ArticleRecord]:
    """Extract many articles given as dicts ``{id?, text | html, url?, published?, title?, outlet?}``.

    Yields exactly one ArticleRecord per item, in input order; bad items give error records.
    """
    from ..ingest.jsonl import from_item

    return process((from_item(item) for item in items), nlp=nlp, n_process=n_process)
