"""The use cases of the workbench, defined once: the CLI commands and the notebook widgets both call these.

Each function is one use case from start to end, so a command and a widget cannot drift apart:

* :func:`open_subject`: load the data map, find the vault key, resolve the data subject.
* :func:`find_data` / :func:`export_subject`: the subject's data, and their access bundle (recorded).
* :func:`open_bundle`: check a subject-access bundle and unpack it into a folder a person can open.
* :func:`erase`: apply an erasure plan (all or nothing), verify it on the whole estate, record the
  verification in the audit log. The plan comes from :func:`privacy_audit.erasure.plan_erasure`: the
  dry run is the plan itself, as ``Table.transform_sql`` is the dry run of ``Table.transform`` in
  sqlite-utils.
* :func:`rectify` / :func:`restrict`: apply a planned correction (then verify every cell) or a
  restriction change.
* :func:`compliance_report`: read and scan every dataset, run the checks, and judge every clause of the
  policy (:mod:`privacy_audit.compliance`); ``privacy-audit report`` and notebook 06 render it.
* :func:`datamap_diff`: scan every mapped dataset (the scan's default sample) and list where the
  scan and the declared categories disagree -- ``privacy-audit datamap diff`` and notebook 02.

Every subject search here (resolution, find, export, the erasure plan and its verification) reads
only the rows the estate's subject index (:mod:`privacy_audit.subject_index`, opened with
:func:`~privacy_audit.subject_index.open_index`) points to when it is current, and says so in
``SubjectData.search`` / ``notes``; without one it reads every dataset.

Privacy rules live in the core these call (a restriction reason holding personal data is refused by
:func:`privacy_audit.rights.plan_restriction`; the audit log is checked before any change). Rendering
(reports, widgets, command output) stays with the front ends.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import subject_index as _subject_index  # noqa: F401 - installs the index every subject search uses
from .access import BundleResult, OpenedBundle, build_bundle
from .access import open_bundle as unpack_bundle
from .changes import estate_read
from .checks import CheckContext, load_controls
from .compliance import ComplianceReport, compliance_report
from .datamap import DataMap, Drift, datamap_drift, load_datamap
from .erasure import (
    ErasurePlan,
    ErasureResult,
    apply_erasure,
    record_verification,
    vault_key_for,
    verify_erasure,
)
from .errors import ConfigError, PrivacyAuditError
from .linkage import with_linked_rows
from .rights import (
    RectificationCheck,
    RectificationPlan,
    RestrictionChange,
    apply_rectification,
    apply_restriction,
    verify_rectification,
)
from .subjects import (
    Subject,
    SubjectData,
    find_subject_data,
    parse_subject_arg,
    resolve_subjects,
    search_index_session,
)
from .vault import audit_key_for_datamap

__all__ = [
    "SubjectContext",
    "ExportOutcome",
    "RectificationOutcome",
    "open_subject",
    "find_data",
    "export_subject",
    "open_bundle",
    "erase",
    "rectify",
    "restrict",
    "DiffOutcome",
    "datamap_diff",
    "ComplianceReport",
    "compliance_report",
]


@dataclass(frozen=True)
class SubjectContext:
    """A loaded data map, its vault key (in memory only) and a resolved data subject."""

    datamap: DataMap
    vault_key: bytes | None
    subject: Subject


@dataclass(frozen=True)
class ExportOutcome:
    """What a subject-access export found and wrote."""

    data: SubjectData
    bundle: BundleResult

    @property
    def complete(self) -> bool:
        """False when a dataset could not be read (the bundle says so in its notes)."""
        return not self.data.errors


@dataclass(frozen=True)
class RectificationOutcome:
    """A correction as applied, and the check that every cell holds its new value."""

    applied: RectificationPlan
    check: RectificationCheck

    @property
    def ok(self) -> bool:
        return bool(self.check.ok)


def open_subject(
    datamap: DataMap | str | Path,
    identifiers: Iterable[tuple[str, str] | str],
    *,
    vault_key_file: str | Path | None = None,
) -> SubjectContext:
    """Load ``datamap`` (a path or a loaded map) and resolve the subject ``identifiers`` name.

    ``identifiers``: ``(kind, value)`` pairs or ``"KIND=VALUE"`` strings (as given to ``--subject``);
    all must point at the same person. The vault key comes from ``vault_key_file`` or the data map.
    """
    dm = datamap if isinstance(datamap, DataMap) else load_datamap(datamap)
    pairs = [parse_subject_arg(i) if isinstance(i, str) else (str(i[0]), str(i[1])) for i in identifiers]
    key = vault_key_for(dm, vault_key_file)
    return SubjectContext(dm, key, resolve_subjects(dm, pairs, vault_key=key))


def find_data(ctx: SubjectContext, *, engine: str = "pandas", scheduler: str | None = None) -> SubjectData:
    """Everything held on the subject, per dataset and register (``engine``: pandas, or dask), with the
    rows their quasi-identifiers attribute to them (:func:`privacy_audit.linkage.with_linked_rows`)."""
    with search_index_session(ctx.datamap, ctx.vault_key):  # the search and the linkage share one opened index
        if engine == "pandas" and scheduler is None:
            data = find_subject_data(ctx.datamap, ctx.subject, vault_key=ctx.vault_key)
        else:
            from .engine import find_subject_data as find_on_engine  # Dask is optional and heavy

            data = find_on_engine(ctx.datamap, ctx.subject, engine=engine, scheduler=scheduler, vault_key=ctx.vault_key)
        return with_linked_rows(ctx.datamap, data, vault_key=ctx.vault_key)  # rows their quasi-identifiers single out


def export_subject(
    ctx: SubjectContext,
    out: str | Path,
    *,
    password: str | None = None,
    recipient: Any = None,
    audit: bool = True,
    engine: str = "pandas",
    scheduler: str | None = None,
) -> ExportOutcome:
    """Collect the subject's data and write their access bundle to ``out`` (recorded in the audit log).

    Holds the estate lock shared from the first read to the audit entry: an export never reads an
    erasure (or any change) half committed, and refuses while an interrupted change is pending."""
    with estate_read(ctx.datamap):
        data = find_data(ctx, engine=engine, scheduler=scheduler)
        bundle = build_bundle(ctx.datamap, data, out, password=password, recipient=recipient, audit=audit,
                              vault_key=ctx.vault_key)  # fmt: skip
    return ExportOutcome(data, bundle)


def open_bundle(
    bundle: str | Path,
    out_dir: str | Path,
    *,
    password: str | None = None,
    identity: Any = None,
    datamap: DataMap | str | Path | None = None,
) -> OpenedBundle:
    """Check a subject-access bundle and unpack it into ``out_dir`` (all or nothing; never overwrites).

    ``password`` or ``identity`` (the recipient's X25519 private key) decrypts an encrypted bundle;
    with ``datamap`` the manifest's MAC is checked with the estate's key as well. ``index.html`` in
    the folder is the page to open (:attr:`OpenedBundle.index`).
    """
    key = None
    if datamap is not None:
        dm = datamap if isinstance(datamap, DataMap) else load_datamap(datamap)
        key = audit_key_for_datamap(dm)
        if key is None:
            raise ConfigError("no vault key for this estate, so the manifest's MAC cannot be checked")
    return unpack_bundle(bundle, out_dir, password=password, identity=identity, key=key)


def erase(
    datamap: DataMap, plan: ErasurePlan, *, vault_key: bytes | None = None, scanner: bool = True
) -> ErasureResult:
    """Apply ``plan`` (every file or none), verify on the whole estate, and record the verification.

    The result carries the :class:`~privacy_audit.erasure.Verification` (``result.verification``);
    residue is reported there (``.ok`` false), not raised.
    """
    result = apply_erasure(datamap, plan, vault_key=vault_key)
    verification = verify_erasure(datamap, plan, vault_key=vault_key, scanner=scanner)
    record_verification(datamap, plan, verification)
    return replace(result, verification=verification)


def rectify(datamap: DataMap, plan: RectificationPlan, *, vault_key: bytes | None = None) -> RectificationOutcome:
    """Write a planned correction (every file or none), then check every cell holds its new value."""
    done = apply_rectification(datamap, plan, vault_key=vault_key)
    return RectificationOutcome(done, verify_rectification(datamap, done, vault_key=vault_key))


def restrict(datamap: DataMap, change: RestrictionChange) -> RestrictionChange:
    """Write a planned restriction change to the register and log it."""
    return apply_restriction(datamap, change)


@dataclass(frozen=True)
class DiffOutcome:
    """Where scan and data map disagree; which datasets were scanned, and which could not be read (and why)."""

    drift: Drift
    scanned: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "drift": [r.to_dict() for r in self.drift.rows],
            "scanned": list(self.scanned),
            "skipped": [{"dataset": n, "why": why} for n, why in self.skipped],
        }


def datamap_diff(
    datamap: DataMap | str | Path,
    *,
    only: Iterable[str] = (),
    progress: Callable[[str, int, int], None] | None = None,
) -> DiffOutcome:
    """Scan each mapped dataset that declares columns (read as the checks read it, vault included,
    with the scan's default sample) and compare with the declared categories. A dataset that cannot
    be read is skipped with the reason in words; the others are still compared."""
    dm = datamap if isinstance(datamap, DataMap) else load_datamap(datamap)
    targets = [dm.dataset(n) for n in only] if only else list(dm.datasets)
    cctx = CheckContext(dm, as_of=dm.as_of or _dt.date.today(), controls=load_controls())
    scans, skipped = {}, []
    for i, ds in enumerate(targets):
        if progress is not None:
            progress(ds.name, i, len(targets))
        if not ds.columns:
            continue
        try:
            scans[ds.name] = cctx.scan(ds).to_frame()
        except PrivacyAuditError as exc:
            skipped.append((ds.name, str(exc)))
    return DiffOutcome(datamap_drift(dm, scans), tuple(scans), tuple(skipped))
