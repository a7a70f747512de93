"""The link-rot watch: a link checker's JSON report in, one GitHub issue out.

`.github/workflows/links.yml` runs `explainer urls` (the URLs and the records citing them),
lychee on those URLs, then `python -m explainer.tools.linkrot`, which opens one issue (label
`link-rot`) listing each dead URL with the records that cite it, updates it on later runs, and
closes it when every URL answers again. The report is read tolerantly: lychee lists failing
URLs under `fail_map` (older versions also `error_map`), per input, each with a `status` that
is a text or `{"text": ..., "code": ...}`. Redirects that end on a page are not failures.

Pure functions for the report and the issue text; GitHub is reached through a `Transport`, so
the tests run offline.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LABEL = "link-rot"
TITLE = "Dead links in the cited sources"
API = "https://api.github.com"


@dataclass(frozen=True, slots=True, order=True)
class Failure:
    url: str
    status: str  # as the checker says it, e.g. "404 Not Found", "Timeout"
    code: int | None = None

    @property
    def timed_out(self) -> bool:
        return self.code is None and "timeout" in self.status.lower()


def failures(report: dict[str, Any]) -> list[Failure]:
    """Every failing URL in a lychee JSON report, once each, sorted."""
    found: dict[str, Failure] = {}
    for key in ("fail_map", "error_map"):
        for items in (report.get(key) or {}).values():
            for item in items:
                url = item.get("url", "")
                if not url:
                    continue
                status = item.get("status", "")
                code = None
                if isinstance(status, dict):
                    code = status.get("code")
                    status = status.get("text") or (str(code) if code else "error")
                found.setdefault(url, Failure(url=url, status=str(status),
                                              code=code if isinstance(code, int) else None))
    return sorted(found.values())


def issue_body(failed: list[Failure], cited: dict[str, list[str]], *, run_url: str = "") -> str:
    """The issue's Markdown: dead URLs first, then the ones that timed out, each with the
    records citing it. Only URLs the data cites are listed."""
    dead = [f for f in failed if not f.timed_out and f.url in cited]
    slow = [f for f in failed if f.timed_out and f.url in cited]
    lines = ["The weekly link check found cited pages that do not answer. For each, find the "
             "page's new address or an archived copy (the reference's `archive:` field), or "
             "replace the source; then close this issue or let the next run close it.", ""]
    if run_url:
        lines += [f"Run: {run_url}", ""]
    for heading, group in (("Dead", dead), ("Timed out (may be temporary)", slow)):
        if not group:
            continue
        lines += [f"## {heading}: {len(group)}", ""]
        for f in group:
            lines.append(f"- [ ] {f.url} ({f.status})")
            lines += [f"  - `{path}`" for path in cited[f.url]]
        lines.append("")
    return "\n".join(lines)


Transport = Callable[[str, str, dict[str, Any] | None], Any]


def github(token: str) -> Transport:
    """A Transport that calls the GitHub REST API with the workflow's token."""

    def call(method: str, path: str, payload: dict[str, Any] | None) -> Any:
        data = json.dumps(payload).encode() if payload is not None else None
        req = urllib.request.Request(API + path, data=data, method=method, headers={
            "Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "explainer-linkrot"})
        with urllib.request.urlopen(req, timeout=30) as resp:  # API: a fixed https host
            body = resp.read()
        return json.loads(body) if body else None

    return call


def sync_issue(call: Transport, repo: str, failed: list[Failure],
               cited: dict[str, list[str]], *, run_url: str = "") -> str:
    """Open, update or close the one link-rot issue; say what was done."""
    listed = [f for f in failed if f.url in cited]
    open_issues = call("GET", f"/repos/{repo}/issues?state=open&labels={LABEL}&per_page=100",
                       None) or []
    mine = [i for i in open_issues if "pull_request" not in i]
    if not listed:
        for issue in mine:
            call("PATCH", f"/repos/{repo}/issues/{issue['number']}",
                 {"state": "closed", "state_reason": "completed"})
            call("POST", f"/repos/{repo}/issues/{issue['number']}/comments",
                 {"body": "Every cited URL answered on the latest check" +
                  (f" ({run_url})" if run_url else "") + "."})
        return f"closed {len(mine)} issue(s)" if mine else "no dead links"
    body = issue_body(failed, cited, run_url=run_url)
    title = f"{TITLE} ({len(listed)})"
    if mine:
        number = mine[0]["number"]
        call("PATCH", f"/repos/{repo}/issues/{number}", {"title": title, "body": body})
        return f"updated issue #{number}"
    made = call("POST", f"/repos/{repo}/issues", {"title": title, "body": body,
                                                   "labels": [LABEL]})
    return f"opened issue #{made['number']}"


def main(argv: Iterable[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m explainer.tools.linkrot", description=__doc__)
    p.add_argument("--report", required=True, help="the link checker's JSON report")
    p.add_argument("--urls", required=True, help="`explainer urls --format json` output")
    p.add_argument("--dry-run", action="store_true", help="print the issue instead")
    args = p.parse_args(list(argv) if argv is not None else None)
    failed = failures(json.loads(Path(args.report).read_text("utf-8")))
    cited = json.loads(Path(args.urls).read_text("utf-8"))
    server, repo = os.environ.get("GITHUB_SERVER_URL", ""), os.environ.get("GITHUB_REPOSITORY", "")
    run = os.environ.get("GITHUB_RUN_ID", "")
    run_url = f"{server}/{repo}/actions/runs/{run}" if server and repo and run else ""
    if args.dry_run or not repo:
        print(issue_body(failed, cited, run_url=run_url))
        return 0
    token = os.environ.get("GH_TOKEN") or os.environ.get("GITHUB_TOKEN", "")
    if not token:
        print("linkrot: set GH_TOKEN to the workflow's token", file=sys.stderr)
        return 2
    print("linkrot: " + sync_issue(github(token), repo, failed, cited, run_url=run_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
