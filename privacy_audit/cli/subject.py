"""``privacy-audit export``, ``verify-bundle`` and ``open-bundle``: subject-access bundles.

Passwords never come from argv: ``--password-file F``, the environment variable
``PRIVACY_AUDIT_BUNDLE_PASSWORD`` (also honoured with ``--ask-password``, so scripts and CI need no
terminal), or ``--ask-password`` (a hidden prompt). Output shows counts, never values. An encrypted
bundle is not a zip: it must not be named ``*.zip`` (``.zip.enc`` or ``.pa-bundle``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from .. import services
from ..access import BUNDLE_MAGIC
from ..errors import BundleError, InputError
from ..requests import check_servable, served
from ._common import NoSecretValueCommand, check_not_estate_file, check_writable_file, printable

__all__ = ["export_cmd", "verify_bundle_cmd", "open_bundle_cmd", "PASSWORD_ENV"]

PASSWORD_ENV = "PRIVACY_AUDIT_BUNDLE_PASSWORD"


def _read_password_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: password file not found") from None
    except (OSError, UnicodeDecodeError):
        raise InputError(f"{path}: cannot read the password file as UTF-8 text") from None
    text = text.rstrip("\r\n")
    if not text:
        raise InputError(f"{path}: the password file is empty")
    return text


def _prompt_password(*, confirm: bool = False) -> str:
    """Ask for the bundle password: hidden on a terminal; from stdin when there is none (a pipe, CI).

    Reading stdin directly avoids getpass's multi-line "cannot control echo" warning, and an empty
    stdin is a one-line error instead of a bare "aborted".
    """
    if sys.stdin.isatty():
        return click.prompt("Bundle password", hide_input=True, confirmation_prompt=confirm, err=True)
    first = sys.stdin.readline().rstrip("\r\n")
    if not first:
        raise InputError(f"no password given: stdin is not a terminal and is empty; use --password-file or ${PASSWORD_ENV}")
    if confirm:
        again = sys.stdin.readline().rstrip("\r\n")
        if again and again != first:
            raise InputError("the two passwords read from stdin differ")
    return first


def _asked_password(*, confirm: bool = False) -> tuple[str, str]:
    """``--ask-password``: ${PRIVACY_AUDIT_BUNDLE_PASSWORD} when set (no terminal needed), else the prompt."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV], f"${PASSWORD_ENV}"
    return _prompt_password(confirm=confirm), "prompt"


def _check_bundle_name(out: Path, encrypted: bool) -> None:
    """An encrypted bundle is not a zip: refuse ``--out *.zip`` for it (the person could not open it)."""
    if encrypted and out.suffix.lower() == ".zip":
        raise InputError(f"--out {out.name}: an encrypted bundle is not a zip file; name it {out.name}.enc "
                         f"(or {out.stem}.pa-bundle)")  # fmt: skip


@click.command("export", cls=NoSecretValueCommand)
@click.argument("datamap", type=click.Path(path_type=Path))
@click.option("--subject", "subjects", multiple=True, required=True, metavar="KIND=VALUE",
              help="Identifier of the data subject: email=, phone=, token=, name= ('Name|YYYY-MM-DD') or ip=. "
                   "Repeat to narrow down (all must point at the same person).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Bundle file to write: a .zip when plain; encrypted (with a password or for a recipient) it "
                   "is not a zip, so name it .zip.enc or .pa-bundle.")
@click.option("--password-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Encrypt with the password held in this file (scrypt + AES-256-GCM).")
@click.option("--ask-password", "--password", "ask_password", is_flag=True,
              help=f"Prompt for the encryption password (hidden). ${PASSWORD_ENV} is used when set.")
@click.option("--recipient", metavar="PUBKEY",
              help="Encrypt for this X25519 public key (PEM file, or raw key as base64/hex text or file).")
@click.option("--vault-key-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Vault key file (default: the data map's vault.key_file / vault.key_env).")
@click.option("--request", "request_id", metavar="ID",
              help="The access request this export answers (privacy-audit request); it is closed as answered.")
