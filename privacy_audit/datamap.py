"""The data map: the estate's datasets, zones, keys, locations, purposes, sharing and access.

A data map is a YAML file (see ``data_samples/datamap.yaml`` and ``docs/architecture.md``).
:func:`load_datamap` validates it and returns a frozen :class:`DataMap`; every problem becomes one
:class:`~privacy_audit.errors.DataMapError` line of the form ``FILE:LINE: FIELD: problem``.

Validation rules (the contract):

* required: ``datasets`` (a list); per dataset ``name`` (unique), ``zone`` and either ``path`` (a file
  or folder that exists, relative to the data map's folder) or ``url`` + ``table`` (SQL);
* ``zone`` is one of identified | pseudonymous | anonymous; ``format`` (optional, guessed from the
  suffix) is one of :data:`FORMATS`;
* every role named in a dataset's ``access`` is declared under ``roles:``;
* every register path exists; types are checked (lists of strings, booleans, whole numbers, dates);
* ``requests:`` (optional) sets the subject-request deadlines and the processors' receipt keys:
  ``answer_within`` (default ``1 month``), ``extension_max`` (default ``2 months``), each ``N day(s)``,
  ``N week(s)`` or ``N month(s)``, and ``processor_keys`` (processor -> Ed25519 public key PEM file,
  which must exist); see :class:`RequestRules`;
* unknown extra fields are accepted silently and kept in ``extra`` (forward-compatible: newer data
  maps still load with older code).

A dataset is *in processing* (the restriction and opt-out controls look there) when it says
``processing: true``; without that field, when one of its purposes is in the data map's
``processing_purposes`` (default :data:`DEFAULT_PROCESSING_PURPOSES`: marketing and the like).

Also here: the draft map from a scan (:func:`draft_datamap`), scan-vs-declared drift
(:func:`datamap_drift`) and the Record of Processing Activities (:func:`ropa`). All pure: the
DataFrames and scan results come in as arguments.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .entities import is_direct
from .errors import ConfigError, DataMapError
from .risk import risk_settings

__all__ = [
    "ZONES",
    "CONTACT_PARTIES",
    "CONTACT_FIELDS",
    "FORMATS",
    "DEFAULT_PROCESSING_PURPOSES",
    "Dataset",
    "Role",
    "Register",
    "RequestRules",
    "parse_period",
    "DataMap",
    "load_datamap",
    "parse_datamap",
    "draft_datamap",
    "DriftRow",
    "Drift",
    "datamap_drift",
    "RopaRow",
    "Ropa",
    "ropa",
]

ZONES = ("identified", "pseudonymous", "anonymous")
FORMATS = ("csv", "tsv", "parquet", "jsonl", "json", "excel", "log", "vault", "sql", "sqlite")
_SUFFIX_FORMATS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xlsx": "excel",
    ".xls": "excel",
    ".log": "log",
    ".vault": "vault",
    ".db": "sqlite",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
}

DEFAULT_PROCESSING_PURPOSES = frozenset(
    {"marketing", "advertising", "profiling", "personalization", "personalisation", "campaigns"}
)


# --------------------------------------------------------------------------------------------
# models


@dataclass(frozen=True)
class Role:
    """A role that may read data, and the purposes it reads data for."""

    name: str
    purposes: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Register:
    """A governance table (sharing, access grants, consents, ...) named under ``registers:``."""

    name: str
    path: Path
    format: str | None = None
    line: int = 0


_PERIOD = re.compile(r"^\s*(\d{1,4})\s*(day|week|month)s?\s*$", re.IGNORECASE)


def parse_period(text: object) -> tuple[int, str] | None:
    """``"1 month"`` -> ``(1, "months")``, ``"30 days"`` -> ``(30, "days")``; ``None`` when not a period."""
    m = _PERIOD.match(str(text)) if isinstance(text, str | int) and not isinstance(text, bool) else None
    if not m:
        return None
    n, unit = int(m.group(1)), m.group(2).lower()
    return (n * 7, "days") if unit == "week" else (n, unit + "s")


@dataclass(frozen=True)
class RequestRules:
    """The data map's rules for subject requests (``requests:``).

    ``answer_within``: the deadline counted from receipt (default one calendar month, GDPR art. 12(3));
    ``extension_max``: how much longer an extension (with a reason) may add (default two months);
    ``processor_keys``: processor name -> path of its Ed25519 public key (PEM), to verify receipts.
    """

    answer_within: tuple[int, str] = (1, "months")
    extension_max: tuple[int, str] = (2, "months")
    processor_keys: Mapping[str, Path] = field(default_factory=dict)


@dataclass(frozen=True)
class Dataset:
    """One dataset of the estate, as the data map declares it."""

    name: str
    zone: str
    path: Path | None = None  # absolute (resolved against the data map's folder)
    relpath: str | None = None  # as written in the data map
    url: str | None = None
    table: str | None = None
    format: str | None = None
    subject_key: str | None = None
    pseudonym: Mapping[str, Any] = field(default_factory=dict)
    encrypted: bool = False
    location: Mapping[str, Any] = field(default_factory=dict)
    purposes: tuple[str, ...] = ()
    legal_basis: str | None = None
    retention_days: int | None = None
    time_column: str | None = None
    shared_with: tuple[str, ...] = ()
    access: tuple[str, ...] = ()
    source: str | None = None
    columns: Mapping[str, str | None] = field(default_factory=dict)
    processing: bool = False  # resolved: explicit `processing:` or a processing purpose
    description: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    line: int = 0

    @property
    def country(self) -> str | None:
        """The country the dataset is stored in (``location.country``), if declared."""
        value = self.location.get("country") if self.location else None
        return str(value) if value not in (None, "") else None

    @property
    def is_sql(self) -> bool:
        return self.url is not None

    @property
    def pii_columns(self) -> dict[str, str]:
        """Declared columns that carry a category (``None`` means declared not personal)."""
        return {c: e for c, e in self.columns.items() if e}

    def to_dict(self) -> dict[str, Any]:
        """Plain-data view (paths as written in the data map)."""
        return {
            "name": self.name,
            "path": self.relpath,
            "url": self.url,
            "table": self.table,
            "format": self.format,
            "zone": self.zone,
            "subject_key": self.subject_key,
            "pseudonym": dict(self.pseudonym),
            "encrypted": self.encrypted,
            "location": dict(self.location),
            "purposes": list(self.purposes),
            "legal_basis": self.legal_basis,
            "retention_days": self.retention_days,
            "time_column": self.time_column,
            "shared_with": list(self.shared_with),
            "access": list(self.access),
            "source": self.source,
            "processing": self.processing,
            "columns": dict(self.columns),
        }


@dataclass(frozen=True)
class DataMap:
    """A validated data map. Paths inside are resolved against ``root`` (the YAML file's folder)."""

    path: Path
    root: Path
    organization: str
    policy: Path | None
    as_of: _dt.date | None
    audit_log: Path
    vault: Mapping[str, Any]
    roles: Mapping[str, Role]
    registers: Mapping[str, Register]
    datasets: tuple[Dataset, ...]
    policy_storage_countries: tuple[str, ...] = ()
    exports_dirs: tuple[Path, ...] = ()
    controls: Path | None = None
    processing_purposes: frozenset[str] = DEFAULT_PROCESSING_PURPOSES
    requests: RequestRules = field(default_factory=RequestRules)
    #: whom a data subject contacts: ``controller``, ``dpo``, ``supervisory_authority`` -> name, email, ...
    contacts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    sha256: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def dataset(self, name: str) -> Dataset:
        """The dataset called ``name``; :class:`DataMapError` when there is none."""
        for ds in self.datasets:
            if ds.name == name:
                return ds
        known = ", ".join(d.name for d in self.datasets) or "none"
        raise DataMapError(
            f"{self.path.name}: no dataset named {name!r} (known: {known})", reason="no-dataset"
        )

    def resolve(self, relpath: str | Path) -> Path:
        """A path written in the data map, resolved against the data map's folder."""
        p = Path(relpath).expanduser()
        return p if p.is_absolute() else (self.root / p)

    @property
    def audit_log_path(self) -> Path:
        return self.audit_log

    @property
    def phone_region(self) -> str:
        """The country national phone numbers of the estate are read in (``separation.phone_region``, default US).

        Every module reads numbers written without ``+`` in this region, so the separation audit, the
        subject search and erasure agree on which stored value is which phone.
        """
        sep = self.extra.get("separation")
        region = sep.get("phone_region") if isinstance(sep, Mapping) else None
        return str(region).upper() if isinstance(region, str) and len(region) == 2 else "US"

    def register(self, name: str) -> Register | None:
        """The register called ``name`` (e.g. ``consents``), or ``None`` when not declared."""
        return self.registers.get(name)

    def protected_paths(self) -> tuple[tuple[Path, str], ...]:
        """Every file or folder of the estate an output must never replace, with what it is.

        The data map itself, its policy and controls, the audit log (and its lock), the vault and
        its key file, every dataset path and every register.
        """
        out: list[tuple[Path, str]] = [(self.path, "the data map"), (self.audit_log, "the audit log"),
                                       (self.audit_log.with_name(self.audit_log.name + ".lock"), "the audit log")]
        if self.policy:
            out.append((self.policy, "the policy"))
        if self.controls:
            out.append((self.controls, "the controls mapping"))
        for key in ("path", "key_file"):
            value = (self.vault or {}).get(key)
            if isinstance(value, str) and value:
                out.append((self.resolve(value), "the vault" if key == "path" else "the vault key"))
        out += [(ds.path, f"dataset {ds.name}") for ds in self.datasets if ds.path is not None]
        out += [(r.path, f"register {r.name}") for r in self.registers.values()]
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "organization": self.organization,
            "policy": str(self.policy) if self.policy else None,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "sha256": self.sha256,
            "datasets": [d.to_dict() for d in self.datasets],
            "registers": {k: str(r.path) for k, r in self.registers.items()},
            "roles": {k: list(r.purposes) for k, r in self.roles.items()},
        }


