"""Report writers: JSON (schema 1), HTML, CSV, Markdown, pandas/Parquet and the terminal summary.

Importing this package registers the writers behind ``Report.to_json``,
``to_html``, ``to_markdown``, ``to_pandas``, ``to_parquet`` and
``Report.from_json``; each writer module is imported only when first used.
"""
from __future__ import annotations

import json as _json
from pathlib import Path

from ..errors import NewssiftError
from ..models import register_writer
from .json import report_from_dict, report_to_dict, write_json

__all__ = ["read_report", "report_from_dict", "report_to_dict", "write_json"]


def read_report(source) -> object:
    """A ``Report`` from its JSON: a path, a JSON string or an already parsed dict; a clear error otherwise."""
    if isinstance(source, dict):
        return report_from_dict(source)
    text = str(source)
    try:
        if not text.lstrip().startswith("{"):
            text = Path(text).read_text(encoding="utf-8")
        data = _json.loads(text)
    except (OSError, ValueError) as exc:
        raise NewssiftError(f"cannot read a report from {str(source)[:80]!r}: {exc}") from None
    if not isinstance(data, dict) or "documents" not in data:
        raise NewssiftError("not a newssift report: the JSON has no 'documents'")
    return report_from_dict(data)


def _html(report):
    from .html import render_html

    return render_html(report)


def _notebook(report):
    from .html import notebook_frame

    return notebook_frame(report)


def _markdown(report):
    from .markdown import report_to_markdown

    return report_to_markdown(report)


def _pandas(report):
    from .frames import report_to_frames

    return report_to_frames(report)


def _parquet(report, folder):
    from .frames import write_parquet

    return write_parquet(report, folder)


register_writer("json", lambda report: _json.dumps(report_to_dict(report), ensure_ascii=False, indent=1))
register_writer("html", _html)
register_writer("notebook", _notebook)
register_writer("markdown", _markdown)
register_writer("pandas", _pandas)
register_writer("parquet", _parquet)
register_writer("from_json", read_report)
