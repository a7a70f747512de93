"""`python -m explainer.build.swap SITE_DIR -- COMMAND …`: build into a fresh folder, swap it in.

COMMAND (`mkdocs build --strict`) gets `--site-dir NEW`, a new folder beside SITE_DIR. Only if
it succeeds does NEW take SITE_DIR's place, in one rename where the system has one (Linux
renameat2 RENAME_EXCHANGE), else in two; the old site is then removed. If it fails (a data
mistake, a strict warning, an unsafe page), NEW is removed and SITE_DIR is untouched: it
always holds the last good, complete build.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    result: int = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b),
                            _RENAME_EXCHANGE)
    return result == 0


def swap_in(new: Path, site: Path) -> None:
    """Put the folder `new` at `site`, and remove what was there."""
    if not site.exists():
        new.rename(site)
        return
    if _exchange(new, site):
        shutil.rmtree(new)  # now the old site
        return
    old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
    old.rmdir()
    site.rename(old)
    new.rename(site)
    shutil.rmtree(old)


def build(site: Path, command: list[str]) -> int:
    """Run `command --site-dir NEW`; swap NEW in on success. The command's exit status."""
    site = site.absolute()
    site.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))
    try:
        code = subprocess.run([*command, "--site-dir", str(new)], check=False).returncode
        if code == 0:
            swap_in(new, site)
            return 0
        print(f"explainer: the build failed; {site.name}/ keeps the last good site",
              file=sys.stderr)
        return code
    finally:
        if new.exists():
            shutil.rmtree(new)


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("usage: python -m explainer.build.swap SITE_DIR -- COMMAND [ARG …]", file=sys.stderr)
        return 2
    return build(Path(argv[0]), argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