# --------------------------------------------------------------------------------------------
# YAML with line numbers


class _LineDict(dict):
    """A dict that remembers the line of each key (1-based) and of itself."""

    line: int = 0
    key_lines: dict


class _LineList(list):
    line: int = 0
    item_lines: list


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings and sequences keep their line numbers; duplicate keys are errors."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    out = _LineDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise _Problem(key_node.start_mark.line + 1, "", "mapping keys must be plain values")
        if key in out:
            raise _Problem(key_node.start_mark.line + 1, str(key), "duplicate key")
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = value_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> _LineList:
    out = _LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class _Problem(Exception):
    def __init__(self, line: int, fieldname: str, problem: str) -> None:
        super().__init__(problem)
        self.line, self.fieldname, self.problem = line, fieldname, problem


def _line_of(container: Any, key: Any) -> int:
    if isinstance(container, _LineDict):
        return container.key_lines.get(key, container.line)
    if isinstance(container, _LineList) and isinstance(key, int) and key < len(container.item_lines):
        return container.item_lines[key]
    return getattr(container, "line", 0)


class _Validator:
    """Typed getters over a parsed mapping that raise one-line errors with file, line and field."""

    def __init__(self, filename: str) -> None:
        self.filename = filename

    def fail(self, line: int, fieldname: str, problem: str, reason: str = "bad-datamap") -> DataMapError:
        where = f"{self.filename}:{line}" if line else self.filename
        return DataMapError(
            f"{where}: {fieldname}: {problem}" if fieldname else f"{where}: {problem}", reason=reason
        )

    def get(
        self, obj: Mapping, key: str, prefix: str, kind: str, *, required: bool = False, default: Any = None
    ) -> Any:
        name = f"{prefix}{key}"
        if key not in obj or obj[key] is None:
            if required:
                raise self.fail(getattr(obj, "line", 0), name, "missing required field", "missing-field")
            return default
        value = obj[key]
        line = _line_of(obj, key)
        if kind == "str":
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                raise self.fail(line, name, f"expected a string, got {_kind(value)}", "wrong-type")
            return str(value)
        if kind == "bool":
            if not isinstance(value, bool):
                raise self.fail(line, name, f"expected true or false, got {_kind(value)}", "wrong-type")
            return value
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise self.fail(line, name, f"expected a whole number >= 0, got {_kind(value)}", "wrong-type")
            return value
        if kind == "strlist":
            if isinstance(value, str):
                return (value,)
            if not isinstance(value, list) or not all(
                isinstance(v, str | int) and not isinstance(v, bool) for v in value
            ):
                raise self.fail(line, name, f"expected a list of strings, got {_kind(value)}", "wrong-type")
            return tuple(str(v) for v in value)
        if kind == "map":
            if not isinstance(value, dict):
                raise self.fail(line, name, f"expected a mapping, got {_kind(value)}", "wrong-type")
            return value
        if kind == "list":
            if not isinstance(value, list):
                raise self.fail(line, name, f"expected a list, got {_kind(value)}", "wrong-type")
            return value
        if kind == "date":
            if isinstance(value, _dt.datetime):
                return value.date()
            if isinstance(value, _dt.date):
                return value
            try:
                return _dt.date.fromisoformat(str(value))
            except ValueError:
                raise self.fail(line, name, "expected a date (YYYY-MM-DD)", "wrong-type") from None
        raise AssertionError(kind)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return type(value).__name__


