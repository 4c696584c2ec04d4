"""The built site: strict build, every local asset present, nothing fetched from outside."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from _docs_site import ROOT, built_site


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.refs.append((tag, name, value))


def _refs(page: Path) -> list[tuple[str, str, str]]:
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.refs


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def missing_assets(site: Path) -> list[str]:
    """Local src/href targets of every page that do not exist in the built site."""
    missing = []
    for page in _pages(site):
        for tag, _, value in _refs(page):
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or not parts.path:  # external, mailto:, data:, or #anchor
                continue
            path = unquote(parts.path)
            # Root-relative links (the 404 page uses them) resolve against the site root.
            target = (site / path.lstrip("/") if path.startswith("/") else page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                missing.append(f"{page.relative_to(site)}: <{tag}> {value}")
    return missing


def test_every_local_asset_exists():
    missing = missing_assets(built_site())
    assert not missing, "missing local assets:\n" + "\n".join(missing)


def test_the_asset_check_finds_a_missing_file(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "ok.css").write_text("")
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="css/ok.css"><img src="figures/gone.png"><a href="#top">x</a>'
        '<a href="https://example.org/">out</a><script src="/js/gone.js"></script>'
    )
    assert missing_assets(tmp_path) == ["index.html: <img> figures/gone.png", "index.html: <script> /js/gone.js"]


def test_no_external_assets():
    """Links out are fine; scripts, styles, images and fonts must be local (the site works offline)."""
    site = built_site()
    external = []
    for page in _pages(site):
        for tag, attr, value in _refs(page):
            loads = attr == "src" or (tag == "link" and attr == "href")
            if loads and (urlsplit(value).scheme in ("http", "https") or value.startswith("//")):
                external.append(f"{page.relative_to(site)}: <{tag} {attr}={value}>")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for marker in ("@import url(http", "url(http", "url('http", 'url("http'):
            if marker in text:
                external.append(f"{css.relative_to(site)}: {marker}")
    assert not external, "external assets:\n" + "\n".join(external)


def test_every_nav_page_is_built():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    site = built_site()
    for entry in config["nav"]:
        (source,) = entry.values()
        assert (site / source.replace(".md", ".html")).exists(), source


def test_figures_are_built():
    site = built_site()
    for name in ("timeline.png", "map.png"):
        data = (site / "figures" / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 5000, name
    html = (site / "figures.html").read_text(encoding="utf-8")
    assert 'src="figures/timeline.png"' in html and 'src="figures/map.png"' in html


def test_generated_pages_carry_data():
    import pandas as pd

    site = built_site()
    home = (site / "index.html").read_text(encoding="utf-8")
    codebook = (site / "codebook.html").read_text(encoding="utf-8")
    events = pd.read_csv(ROOT / "data" / "tables" / "events.csv")
    assert "<!-- sahel:" not in home + codebook, "a marker was not expanded"
    assert f"<td>{len(events)}</td>" in home.replace(' style="text-align: right;"', "")
    seed = events[events["article_id"] == "voa-2023-10-mali-russia-troops-relocate"]
    for event_id in seed["event_id"]:
        assert event_id in codebook
    cli = (site / "cli.html").read_text(encoding="utf-8")
    for command in ("build", "validate", "cite"):
        assert f"sahel-events {command}" in cli
    api = (site / "api.html").read_text(encoding="utf-8")
    import sahel_events as se

    for name in se.__all__:
        if name != "__version__":
            obj = getattr(se, name)
            assert f'id="{obj.__module__}.{name}"' in api, f"{name} is missing from the API reference"
