"""The ``newsevents`` command line: each command is a thin wrapper over a library function.

Records go to stdout; progress, logs and errors go to stderr.
"""
from __future__ import annotations

import json
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Iterable, List, Optional

import typer

from .errors import NewsEventsError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
gazetteer_app = typer.Typer(no_args_is_help=True, help="The place gazetteer (built from packaged GeoNames data).")
app.add_typer(gazetteer_app, name="gazetteer")


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    yaml = "yaml"


QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar.")
DbOpt = typer.Option(Path("newsevents.db"), "--db", help="SQLite store (created if missing).")


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


def _fail(exc: NewsEventsError) -> None:
    typer.echo(str(exc), err=True)
    raise typer.Exit(code=2)


def write_records(records: Iterable, fmt: Format, single: bool) -> int:
    """Write records to stdout as JSON (one, or an array), JSONL or YAML; returns how many were written."""
    out = sys.stdout
    count = 0
    if fmt is Format.jsonl:
        for rec in records:
            out.write(rec.model_dump_json() + "\n")
            out.flush()
            count += 1
    elif fmt is Format.json:
        items = [rec.model_dump(mode="json") for rec in records]
        count = len(items)
        json.dump(items[0] if single and count == 1 else items, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        import yaml

        for rec in records:
            if count:
                out.write("---\n")
            yaml.safe_dump(rec.model_dump(mode="json"), out, allow_unicode=True, sort_keys=False, width=120)
            count += 1
    return count


@app.command()
def extract(
    target: str = typer.Argument(..., help="A .txt/.html/.jsonl file, a directory of those, a URL, or '-' for stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date (ISO 8601) for inputs that lack one."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f",
                                         help="Output format; default json for one article, jsonl for many."),
    n_process: Optional[int] = typer.Option(None, help="Worker processes."),
    quiet: bool = QuietOpt,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logs on stderr."),
) -> None:
    """Extract ArticleRecords from TARGET and print them (one per input article, in input order)."""
    from .engines.local import process
    from .ingest import read_inputs
    from .progress import track

    _setup_logging(verbose)
    try:
        single, articles = read_inputs(target, published=published)
        records = process(track(articles, "extracting", enabled=not quiet), n_process=n_process)
        write_records(records, fmt or (Format.json if single else Format.jsonl), single)
    except NewsEventsError as exc:
        _fail(exc)


@app.command()
def schema() -> None:
    """Print the JSON Schema of ArticleRecord."""
    from .record import json_schema

    json.dump(json_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., help="Files, directories, URLs or '-' to process into the store."),
    db: Path = DbOpt,
    published: Optional[str] = typer.Option(None, help="Publication date for inputs that lack one."),
    n_process: Optional[int] = typer.Option(None, help="Worker processes."),
    quiet: bool = QuietOpt,
) -> None:
    """Process inputs into the SQLite store; re-running adds nothing, an interrupted run resumes.

    A .jsonl file of ArticleRecords (what `export --format jsonl` writes) is stored as it is, without the NLP.
    """
    from .store.db import ingest_paths

    _setup_logging(False)
    try:
        summary = ingest_paths(paths, db, published=published, n_process=n_process, progress=not quiet)
    except NewsEventsError as exc:
        _fail(exc)
    typer.echo(json.dumps(summary, indent=2), err=True)


@app.command()
def stats(db: Path = DbOpt) -> None:
    """Print counts of what the store holds."""
    from .store.db import open_store
    from .store.queries import stats as store_stats

    try:
        with open_store(db, create=False) as conn:
            typer.echo(json.dumps(store_stats(conn), indent=2))
    except NewsEventsError as exc:
        _fail(exc)


@app.command()
def demo(db: Path = typer.Option(Path("newsevents-sample.db"), "--db", help="Store to build."),
         quiet: bool = QuietOpt) -> None:
    """The main job on the bundled sample corpus: process it into an embedded store and print a summary."""
    from .store.db import run_sample

    _setup_logging(False)
    try:
        typer.echo(run_sample(db, progress=not quiet))
    except NewsEventsError as exc:
        _fail(exc)


@app.command()
def serve(db: Path = DbOpt, host: str = typer.Option("127.0.0.1", help="Address to bind."),
          port: int = typer.Option(8000, help="Port.")) -> None:
    """Serve the HTTP API and web pages over the store."""
    from .api.app import serve as run_server

    run_server(db, host=host, port=port)


@app.command()
def export(db: Path = DbOpt,
           fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, parquet, plover, gdelt, acled."),
           out: Path = typer.Option(Path("export"), "--out", "-o", help="Output file or directory."),
           quiet: bool = QuietOpt) -> None:
    """Export the store's records."""
    from .export import export_db

    _setup_logging(False)
    try:
        typer.echo(json.dumps(export_db(db, fmt, out, progress=not quiet), indent=2), err=True)
    except NewsEventsError as exc:
        _fail(exc)


@gazetteer_app.command("build")
def gazetteer_build(force: bool = typer.Option(True, help="Rebuild even if an index exists.")) -> None:
    """Build the SQLite gazetteer index from packaged GeoNames data."""
    from .gazetteer.build import build_gazetteer

    try:
        typer.echo(json.dumps(build_gazetteer(force=force), indent=2), err=True)
    except NewsEventsError as exc:
        _fail(exc)


def main() -> None:
    """Entry point of the ``newsevents`` script."""
    app()
