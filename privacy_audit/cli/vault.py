"""``privacy-audit vault ...`` and ``privacy-audit pseudonymize``: the encrypted identity vault.

The key comes from ``--key-file`` or the environment variable ``PRIVACY_AUDIT_VAULT_KEY``. No
command prints a field value.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import click

from .. import vault as vault_mod
from ..auditlog import append as audit_append
from ..errors import InputError, PrivacyAuditError
from ..sources import atomic_write_bytes, output_format, read_table, write_table_atomic
from ..subjects import subject_ref
from ..vault import Vault, crypto_shred, generate_key, load_key, split_identities
from ._common import check_writable_file

__all__ = ["vault_group", "pseudonymize_cmd"]

_KEY_HELP = "File holding the vault key (base64 or hex). Default: $PRIVACY_AUDIT_VAULT_KEY."
_LOG_HELP = "Append an entry to this hash-chained audit log."


def _key(key_file: str | None) -> bytes:
    return load_key(key_file) if key_file else load_key()


def _check_log(audit_log: str | None) -> None:
    """The audit-log entry is appended after the vault is written: check the log can be written first."""
    if audit_log:
        check_writable_file(audit_log, "--audit-log")


def _log(audit_log: str | None, action: str, ref: str | None, details: dict, outcome: str = "ok", *,
         vault: Vault | None = None) -> None:
    """Append the entry, keyed with the vault's audit-log key, naming the vault and its new generation."""
    if audit_log:
        key = None
        if vault is not None:
            details = {**details, "vault_id": vault.vault_id, "vault_generation": vault.generation}
            key = vault.audit_key()
        audit_append(audit_log, action, subject_ref=ref, details=details, outcome=outcome, key=key)


def _open(path: Path, key: bytes, audit_log: str | None) -> Vault:
    """Open the vault; with an audit log, refuse a vault older than the log says (a replayed copy)."""
    return Vault.open(path, key, audit_log=audit_log if audit_log and Path(audit_log).exists() else None)


@click.group("vault")
def vault_group() -> None:
    """Manage the encrypted identity vault: keys, creation, rotation, shredding, stats."""


@vault_group.command("keygen")
@click.argument("key_file", type=click.Path(dir_okay=False, path_type=Path))
def keygen_cmd(key_file: Path) -> None:
    """Write a new random 256-bit vault key to KEY_FILE (base64, mode 0600; never overwrites)."""
    write_key_file(key_file, generate_key())
    click.echo(f"wrote a new vault key to {key_file} (key id {vault_mod.key_id(load_key(key_file))})")


def write_key_file(path: Path, key: bytes) -> None:
    """Create ``path`` holding ``key`` as base64 text, mode 0600, atomically; refuse to overwrite."""
    if path.exists():
        raise InputError(f"{path} already exists; a key file is never overwritten")
    check_writable_file(path, "key file")
    folder = path.parent if str(path.parent) else Path(".")
    tmp = folder / f".{path.name}.{os.getpid()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, (vault_mod.encode_key(key) + "\n").encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.link(tmp, path)  # fails if the path appeared meanwhile: never overwrite a key
    except FileExistsError:
        raise InputError(f"{path} already exists; a key file is never overwritten") from None
    except OSError as exc:
        raise InputError(f"cannot write the key file {path}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@vault_group.command("init")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--key-file", type=click.Path(dir_okay=False), help=_KEY_HELP)
def init_cmd(path: Path, key_file: str | None) -> None:
    """Create an empty vault at PATH."""
    v = Vault.create(path, _key(key_file))
    v.save()
    click.echo(f"created an empty vault at {path} (key id {v.key_id})")


