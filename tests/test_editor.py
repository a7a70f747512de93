"""Editor support: every data folder maps to its JSON Schema in VS Code, every record's first
line names a schema that exists, and the pre-commit hook runs the check on data changes."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from explainer.data import schema as s

ROOT = Path(__file__).resolve().parent.parent


def test_vscode_maps_each_data_folder_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8"))
    expected = {f"./schemas/{kind}.schema.json": [f"data/{folder}/*.yaml"]
                for kind, folder in s.FOLDERS.items()}
    assert settings["yaml.schemas"] == expected
    for path in expected:
        assert (ROOT / path).is_file(), path


def test_vscode_recommends_the_yaml_extension() -> None:
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text("utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_every_record_names_an_existing_schema_on_its_first_line() -> None:
    for kind, folder in s.FOLDERS.items():
        for path in sorted((ROOT / "data" / folder).glob("*.yaml")):
            first = path.read_text("utf-8").split("\n", 1)[0]
            assert first == s.SCHEMA_LINE.format(kind=kind), path
            target = (path.parent / first.split("$schema=", 1)[1]).resolve()
            assert target == ROOT / "schemas" / f"{kind}.schema.json"


def test_pre_commit_checks_the_data_folder() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    local = next(r for r in config["repos"] if r["repo"] == "local")
    hook = next(h for h in local["hooks"] if h["id"] == "explainer-check")
    assert hook["entry"] == ".venv/bin/explainer check"
    assert hook["files"] == "^data/"
    assert hook["pass_filenames"] is False
    for repo in config["repos"]:
        if repo["repo"] != "local":
            assert repo["rev"].startswith("v"), repo
