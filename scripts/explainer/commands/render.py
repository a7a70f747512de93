"""`explainer render OUT`: write the generated pages, files and a hook-free mkdocs.yml to OUT.

For engines without our MkDocs hook (and for reading the output). OUT/docs/ gets the pages with
the glossary abbreviations already appended, plus the hand-written docs/ assets; OUT/overrides/
the theme override. Only paths listed in OUT's manifest from the previous run are deleted.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from explainer import i18n
from explainer.build import read_corpus, render
from explainer.data.problems import DataError, format_problems
from explainer.render import DEFAULT_REPO
from explainer.render.cite import DEFAULT_SITE, Publication
from explainer.render.glossary import abbreviations_for

MANIFEST = ".explainer-render"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("render", help="write the pages and a mkdocs.yml to a folder")
    p.add_argument("out", metavar="OUT", help="output folder (gitignored, e.g. out/)")
    p.add_argument("--data", default="data", metavar="DATA_DIR", help="data folder")
    p.add_argument("--lang", default="en", choices=i18n.LANGUAGES,
                   help="the edition to render: en (default) or fr (the French edition)")
    p.add_argument("--config", default=None, help="the repository's config of that edition "
                   "(default: mkdocs.yml, or mkdocs.<lang>.yml)")
    p.add_argument("--repo", default=DEFAULT_REPO, help="GitHub repository URL, for links")
    p.add_argument("--site-url", default=os.environ.get("SITE_URL", Publication().url),
                   help="the site's address, for citations and the feed (default: $SITE_URL)")
    p.set_defaults(run=run)


#: Another edition's config INHERITs the English one, written beside it under this name.
_PARENT = "mkdocs.en.yml"


def hookless_config(text: str) -> str:
    """The repository's mkdocs.yml without the `hooks:` line (the pages are already written)."""
    lines = text.splitlines()
    kept = [line for line in lines if not line.startswith("hooks:")]
    if len(kept) != len(lines) - 1:
        raise ValueError("mkdocs.yml must have exactly one one-line 'hooks: [...]' entry")
    return "\n".join(kept) + "\n"


def _clear(out: Path) -> None:
    """Delete what the previous run wrote (as its manifest lists), and nothing else."""
    manifest = out / MANIFEST
    if out.exists() and any(out.iterdir()) and not manifest.is_file():
        raise FileExistsError(f"{out} is not empty and was not written by 'explainer render'; "
                              "choose an empty or new folder")
    if not manifest.is_file():
        return
    for rel in manifest.read_text(encoding="utf-8").splitlines():
        target = (out / rel).resolve()
        if rel and target.is_relative_to(out.resolve()) and target.is_file():
            target.unlink()
            for parent in target.parents:
                if parent == out.resolve() or any(parent.iterdir()):
                    break
                parent.rmdir()
    manifest.unlink()


def _configs(config: Path, lang: str) -> dict[str, bytes]:
    """OUT's mkdocs.yml; for another edition, its config, inheriting the English one (written
    beside it as mkdocs.en.yml), both without the hook."""
    text = config.read_text(encoding="utf-8")
    if lang == "en":
        return {"mkdocs.yml": hookless_config(text).encode("utf-8")}
    english = (config.parent / "mkdocs.yml").read_text(encoding="utf-8")
    child = text.replace("INHERIT: mkdocs.yml", f"INHERIT: {_PARENT}", 1)
    if child == text:
        raise ValueError(f"{config.name} must start from the English config: "
                         "INHERIT: mkdocs.yml")
    return {"mkdocs.yml": child.encode("utf-8"),
            _PARENT: hookless_config(english).encode("utf-8")}


def write(out: Path, data_dir: Path, config: Path, repo: str,
          site: Publication = DEFAULT_SITE, lang: str = "en") -> list[str]:
    """Render and write; return the paths written, relative to `out`."""
    root = config.resolve().parent
    schemas = {p.name.removesuffix(".schema.json"): p.read_text(encoding="utf-8")
               for p in sorted((root / "schemas").glob("*.schema.json"))}
    if lang != "en":  # the edition's own name, and its address under <lang>/
        named = re.search(r"^site_name: *(.+?) *$", config.read_text(encoding="utf-8"), re.M)
        site = Publication(name=named.group(1) if named else site.name, url=f"{site.url}{lang}/")
    rendered = render(read_corpus(data_dir, lang), schemas=schemas, repo=repo, site=site)
    outputs = _configs(config, lang)
    for path, page in rendered.pages.items():
        text = page.markdown
        used = (abbreviations_for(text, rendered.abbreviations) if rendered.abbreviations
                else "")
        if used:
            text = f"{text}\n\n{used}\n"
        outputs[f"docs/{path}"] = text.encode("utf-8")
    for path, content in rendered.files.items():
        outputs[f"docs/{path}"] = content
    for folder in ("docs", "overrides"):
        for f in sorted((root / folder).rglob("*")):
            if f.is_file():
                rel = f"{folder}/{f.relative_to(root / folder).as_posix()}"
                if rel in outputs:
                    raise FileExistsError(f"{rel} is hand-written, but that path is "
                                          "generated")
                outputs[rel] = f.read_bytes()
    _clear(out)
    for rel, content in sorted(outputs.items()):
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    (out / MANIFEST).write_text("\n".join(sorted(outputs)) + "\n", encoding="utf-8", newline="\n")
    return sorted(outputs)


def run(args: argparse.Namespace) -> int:
    try:
        url = args.site_url if args.site_url.endswith("/") else args.site_url + "/"
        config = Path(args.config or ("mkdocs.yml" if args.lang == "en"
                                      else f"mkdocs.{args.lang}.yml"))
        written = write(Path(args.out), Path(args.data), config, args.repo,
                        Publication(url=url), args.lang)
    except DataError as e:
        print(format_problems(e.problems), file=sys.stderr)
        return 1
    except (FileExistsError, ValueError, OSError) as e:
        print(f"explainer: {e}", file=sys.stderr)
        return 1
    pages = sum(1 for p in written if p.endswith(".md"))
    print(f"explainer: wrote {len(written)} files ({pages} pages) to {args.out}; build them "
          f"with: mkdocs build -f {Path(args.out) / 'mkdocs.yml'}")
    return 0

