"""The Ray engine: per-document batches and per-story bins as Ray tasks.

Joins a running cluster (``ray start --head`` on one machine, ``ray start
--address HEAD:6379`` on the others) or, without an address, starts a
private Ray instance on this machine for the run. Every node needs newssift
and its models installed in the Python that ``ray start`` runs from; the
driver ships only data (documents, extractions, entities), never code.

A worker process keeps its spaCy pipeline between tasks (``annotate.load_nlp``
caches it per process), so each worker loads spaCy once per cluster, not
once per batch.
"""
from __future__ import annotations

import math
import os
import socket
from collections.abc import Callable, Sequence
from typing import Self

from ..errors import EngineError, NewssiftError

__all__ = ["RayEngine", "check_reachable", "extract_batch"]

#: Environment set before Ray is imported: no usage statistics (nothing may
#: leave the machine), no dashboard dependencies looked for.
QUIET_ENV = {
    "RAY_USAGE_STATS_ENABLED": "0",
    "RAY_DISABLE_DOCKER_CPU_WARNING": "1",
    "RAY_DEDUP_LOGS": "0",
}
#: Seconds to wait for the head node's port before calling it unreachable.
CONNECT_TIMEOUT_S = 5.0
#: Per-document batches per worker: two keep every worker busy while the
#: slowest batch finishes, and are still large enough for nlp.pipe.
BATCHES_PER_WORKER = 2

INSTALL_HINT = "the ray engine needs Ray: pip install 'newssift[ray]' (or pip install 'ray>=2.40,<3')"


def check_reachable(address: str | None) -> None:
    """Raise EngineError when a HOST:PORT (or ray://HOST:PORT) address does not answer."""
    if not address or address in ("auto", "local"):
        return
    hostport = address.split("://", 1)[-1].rstrip("/")
    host, _, port = hostport.rpartition(":")
    if not host or not port.isdigit():
        raise EngineError(f"--address {address!r} is not HOST:PORT (e.g. 127.0.0.1:6379 or ray://HOST:10001)")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        raise EngineError(
            f"cannot reach the Ray cluster at {address} ({exc.strerror or exc}); "
            "start one with `ray start --head` there, or fix --address"
        ) from None


def _call(fn: Callable, shared, item):
    """The one remote function: ``fn(shared, item)`` on a worker."""
    return fn(shared, item)


def extract_batch(config, documents):
    """Per-document stages (annotate + extract) of one batch, on a worker."""
    from ..pipeline import extract_documents

    return extract_documents(documents, config=config)


class RayEngine:
    """A connection to a Ray cluster for one analysis (a context manager)."""

    def __init__(self, address: str | None = None):
        self.address = address
        self.workers = 1
        self._owned = False
        self._ray = None
        self._remote = None

    def __enter__(self) -> Self:
        for key, value in QUIET_ENV.items():
            os.environ.setdefault(key, value)
        try:
            import ray
        except ImportError:
            raise EngineError(INSTALL_HINT) from None
        self._ray = ray
        check_reachable(self.address)
        if not ray.is_initialized():
            self._connect()
        self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        self._remote = ray.remote(_call).options(max_retries=1)
        return self

    def _connect(self) -> None:
        ray = self._ray
        options = {"logging_level": "ERROR", "log_to_driver": False}
        try:
            if self.address is None:
                ray.init(include_dashboard=False, **options)
            else:
                ray.init(address=self.address, **options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise EngineError(f"cannot join the Ray cluster at {self.address or 'this machine'}: {first}") from None
        self._owned = True

    def __exit__(self, *exc) -> None:
        if self._owned:
            self._ray.shutdown()
            self._owned = False

    def map(self, fn: Callable, shared, items: Sequence) -> list:
        """``[fn(shared, item) for item in items]`` as Ray tasks; ``shared`` is stored once."""
        if not items:
            return []
        ref = self._ray.put(shared)
        return self._get([self._remote.remote(fn, ref, item) for item in items])

    def extract(self, documents: Sequence, config, progress=None) -> list:
        """``pipeline.extract_documents`` over batches of documents on the workers, results in input order."""
        ray = self._ray
        docs = list(documents)
        if not docs:
            return []
        size = max(1, min(config.spacy_batch_size, math.ceil(len(docs) / (self.workers * BATCHES_PER_WORKER))))
        batches = [docs[i:i + size] for i in range(0, len(docs), size)]
        conf = ray.put(config)
        pending = {self._remote.remote(extract_batch, conf, b): i for i, b in enumerate(batches)}
        results: dict[int, list] = {}
        done_docs = 0
        while pending:
            ready, _ = ray.wait(list(pending), num_returns=1)
            for ref in ready:
                i = pending.pop(ref)
                results[i] = self._get([ref])[0]
                done_docs += len(batches[i])
                if progress:
                    progress("extract", done_docs, len(docs))
        return [x for i in range(len(batches)) for x in results[i]]

    def _get(self, refs: list) -> list:
        """ray.get, with a newssift error raised on a worker re-raised as itself."""
        try:
            return self._ray.get(refs)
        except self._ray.exceptions.RayTaskError as exc:
            cause = getattr(exc, "cause", None)
            if isinstance(cause, NewssiftError):
                raise cause from None
            raise
