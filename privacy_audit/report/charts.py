"""Charts of the compliance report, drawn with matplotlib (Agg) and returned as inline SVG text.

Each function takes a :class:`~privacy_audit.compliance.ComplianceReport` and returns an
``<svg>`` element ready to paste into HTML: no XML prolog, no DOCTYPE, no metadata, no namespace
URLs, text kept as text, and ids made unique per chart. Output is deterministic for the same report.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

__all__ = [
    "ZONE_COLORS", "SEVERITY_COLORS", "pii_columns_chart", "findings_chart", "dataflow_chart", "risk_chart",
    "all_charts",
]  # fmt: skip

ZONE_COLORS = {"identified": "#c0392b", "pseudonymous": "#e0a030", "anonymous": "#3a8f5c"}
SEVERITY_COLORS = {"high": "#b03a2e", "medium": "#e08e0b", "low": "#7f8c8d"}
_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "privacy-audit",
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _to_svg(fig, prefix: str) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = re.sub(r"<\?xml[^>]*\?>\s*", "", svg)
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", svg)
    svg = svg.replace("xlink:href=", "href=")
    # make ids unique across the charts of one page
    svg = re.sub(r'id="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    svg = re.sub(r'(href="#|url\(#)([^")]+)', lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{prefix}" ', 1)
    return svg.strip()


def _empty(text: str, prefix: str) -> str:
    with plt.rc_context(_RC):
        fig, ax = plt.subplots(figsize=(6, 1.2))
        ax.axis("off")
        ax.text(0.5, 0.5, text, ha="center", va="center", color="#555")
        return _to_svg(fig, prefix)


def pii_columns_chart(report) -> str:
    """Horizontal bars: PII columns per dataset, coloured by the dataset's zone."""
    datasets = [d for d in report.datasets]
    if not datasets:
        return _empty("no datasets in the data map", "chart-pii")
    with plt.rc_context(_RC):
        fig, ax = plt.subplots(figsize=(6.4, 0.32 * len(datasets) + 1.0))
        names = [d.name for d in datasets][::-1]
        counts = [len(d.pii_columns) for d in datasets][::-1]
        colors = [ZONE_COLORS.get(d.zone, "#888") for d in datasets][::-1]
        bars = ax.barh(names, counts, color=colors, height=0.6)
        for bar, d in zip(bars, datasets[::-1], strict=True):
            label = str(len(d.pii_columns)) + (" (declared)" if d.pii_source == "declared" else "")
            ax.text(bar.get_width() + 0.1, bar.get_y() + bar.get_height() / 2, label, va="center", fontsize=8)
        ax.set_xlabel("columns holding personal data")
        ax.set_xlim(0, max(counts + [1]) * 1.25 + 0.5)
        ax.xaxis.get_major_locator().set_params(integer=True)
        handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in ZONE_COLORS.values()]
        ax.legend(handles, list(ZONE_COLORS), title="zone", loc="lower right", fontsize=8, frameon=False)
        ax.set_title("PII columns per dataset and zone", loc="left", fontsize=10)
        return _to_svg(fig, "chart-pii")


def findings_chart(report) -> str:
    """Stacked bars: findings per policy clause, split by severity."""
    by_clause = report.summary.get("findings_by_clause", {})
    if not by_clause:
        return _empty("no findings", "chart-findings")
    with plt.rc_context(_RC):
        clauses = list(by_clause)
        fig, ax = plt.subplots(figsize=(6.4, 2.8))
        bottom = [0] * len(clauses)
        for sev, color in SEVERITY_COLORS.items():
            vals = [by_clause[c].get(sev, 0) for c in clauses]
            ax.bar(clauses, vals, bottom=bottom, color=color, label=sev, width=0.6)
            bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
        ax.set_xlabel("policy clause")
        ax.set_ylabel("findings")
        ax.set_ylim(0, max(bottom) * 1.15 + 0.2)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.legend(title="severity", fontsize=8, frameon=False)
        ax.set_title("Findings by clause and severity", loc="left", fontsize=10)
        return _to_svg(fig, "chart-findings")


