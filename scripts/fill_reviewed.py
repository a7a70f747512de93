"""Give every record without `reviewed:` the date of the last commit that changed its file.

`reviewed` is the date a record was last checked against its sources. When the field became
required (issue 11), records that had none were last checked when their file last changed, so
that commit's date is the honest value. Run once from the repository root:

    .venv/bin/python scripts/fill_reviewed.py [DATA_DIR]

It appends `reviewed: 'YYYY-MM-DD'` to each record file that has no top-level `reviewed:` and
prints what it changed. Files never committed are left alone (and listed).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HAS_REVIEWED = re.compile(r"^reviewed:", re.M)


def last_commit_date(path: Path) -> str:
    out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(path)],
                         capture_output=True, text=True, check=True).stdout.strip()
    return out


def main(argv: list[str]) -> int:
    data = Path(argv[0] if argv else "data")
    filled, uncommitted = 0, []
    for path in sorted(data.rglob("*.yaml")):
        text = path.read_text("utf-8")
        if HAS_REVIEWED.search(text):
            continue
        date = last_commit_date(path)
        if not date:
            uncommitted.append(path)
            continue
        if not text.endswith("\n"):
            text += "\n"
        path.write_text(f"{text}reviewed: '{date}'\n", "utf-8", newline="\n")
        filled += 1
        print(f"{path}: reviewed {date}")
    print(f"fill_reviewed: {filled} records given the date of their file's last commit")
    for path in uncommitted:
        print(f"fill_reviewed: {path} has never been committed; left alone", file=sys.stderr)
    return 1 if uncommitted else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
