"""Background jobs: adding and analysing run in one worker thread while the browser polls a status page.

One worker, because the store takes one writer at a time anyway; jobs queue
in order. A job records its stage and how far it got (documents extracted of
the total), so ``/jobs/{id}`` (a page that reloads itself with a meta
refresh, no script) and ``/api/jobs/{id}`` can show progress. Finished jobs
are kept for a while (``KEEP_JOBS``) so their result stays readable.
"""
from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

__all__ = ["KEEP_JOBS", "Job", "JobRunner", "Progress"]

#: Finished jobs remembered (oldest forgotten first): enough for a newsroom's afternoon.
KEEP_JOBS = 200

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Job:
    """A snapshot of one job: ``state`` is queued, running, done or failed."""

    id: str
    kind: str
    state: str = "queued"
    stage: str = "waiting for the store"
    done: int = 0
    total: int = 0
    message: str = ""
    result: dict = field(default_factory=dict)
    started: float = field(default_factory=time.time)

    @property
    def finished(self) -> bool:
        """True once the job is done or failed."""
        return self.state in ("done", "failed")

    @property
    def percent(self) -> int:
        """How far the current stage is, 0–100 (0 when its size is unknown)."""
        return int(100 * self.done / self.total) if self.total else 0


class JobRunner:
    """Runs jobs one at a time in a background thread and keeps their latest snapshot."""

    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newssift-job")

    def get(self, job_id: str) -> Job | None:
        """The latest snapshot of a job, or None when unknown (or long forgotten)."""
        with self._lock:
            return self._jobs.get(job_id)

    def _update(self, job_id: str, **changes) -> None:
        with self._lock:
            if job_id in self._jobs:
                self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def submit(self, kind: str, work: Callable[[Progress], tuple[str, dict]]) -> Job:
        """Queue ``work(progress)``, which returns (a one-line result, a JSON-ready result); return the job."""
        job = Job(id=secrets.token_hex(8), kind=kind)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                oldest = next(iter(self._jobs))
                if not self._jobs[oldest].finished:
                    break
                self._jobs.popitem(last=False)
        self._pool.submit(self._run, job.id, work)
        return job

    def _run(self, job_id: str, work: Callable[[Progress], tuple[str, dict]]) -> None:
        self._update(job_id, state="running", stage="starting")

        def progress(stage: str, done: int, total: int) -> None:
            self._update(job_id, stage=stage, done=done, total=total)

        try:
            message, result = work(progress)
        except Exception as exc:  # noqa: BLE001 - a job's failure is shown to the person, never raised in the worker
            self._update(job_id, state="failed", stage="failed", message=_one_line(exc))
            return
        self._update(job_id, state="done", stage="done", message=message, result=result)

    def shutdown(self) -> None:
        """Stop taking jobs; running ones finish."""
        self._pool.shutdown(wait=False, cancel_futures=True)


def _one_line(exc: Exception) -> str:
    detail = getattr(exc, "detail", None)
    text = str(detail if detail is not None else exc).strip().splitlines()
    return text[0][:300] if text else exc.__class__.__name__
