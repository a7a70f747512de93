"""Two builds of the same commit, into different folders with different hash seeds, are
byte-identical when SOURCE_DATE_EPOCH is set (it is: sitebuild takes the last commit's time)."""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path

from sitebuild import build_site


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    # Back to back (not against the session build, which may be minutes older than the work
    # tree), into unrelated folders, with two hash seeds; the same site_url (it is written
    # into canonical links and the sitemap).
    url = "https://example.github.io/mali-coup-explainer/"
    one, other = tmp_path / "one" / "site", tmp_path / "elsewhere" / "deeper" / "out"
    build_site(one, site_url=url, hash_seed="1")
    build_site(other, site_url=url, hash_seed="12345")
    first, second = _digests(one), _digests(other)
    assert sorted(first) == sorted(second), "the two builds wrote different files"
    differ = [path for path in first if first[path] != second[path]]
    detail = ""
    if differ:
        a = (one / differ[0]).read_text(encoding="utf-8", errors="replace")
        b = (other / differ[0]).read_text(encoding="utf-8", errors="replace")
        detail = "\n".join(list(difflib.unified_diff(a.splitlines(), b.splitlines(),
                                                     lineterm="", n=1))[:20])
    assert differ == [], f"{len(differ)} of {len(first)} files differ:\n{detail}"
    assert len(first) > 100
