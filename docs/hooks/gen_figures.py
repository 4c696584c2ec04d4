"""Figures drawn from the built tables at docs-build time (matplotlib, no tiles)."""

from __future__ import annotations

import io
from pathlib import Path

from gen_common import read_table

COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#d35400",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#2c3e50",
}


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _png(fig) -> bytes:
    buf = io.BytesIO()
    # No software/date metadata in the file, so the same tables give the same bytes.
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    _plt().close(fig)
    return buf.getvalue()


def _places(root: Path):
    return read_table(root, "places").set_index("place_id")


def timeline_png(root: Path) -> bytes:
    """Each event's date interval (start to end) as a bar, coloured by ACLED event type."""
    import datetime as dt

    import pandas as pd

    plt = _plt()
    events = read_table(root, "events")
    places = _places(root)
    dated = events.dropna(subset=["date_start"]).sort_values(["date_start", "date_end", "event_id"])
    fig, ax = plt.subplots(figsize=(8, 0.42 * max(len(dated), 3) + 1.6))
    labels = []
    for i, row in enumerate(dated.itertuples()):
        start = row.date_start
        end = start if pd.isna(row.date_end) else row.date_end
        colour = COLOURS.get(row.event_type, "#7f8c8d")
        ax.barh(i, (end - start) + dt.timedelta(days=1), left=start, height=0.55, color=colour, alpha=0.85)
        # A one-day bar is invisible on a scale of years: mark every start as well.
        ax.plot([start], [i], marker="D", markersize=5, color=colour)
        place = "no place" if pd.isna(row.place_id) else places["name"].get(row.place_id, row.place_id)
        span = start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"
        labels.append(f"{row.sub_event_type} ({place}) {span}")
    ax.set_yticks(range(len(labels)), labels, fontsize=9)
    ax.invert_yaxis()
    ax.margins(x=0.03)
    ax.grid(True, axis="x", linewidth=0.3)
    ax.set_xlabel("date interval of the event (date_start to date_end)")
    present = [t for t in COLOURS if t in set(dated["event_type"])]
    if present:
        handles = [plt.Rectangle((0, 0), 1, 1, color=COLOURS[t]) for t in present]
        ax.legend(handles, present, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3, fontsize=8, frameon=False)
    ax.set_title(f"Events by date ({len(dated)} dated of {len(events)})", fontsize=10)
    return _png(fig)


def map_png(root: Path) -> bytes:
    """Event locations as a longitude/latitude scatter, sized by the number of events."""
    plt = _plt()
    events = read_table(root, "events")
    places = _places(root)
    located = places.dropna(subset=["latitude", "longitude"])
    counts = events["place_id"].value_counts()
    fig, ax = plt.subplots(figsize=(7, 6))
    ax.scatter(located["longitude"], located["latitude"], s=12, color="#bdc3c7", zorder=1, label="gazetteer place")
    for pid, row in located.iterrows():
        n = int(counts.get(pid, 0))
        if n:
            ax.scatter([row.longitude], [row.latitude], s=60 + 40 * n, color="#c0392b", alpha=0.8, zorder=2)
        label = f"{row['name']} ({n})" if n else row["name"]
        ax.annotate(label, (row.longitude, row.latitude), xytext=(5, 4), textcoords="offset points",
                    fontsize=8, color="black" if n else "#7f8c8d")
    ax.scatter([], [], s=100, color="#c0392b", label="event location (size: number of events)")
    ax.set_xlabel("longitude (degrees)")
    ax.set_ylabel("latitude (degrees)")
    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.15)
    ax.grid(True, linewidth=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=8, frameon=False)
    ax.set_title("Where events took place (WGS84; GeoNames coordinates)", fontsize=10)
    return _png(fig)


def notes(root: Path) -> str:
    """What the figures leave out, so a reader does not mistake absence for zero."""
    events = read_table(root, "events")
    places = _places(root)
    undated = int(events["date_start"].isna().sum())
    no_place = int(events["place_id"].isna().sum())
    coords = places[["latitude", "longitude"]].notna().all(axis=1)
    unlocated = events["place_id"].notna() & ~events["place_id"].map(coords).fillna(False).astype(bool)
    names = sorted({places["name"].get(p, p) for p in events.loc[unlocated, "place_id"]})
    return (
        f"- Events in the tables: {len(events)}.\n"
        f"- Not on the timeline (no date in the text): {undated}.\n"
        f"- Not on the map: {no_place} without a place, and {int(unlocated.sum())} coded only to a country or "
        f"region without coordinates ({', '.join(names) or 'none'}).\n"
    )
