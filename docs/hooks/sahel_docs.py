"""MkDocs hook: pages and figures generated from schemas/, datapackage.json and data/tables/.

Pages carry markers such as ``<!-- sahel:dictionary -->``; this hook replaces them
at build time, so the site never holds a hand-written copy of the data.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import gen_common  # noqa: E402
import gen_coverage  # noqa: E402
import gen_dictionary  # noqa: E402
import gen_examples  # noqa: E402
import gen_figures  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

MARKER = re.compile(r"<!--\s*sahel:([a-z_-]+)(?:\s+([a-z_]+))?\s*-->")
FIGURES = {"figures/timeline.png": gen_figures.timeline_png, "figures/map.png": gen_figures.map_png}


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    version = gen_common.project_version(_root(config))
    config.extra["version"] = version
    config.site_name = f"{config.site_name} {version}"
    return config


def on_files(files, config):
    root = _root(config)
    try:
        for uri, draw in FIGURES.items():
            files.append(File.generated(config, uri, content=draw(root)))
    except FileNotFoundError as exc:
        raise PluginError(str(exc)) from exc
    from pygments.formatters import HtmlFormatter

    css = HtmlFormatter(style="default").get_style_defs(".highlight")
    files.append(File.generated(config, "assets/pygments.css", content=css))
    return files


def _expand(name: str, arg: str | None, root: Path) -> str:
    if name == "version":
        return gen_common.project_version(root)
    if name == "coverage":
        return gen_coverage.render(root)
    if name == "dictionary":
        return gen_dictionary.render(root)
    if name == "example":
        return gen_examples.render(root, arg or "")
    if name == "figure-notes":
        return gen_figures.notes(root)
    if name == "citation":
        return gen_common.citation(root, arg or "bibtex")
    if name == "changelog":
        text = (root / "CHANGELOG.md").read_text(encoding="utf-8")
        return text.split("\n", 1)[1] if text.startswith("# ") else text  # the page has its own title
    raise PluginError(f"unknown docs marker sahel:{name}")


def on_page_markdown(markdown, page, config, files):
    root = _root(config)
    try:
        return MARKER.sub(lambda m: _expand(m.group(1), m.group(2), root), markdown)
    except (FileNotFoundError, KeyError, ValueError) as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from exc
