"""Charts drawn offline with matplotlib (Agg, no pyplot state): PNG for email, SVG for the report.

Nothing is loaded from anywhere: fonts are matplotlib's own (DejaVu Sans) in PNGs; SVGs keep text
as text (``svg.fonttype = none``) with a generic sans-serif fallback, have no metadata block and
no DOCTYPE, so they can sit inline in an HTML page. Output is deterministic for the same data.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence

from monitor.config import ISSUE_KEYS
from monitor.deliver.wording import MONTHS_SHORT

# Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), one per issue.
ISSUE_COLOURS = dict(zip(ISSUE_KEYS, ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")))


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig


def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color("#999999")
    ax.spines["bottom"].set_color("#999999")
    ax.tick_params(colors="#444444", labelsize=8)
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))


def _day_label(day: dt.date) -> str:
    return f"{day.day} {MONTHS_SHORT[day.month - 1]}"


def _legend(fig, ax) -> None:
    handles, names = ax.get_legend_handles_labels()
    if handles:
        fig.legend(handles, names, loc="lower center", ncol=2, fontsize=7.5, frameon=False,
                   handlelength=1.6, columnspacing=1.2, bbox_to_anchor=(0.5, 0.0))


def _lines(fig, ax, x: Sequence, series: Mapping[str, Sequence[int]], names: Mapping[str, str],
           ticks: Sequence, tick_labels: Sequence[str], marker: str | None) -> None:
    for key, values in series.items():
        ax.plot(x, values, color=ISSUE_COLOURS.get(key, "#555555"), linewidth=1.6, marker=marker, markersize=3,
                label=names.get(key, key))
    ax.set_xticks(list(ticks))
    ax.set_xticklabels(list(tick_labels))
    ax.set_ylim(bottom=0, top=max([max(v) for v in series.values() if len(v)] + [1]) * 1.15 + 0.1)
    _style(ax)
    _legend(fig, ax)


def daily_issue_png(days: Sequence[dt.date], series: Mapping[str, Sequence[int]], names: Mapping[str, str],
                    title: str = "", *, width_px: int = 640, scale: int = 2) -> bytes:
    """A line per issue over ``days`` (articles per day), as PNG bytes for an email (``scale`` x pixels)."""
    rows = (len(series) + 1) // 2
    height_px = 230 + 16 * rows
    fig = _figure(width_px / 100, height_px / 100)
    bottom = 0.16 + 0.055 * rows
    ax = fig.add_axes((0.07, bottom, 0.9, (0.84 if title else 0.94) - bottom))
    x = list(range(len(days)))
    ticks = [i for i in x if (len(days) - 1 - i) % 7 == 0]
    _lines(fig, ax, x, series, names, ticks, [_day_label(days[i]) for i in ticks], marker=None)
    ax.set_xlim(-0.5, len(days) - 0.5)
    if title:
        ax.set_title(title, fontsize=9.5, loc="left", color="#222222")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100 * scale, facecolor="white", metadata={"Software": None})
    return _small_png(buf.getvalue())


def _small_png(data: bytes) -> bytes:
    """The same picture with a 256-colour palette (a quarter of the bytes; the issue colours survive)."""
    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    palette = image.getpalette()
    for i in range(0, len(palette), 3):  # the octree averages white to (254, 254, 254): keep it white
        if min(palette[i:i + 3]) >= 250:
            palette[i:i + 3] = [255, 255, 255]
    image.putpalette(palette)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _svg(fig, salt: str) -> str:
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": salt, "svg.fonttype": "none",
                                "font.family": ["DejaVu Sans", "sans-serif"]}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
                    facecolor="white")
    text = buf.getvalue()
    text = re.sub(r"<\?xml[^>]*\?>\s*", "", text)
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    return text.strip()


def weekly_issue_svg(weeks: Sequence[dt.date], series: Mapping[str, Sequence[int]], names: Mapping[str, str],
                     *, salt: str = "weekly") -> str:
    """A line per issue over weeks (articles per week), as inline SVG."""
    rows = (len(series) + 1) // 2
    fig = _figure(9.0, 3.4 + 0.2 * rows)
    ax = fig.add_axes((0.06, 0.12 + 0.06 * rows, 0.92, 0.82 - 0.06 * rows))
    x = list(range(len(weeks)))
    step = max(1, (len(weeks) + 11) // 12)
    ticks = x[::step]
    _lines(fig, ax, x, series, names, ticks, [_day_label(weeks[i]) for i in ticks], marker="o")
    ax.set_xlim(-0.4, max(len(weeks) - 0.6, 0.6))
    return _svg(fig, salt)


def region_bars_svg(regions: Sequence[str], totals: Sequence[int], *, salt: str = "regions") -> str:
    """Horizontal bars: articles per region, largest on top, as inline SVG."""
    n = max(len(regions), 1)
    height = 0.55 + 0.3 * n
    fig = _figure(9.0, height)
    ax = fig.add_axes((0.26, 0.4 / height, 0.68, 1 - 0.55 / height))
    y = list(range(len(regions)))[::-1]
    bars = ax.barh(y, totals, color="#0072B2", height=0.6)
    ax.bar_label(bars, labels=[str(t) for t in totals], fontsize=8, padding=3, color="#222222")
    ax.set_yticks(y)
    ax.set_yticklabels(list(regions), fontsize=8.5)
    ax.set_xlim(0, max(list(totals) + [1]) * 1.12)
    _style(ax)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.8)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    return _svg(fig, salt)
