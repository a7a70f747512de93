"""The message catalogue's upkeep: extract the generator's words, and update the French catalogue.

    .venv/bin/python -m explainer.tools.messages          # extract, then update messages.po
    .venv/bin/python -m explainer.tools.messages --check  # exit 1 if messages.po is not up to date

`extract` is a Babel extraction method (babel.cfg names it): Babel's own Python extractor, plus
the simple `_("…")` calls written inside f-strings, which Python 3.11's tokenizer hands Babel as
one string. Then `pybabel extract -F babel.cfg` finds the same messages as this module.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import sys
import tokenize
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from explainer.i18n import DOMAIN, catalogue_path

ROOT = Path(__file__).resolve().parents[3]
#: Python keywords beyond Babel's defaults (_, gettext, ngettext, pgettext, N_, …).
KEYWORDS = ("N_",)
#: `_("…")` or `_('…')` with one plain literal, wherever it is (f-strings included).
_SIMPLE = re.compile(r"""(?<![\w.])_\(\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*\)""")
_PGETTEXT = re.compile(r"""(?<![\w.])pgettext\(\s*("[^"\\\n]*"|'[^'\\\n]*')\s*,\s*"""
                       r"""("[^"\\\n]*"|'[^'\\\n]*')\s*\)""")

Extracted = tuple[int, str, Any, Any]


def extract(fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str],
            options: dict[str, Any]) -> Iterator[Extracted]:
    """Babel's Python extraction, then the `_()` and `pgettext()` calls inside f-strings."""
    source = fileobj.read()
    seen: set[tuple[str, Any]] = set()
    # (line, keyword, message(s), comments): Babel's type hints say otherwise, its code this.
    found: Iterable[Any] = extract_python(io.BytesIO(source), keywords, comment_tags,
                                          options)  # type: ignore[arg-type]
    for lineno, funcname, messages, comments in found:
        seen.add((funcname, messages))
        yield lineno, funcname, messages, comments
    for line, text in _fstrings(source):
        for m in _SIMPLE.finditer(text):
            msg = ast.literal_eval(m.group(1))
            if ("_", msg) not in seen:
                seen.add(("_", msg))
                yield line + text.count("\n", 0, m.start()), "_", msg, []
        for m in _PGETTEXT.finditer(text):
            pair = (ast.literal_eval(m.group(1)), ast.literal_eval(m.group(2)))
            if ("pgettext", pair) not in seen:
                seen.add(("pgettext", pair))
                yield line + text.count("\n", 0, m.start()), "pgettext", pair, []


def _fstrings(source: bytes) -> Iterator[tuple[int, str]]:
    """(first line, text) of each f-string literal of a Python source (Python 3.11 gives an
    f-string as one STRING token; 3.12 splits it, and Babel then reads it itself)."""
    for tok in tokenize.tokenize(io.BytesIO(source).readline):
        if tok.type == tokenize.STRING:
            prefix = tok.string[:tok.string.index(tok.string.lstrip("rRbBuUfF")[0])]
            if "f" in prefix.lower():
                yield tok.start[0], tok.string


def template(root: Path = ROOT) -> Catalog:
    """Every message of the generator and the theme overrides (the .pot, in memory)."""
    catalog = Catalog(domain=DOMAIN)
    with (root / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f, "babel.cfg")  # type: ignore[no-untyped-call]
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
                "N_": None}
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root), method_map, options_map, keywords=keywords, comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True):
        if message:
            catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                        context=context)
    return catalog


def updated(lang: str = "fr", root: Path = ROOT) -> Catalog:
    """The catalogue of `lang`, brought up to date with the code: new messages added empty,
    obsolete ones dropped, no fuzzy guesses (a guess would be shown as a translation)."""
    with catalogue_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    created = catalog.creation_date  # update() would stamp it with now: builds stay the same
    catalog.update(template(root), no_fuzzy_matching=True)
    catalog.creation_date = created
    catalog.obsolete.clear()
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, omit_header=False, no_location=True, sort_output=True, width=100)
    return buf.getvalue()


def _comparable(po: bytes) -> bytes:
    """The catalogue without the line that names the Babel version that wrote it."""
    return re.sub(rb'(?m)^"Generated-By: .*\n', b"", po)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer.tools.messages", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if the catalogue is not up to date")
    parser.add_argument("--lang", default="fr")
    args = parser.parse_args(argv)
    path = catalogue_path(args.lang)
    catalog = updated(args.lang)
    new = _po_bytes(catalog)
    missing = [m.id for m in catalog if m.id and (
        not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    if args.check:
        if _comparable(new) != _comparable(path.read_bytes()):
            print(f"{path}: not up to date with the code; run python -m explainer.tools.messages",
                  file=sys.stderr)
            return 1
    else:
        path.write_bytes(new)
    for msgid in missing:
        print(f"{path.name}: untranslated: {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
