"""Rendering: results -> documents (compliance report, access bundle index, erasure report).

Modules here format results computed elsewhere; they hold no audit logic of their own.
"""

__all__: list[str] = []
