"""The home page's coverage figures, counted from the built tables."""

from __future__ import annotations

from pathlib import Path

from gen_common import project_version, read_table, table_names


def _span(values) -> str:
    values = [v for v in values if v is not None and v == v]
    if not values:
        return "none"
    lo, hi = min(values), max(values)
    return lo.isoformat() if lo == hi else f"{lo.isoformat()} to {hi.isoformat()}"


def render(root: Path) -> str:
    """Markdown: version, what the articles span, and a row count per table."""
    articles = read_table(root, "articles")
    events = read_table(root, "events")
    lines = [
        f"- Version: **{project_version(root)}**",
        f"- Articles: **{len(articles)}** from {articles['publisher'].nunique()} publisher(s), "
        f"published {_span(articles['published'])}",
        f"- Events dated {_span(list(events['date_start']) + list(events['date_end']))}",
        "",
        "| table | rows | curated | automatic |",
        "|---|---:|---:|---:|",
    ]
    for name in table_names(root):
        frame = read_table(root, name)
        if "coding" in frame.columns:
            curated = str(int((frame["coding"] == "curated").sum()))
            auto = str(int((frame["coding"] == "auto").sum()))
        else:
            curated = auto = "&ndash;"
        lines.append(f"| [`{name}`](data-dictionary.md#table-{name}) | {len(frame)} | {curated} | {auto} |")
    return "\n".join(lines) + "\n"
