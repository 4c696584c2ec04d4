"""The data dictionary lists every field of every schema, generated, never hand-copied."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser

from _docs_site import ROOT, built_site, hooks_path


def _schemas() -> dict[str, dict]:
    return {p.name.removesuffix(".schema.json"): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((ROOT / "schemas").glob("*.schema.json"))}


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)


def test_page_lists_every_field_of_every_schema():
    html = (built_site() / "data-dictionary.html").read_text(encoding="utf-8")
    parser = _Ids()
    parser.feed(html)
    missing = []
    for table, schema in _schemas().items():
        if f"table-{table}" not in parser.ids:
            missing.append(f"table {table}")
        for field in schema["fields"]:
            if f"field-{table}-{field['name']}" not in parser.ids:
                missing.append(f"{table}.{field['name']}")
            for value in field.get("constraints", {}).get("enum", []):
                if f"<code>{value}</code>" not in html.replace("&amp;", "&"):
                    missing.append(f"{table}.{field['name']} value {value}")
        for fk in schema.get("foreignKeys", []):
            assert f'href="#table-{fk["reference"]["resource"]}"' in html
    assert not missing, "not in the data dictionary: " + ", ".join(missing)


def test_a_new_schema_field_appears_without_a_docs_edit(tmp_path):
    hooks_path()
    import gen_dictionary

    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    shutil.copy(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    path = tmp_path / "schemas" / "events.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["fields"].append({"name": "test_only_field", "type": "integer", "description": "Added by a test.",
                             "constraints": {"minimum": 0, "enum": [1, 2]}})
    path.write_text(json.dumps(schema), encoding="utf-8")
    text = gen_dictionary.render(tmp_path)
    assert 'id="field-events-test_only_field"' in text
    assert "Added by a test." in text and "minimum 0" in text and "<code>2</code>" in text


def test_package_metadata_and_files_are_shown():
    html = (built_site() / "data-dictionary.html").read_text(encoding="utf-8")
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] in html
    for resource in package["resources"]:
        assert resource["path"] in html
