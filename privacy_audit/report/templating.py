"""The one Jinja2 environment every document is rendered with (report, bundle index, erasure report, letters).

Its rules hold for every template: HTML is escaped, an undefined name is an error rather than an empty
string, and block tags leave no blank lines. A module's own filters are added on an overlay of this
environment, so they never leak into another module's templates.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template, select_autoescape

__all__ = ["environment", "template"]


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The shared environment: templates from ``privacy_audit/report/templates``, autoescaped, strict."""
    return Environment(
        loader=PackageLoader("privacy_audit.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def template(name: str, **filters: Callable[..., Any]) -> Template:
    """Template ``name`` of the shared environment, with ``filters`` added for this template only."""
    env = environment()
    if filters:
        env = env.overlay()
        env.filters.update(filters)
    return env.get_template(name)
