"""One error tree for everything a user can get wrong.

Every error carries a one-line, human-readable message and a short ``reason`` code. The CLI turns
them into ``error: <message>`` and exit code 2; widgets show the message. Messages must never hold
a raw personal value: callers mask values with :func:`privacy_audit.masking.mask` first.
"""

from __future__ import annotations

__all__ = [
    "PrivacyAuditError",
    "InputError",
    "ConfigError",
    "DataMapError",
    "ModelNotInstalledError",
    "VaultError",
    "BundleError",
    "SubjectError",
    "AmbiguousSubjectError",
    "ErasureError",
    "AuditLogError",
    "IndexIntegrityError",
]


class PrivacyAuditError(Exception):
    """Base class of every error privacy-audit raises on purpose."""

    reason = "error"

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        # One line, always: a multi-line message would break CI logs and the widget banner.
        message = " ".join(str(message).split())
        super().__init__(message)
        if reason is not None:
            self.reason = reason

    @property
    def message(self) -> str:
        return str(self)


class InputError(PrivacyAuditError):
    """A file or value given by the user cannot be read or understood."""

    reason = "bad-input"


class ConfigError(PrivacyAuditError):
    """A setting, key, or recognizer definition is missing or invalid."""

    reason = "bad-config"


class DataMapError(ConfigError):
    """The data map YAML is malformed or names something that does not exist."""

    reason = "bad-datamap"


class ModelNotInstalledError(ConfigError):
    """The spaCy pipeline Presidio needs is not installed."""

    reason = "model-missing"


class VaultError(PrivacyAuditError):
    """The vault cannot be opened: wrong key, tampered or truncated file."""

    reason = "vault"


class BundleError(PrivacyAuditError):
    """A subject-access bundle cannot be built, opened or verified."""

    reason = "bundle"


class SubjectError(PrivacyAuditError):
    """A data subject cannot be resolved from the identifier given."""

    reason = "subject"


class AmbiguousSubjectError(SubjectError):
    """An identifier matches more than one data subject."""

    reason = "ambiguous-subject"

    def __init__(self, message: str, candidates: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = tuple(candidates)


class ErasureError(PrivacyAuditError):
    """An erasure, rectification or restriction could not be applied; nothing was changed."""

    reason = "erasure"


class AuditLogError(PrivacyAuditError):
    """The audit log is unreadable or its hash chain is broken."""

    reason = "audit-log"


class IndexIntegrityError(PrivacyAuditError):
    """A part of the subject index a request read failed its MAC check: the index is not trusted."""

    reason = "index-integrity"
