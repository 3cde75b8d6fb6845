"""Every text of the sample estate an erasure's matcher reads: each non-empty cell of its CSV files
and each non-blank log line (shared by the screen and search-unit tests)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"


def sample_users() -> pd.DataFrame:
    """The sample estate's users (its plaintext backup), every column as text."""
    return pd.read_csv(SAMPLES / "exports" / "users_backup.csv", dtype=str)


def sample_cells() -> list[str]:
    """Every non-empty CSV cell and every non-blank log line of the sample estate, in file order."""
    cells: list[str] = []
    for path in sorted(SAMPLES.rglob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        cells += [v for col in frame.columns for v in frame[col].tolist() if v]
    for path in sorted(SAMPLES.rglob("*.log")):
        cells += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return cells