def guess_format(path: str | Path) -> str | None:
    """The estate format implied by a file suffix (``None`` when unknown or a folder)."""
    return _SUFFIX_FORMATS.get(Path(str(path)).suffix.lower())


# --------------------------------------------------------------------------------------------
# loading


def load_datamap(path: str | Path) -> DataMap:
    """Read and validate the data map YAML at ``path``."""
    p = Path(path).expanduser()
    if not p.exists():
        raise DataMapError(f"{p}: data map not found", reason="not-found")
    if p.is_dir():
        raise DataMapError(f"{p}: is a folder, expected a data map YAML file", reason="not-a-file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DataMapError(f"{p}: cannot read data map ({exc.strerror})", reason="unreadable") from None
    return parse_datamap(data, path=p)


def parse_datamap(data: bytes | str, *, path: str | Path) -> DataMap:
    """Validate data map YAML text; ``path`` names the file (its folder resolves relative paths)."""
    p = Path(path).expanduser().resolve()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    v = _Validator(p.name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise v.fail(0, "", "not UTF-8 text", "encoding") from None
    try:
        doc = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader subclass
    except _Problem as exc:
        raise v.fail(exc.line, exc.fieldname, exc.problem) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise v.fail(line, "", f"YAML syntax error: {exc.problem or exc.context}", "yaml-syntax") from None
    except yaml.YAMLError as exc:
        raise v.fail(0, "", f"YAML error: {' '.join(str(exc).split())[:200]}", "yaml-syntax") from None
    except RecursionError:
        raise v.fail(0, "", "the YAML is nested too deeply to be a data map", "yaml-syntax") from None
    if doc is None:
        raise v.fail(1, "", "empty data map (expected a mapping with `datasets:`)", "empty")
    if not isinstance(doc, dict):
        raise v.fail(
            getattr(doc, "line", 1),
            "",
            f"expected a mapping at the top level, got {_kind(doc)}",
            "wrong-type",
        )
    return _build(doc, p, raw, v)


_TOP_KNOWN = {
    "organization", "policy", "as_of", "audit_log", "vault", "roles", "registers", "datasets",
    "policy_storage_countries", "exports_dir", "exports_dirs", "controls", "processing_purposes", "requests",
    "contacts",
}  # fmt: skip
_DS_KNOWN = {
    "name", "path", "url", "table", "format", "zone", "subject_key", "pseudonym", "encrypted", "location",
    "purposes", "legal_basis", "retention_days", "time_column", "shared_with", "access", "source", "columns",
    "processing", "description",
}  # fmt: skip


def _build(doc: dict, p: Path, raw: bytes, v: _Validator) -> DataMap:
    root = p.parent
    resolve = lambda rel: Path(rel).expanduser() if Path(rel).expanduser().is_absolute() else root / rel  # noqa: E731

    organization = v.get(doc, "organization", "", "str", default="") or ""
    policy = v.get(doc, "policy", "", "str")
    as_of = v.get(doc, "as_of", "", "date")
    audit_log = v.get(doc, "audit_log", "", "str", default="audit_log.jsonl")
    vault = v.get(doc, "vault", "", "map", default={})
    for key in ("path", "key_file", "key_env"):  # read by every command that opens the vault
        v.get(vault, key, "vault.", "str")
    countries = v.get(doc, "policy_storage_countries", "", "strlist", default=())
    controls = v.get(doc, "controls", "", "str")
    proc = v.get(doc, "processing_purposes", "", "strlist")

    exports: list[Path] = []
    for key in ("exports_dir", "exports_dirs"):
        for rel in v.get(doc, key, "", "strlist", default=()):
            ep = resolve(rel)
            if not ep.exists():
                raise v.fail(_line_of(doc, key), key, f"path does not exist: {rel}", "missing-path")
            exports.append(ep)
    if controls is not None and not resolve(controls).is_file():
        raise v.fail(
            _line_of(doc, "controls"), "controls", f"file does not exist: {controls}", "missing-path"
        )

    roles: dict[str, Role] = {}
    for rname, rdef in v.get(doc, "roles", "", "map", default={}).items():
        rname = str(rname)
        if rdef is None:
            rdef = {}
        if isinstance(rdef, list):  # short form: role: [purpose, ...]
            purposes = v.get({"purposes": rdef}, "purposes", f"roles.{rname}.", "strlist", default=())
            roles[rname] = Role(rname, purposes)
            continue
        if not isinstance(rdef, dict):
            raise v.fail(
                _line_of(doc["roles"], rname),
                f"roles.{rname}",
                f"expected a mapping, got {_kind(rdef)}",
                "wrong-type",
            )
        purposes = v.get(rdef, "purposes", f"roles.{rname}.", "strlist", default=())
        roles[rname] = Role(rname, purposes, {k: val for k, val in rdef.items() if k != "purposes"})

    registers: dict[str, Register] = {}
    regs = v.get(doc, "registers", "", "map", default={})
    for rname, rdef in regs.items():
        rname = str(rname)
        line = _line_of(regs, rname)
        fmt = None
        if isinstance(rdef, dict):
            rel = v.get(rdef, "path", f"registers.{rname}.", "str", required=True)
            fmt = v.get(rdef, "format", f"registers.{rname}.", "str")
        elif isinstance(rdef, str):
            rel = rdef
        else:
            raise v.fail(
                line,
                f"registers.{rname}",
                f"expected a path or a mapping with `path:`, got {_kind(rdef)}",
                "wrong-type",
            )
        rp = resolve(rel)
        if not rp.exists():
            raise v.fail(line, f"registers.{rname}.path", f"path does not exist: {rel}", "missing-path")
        registers[rname] = Register(rname, rp, fmt or guess_format(rp), line)

    dslist = v.get(doc, "datasets", "", "list", required=True)
    datasets: list[Dataset] = []
    seen: dict[str, int] = {}
    processing_purposes = frozenset(proc) if proc is not None else DEFAULT_PROCESSING_PURPOSES
    for i, entry in enumerate(dslist):
        line = _line_of(dslist, i)
        if not isinstance(entry, dict):
            raise v.fail(line, f"datasets[{i}]", f"expected a mapping, got {_kind(entry)}", "wrong-type")
        name = v.get(entry, "name", f"datasets[{i}].", "str", required=True)
        pre = f"datasets[{name}]."
        if name in seen:
            raise v.fail(
                _line_of(entry, "name"),
                f"{pre}name",
                f"duplicate dataset name (first at line {seen[name]})",
                "duplicate",
            )
        seen[name] = _line_of(entry, "name")
        zone = v.get(entry, "zone", pre, "str", required=True)
        if zone not in ZONES:
            raise v.fail(
                _line_of(entry, "zone"),
                f"{pre}zone",
                f"unknown zone {zone!r} (expected {', '.join(ZONES)})",
                "unknown-zone",
            )
        rel = v.get(entry, "path", pre, "str")
        url = v.get(entry, "url", pre, "str")
        table = v.get(entry, "table", pre, "str")
        fmt = v.get(entry, "format", pre, "str")
        dpath = None
        if rel is not None:
            dpath = resolve(rel)
            if not dpath.exists():
                raise v.fail(
                    _line_of(entry, "path"), f"{pre}path", f"path does not exist: {rel}", "missing-path"
                )
        elif url is not None:
            if table is None:
                raise v.fail(
                    entry.line,
                    f"{pre}table",
                    "missing required field (a `url:` dataset needs `table:`)",
                    "missing-field",
                )
            url = _resolve_sqlite_url(url, root, v, _line_of(entry, "url"), f"{pre}url")
        else:
            raise v.fail(
                entry.line,
                f"{pre}path",
                "missing required field (give `path:`, or `url:` and `table:`)",
                "missing-field",
            )
        if fmt is None:
            fmt = "sql" if url is not None else guess_format(rel)
        elif fmt not in FORMATS:
            raise v.fail(
                _line_of(entry, "format"),
                f"{pre}format",
                f"unknown format {fmt!r} (expected {', '.join(FORMATS)})",
                "unknown-format",
            )
        access = v.get(entry, "access", pre, "strlist", default=())
        for role in access:
            if role not in roles:
                known = ", ".join(roles) or "none declared under roles:"
                raise v.fail(
                    _line_of(entry, "access"),
                    f"{pre}access",
                    f"unknown role {role!r} (known: {known})",
                    "unknown-role",
                )
        purposes = v.get(entry, "purposes", pre, "strlist", default=())
        processing = v.get(entry, "processing", pre, "bool")
        if processing is None:
            processing = any(pp in processing_purposes for pp in purposes)
        columns_raw = v.get(entry, "columns", pre, "map", default={})
        columns: dict[str, str | None] = {}
        for col, cat in columns_raw.items():
            if isinstance(cat, dict):
                cat = cat.get("entity", cat.get("category"))
            if cat is not None and (isinstance(cat, bool) or not isinstance(cat, str)):
                raise v.fail(
                    _line_of(columns_raw, col),
                    f"{pre}columns.{col}",
                    f"expected a category name or null, got {_kind(cat)}",
                    "wrong-type",
                )
            columns[str(col)] = cat or None
        location = v.get(entry, "location", pre, "map")
        if location is None:
            location = {}
        elif isinstance(location, str):
            location = {"country": location}
        pseudonym = v.get(entry, "pseudonym", pre, "map", default={})
        for key in ("kind", "prefix", "of"):
            v.get(pseudonym, key, f"{pre}pseudonym.", "str")
        _check_extras(entry, pre, v)
        try:  # the re-identification risk settings (privacy_audit.risk), checked now: one line per error
            risk_settings(doc.get("risk"), entry.get("risk"))
        except ConfigError as exc:
            where = entry if "risk" in entry else doc
            raise v.fail(_line_of(where, "risk"), "", str(exc), "bad-risk-settings") from None
        datasets.append(
            Dataset(
                name=name,
                zone=zone,
                path=dpath,
                relpath=rel,
                url=url,
                table=table,
                format=fmt,
                subject_key=v.get(entry, "subject_key", pre, "str"),
                pseudonym=dict(pseudonym),
                encrypted=v.get(entry, "encrypted", pre, "bool", default=False),
                location=dict(location),
                purposes=purposes,
                legal_basis=v.get(entry, "legal_basis", pre, "str"),
                retention_days=_days(v, entry, "retention_days", pre),
                time_column=v.get(entry, "time_column", pre, "str"),
                shared_with=v.get(entry, "shared_with", pre, "strlist", default=()),
                access=access,
                source=v.get(entry, "source", pre, "str"),
                columns=columns,
                processing=processing,
                description=v.get(entry, "description", pre, "str"),
                extra={k: val for k, val in entry.items() if k not in _DS_KNOWN},
                line=line,
            )
        )

    request_rules = _request_rules(doc, resolve, v)
    contacts = _contacts(doc, v)
    return DataMap(
        path=p,
        root=root,
        organization=organization,
        policy=resolve(policy) if policy else None,
        as_of=as_of,
        audit_log=resolve(audit_log),
        vault=dict(vault),
        roles=roles,
        registers=registers,
        datasets=tuple(datasets),
        policy_storage_countries=tuple(c.upper() for c in countries),
        exports_dirs=tuple(exports),
        controls=resolve(controls) if controls else None,
        processing_purposes=processing_purposes,
        requests=request_rules,
        contacts=contacts,
        sha256=hashlib.sha256(raw).hexdigest(),
        extra={k: val for k, val in doc.items() if k not in _TOP_KNOWN},
    )


#: the longest retention a data map may state (200 years): date arithmetic stays in range
MAX_RETENTION_DAYS = 73_000


def _days(v: _Validator, entry: Mapping, key: str, pre: str) -> int | None:
    days = v.get(entry, key, pre, "int")
    if days is not None and days > MAX_RETENTION_DAYS:
        raise v.fail(_line_of(entry, key), f"{pre}{key}", f"at most {MAX_RETENTION_DAYS} days (200 years)",
                     "out-of-range")  # fmt: skip
    return days


def _check_extras(entry: Mapping, pre: str, v: _Validator) -> None:
    """Type-check the optional dataset fields other modules read (so they cannot crash on them later)."""
    v.get(entry, "free_text", pre, "strlist")
    v.get(entry, "subject_cookie", pre, "str")
    v.get(entry, "retention_reason", pre, "str")
    _days(v, entry, "legal_retention_days", pre)
    erasure = entry.get("erasure")
    if erasure is not None and not isinstance(erasure, str | dict):
        raise v.fail(_line_of(entry, "erasure"), f"{pre}erasure", f"expected a word or a mapping, got {_kind(erasure)}",
                     "wrong-type")  # fmt: skip
    if isinstance(erasure, dict):
        v.get(erasure, "action", f"{pre}erasure.", "str")
        _days(v, erasure, "legal_retention_days", f"{pre}erasure.")


_SQLITE_RE = re.compile(r"^(sqlite(?:\+\w+)?):///(?!/)([^?]*)(\?.*)?$")


def _resolve_sqlite_url(url: str, root: Path, v: _Validator, line: int, name: str) -> str:
    """A relative SQLite URL resolved against the data map's folder; the database file must exist.

    ``sqlite:///estate.db`` would otherwise mean a file in the working directory, and connecting
    to a missing file creates an empty database there.
    """
    m = _SQLITE_RE.match(url)
    if m is None:
        return url
    scheme, rel, query = m.group(1), m.group(2), m.group(3) or ""
    if not rel or rel == ":memory:":
        return url
    path = Path(rel).expanduser()
    path = path if path.is_absolute() else root / path
    if not path.is_file():
        raise v.fail(line, name, f"SQLite database file does not exist: {rel}", "missing-path")
    return f"{scheme}:///{path}{query}"


_REQ_KNOWN = {"answer_within", "extension_max", "processor_keys"}


def _request_rules(doc: dict, resolve: Any, v: _Validator) -> RequestRules:
    """The validated ``requests:`` section (defaults when absent)."""
    spec = v.get(doc, "requests", "", "map", default={})
    for key in spec:
        if key not in _REQ_KNOWN:
            raise v.fail(
                _line_of(spec, key), f"requests.{key}",
                f"unknown field (expected {', '.join(sorted(_REQ_KNOWN))})", "unknown-field",
            )  # fmt: skip
    periods = {}
    for key, default in (("answer_within", (1, "months")), ("extension_max", (2, "months"))):
        value = spec.get(key)
        if value is None:
            periods[key] = default
            continue
        period = parse_period(value)
        if period is None or (key == "answer_within" and period[0] == 0):
            raise v.fail(
                _line_of(spec, key), f"requests.{key}",
                f"expected a period such as '1 month', '30 days' or '2 weeks', got {_kind(value)}", "wrong-type",
            )  # fmt: skip
        periods[key] = period
    keys: dict[str, Path] = {}
    for name, rel in v.get(spec, "processor_keys", "requests.", "map", default={}).items():
        line = _line_of(spec["processor_keys"], name)
        if not isinstance(rel, str) or not rel.strip():
            raise v.fail(line, f"requests.processor_keys.{name}", "expected the path of a PEM public key", "wrong-type")
        kp = resolve(rel)
        if not kp.is_file():
            raise v.fail(line, f"requests.processor_keys.{name}", f"file does not exist: {rel}", "missing-path")
        keys[str(name)] = kp
    return RequestRules(periods["answer_within"], periods["extension_max"], keys)


#: the parties a data subject may contact, and what the data map may say about each
CONTACT_PARTIES = ("controller", "dpo", "supervisory_authority")
CONTACT_FIELDS = ("name", "email", "phone", "address", "url")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _contacts(doc: dict, v: _Validator) -> dict[str, dict[str, str]]:
    """The validated ``contacts:`` section: controller, DPO and supervisory authority (all optional).

    Each party is a mapping of ``name``, ``email``, ``phone``, ``address`` and ``url`` (strings; an
    e-mail must look like one, a URL must start with http:// or https://). These are the organisation's
    published contact points, shown to data subjects in their bundle and letters.
    """
    spec = v.get(doc, "contacts", "", "map", default={})
    out: dict[str, dict[str, str]] = {}
    for party, entry in spec.items():
        line = _line_of(spec, party)
        if party not in CONTACT_PARTIES:
            raise v.fail(line, f"contacts.{party}", f"unknown party (expected {', '.join(CONTACT_PARTIES)})",
                         "unknown-field")  # fmt: skip
        entry = v.get(spec, party, "contacts.", "map", default={})
        fields: dict[str, str] = {}
        for key in entry:
            if key not in CONTACT_FIELDS:
                raise v.fail(_line_of(entry, key), f"contacts.{party}.{key}",
                             f"unknown field (expected {', '.join(CONTACT_FIELDS)})", "unknown-field")  # fmt: skip
            value = (v.get(entry, key, f"contacts.{party}.", "str") or "").strip()
            if not value:
                continue
            if key == "email" and not _EMAIL.fullmatch(value):
                raise v.fail(_line_of(entry, key), f"contacts.{party}.email", "expected an e-mail address", "wrong-type")
            if key == "url" and not re.match(r"https?://\S+$", value):
                raise v.fail(_line_of(entry, key), f"contacts.{party}.url", "expected a URL starting with https://",
                             "wrong-type")  # fmt: skip
            fields[key] = value
        if fields:
            out[str(party)] = fields
    return out


# --------------------------------------------------------------------------------------------
# draft from a scan


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "dataset"


def draft_datamap(
    scan_frame: pd.DataFrame, *, folder: str | Path, out_dir: str | Path, organization: str = ""
) -> str:
    """Draft data map YAML from a scan's column table (``ScanResult.to_frame()``).

    ``scan_frame`` has at least ``dataset``, ``column`` and ``entity`` (null when not personal);
    dataset names are the scanned files' paths relative to ``folder``. Paths in the draft are
    written relative to ``out_dir`` (where the YAML will live). Zone: any direct identifier ->
    identified, else pseudonymous. Everything a scan cannot know (purposes, legal basis, retention,
    encryption, location) is left for a person to fill in.
    """
    folder, out_dir = Path(folder).resolve(), Path(out_dir).resolve()
    datasets = []
    used: set[str] = set()
    for ds_name, group in scan_frame.groupby("dataset", sort=True):
        file = Path(str(ds_name))
        file = file if file.is_absolute() else folder / file
        try:
            rel = Path(file).resolve().relative_to(out_dir).as_posix()
        except ValueError:
            rel = str(Path(file).resolve())
        try:
            label = file.resolve().relative_to(folder).as_posix()
        except ValueError:
            label = Path(str(ds_name)).name
        name = _slug(Path(label).with_suffix("").as_posix())
        base, n = name, 2
        while name in used:
            name, n = f"{base}_{n}", n + 1
        used.add(name)
        columns = {
            str(r.column): (str(r.entity) if isinstance(r.entity, str) and r.entity else None)
            for r in group.itertuples(index=False)
        }
        zone = "identified" if any(is_direct(e) for e in columns.values() if e) else "pseudonymous"
        key = next(
            (c for c in columns if re.search(r"(token|pseudonym|subject|user_?id|customer_?id)", c.lower())),
            None,
        )
        entry: dict[str, Any] = {"name": name, "path": rel}
        fmt = guess_format(rel)
        if fmt:
            entry["format"] = fmt
        entry.update(
            {
                "zone": zone,
                "subject_key": key,
                "encrypted": False,
                "purposes": [],
                "legal_basis": None,
                "retention_days": None,
                "columns": columns,
            }
        )
        datasets.append(entry)
    doc = {"organization": organization or folder.name, "datasets": datasets}
    header = (
        "# Draft data map written by `privacy-audit datamap init` from a scan.\n"
        "# The scan proposes, a person confirms: check every zone and column category, and fill in\n"
        "# purposes, legal_basis, retention_days, location, shared_with and access.\n"
    )
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)


# --------------------------------------------------------------------------------------------
# drift


_DRIFT_ORDER = {"undeclared": 0, "changed": 1, "not-detected": 2, "missing-column": 3}


@dataclass(frozen=True)
class DriftRow:
    """One column where the scan and the data map disagree."""

    dataset: str
    column: str
    kind: str  # undeclared | changed | not-detected | missing-column
    declared: str | None
    scanned: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "column": self.column,
            "kind": self.kind,
            "declared": self.declared,
            "scanned": self.scanned,
        }