@vault_group.command("rotate")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--key-file", type=click.Path(dir_okay=False), help="Current key. " + _KEY_HELP)
@click.option("--new-key-file", required=True, type=click.Path(dir_okay=False), help="File holding the new key.")
@click.option("--audit-log", type=click.Path(dir_okay=False), help=_LOG_HELP)
def rotate_cmd(path: Path, key_file: str | None, new_key_file: str, audit_log: str | None) -> None:
    """Re-encrypt every record of the vault at PATH under a new key (atomic; nothing is lost)."""
    _check_log(audit_log)
    old_key, new_key = _key(key_file), load_key(new_key_file)
    if old_key == new_key:
        raise InputError("the new key is the same as the current key")
    old = _open(path, old_key, audit_log)
    new = old.rotate(new_key)
    new.save()
    stats = new.stats()
    _log(audit_log, "rotation", None, {"vault": str(path), "records": stats.records, "from_key_id": old.key_id,
                                        "to_key_id": new.key_id}, vault=new)
    click.echo(
        f"rotated {path}: {stats.records} records, {stats.shredded} tombstones; key id {old.key_id} -> {new.key_id}"
    )


@vault_group.command("shred")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("record_id")
@click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path), help=_KEY_HELP)
@click.option("--new-key-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the vault's new key here (a new file). Default: replace --key-file in place.")
@click.option("--audit-log", type=click.Path(dir_okay=False), help=_LOG_HELP)
def shred_cmd(path: Path, record_id: str, key_file: Path | None, new_key_file: Path | None,
              audit_log: str | None) -> None:
    """Crypto-shred RECORD_ID: destroy its key material and data, keep a tombstone, and re-key the vault.

    Every other record is re-encrypted under a new key, so no earlier copy of the vault (a backup)
    can be decrypted with the key that remains. The new key replaces --key-file (the old key is
    gone), or goes to --new-key-file (then destroy the old key yourself). A key from
    $PRIVACY_AUDIT_VAULT_KEY cannot be replaced: give --new-key-file.
    """
    _check_log(audit_log)
    if key_file is None and new_key_file is None:
        raise InputError("crypto-shredding re-keys the vault: give --key-file (replaced in place) or --new-key-file")
    if new_key_file is not None and new_key_file.exists():
        raise InputError(f"{new_key_file} already exists; a key file is never overwritten")
    key = _key(str(key_file) if key_file else None)
    v = _open(path, key, audit_log)
    ref = subject_ref(record_id, key, vault=v)  # the audit log gets the keyed reference, never the raw record id
    new = crypto_shred(v, [record_id], generate_key())
    target = new_key_file or key_file
    assert target is not None
    staged = target if new_key_file else target.with_name(target.name + ".new")
    write_key_file(staged, new._key)
    try:
        new.save()
    except PrivacyAuditError:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise
    if staged != target:  # the vault is re-keyed: the new key takes the old one's place, atomically
        os.replace(staged, target)
    _log(audit_log, "shred", ref, {"vault": str(path), "from_key_id": v.key_id, "to_key_id": new.key_id}, vault=new)
    where = f"the new key replaced {key_file}" if not new_key_file else f"new key in {new_key_file}; destroy the old key"
    click.echo(f"shredded {ref} in {path}; vault re-keyed ({where})")


@vault_group.command("stats")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--key-file", type=click.Path(dir_okay=False), help=_KEY_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats_cmd(path: Path, key_file: str | None, as_json: bool) -> None:
    """Print record and tombstone counts, field names and key id (never values)."""
    stats = Vault.open(path, _key(key_file)).stats()
    if as_json:
        click.echo(json.dumps(stats.to_dict()))
        return
    click.echo(f"vault:    {stats.path} (format {stats.version}, key id {stats.key_id})")
    click.echo(f"records:  {stats.records}")
    click.echo(f"shredded: {stats.shredded}")
    click.echo(f"fields:   {', '.join(stats.fields) or '-'}")
    click.echo(f"updated:  {stats.updated}")


# ------------------------------------------------------------------------------------ pseudonymize


