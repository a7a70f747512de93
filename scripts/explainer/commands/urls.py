"""`explainer urls [DATA_DIR]`: the external URLs the link checker reads, with who cites them."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from explainer.build import display_path
from explainer.commands import corpus_or_problems
from explainer.data.model import Corpus
from explainer.data.source_classes import references

_URL = re.compile(r"https?://[^\s)>`\"'\]]+")


def cited_urls(corpus: Corpus, files: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Every external URL (references, their exact archive snapshots, and the sources' own
    addresses), sorted, with the files of the records that cite it. `files` ({path: YAML
    text}) adds the links written in prose fields (summaries, notes)."""
    found: dict[str, dict[str, None]] = {}
    for rec, ref in references(corpus):
        found.setdefault(ref.url, {})[rec.path] = None
        if ref.archive:
            found.setdefault(ref.archive, {})[rec.path] = None
    for src in corpus.sources.values():
        found.setdefault(src.url, {})[src.path] = None
    known = set(found)
    for path, text in (files or {}).items():
        for m in _URL.finditer(text):
            url = m.group().rstrip(".,;:")
            if url in known or any(k.startswith(url) for k in known):
                continue  # a structured URL, or one cut short by the pattern
            found.setdefault(url, {})[path] = None
    return {url: sorted(paths) for url, paths in sorted(found.items())}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("urls", help="list the external URLs the link checker reads, with the "
                       "records citing each")
    p.add_argument("data_dir", nargs="?", default="data", metavar="DATA_DIR")
    p.add_argument("--format", choices=("text", "plain", "json"), default="text",
                   help="plain: the URLs alone, one a line (the checker's input); json: "
                   "{url: [record files]}")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    corpus = corpus_or_problems(args.data_dir)
    if corpus is None:
        return 1
    data = Path(args.data_dir)
    files = {display_path(p): p.read_text("utf-8") for p in sorted(data.rglob("*.yaml"))}
    urls = cited_urls(corpus, files)
    if args.format == "json":
        print(json.dumps(urls, indent=2, ensure_ascii=False))
    elif args.format == "plain":
        print("\n".join(urls))
    else:
        for url, paths in urls.items():
            print(url)
            print("".join(f"    {p}\n" for p in paths), end="")
        print(f"explainer: {len(urls)} URLs cited by "
              f"{len({p for ps in urls.values() for p in ps})} files", file=sys.stderr)
    return 0
