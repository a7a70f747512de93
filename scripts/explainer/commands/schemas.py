"""`explainer schemas [OUT]`: write the JSON Schemas that editors use, generated from schema.py."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from explainer.data.schema import RECORDS, json_schema


def schema_texts() -> dict[str, str]:
    """File name -> JSON text of every record kind's schema."""
    return {f"{kind}.schema.json": json.dumps(json_schema(kind), indent=2, ensure_ascii=False)
            + "\n" for kind in RECORDS}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("schemas", help="regenerate the JSON Schemas in schemas/")
    p.add_argument("out", nargs="?", default="schemas", metavar="OUT")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        (out / name).write_text(text, "utf-8", newline="\n")
    print(f"explainer: wrote {len(RECORDS)} schemas to {out}/")
    return 0
