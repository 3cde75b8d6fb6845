"""The sample estate's generator (data_samples/generate.py) as a module, for tests that call its functions."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[1] / "data_samples" / "generate.py"


@pytest.fixture(scope="module")
def gen():
    """data_samples/generate.py loaded as a module (removed from sys.modules afterwards)."""
    spec = importlib.util.spec_from_file_location("sample_generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)
