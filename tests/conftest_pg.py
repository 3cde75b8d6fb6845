"""Shared fixtures of the scale tests: a real PostgreSQL database, SQL copies of the sample estate.

``pg_url`` creates its own database on the local PostgreSQL server (over the Unix socket, as the
current user; ``tests/services.sh`` -- run by ``make test`` -- installs and starts the server and
lets root connect) and drops it at the end of the session. When no server answers, the tests that
need it skip with the reason: nothing stands in for the database.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"
PG_SOCKET = os.environ.get("PRIVACY_AUDIT_PG_HOST", "/var/run/postgresql")
# Tabular datasets of the sample estate copied into SQL (vault and server log stay files).
SQL_DATASETS = ("users_backup", "tickets", "audience", "events", "sessions", "survey", "devices")


def _admin_url(db: str = "postgres") -> str:
    return f"postgresql+psycopg:///{db}?host={PG_SOCKET}"


@pytest.fixture(scope="session")
def pg_url():
    """URL of a fresh PostgreSQL database, dropped after the session."""
    import sqlalchemy as sa

    name = f"pa_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(_admin_url(), isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as exc:
        pytest.skip(f"no PostgreSQL server on {PG_SOCKET} (run tests/services.sh): {str(exc).splitlines()[0]}")
    try:
        yield _admin_url(name)
    finally:
        from privacy_audit import sources

        for url in [u for u in sources._ENGINES if name in u]:
            sources._ENGINES.pop(url).dispose()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def copy_estate(dest: Path) -> Path:
    """A copy of the sample estate under ``dest``; returns its data map path."""
    shutil.copytree(SAMPLES, dest, ignore=shutil.ignore_patterns("generate.py", "README.md"))
    return dest / "datamap.yaml"


def sql_estate(dest: Path, url: str, datasets: tuple[str, ...] = SQL_DATASETS) -> Path:
    """A copy of the sample estate whose tabular ``datasets`` live in the database at ``url``
    (one table each, same rows in the same order); returns the new data map path."""
    from privacy_audit import sources
    from privacy_audit.datamap import load_datamap

    dm_path = copy_estate(dest)
    dm = load_datamap(dm_path)
    doc = yaml.safe_load(dm_path.read_text())
    for entry in doc["datasets"]:
        if entry["name"] not in datasets:
            continue
        ds = dm.dataset(entry["name"])
        frame = sources.read_dataset(ds)
        _load(frame, url, ds.name)
        entry.pop("path", None)
        entry.pop("format", None)
        entry["url"] = url
        entry["table"] = ds.name
    out = dest / "datamap_sql.yaml"
    out.write_text(yaml.safe_dump(doc, sort_keys=False))
    return out



def _load(frame, url: str, table: str) -> None:
    """Create ``table`` from ``frame`` with no primary key, rows physically in the frame's order.

    SQLite keeps insertion order (rowid). PostgreSQL may place a later row into free space of an
    earlier page, so the rows are loaded with a temporary ``_row`` number, the table is CLUSTERed on
    it and the column dropped: a heap (ctid) order equal to the file's, with the same columns."""
    import sqlalchemy as sa

    from privacy_audit import sources

    if not url.startswith("postgresql"):
        sources.write_sql(frame, url, table)
        return
    sources.write_sql(frame.assign(_row=range(len(frame))), url, table)
    with sources.sql_engine(url).begin() as conn:
        conn.execute(sa.text(f'CREATE INDEX "{table}_row_idx" ON "{table}" ("_row")'))
        conn.execute(sa.text(f'CLUSTER "{table}" USING "{table}_row_idx"'))
        conn.execute(sa.text(f'ALTER TABLE "{table}" DROP COLUMN "_row"'))