@click.option("--no-audit-log", is_flag=True, hidden=True, help="Do not record the export (tests only).")
@click.option("--engine", type=click.Choice(["pandas", "dask"]), default="pandas", show_default=True,
              help="Execution engine of the subject search (dask: partitions on a Dask cluster).")  # fmt: skip
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler to join (default: a local cluster of 2 workers).")  # fmt: skip
def export_cmd(datamap: Path, subjects: tuple[str, ...], out: Path, password_file: Path | None,
               ask_password: bool, recipient: str | None, vault_key_file: Path | None, no_audit_log: bool,
               engine: str = "pandas", scheduler: str | None = None, request_id: str | None = None) -> None:
    """Build a subject-access bundle for one data subject of DATAMAP and write it to --out.

    Exit 0 when written; 1 when written but a dataset could not be read (each listed on stderr and
    in the bundle's notes) or when no data subject matches the identifiers (the bundle then says we
    hold nothing: a correct answer, but a script must notice a typo); 2 on bad input (nothing written).
    """
    from ..access import check_new_password
    from ..datamap import load_datamap
    from ..subjects import parse_subject_arg

    pairs = [parse_subject_arg(s) for s in subjects]
    if sum(bool(x) for x in (password_file, ask_password, recipient)) > 1:
        raise InputError("give only one of --password-file, --ask-password and --recipient")
    _check_bundle_name(out, bool(password_file or ask_password or recipient or os.environ.get(PASSWORD_ENV)))
    check_writable_file(out, "--out")
    dm = load_datamap(datamap)
    check_not_estate_file(out, dm, "--out")
    if not no_audit_log:  # the export is recorded after the bundle is written: check the log first
        check_writable_file(dm.audit_log_path, "the audit log")
    password: str | None = None
    source = ""
    if password_file:
        password, source = _read_password_file(password_file), "password file"
    elif ask_password:
        password, source = _asked_password(confirm=True)
    elif recipient is None and os.environ.get(PASSWORD_ENV):
        password, source = os.environ[PASSWORD_ENV], f"${PASSWORD_ENV}"
    if password is not None:
        check_new_password(password)
    ctx = services.open_subject(dm, pairs, vault_key_file=vault_key_file)
    subject = ctx.subject
    if request_id:  # checked before any work: the request must be an open access request about this subject
        if no_audit_log:
            raise InputError("--request records the answer in the audit log; it cannot go with --no-audit-log")
        check_servable(dm, request_id, "export", subject_ref=subject.ref)
    outcome = services.export_subject(ctx, out, password=password, recipient=recipient, audit=not no_audit_log,
                                      engine=engine, scheduler=scheduler)  # fmt: skip
    result, data = outcome.bundle, outcome.data
    enc = {"none": "NOT encrypted", "password": f"encrypted with a password ({source})",
           "recipient": "encrypted for the recipient key"}[result.encryption]
    click.echo(f"bundle: {out} ({enc}; sha256 {result.sha256[:16]}...)")
    click.echo(f"subject: {subject.ref} ({'found' if subject.found else 'not found'}; "
               f"identified by {', '.join(subject.kinds_used)})")
    width = max((len(n) for n in result.records), default=8)
    for name, n in result.records.items():
        red = result.redactions.get(name, 0)
        click.echo(f"  {name:<{width}}  {n:>6} record{'s' if n != 1 else ' '}"
                   + (f"  ({red} third-party item{'s' if red != 1 else ''} redacted)" if red else ""))
    if not subject.found and data.empty:
        click.echo("no data subject matches these identifiers: the bundle says we hold nothing "
                   "(check the identifier for a typo)", err=True)  # fmt: skip
    elif data.empty:
        click.echo("no data found for this subject: the bundle is empty and says so")
    else:
        held = sum(1 for m in data.datasets if m.records)
        kept = sum(m.records for m in data.registers)  # consent, opt-out, restriction, hold registers
        click.echo(f"total: {data.total_records} record{'s' if data.total_records != 1 else ''} in {held} "
                   f"dataset{'s' if held != 1 else ''}" + (f", and {kept} in the registers" if kept else ""))
    click.echo("search: " + {"index": "subject index (only the subject's rows were read)",
                             "partial": "subject index, stale datasets read whole",
                             "full": "every dataset read"}.get(data.search, data.search))  # fmt: skip
    for note in data.notes:
        click.echo(f"  {note}")
    if not no_audit_log:
        click.echo(f"recorded in the audit log: {dm.audit_log_path}")
    errors = tuple(getattr(data, "errors", ()) or ())
    if request_id:
        r = served(dm, request_id, command="export", subject_ref=subject.ref, done=not errors, links=[out],
                   note="export incomplete: a dataset could not be read")  # fmt: skip
        click.echo(f"request {r.id}: {r.status.replace('_', ' ')}")
    for name, message in errors:
        click.echo(f"warning: {name}: could not be read: {message}", err=True)
    if errors:  # the bundle says so in its manifest; a script must not take it for a complete answer
        click.echo(f"incomplete: {len(errors)} dataset(s) could not be read (listed in the bundle's notes)", err=True)
        click.get_current_context().exit(1)
    if not subject.found and data.empty:  # a typo must not pass for "we hold nothing" in a script
        click.get_current_context().exit(1)


