"""Two builds of the same commit, into different folders with different hash seeds, are
byte-identical when SOURCE_DATE_EPOCH is set (it is: sitebuild takes the last commit's time)."""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path

import pytest

from sitebuild import ServedSite, build_site


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(site: ServedSite,
                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    # The session build (hash seed 0) against a second one: another folder, another seed,
    # the same site_url (it is written into canonical links and the sitemap).
    other = tmp_path_factory.mktemp("again") / "elsewhere" / "site"
    build_site(other, site_url=site.base_url, hash_seed="12345")
    first, second = _digests(site.site_dir), _digests(other)
    assert sorted(first) == sorted(second), "the two builds wrote different files"
    differ = [path for path in first if first[path] != second[path]]
    detail = ""
    if differ:
        a = (site.site_dir / differ[0]).read_text(encoding="utf-8", errors="replace")
        b = (other / differ[0]).read_text(encoding="utf-8", errors="replace")
        detail = "\n".join(list(difflib.unified_diff(a.splitlines(), b.splitlines(),
                                                     lineterm="", n=1))[:20])
    assert differ == [], f"{len(differ)} of {len(first)} files differ:\n{detail}"
    assert len(first) > 100
