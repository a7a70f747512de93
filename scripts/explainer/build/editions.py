"""`python -m explainer.build.editions [--site-dir DIR] [MKDOCS-ARGS …]`: build every edition into
one site: English (mkdocs.yml) at DIR, then French (mkdocs.fr.yml) at DIR/fr/. Stops at the first
failure, with its exit status. `make build` runs it through explainer.build.swap, so a failed build
leaves the last good site in place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from explainer import i18n

#: config file and sub-folder of each edition, English (the root) first: MkDocs empties its
#: site_dir before building, so the root must be built before the editions inside it.
CONFIGS = tuple(("mkdocs.yml", "") if lang == "en" else (f"mkdocs.{lang}.yml", lang)
                for lang in i18n.LANGUAGES)


def commands(site_dir: Path, extra: list[str], root: Path = Path()) -> list[list[str]]:
    return [[sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
             str(root / config), "--site-dir", str(site_dir / sub if sub else site_dir), *extra]
            for config, sub in CONFIGS]


def main(argv: list[str]) -> int:
    site_dir, rest = Path("site"), list(argv)
    if "--site-dir" in rest:
        i = rest.index("--site-dir")
        site_dir = Path(rest[i + 1])
        del rest[i:i + 2]
    for command in commands(site_dir, rest):
        code = subprocess.run(command, check=False).returncode
        if code != 0:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
