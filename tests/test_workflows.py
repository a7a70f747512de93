"""The GitHub workflows are checked here: schema, pinned actions, least permissions, and every
command they run exists (Makefile targets, explainer subcommands)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
IDS = [f.name for f in FILES]
PAGES = WORKFLOWS / "pages.yml"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
LINKS = WORKFLOWS / "links.yml"
PINNED = re.compile(
    r"^\s*(?:-\s+)?uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s+v\d+\.\d+\.\d+\s*$", re.M)
WRITE_SCOPES = {"pages", "id-token"}


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in data:
        data["on"] = data.pop(True)
    assert isinstance(data, dict)
    return data


def _triggers(wf: dict[str, Any]) -> set[str]:
    on = wf["on"]
    if isinstance(on, str):
        return {on}
    return set(on)


def _runs(wf: dict[str, Any]) -> list[str]:
    return [step["run"] for job in wf["jobs"].values() for step in job.get("steps", [])
            if "run" in step]


def _commands(run: str, program: str) -> list[str]:
    """The first argument of every `program ARG` in a run script (make targets, subcommands)."""
    out = []
    for line in run.splitlines():
        words = shlex.split(line, comments=True)
        for i, w in enumerate(words[:-1]):
            if w == program or w.endswith("/" + program):
                out.append(words[i + 1])
    return out


@cache
def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text("utf-8")
    return set(re.findall(r"^([a-z][a-z0-9-]*):", text, re.M))


@cache
def _explainer_commands() -> set[str]:
    exe = Path(sys.executable).parent / "explainer"
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=True).stdout
    return set(re.findall(r"^    ([a-z][a-z-]*)\s", out, re.M))


def test_there_are_two_workflows() -> None:
    assert {f.name for f in FILES} >= {"pages.yml", "pull-request.yml"}


def test_workflows_match_githubs_schema() -> None:
    # The schema is bundled with check-jsonschema: no network.
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         *map(str, FILES)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_every_action_is_pinned_to_a_commit(path: Path) -> None:
    lines = [ln for ln in path.read_text("utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", ln)]
    assert lines
    unpinned = [ln.strip() for ln in lines if not PINNED.match(ln)]
    assert not unpinned, "pin to a 40-hex commit SHA with a '# vX.Y.Z' comment: " + repr(unpinned)


def test_one_action_one_pin_across_workflows() -> None:
    pins: dict[str, set[str]] = {}
    for path in FILES:
        for m in PINNED.finditer(path.read_text("utf-8")):
            pins.setdefault(m.group(1), set()).add(m.group(0).split("@", 1)[1].strip())
    assert {a: p for a, p in pins.items() if len(p) > 1} == {}


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_top_level_permissions_are_read_only(path: Path) -> None:
    perms = _load(path).get("permissions")
    assert isinstance(perms, dict), "set top-level permissions explicitly"
    assert set(perms.values()) <= {"read", "none"}, perms


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_only_the_deploy_job_may_write_to_pages(path: Path) -> None:
    for name, job in _load(path)["jobs"].items():
        perms = job.get("permissions", {})
        writes = {k for k, v in perms.items() if v == "write"}
        if name == "deploy":
            assert writes == WRITE_SCOPES, perms
            assert job["environment"]["name"] == "github-pages"
        elif path == LINKS:
            assert writes == {"issues"}, f"the link watch writes issues only: {perms}"
        else:
            assert not writes, f"job {name!r} must not write: {perms}"


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_no_pull_request_target(path: Path) -> None:
    assert "pull_request_target" not in _triggers(_load(path))
    code = [ln for ln in path.read_text("utf-8").splitlines() if not ln.lstrip().startswith("#")]
    assert not [ln for ln in code if "pull_request_target" in ln]


def test_pull_requests_run_read_only_without_secrets() -> None:
    wf = _load(PULL_REQUEST)
    assert _triggers(wf) == {"pull_request"}
    assert wf["permissions"] == {"contents": "read"}
    assert "secrets." not in PULL_REQUEST.read_text("utf-8")
    assert all("permissions" not in job for job in wf["jobs"].values())
    runs = _runs(wf)
    assert any("explainer check --format github" in r for r in runs), runs
    assert any(_commands(r, "make") == ["test"] for r in runs), runs


def test_deploy_runs_the_readme_commands_on_the_default_branch() -> None:
    wf = _load(PAGES)
    assert _triggers(wf) == {"push", "workflow_dispatch"}
    assert wf["on"]["push"]["branches"] == ["main"]
    readme = (ROOT / "README.md").read_text("utf-8")
    targets = [t for r in _runs(wf) for t in _commands(r, "make")]
    assert targets == ["install", "check", "test", "build"]
    for t in ("check", "test", "build"):
        assert f"make {t}" in readme, f"README does not mention make {t}"
    build = wf["jobs"]["build"]
    steps = build["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert uses.index("actions/upload-pages-artifact") > max(
        i for i, s in enumerate(steps) if "make build" in s.get("run", ""))
    upload = steps[uses.index("actions/upload-pages-artifact")]
    assert upload["with"]["path"] == "site"
    built = next(s for s in steps if "make build" in s.get("run", ""))
    assert "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" in built["run"]
    assert built["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert built["env"]["EDIT_URI"] == (
        "${{ github.server_url }}/${{ github.repository }}/edit/"
        "${{ github.event.repository.default_branch }}/docs/")
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_make_install_uses_the_lock_file_with_hashes() -> None:
    recipe = (ROOT / "Makefile").read_text("utf-8")
    assert "pip install --quiet --require-hashes -r requirements/lock.txt" in recipe
    assert "--no-deps" in recipe and "-e ." in recipe


def test_mkdocs_reads_the_site_address_from_the_environment() -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"^site_url: !ENV \[SITE_URL,", config, re.M), "site_url must read $SITE_URL"
    assert re.search(r"^edit_uri: !ENV \[EDIT_URI,", config, re.M), "edit_uri must read $EDIT_URI"


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_every_command_the_workflows_run_exists(path: Path) -> None:
    runs = _runs(_load(path))
    makes = {t for r in runs for t in _commands(r, "make")}
    assert makes <= _make_targets(), makes - _make_targets()
    subs = {t for r in runs for t in _commands(r, "explainer")}
    assert subs <= _explainer_commands(), subs - _explainer_commands()
    for r in runs:
        for line in r.splitlines():
            for word in shlex.split(line, comments=True):
                if word.startswith((".venv/", ".ci/")):
                    assert (ROOT / word).exists() or word.startswith(".venv/bin/"), word


def test_explainer_check_knows_the_github_format() -> None:
    exe = Path(sys.executable).parent / "explainer"
    out = subprocess.run([str(exe), "check", "--help"], capture_output=True, text=True,
                         check=True).stdout
    assert "github" in out


def test_only_the_default_branch_deploys() -> None:
    """A manual run (workflow_dispatch) can start on any branch: the deploy job must not."""
    deploy = _load(PAGES)["jobs"]["deploy"]
    assert deploy["if"] == ("github.ref == format('refs/heads/{0}', "
                            "github.event.repository.default_branch)")


CODEOWNERS = ROOT / ".github" / "CODEOWNERS"
# What a pull request's build runs, or what publishes: each must have an owner.
GUARDED = [".github/workflows/pages.yml", ".github/workflows/pull-request.yml", "Makefile",
           ".ci/run", ".ci/setup-browser", "mkdocs.yml", "scripts/explainer/build/mkdocs_hook.py",
           "scripts/explainer/build/mkdocs_audit_hook.py"]


def _owners(path: str) -> list[str]:
    """The owners CODEOWNERS gives `path`: the last matching rule wins, as on GitHub (rules
    here are anchored paths: a file, or a folder ending in '/')."""
    owners: list[str] = []
    for line in CODEOWNERS.read_text("utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, *who = line.split()
        assert pattern.startswith("/"), f"anchor CODEOWNERS patterns: {pattern}"
        rule = pattern[1:]
        if path == rule or (rule.endswith("/") and path.startswith(rule)):
            owners = who
    return owners


@pytest.mark.parametrize("path", GUARDED)
def test_codeowners_cover_workflows_hooks_makefile_ci_and_config(path: str) -> None:
    assert (ROOT / path).exists(), path
    owners = _owners(path)
    assert owners and all(o.startswith("@") for o in owners), (path, owners)


def test_codeowners_placeholder_is_explained() -> None:
    """The owner is the placeholder @OWNER (as OWNER.github.io), never an invented person; the
    README tells maintainers to replace it, and why fork runs need approval."""
    owners = {o for line in CODEOWNERS.read_text("utf-8").splitlines()
              if line.strip() and not line.startswith("#") for o in line.split()[1:]}
    assert owners == {"@OWNER"}
    readme = (ROOT / "README.md").read_text("utf-8")
    assert ".github/CODEOWNERS" in readme and "@OWNER" in readme
    assert "Require review from Code Owners" in readme
    assert "Approval for running fork pull request workflows" in readme
def test_the_link_watch_runs_weekly_and_on_demand_with_least_privilege() -> None:
    wf = _load(LINKS)
    assert _triggers(wf) == {"schedule", "workflow_dispatch"}  # never on pull requests
    (cron,) = [s["cron"] for s in wf["on"]["schedule"]]
    assert cron.split()[2:] == ["*", "*", "1"], "weekly"
    assert wf["permissions"] == {"contents": "read"}
    (job,) = wf["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    assert job["timeout-minutes"] <= 60
    steps = job["steps"]
    assert steps[0]["with"]["persist-credentials"] is False
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "explainer urls --format plain > lychee/urls.txt" in runs
    assert "explainer urls --format json > lychee/urls.json" in runs
    (check,) = [s for s in steps if s.get("uses", "").startswith("lycheeverse/lychee-action@")]
    args = check["with"]["args"].split()
    for option, most in (("--max-concurrency", 8), ("--max-retries", 5), ("--timeout", 60)):
        assert option in args and 0 < int(args[args.index(option) + 1]) <= most, option
    assert "--retry-wait-time" in args
    assert args[-1] == "lychee/urls.txt"
    assert check["with"]["format"] == "json" and check["with"]["fail"] is False
    report = check["with"]["output"]
    last = steps[-1]
    assert last["run"].split() == [".venv/bin/python", "-m", "explainer.tools.linkrot", "--report",
                                   report, "--urls", "lychee/urls.json"]
    assert last["env"] == {"GH_TOKEN": "${{ github.token }}"}
    assert (ROOT / "scripts" / "explainer" / "tools" / "linkrot.py").is_file()
