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
from collections.abc import Sequence
from dataclasses import replace

from ..config import DEFAULT_CONFIG, Config
from ..errors import ConfigError
from ..models import Document, Report

__all__ = ["ENGINES", "RUNTIME_META", "analyze_documents_with"]

#: The engines ``Config.engine`` and ``--engine`` accept.
ENGINES = ("local", "ray")

#: Meta keys that describe the run, not its result (left out when comparing reports).
RUNTIME_META = ("time_", "engine")


def analyze_documents_with(
    documents: Sequence[Document], config: Config = DEFAULT_CONFIG, progress=None
) -> Report:
    """``pipeline.analyze_documents`` on ``config.engine`` (any engine but "local")."""
    if config.engine not in ENGINES:
        raise ConfigError(f"unknown engine {config.engine!r}; choose one of: {', '.join(ENGINES)}")
    if config.engine == "local":
        from ..pipeline import analyze_documents

        return analyze_documents(documents, config=config, progress=progress)
    from .ray_engine import RayEngine

    with RayEngine(config.ray_address) as engine:
        t0 = time.perf_counter()
        extractions = engine.extract(documents, config, progress)
        t_extract = time.perf_counter() - t0
        from .split import split_cross_document

        report = split_cross_document(documents, extractions, config, engine.map)
        meta = (
            ("time_extract_s", f"{t_extract:.3f}"),
            ("time_total_s", f"{time.perf_counter() - t0:.3f}"),
            ("engine", "ray"),
            ("engine_workers", str(engine.workers)),
        )
    return replace(report, meta=report.meta + meta)
