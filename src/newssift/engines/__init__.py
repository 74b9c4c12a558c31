"""Engines: where the per-document and per-story stages of one analysis run.

    local  this process: ``pipeline.extract_documents`` then ``pipeline.cross_document``
    ray    Ray tasks on a cluster (``ray_engine``): per-document batches on the
           workers, resolve and story clustering on the driver, then facts and
           the per-story figures and flags as one Ray task per story (``split``)

Every engine gives the same report; only the run-time meta (timings, the
engine's name and worker count) differs. ``docs/scale.md`` plans a day of
news on the Ray engine.
"""
from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

from ..config import DEFAULT_CONFIG, Config
from ..errors import ConfigError
from ..models import Document, Report

__all__ = ["ENGINES", "RUNTIME_META", "analyze_documents_with", "engine_meta", "open_engine"]

#: The engines ``Config.engine`` and ``--engine`` accept.
ENGINES = ("local", "ray")

#: Meta keys that describe the run, not its result (left out when comparing reports).
RUNTIME_META = ("time_", "engine")


@contextmanager
def open_engine(config: Config) -> Iterator[object | None]:
    """The engine ``config.engine`` names, opened for one analysis: None for "local", else a connected engine.

    A non-local engine offers ``extract(documents, config, progress)`` and
    ``map(fn, shared, items)`` (the runner ``engines.split`` takes); the store
    uses both, so ``analyze --db`` runs where ``analyze`` does.
    """
    if config.engine not in ENGINES:
        raise ConfigError(f"unknown engine {config.engine!r}; choose one of: {', '.join(ENGINES)}")
    if config.engine == "local":
        yield None
        return
    from .ray_engine import RayEngine

    with RayEngine(config.ray_address) as engine:
        yield engine


def engine_meta(engine) -> tuple[tuple[str, str], ...]:
    """The run-time meta naming a non-local engine and its workers (none for the local engine)."""
    if engine is None:
        return ()
    return (("engine", "ray"), ("engine_workers", str(engine.workers)))


def analyze_documents_with(
    documents: Sequence[Document], config: Config = DEFAULT_CONFIG, progress=None
) -> Report:
    """``pipeline.analyze_documents`` on ``config.engine`` (an unknown engine is refused by ``open_engine``)."""
    if config.engine == "local":
        from ..pipeline import analyze_documents

        return analyze_documents(documents, config=config, progress=progress)
    with open_engine(config) as engine:
        t0 = time.perf_counter()
        extractions = engine.extract(documents, config, progress)
        t_extract = time.perf_counter() - t0
        from .split import split_cross_document

        report = split_cross_document(documents, extractions, config, engine.map)
        meta = (
            ("time_extract_s", f"{t_extract:.3f}"),
            ("time_total_s", f"{time.perf_counter() - t0:.3f}"),
            *engine_meta(engine),
        )
    return replace(report, meta=report.meta + meta)
