"""explainer: check the data, render the pages, report coverage, scaffold new records."""

from __future__ import annotations

import argparse
import os
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
    try:
        code: int = args.run(args)
    except BrokenPipeError:
        # The reader stopped reading (`explainer translations | head`): stop quietly, and keep
        # Python from failing again as it flushes stdout on the way out.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
