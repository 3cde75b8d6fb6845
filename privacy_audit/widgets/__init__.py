"""ipywidgets front ends for the notebooks, one module per notebook task.

Each widget calls the same package functions as the CLI and exposes ``.run_button`` (or a named
button), ``.result``, ``.banner`` (one-line errors) and ``.output``, so tests drive it in Python:
set values, ``.run_button.click()``, check ``.result``. Personal values are shown masked unless a
row is picked under "reveal".
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "ScanWidget",
    "DataMapWidget",
    "ChecksWidget",
    "ExportWidget",
    "ErasureWidget",
    "RightsWidget",
    "ReportWidget",
    "RequestsWidget",
    "RiskWidget",
    "find_samples",
    "working_copy",
    "plain_frame",
]

_WHERE = {
    "ScanWidget": "scan",
    "DataMapWidget": "datamap",
    "ChecksWidget": "checks",
    "ExportWidget": "export",
    "ErasureWidget": "erasure",
    "RightsWidget": "erasure",
    "ReportWidget": "report",
    "RequestsWidget": "requests",
    "RiskWidget": "risk",
    "find_samples": "_common",
    "working_copy": "_common",
    "plain_frame": "_common",
}


def __getattr__(name: str) -> Any:
    # Lazy: importing one widget must not import Presidio and every other module with it.
    if name in _WHERE:
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(name)