@dataclass(frozen=True)
class Drift:
    """Scan-vs-declared disagreements, undeclared personal columns first."""

    rows: tuple[DriftRow, ...]
    COLUMNS = ("dataset", "column", "kind", "declared", "scanned")

    def __bool__(self) -> bool:
        return bool(self.rows)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([r.to_dict() for r in self.rows], columns=list(self.COLUMNS))

    def to_dict(self) -> dict[str, Any]:
        return {"drift": [r.to_dict() for r in self.rows]}


def datamap_drift(datamap: DataMap, scans: Mapping[str, pd.DataFrame]) -> Drift:
    """Compare declared column categories with scans (dataset name -> ``ScanResult.to_frame()``).

    Only datasets that declare ``columns:`` and have a scan are compared. A column the data map
    does not list, or lists as not personal, that the scan finds personal is *undeclared*.
    """
    rows: list[DriftRow] = []
    for ds in datamap.datasets:
        frame = scans.get(ds.name)
        if frame is None:
            continue
        scanned = {
            str(r.column): (str(r.entity) if isinstance(r.entity, str) and r.entity else None)
            for r in frame.itertuples(index=False)
        }
        for col, ent in scanned.items():
            dec = ds.columns.get(col)
            if ent and not dec:
                rows.append(DriftRow(ds.name, col, "undeclared", dec, ent))
            elif ent and dec and ent != dec:
                rows.append(DriftRow(ds.name, col, "changed", dec, ent))
            elif dec and not ent and col in ds.columns:
                rows.append(DriftRow(ds.name, col, "not-detected", dec, None))
        for col, dec in ds.columns.items():
            if col not in scanned and scanned:
                rows.append(DriftRow(ds.name, col, "missing-column", dec, None))
    rows.sort(key=lambda r: (_DRIFT_ORDER[r.kind], r.dataset, r.column))
    return Drift(tuple(rows))


