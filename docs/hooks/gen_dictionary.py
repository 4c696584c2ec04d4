"""The data dictionary page, rendered from schemas/*.json and datapackage.json.

Generated at docs-build time so that a field added to a schema is documented
without editing any page.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from gen_common import table_names

_CODE = re.compile(r"`([^`]+)`")


def inline(text: str) -> str:
    """Escape text for HTML, keeping `backticks` as code."""
    parts = _CODE.split(text or "")
    return "".join(f"<code>{html.escape(p)}</code>" if i % 2 else html.escape(p) for i, p in enumerate(parts))


def constraint_text(field: dict[str, Any]) -> str:
    c = field.get("constraints", {})
    items = []
    if c.get("required"):
        items.append("required")
    if c.get("unique"):
        items.append("unique")
    if "minimum" in c:
        items.append(f"minimum {c['minimum']}")
    if "maximum" in c:
        items.append(f"maximum {c['maximum']}")
    for key in ("minLength", "maxLength"):
        if key in c:
            items.append(f"{key} {c[key]}")
    if "pattern" in c:
        items.append(f"pattern <code class=\"pattern\">{html.escape(c['pattern'])}</code>")
    if "format" in field and field["format"] != "default":
        items.append(f"format {html.escape(str(field['format']))}")
    known = {"required", "unique", "minimum", "maximum", "minLength", "maxLength", "pattern", "enum"}
    for key in sorted(set(c) - known):  # anything a future schema adds is still shown
        items.append(f"{html.escape(key)} <code>{html.escape(json.dumps(c[key]))}</code>")
    return "<br>".join(items) or "&ndash;"


def enum_text(field: dict[str, Any]) -> str:
    values = field.get("constraints", {}).get("enum")
    if not values:
        return "&ndash;"
    return " ".join(f"<code>{html.escape(str(v))}</code>" for v in values)


def field_rows(table: str, schema: dict[str, Any]) -> str:
    pk = set(schema.get("primaryKey", []))
    rows = []
    for f in schema["fields"]:
        name = html.escape(f["name"])
        key = " (key)" if f["name"] in pk else ""
        rows.append(
            f'<tr id="field-{table}-{name}"><td><code>{name}</code>{key}</td>'
            f"<td>{html.escape(f['type'])}</td><td>{constraint_text(f)}</td>"
            f"<td>{enum_text(f)}</td><td>{inline(f.get('description', ''))}</td></tr>"
        )
    return "\n".join(rows)


def keys_text(schema: dict[str, Any]) -> str:
    lines = [f"- Primary key: {', '.join(f'`{k}`' for k in schema.get('primaryKey', [])) or 'none'}"]
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        src = ", ".join(f"`{k}`" for k in fk["fields"])
        dst = ", ".join(f"`{k}`" for k in ref["fields"])
        lines.append(f"- Foreign key: {src} &rarr; [`{ref['resource']}`](#table-{ref['resource']}).{dst}")
    return "\n".join(lines)


def resource_text(resource: dict[str, Any] | None) -> str:
    if resource is None:
        return "Not listed in `datapackage.json` (run `sahel-events build`)."
    text = _file_text(resource)
    for key, twin in resource.items():  # twins of the table in other formats (e.g. "parquet": {path, hash, bytes})
        if isinstance(twin, dict) and "path" in twin:
            text += f"\n- File ({key}): {_file_text(twin)}"
    return text


def _file_text(resource: dict[str, Any]) -> str:
    bits = [f"`{resource.get('path')}`"]
    for key in ("format", "mediatype", "encoding", "bytes", "hash"):
        if key in resource:
            bits.append(f"{key} `{resource[key]}`")
    return "; ".join(bits)


def render(root: Path) -> str:
    """Markdown (with HTML tables) for every table of the package."""
    package = _datapackage(root)
    resources: dict[str, list[dict[str, Any]]] = {}
    for res in package.get("resources", []):
        path = res.get("path")
        base = Path(path).name.split(".")[0] if isinstance(path, str) else str(res.get("name", ""))
        resources.setdefault(base, []).append(res)
    out = [_package_text(package)]
    for table in table_names(root):
        schema = json.loads((root / "schemas" / f"{table}.schema.json").read_text(encoding="utf-8"))
        files = resources.get(table) or [None]
        out.append(
            f'## `{table}` {{#table-{table}}}\n\n'
            f"**{html.escape(schema.get('title', table))}.** {inline(schema.get('description', ''))}\n\n"
            f"Schema: `schemas/{table}.schema.json`\n\n"
            + "\n".join(f"- File: {resource_text(r)}" for r in files)
            + "\n"
            + keys_text(schema)
            + "\n\n"
            + '<table class="dictionary">\n<thead><tr><th>field</th><th>type</th><th>constraints</th>'
            + "<th>allowed values</th><th>description</th></tr></thead>\n<tbody>\n"
            + field_rows(table, schema)
            + "\n</tbody>\n</table>\n"
        )
    return "\n".join(out)


def _datapackage(root: Path) -> dict[str, Any]:
    path = root / "datapackage.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def _package_text(package: dict[str, Any]) -> str:
    if not package:
        return "!!! warning\n    `datapackage.json` has not been built yet; only the schemas are shown.\n"
    lines = ["## The package\n"]
    for key in ("name", "title", "version", "profile", "$schema"):
        if key in package:
            lines.append(f"- {key}: `{package[key]}`")
    for lic in package.get("licenses", []):
        label = lic.get("title") or lic.get("name")
        lines.append(f"- Licence: {inline(str(label))}" + (f" (`{lic['name']}`)" if lic.get("title") and lic.get("name") else ""))
    for src in package.get("sources", []):
        lines.append(f"- Source: {inline(str(src.get('title', '')))}")
    return "\n".join(lines) + "\n"