def _bundle_key_options(command: Any) -> Any:
    """The options that unlock a bundle (``verify-bundle``, ``open-bundle``): see :func:`_bundle_password`."""
    for option in reversed((
        click.option("--password-file", type=click.Path(dir_okay=False, path_type=Path),
                     help="File holding the bundle password."),
        click.option("--ask-password", "--password", "ask_password", is_flag=True,
                     help=f"Prompt for the password (also asked when needed). ${PASSWORD_ENV} is used when set."),
        click.option("--identity", metavar="KEY", type=click.Path(dir_okay=False, path_type=Path),
                     help="X25519 private key (PEM or raw) of the recipient of a recipient-encrypted bundle."),
    )):  # fmt: skip
        command = option(command)
    return command


def _bundle_password(bundle: Path, password_file: Path | None, ask_password: bool, identity: Path | None) -> str | None:
    """The password to read ``bundle`` with (file, prompt, environment, or asked when the bundle says it is
    password-encrypted and no recipient key was given); ``None`` for a plain or recipient bundle."""
    if bundle.is_dir():
        raise BundleError(f"{bundle}: is a folder, not a bundle file")
    if not bundle.is_file():
        raise BundleError(f"{bundle}: no such file")
    if password_file:
        return _read_password_file(password_file)
    if ask_password:
        return _asked_password()[0]
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if identity is None:
        with open(bundle, "rb") as fh:
            head = fh.read(8192).split(b"\n", 2)
        if len(head) > 1 and head[0] + b"\n" == BUNDLE_MAGIC and b'"mode":"password"' in head[1]:
            return _prompt_password()
    return None


@click.command("verify-bundle", cls=NoSecretValueCommand)
@click.argument("bundle", type=click.Path(path_type=Path))
@_bundle_key_options
@click.option("--datamap", "datamap", type=click.Path(dir_okay=False, path_type=Path),
              help="The estate's data map: check the manifest's MAC with the estate's key (vault key needed).")
@click.pass_context
def verify_bundle_cmd(ctx: click.Context, bundle: Path, password_file: Path | None, ask_password: bool,
                      identity: Path | None, datamap: Path | None = None) -> None:
    """Verify every hash of BUNDLE (decrypting it first). Exit 0 intact, 1 tampered, 2 unreadable.

    With --datamap, the manifest must also carry the estate's MAC (a plain bundle rewritten and
    re-hashed by someone without the key fails).
    """
    from ..access import verify_bundle
    from ..datamap import load_datamap
    from ..vault import audit_key_for_datamap

    password = _bundle_password(bundle, password_file, ask_password, identity)
    key = None
    if datamap is not None:
        key = audit_key_for_datamap(load_datamap(datamap))
        if key is None:
            raise InputError("--datamap: no vault key for this estate, so the manifest's MAC cannot be checked")
    result = verify_bundle(bundle, password=password, identity=identity, key=key)
    if result.ok:
        how = "manifest MAC verified with the estate key" if result.authenticated else "manifest MAC not checked"
        click.echo(f"ok: {result.files_checked} files match the manifest (encryption: {result.encryption}; {how})")
        ctx.exit(0)
    click.echo(f"TAMPERED: {bundle} fails verification (encryption: {result.encryption})")
    for fname, why in result.problems:
        click.echo(f"  {printable(fname)}: {why}")
    ctx.exit(1)


@click.command("open-bundle", cls=NoSecretValueCommand)
@click.argument("bundle", type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="New (or empty) folder to unpack into; an existing folder with files is refused.")
@_bundle_key_options
@click.option("--datamap", "datamap", type=click.Path(dir_okay=False, path_type=Path),
              help="The estate's data map: also check the manifest's MAC with the estate's key.")
@click.pass_context
def open_bundle_cmd(ctx: click.Context, bundle: Path, out: Path, password_file: Path | None, ask_password: bool,
                    identity: Path | None, datamap: Path | None = None) -> None:
    """Check BUNDLE and unpack it into the folder --out, then open index.html there.

    All or nothing: the bundle is decrypted and every file checked against its manifest before the
    folder appears. Exit 0 unpacked, 1 the bundle fails its check (nothing unpacked), 2 bad input.
    """
    password = _bundle_password(bundle, password_file, ask_password, identity)
    try:
        opened = services.open_bundle(bundle, out, password=password, identity=identity, datamap=datamap)
    except BundleError as exc:
        if exc.reason != "tampered":
            raise
        click.echo(f"TAMPERED: {exc}", err=True)
        ctx.exit(1)
    v = opened.verification
    how = "; manifest MAC verified with the estate key" if v.authenticated else ""
    click.echo(f"opened: {len(opened.files)} files in {opened.folder} (all match the manifest; "
               f"encryption: {v.encryption}{how})")  # fmt: skip
    click.echo(f"open this page in a web browser: {opened.index}")