# --------------------------------------------------------------------------------------------
# Record of Processing Activities


@dataclass(frozen=True)
class RopaRow:
    """One processing activity (one dataset) of the Record of Processing Activities."""

    dataset: str
    controller: str
    zone: str
    purposes: str
    legal_basis: str
    categories_of_data: str
    recipients: str
    transfers: str
    retention: str
    security_measures: str
    source: str


@dataclass(frozen=True)
class Ropa:
    """The Record of Processing Activities built from a data map (and its sharing register)."""

    rows: tuple[RopaRow, ...]
    organization: str = ""
    COLUMNS = tuple(RopaRow.__dataclass_fields__)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([r.__dict__ for r in self.rows], columns=list(self.COLUMNS))

    def to_dict(self) -> dict[str, Any]:
        return {"organization": self.organization, "activities": [dict(r.__dict__) for r in self.rows]}

    def to_csv(self) -> str:
        return self.to_frame().to_csv(index=False)

    def to_markdown(self) -> str:
        """One table per dataset would be long; one section per dataset reads better in review."""
        title = f"# Record of Processing Activities{' - ' + self.organization if self.organization else ''}\n"
        parts = [title]
        labels = {c: c.replace("_", " ").capitalize() for c in self.COLUMNS}
        for r in self.rows:
            parts.append(f"\n## {r.dataset}\n\n| Field | Value |\n|---|---|\n")
            for c in self.COLUMNS[1:]:
                value = str(getattr(r, c)).replace("|", "\\|").replace("\n", " ")
                parts.append(f"| {labels[c]} | {value} |\n")
        return "".join(parts)


