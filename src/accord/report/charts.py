"""Static charts of a dyad's relations (matplotlib, no display needed): events per period stacked by
QuadClass, with the cooperation-conflict index on a second axis."""

from __future__ import annotations

import io
from pathlib import Path

from ..analytics.records import SeriesPoint
from ..errors import UsageError

QUAD_COLOURS = ("#4c9f70", "#1b6e44", "#e0a030", "#c0392b")
QUAD_LABELS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


def _figure(points: list[SeriesPoint], title: str):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 3.6), dpi=100)
    labels = [p.period for p in points]
    x = range(len(points))
    bottom = [0] * len(points)
    for quad, (colour, label) in enumerate(zip(QUAD_COLOURS, QUAD_LABELS), start=1):
        values = [
            (p.verbal_cooperation, p.material_cooperation, p.verbal_conflict, p.material_conflict)[quad - 1]
            for p in points
        ]
        ax.bar(x, values, bottom=bottom, color=colour, label=label, width=0.7)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_ylabel("events")
    ax.set_xticks(
        list(x), labels, rotation=45 if len(labels) > 6 else 0, ha="right" if len(labels) > 6 else "center", fontsize=8
    )
    index_axis = ax.twinx()
    index_axis.plot(
        list(x),
        [_or_nan(p.cooperation_index) for p in points],
        color="#222222",
        marker="o",
        linewidth=1.5,
        label="cooperation index",
    )
    index_axis.set_ylim(-1.05, 1.05)
    index_axis.axhline(0, color="#999999", linewidth=0.5)
    index_axis.set_ylabel("cooperation index")
    ax.set_title(title, fontsize=11)
    handles = ax.get_legend_handles_labels()[0] + index_axis.get_legend_handles_labels()[0]
    fig.legend(handles=handles, loc="lower center", ncol=5, fontsize=7, frameon=False)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig, plt


def save_series_plot(points: list[SeriesPoint], title: str, path: str) -> None:
    suffix = Path(path).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise UsageError(f"--plot writes .png or .svg files, not {path!r}")
    if not points:
        raise UsageError("nothing to plot: no dated events for this pair")
    fig, plt = _figure(points, title)
    fig.savefig(path, format=suffix[1:])
    plt.close(fig)


def series_svg(points: list[SeriesPoint], title: str) -> str:
    """The chart as inline SVG text for an HTML page ("" when there is nothing to draw)."""
    if not points:
        return ""
    fig, plt = _figure(points, title)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def _or_nan(value: float | None) -> float:
    """A missing value as NaN, which matplotlib leaves as a gap (as it does None)."""
    return float("nan") if value is None else value