def dataflow_chart(report) -> str:
    """Data flow: datasets -> zones -> storage countries -> third parties.

    Each dataset draws a path through its zone and its storage country to every third party it is
    shared with; a dataset with findings is outlined in red, and a country outside the policy's
    storage countries is marked.
    """
    datasets = list(report.datasets)
    if not datasets:
        return _empty("no datasets in the data map", "chart-flow")
    with_findings = {f.dataset for f in report.findings if f.dataset}
    zones = [z for z in ZONE_COLORS if any(d.zone == z for d in datasets)] + sorted(
        {d.zone for d in datasets} - set(ZONE_COLORS)
    )
    countries = sorted({d.country or "unknown" for d in datasets})
    parties = sorted({p for d in datasets for p in d.shared_with})
    allowed = set(report.summary.get("policy_storage_countries") or [])
    columns = [
        ("datasets", [d.name for d in datasets]),
        ("zones", zones),
        ("storage countries", countries),
        ("third parties", parties or ["(none)"]),
    ]
    n = max(len(items) for _, items in columns)
    xs = [0.0, 2.6, 5.2, 7.8]
    half = 0.8  # half a box width
    height = max(2.6, 0.34 * n + 1.0)
    pos: dict[tuple[int, str], tuple[float, float]] = {}
    for ci, (_, items) in enumerate(columns):
        for i, item in enumerate(items):
            y = (n - 1) / 2 - (i - (len(items) - 1) / 2)
            pos[(ci, item)] = (xs[ci], y)

    with plt.rc_context(_RC):
        fig, ax = plt.subplots(figsize=(10.5, height))
        ax.axis("off")
        ax.set_xlim(-0.9, 8.7)
        ax.set_ylim(-0.8, n - 0.2 + 0.5)

        def link(a: tuple[float, float], b: tuple[float, float], color: str, alpha: float = 0.45) -> None:
            ax.annotate(
                "",
                xy=(b[0] - half, b[1]),
                xytext=(a[0] + half, a[1]),
                arrowprops={"arrowstyle": "-|>", "color": color, "alpha": alpha, "lw": 1.2,
                            "connectionstyle": "arc3,rad=0.0", "shrinkA": 0, "shrinkB": 0},
            )  # fmt: skip

        for d in datasets:
            color = ZONE_COLORS.get(d.zone, "#888")
            link(pos[(0, d.name)], pos[(1, d.zone)], color)
            link(pos[(1, d.zone)], pos[(2, d.country or "unknown")], color, 0.25)
            for p in d.shared_with:
                link(pos[(2, d.country or "unknown")], pos[(3, p)], color, 0.35)

        def box(xy: tuple[float, float], label: str, face: str, edge: str = "#444", lw: float = 0.8) -> None:
            ax.add_patch(FancyBboxPatch((xy[0] - half + 0.02, xy[1] - 0.17), 2 * half - 0.04, 0.34, boxstyle="round,pad=0.02",
                                        facecolor=face, edgecolor=edge, linewidth=lw))  # fmt: skip
            ax.text(xy[0], xy[1], label, ha="center", va="center", fontsize=8.5)

        for d in datasets:
            flagged = d.name in with_findings
            box(pos[(0, d.name)], d.name, "#fff", "#b03a2e" if flagged else "#444", 1.6 if flagged else 0.8)
        for z in zones:
            box(pos[(1, z)], z, ZONE_COLORS.get(z, "#ddd") + "33")
        for c in countries:
            outside = bool(allowed) and c not in allowed
            box(pos[(2, c)], c + (" (outside policy)" if outside else ""), "#fdecea" if outside else "#eef3f8",
                "#b03a2e" if outside else "#444")  # fmt: skip
        for p in parties or ["(none)"]:
            box(pos[(3, p)], p, "#f4f0fa")
        for ci, (title, _) in enumerate(columns):
            ax.text(xs[ci], n - 0.2 + 0.25, title, ha="center", va="bottom", fontsize=9, weight="bold")
        ax.text(-0.85, -0.7, "red outline: dataset with findings", fontsize=8, color="#b03a2e")
        return _to_svg(fig, "chart-flow")


def risk_chart(report) -> str:
    """Grouped bars: records per equivalence-class size, per separated dataset (size 1 = unique)."""
    sections = [r for r in getattr(report, "risk", ()) if r.get("buckets")]
    if not sections:
        return _empty("no pseudonymous or anonymous dataset with quasi-identifiers", "chart-risk")
    with plt.rc_context(_RC):
        labels = [b["class_size"] for b in sections[0]["buckets"]]
        fig, ax = plt.subplots(figsize=(6.4, 2.8))
        width = 0.8 / len(sections)
        palette = ["#b03a2e", "#e08e0b", "#3a8f5c", "#2e6da4", "#7f8c8d"]
        for i, r in enumerate(sections):
            total = max(r["records"], 1)
            shares = [100 * b["records"] / total for b in r["buckets"]]
            xs = [j + (i - (len(sections) - 1) / 2) * width for j in range(len(labels))]
            ax.bar(xs, shares, width=width, color=palette[i % len(palette)],
                   label=f"{r['dataset']} (k = {r['k']})")  # fmt: skip
        ax.set_xticks(range(len(labels)), labels)
        ax.set_xlabel("equivalence class size (records sharing the same quasi-identifier values)")
        ax.set_ylabel("% of records")
        ax.set_ylim(0, 110)
        ax.legend(fontsize=8, frameon=False)
        ax.set_title("Re-identification risk: class-size distribution", loc="left", fontsize=10)
        return _to_svg(fig, "chart-risk")


def all_charts(report) -> dict[str, str]:
    """Every chart of the report: name -> inline SVG."""
    makers: dict[str, Callable] = {
        "pii_columns": pii_columns_chart,
        "findings": findings_chart,
        "dataflow": dataflow_chart,
        "risk": risk_chart,
    }
    return {name: fn(report) for name, fn in makers.items()}