def _third_parties(sharing: pd.DataFrame | None) -> dict[str, dict[str, Any]]:
    if sharing is None or sharing.empty:
        return {}
    cols = {c.lower(): c for c in sharing.columns}
    key = next((cols[c] for c in ("third_party", "recipient", "name", "party", "vendor") if c in cols), None)
    if key is None:
        return {}
    out = {}
    for rec in sharing.to_dict("records"):
        out[str(rec[key])] = {str(k).lower(): val for k, val in rec.items()}
    return out


def ropa(datamap: DataMap, sharing: pd.DataFrame | None = None) -> Ropa:
    """Build the RoPA: per dataset purposes, legal basis, categories, recipients, transfers,
    retention and security measures. ``sharing`` is the sharing register (for recipient countries)."""
    parties = _third_parties(sharing)
    rows = []
    for ds in datamap.datasets:
        cats = sorted(set(ds.pii_columns.values()))
        recipients, transfers = [], []
        for tp in ds.shared_with:
            info = parties.get(tp, {})
            country = info.get("country")
            country = str(country) if isinstance(country, str) and country else None
            recipients.append(f"{tp} ({country})" if country else tp)
            if country and ds.country and country.upper() != ds.country.upper():
                transfers.append(f"{tp}: {ds.country} -> {country}")
        if ds.access:
            recipients.extend(f"role:{r}" for r in ds.access)
        stored = ds.country or "undeclared"
        if (
            datamap.policy_storage_countries
            and ds.country
            and ds.country.upper() not in datamap.policy_storage_countries
        ):
            transfers.insert(
                0, f"stored in {ds.country} (policy: {', '.join(datamap.policy_storage_countries)})"
            )
        security = [
            "encrypted at rest" if ds.encrypted else "not encrypted at rest",
            {"identified": "identified data", "pseudonymous": "pseudonymised", "anonymous": "anonymised"}[
                ds.zone
            ],
        ]
        if ds.pseudonym.get("kind"):
            security.append(f"subject key by {ds.pseudonym['kind']}")
        if ds.access:
            security.append(f"access limited to {len(ds.access)} role(s)")
        rows.append(
            RopaRow(
                dataset=ds.name,
                controller=datamap.organization,
                zone=ds.zone,
                purposes=", ".join(ds.purposes) or "undeclared",
                legal_basis=ds.legal_basis or "undeclared",
                categories_of_data=", ".join(cats) or "none declared",
                recipients=", ".join(recipients) or "none",
                transfers="; ".join(transfers) or f"none (stored in {stored})",
                retention=f"{ds.retention_days} days" if ds.retention_days is not None else "undeclared",
                security_measures="; ".join(security),
                source=ds.source or "",
            )
        )
    return Ropa(tuple(rows), datamap.organization)
