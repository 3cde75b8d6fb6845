"""The ``privacy-audit`` command line: a thin click group over the package.

Each command family lives in its own module under ``privacy_audit/cli/`` and is imported only
when used, so ``privacy-audit --help`` stays fast. Every :class:`PrivacyAuditError` becomes one
line on stderr and exit code 2; no traceback reaches the user.
"""

from __future__ import annotations

import importlib
import os
import re
import sys

import click

from .. import __version__
from ..errors import PrivacyAuditError

__all__ = ["main", "cli", "run_guarded", "usage_message"]

# command name -> (module under privacy_audit.cli, attribute, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "scan": ("scan", "scan_cmd", "Classify the columns of files, folders or tables as PII or not."),
    "datamap": ("datamap", "datamap_group", "Draft, validate, diff and export the data map."),
    "check": ("check", "check_cmd", "Run the policy controls against a data map and print findings."),
    "vault": ("vault", "vault_group", "Manage the encrypted identity vault (keys, rotation, shredding)."),
    "pseudonymize": ("vault", "pseudonymize_cmd", "Split a mixed dataset into vault records and pseudonymous rows."),
    "export": ("subject", "export_cmd", "Build a subject-access bundle for one data subject."),
    "verify-bundle": ("subject", "verify_bundle_cmd", "Verify the hashes (and decrypt) a subject-access bundle."),
    "open-bundle": ("subject", "open_bundle_cmd", "Check a subject-access bundle and unpack it into a folder."),
    "erase": ("rights", "erase_cmd", "Plan (default) or apply the erasure of one data subject."),
    "rectify": ("rights", "rectify_cmd", "Preview or apply a correction to one data subject's data."),
    "restrict": ("rights", "restrict_cmd", "Record (or lift) a restriction of processing for a subject."),
    "index": ("index", "index_group", "Build or check the subject index (subject requests in O(the subject's data))."),
    "recover": ("recover", "recover_cmd", "Finish the changes a stopped process left half done (from the journal)."),
    "request": ("request", "request_group", "Track subject requests: deadlines, identity checks, processor receipts."),
    "log": ("log", "log_group", "Inspect and verify the hash-chained audit log."),
    "risk": ("risk", "risk_cmd", "Measure the re-identification risk of pseudonymous and anonymous data."),
    "anonymize": ("risk", "anonymize_cmd", "Write a generalised, suppressed copy of a dataset that reaches a target k."),
    "report": ("report", "report_cmd", "Write the compliance report (HTML, JSON, PDF) for a data map."),
}


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._module_exists(name))

    @staticmethod
    def _module_exists(name: str) -> bool:
        module = COMMANDS[name][0]
        return importlib.util.find_spec(f"{__name__}.{module}") is not None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not self._module_exists(cmd_name):
            return None
        module, attr, _ = COMMANDS[cmd_name]
        mod = importlib.import_module(f"{__name__}.{module}")
        return getattr(mod, attr, None)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Show help lines without importing every command module (and Presidio with them).
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="privacy-audit")
def cli() -> None:
    """Audit a data estate against its published privacy policy, and serve data-subject requests.

    Start with `privacy-audit scan data_samples/` or `privacy-audit check data_samples/datamap.yaml`.
    """


DEBUG_ENV = "PRIVACY_AUDIT_DEBUG"
INTERNAL_ERROR = 3


_EXTRA_ARGS = re.compile(r"^Got unexpected extra arguments? \(.*\)$", re.S)


def usage_message(exc: click.UsageError) -> str:
    """One line for a click usage error, naming the command's help; stray arguments are not quoted.

    A stray argument is often a value typed after a flag (``--password hunter2``, ``--ask-password
    secret``): echoing it would put a secret or a personal value into a terminal log or CI output.
    """
    message = " ".join(exc.format_message().split())
    if _EXTRA_ARGS.match(message):
        message = (
            "got an unexpected extra argument (its value is not shown); options such as --password and "
            "--ask-password take no value: use --password-file or the prompt"
        )
    ctx = exc.ctx
    where = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    return message + where


def run_guarded(args: list[str] | None = None, *, standalone: bool = True) -> int:
    """Run the CLI, turning every expected error into one line on stderr and exit code 2.

    A bug (an exception nobody anticipated) is exit code 3 with one line naming only the exception
    type: its message or traceback could quote a cell value, i.e. raw personal data, into a CI log.
    Set ``PRIVACY_AUDIT_DEBUG=1`` to see the traceback when you need it.
    """
    try:
        rv = cli.main(args=args, prog_name="privacy-audit", standalone_mode=False)
    except PrivacyAuditError as exc:
        click.echo(f"error: {exc}", err=True)
        return getattr(exc, "exit_code", 2)  # 4: a change applied in part or not logged (journal kept)
    except click.exceptions.Abort:
        click.echo("error: aborted", err=True)
        return 2
    except click.UsageError as exc:  # usage errors: one line, and never the stray values themselves
        click.echo(f"error: {usage_message(exc)}", err=True)
        return exc.exit_code
    except click.ClickException as exc:
        click.echo(f"error: {' '.join(exc.format_message().split())}", err=True)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("error: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # last resort: a file-system error no layer below wrapped; one line, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"error: {where}{exc.strerror or type(exc).__name__}", err=True)
        return 2
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        click.echo(
            f"error: internal error ({type(exc).__name__}); this is a bug in privacy-audit. "
            f"Run again with {DEBUG_ENV}=1 to see the traceback (it may show personal data).",
            err=True,
        )
        return INTERNAL_ERROR
    # With standalone_mode=False click returns ctx.exit(code)'s code, or the command's return value.
    return rv if isinstance(rv, int) else 0


def main() -> None:
    """Console-script entry point."""
    sys.exit(run_guarded(sys.argv[1:]))
