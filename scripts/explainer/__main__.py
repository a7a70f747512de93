"""explainer: check the data, render the pages, report coverage, scaffold new records."""

from __future__ import annotations

import argparse
import sys

from explainer.commands import (
    check,
    coverage,
    new,
    render,
    schemas,
    sources,
    translations,
    urls,
)

COMMANDS = (check, coverage, schemas, render, new, sources, urls, translations)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
