"""The ``datapackage.json`` descriptor, generated from the schemas and the written files."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .paths import TABLES
from .schema import load_schema

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
DATA_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International (the derived tables and curated coding)",
}
GEONAMES = {
    "title": "GeoNames (coordinates and identifiers of places), CC BY 4.0",
    "path": "https://www.geonames.org/",
}
SOURCE_TEXT_LICENSES = {
    "public-domain": {
        "path": "https://creativecommons.org/publicdomain/mark/1.0/",
        "title": "Public domain (source texts, e.g. U.S. Government works such as VOA)",
    },
}


def project_version(root: Path) -> str:
    """The one version string: ``[project] version`` in pyproject.toml."""
    with open(root / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def descriptor(
    version: str,
    publishers: Mapping[str, Mapping[str, Any]],
    files: Mapping[str, Mapping[str, Mapping[str, Any]]],
) -> dict[str, Any]:
    """The package descriptor.

    ``publishers[name]`` holds the number of ``articles`` and the set of source-text
    ``licenses`` (the articles table lists each article's own URL and licence);
    ``files[table][fmt]`` holds ``path``, ``hash`` and ``bytes``.
    """
    resources = []
    for name in TABLES:
        schema = load_schema(name)
        csv, parquet = files[name]["csv"], files[name]["parquet"]
        resource: dict[str, Any] = {
            "name": name,
            "type": "table",
            "title": schema.descriptor.get("title", name),
            "description": schema.descriptor.get("description", ""),
            "path": csv["path"],
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "hash": f"sha256:{csv['hash']}",
            "bytes": csv["bytes"],
            "schema": f"schemas/{name}.schema.json",
            # The Parquet twin of the CSV (same rows); checked by `sahel-events validate`.
            "parquet": {"path": parquet["path"], "hash": f"sha256:{parquet['hash']}", "bytes": parquet["bytes"]},
        }
        if name == "articles":
            text_licenses = sorted({lic for p in publishers.values() for lic in p["licenses"]})
            resource["licenses"] = [DATA_LICENSE] + [
                SOURCE_TEXT_LICENSES.get(lic, {"name": lic, "title": f"{lic} (source texts)"})
                for lic in text_licenses
                if lic not in ("unknown", "proprietary")
            ]
        resources.append(resource)
    sources = [
        {"title": name, "articles": p["articles"], "licenses": sorted(p["licenses"])}
        for name, p in sorted(publishers.items())
    ]
    return {
        "$schema": PROFILE,
        "name": "sahel-events",
        "title": "sahel-events: evidence-backed events and claims on the conflict in Mali and the Sahel",
        "description": (
            "Tidy tables of news articles, actors, places, mentions, events and claims about the conflict "
            "in Mali and the Sahel (MINUSMA's withdrawal, the Malian army and the Wagner Group, JNIM and the "
            "armed movements of the north). Every event, claim and mention points to the exact characters "
            "of the cleaned article text that support it."
        ),
        "version": version,
        "keywords": ["conflict data", "event data", "Mali", "Sahel", "MINUSMA", "Wagner Group", "claims", "provenance"],
        "licenses": [DATA_LICENSE],
        "contributors": [{"title": "sahel-events contributors", "roles": ["creator"]}],
        "sources": sources + [GEONAMES],
        "resources": resources,
    }


def dumps(desc: Mapping[str, Any]) -> bytes:
    return (json.dumps(desc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
