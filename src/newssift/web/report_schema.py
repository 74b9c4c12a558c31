"""The JSON Schema of a report, generated from the frozen models in ``newssift.models`` (pydantic).

pydantic reads the dataclasses' fields and types; three differences between
the dataclasses and the JSON that ``report.json.report_to_dict`` writes are
applied on top, so the schema describes what the API sends:

* the report carries ``schema_version`` ("1");
* ``meta`` is an object of strings (the model keeps it as key/value pairs);
* an entity's mentions leave out their ``entity`` back-reference.
"""
from __future__ import annotations

from functools import cache

__all__ = ["REPORT_REF", "report_json_schema"]

#: Where the report schema sits in the OpenAPI document.
REPORT_REF = "#/components/schemas/Report"


@cache
def report_json_schema() -> dict:
    """The report schema with its parts under ``$defs`` (JSON Schema 2020-12, as OpenAPI 3.1 uses)."""
    from pydantic import TypeAdapter

    from ..models import Report
    from ..report.json import SCHEMA_VERSION

    schema = TypeAdapter(Report).json_schema(mode="serialization")
    props = schema["properties"]
    props["schema_version"] = {"const": SCHEMA_VERSION, "description": "Version of the report format."}
    props["meta"] = {"type": "object", "additionalProperties": {"type": "string"},
                     "description": "How the report was made: versions, model, timings."}
    schema["required"] = ["schema_version", "documents", "entities", "claims", "facts", "flags"]
    mention = schema["$defs"]["Mention"]
    mention["properties"].pop("entity", None)
    mention["required"] = [r for r in mention.get("required", []) if r != "entity"]
    schema["description"] = ("A newssift report (schema 1): the documents, who said what (claims with exact "
                             "character offsets), facts across outlets, figures, flags and stories.")
    return schema


def openapi_components(schema: dict) -> tuple[dict, dict]:
    """(the Report schema with references into components, its parts) for an OpenAPI document."""
    import json

    defs = schema.get("$defs", {})
    text = json.dumps({k: v for k, v in schema.items() if k != "$defs"})
    text = text.replace('"#/$defs/', '"#/components/schemas/')
    parts = json.loads(json.dumps(defs).replace('"#/$defs/', '"#/components/schemas/'))
    return json.loads(text), parts
