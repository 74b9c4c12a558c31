"""Report writers: JSON (schema 1), HTML, CSV and the terminal summary."""
from .json import report_from_dict, report_to_dict, write_json

__all__ = ["report_to_dict", "report_from_dict", "write_json"]
