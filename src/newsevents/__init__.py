"""newsevents: news articles → structured, evidence-linked event data.

Public API::

    import newsevents
    record = newsevents.extract("Russia began withdrawing…", published="2016-03-15")
    for record in newsevents.extract_many([{"id": "a1", "text": "…"}]):
        ...
"""
from .engines.local import extract, extract_many
from .pipeline import load_pipeline
from .record import ArticleRecord

__all__ = ["ArticleRecord", "extract", "extract_many", "load_pipeline"]
__version__ = "0.1.0"