def _scanner_columns(df, name: str) -> list[str]:
    """The PII columns the scanner finds in ``df``; InputError when the scanner is not available."""
    try:
        from ..scan import scan
    except ImportError:
        raise InputError("the column scanner is not available; give the PII columns with --columns") from None
    result = scan(df, name=name, progress=False)
    picked: list[str] = []
    for item in result.pii_columns():
        if isinstance(item, str):
            col = item
        elif hasattr(item, "column"):
            col = item.column
        else:  # (dataset, column) pairs
            col = item[-1]
        if col in df.columns and col not in picked:
            picked.append(col)
    return picked


def _snapshot(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None


def _restore(path: Path, before: bytes | None) -> None:
    with contextlib.suppress(OSError):
        if before is None:
            path.unlink(missing_ok=True)
        else:
            atomic_write_bytes(path, before)


@click.command("pseudonymize")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("--vault", "vault_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Vault to add the identity records to (created if missing).")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Pseudonymous output file (format from its suffix).")
@click.option("--key-file", type=click.Path(dir_okay=False), help=_KEY_HELP)
@click.option("--columns", multiple=True, help="PII columns to move (repeat or comma-separate). Default: scanner.")
@click.option("--pseudonym", "kind", type=click.Choice(["token", "hmac"]), default="token", show_default=True,
              help="Random token per subject, or keyed HMAC pseudonym of the subject's value.")
@click.option("--token-column", default="subject_token", show_default=True, help="Name of the pseudonym column.")
@click.option("--subject-column", default=None, help="PII column that identifies a subject (default: all PII columns).")
@click.option("--audit-log", type=click.Path(dir_okay=False), help=_LOG_HELP)
def pseudonymize_cmd(
    input_path: Path,
    vault_path: Path,
    out_path: Path,
    key_file: str | None,
    columns: tuple[str, ...],
    kind: str,
    token_column: str,
    subject_column: str | None,
    audit_log: str | None,
) -> None:
    """Split INPUT into identity records in the vault and a pseudonymous dataset at --out.

    All or nothing: when anything fails, neither the vault nor the output file changes.
    """
    if vault_path.resolve() in {input_path.resolve(), out_path.resolve()}:
        raise InputError("--vault must be a different file from INPUT and --out")
    check_writable_file(out_path, "--out")
    output_format(out_path)  # an unknown suffix is refused before any work
    check_writable_file(vault_path, "--vault")
    _check_log(audit_log)
    key = _key(key_file)
    df = read_table(input_path)
    picked = [c.strip() for spec in columns for c in spec.split(",") if c.strip()]
    if not picked:
        picked = _scanner_columns(df, input_path.stem)
        if not picked:
            raise InputError(f"the scanner found no PII columns in {input_path}; give them with --columns")
    v = _open(vault_path, key, audit_log) if vault_path.exists() else Vault.create(vault_path, key)
    existing = {rid: v.get(rid) for rid in v.ids()} if kind == "hmac" else {rid: {} for rid in v.ids()}
    split = split_identities(df, picked, kind=kind, key=key, token_column=token_column,
                             subject_column=subject_column, existing=existing, vault=v)
    for rid, fields in split.records.items():
        v.put(rid, dict(fields))

    before_vault, before_out = _snapshot(vault_path), _snapshot(out_path)
    try:
        v.save()
        write_table_atomic(split.data, out_path)
    except (PrivacyAuditError, OSError, ValueError, TypeError, ImportError) as exc:
        _restore(vault_path, before_vault)
        _restore(out_path, before_out)
        if isinstance(exc, PrivacyAuditError):
            raise
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__  # no values
        raise InputError(f"cannot write {out_path}: {why}; the vault and the output were left unchanged") from None
    summary = split.to_dict()
    _log(audit_log, "pseudonymize", None, {"input": str(input_path), "output": str(out_path),
                                           "vault": str(vault_path), **summary}, vault=v)
    click.echo(
        f"moved {len(split.pii_columns)} column(s) ({', '.join(split.pii_columns)}) of {split.rows} rows into "
        f"{vault_path} as {len(split.records)} subject record(s); wrote {out_path} "
        f"({len(split.data.columns)} columns, pseudonym column {token_column!r}, kind {kind})"
    )

