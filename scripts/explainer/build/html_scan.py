"""html.parser's tokenizer, replayed fast for the audit (explainer.build.audit).

`scan` replays CPython 3.11's HTMLParser.goahead, as run by feed() then close(), with the
parser's own regular expressions, but only as far as the audit needs: start tags with their
decoded attributes, end tags, comments, and the raw text of script and style elements. No
positions, no text handling. It asks its `Rules` about each start tag, and returns the inline
scripts of markup with nothing to flag, or None as soon as anything is flagged or anything
unusual is met; the audit then runs the parser itself, which reports lines and columns. So it
cannot pass what the parser would flag. tests/test_audit.py compares the two on payloads, on
built pages and on random markup.

Most of a page is markup the audit has nothing to say about, and a Python step per tag is
what costs. So in data state a `harmless_run` expression, running in C, first skips the longest
run of such markup, and the loop handles only the token after it (see harmless_run for why
skipping the run hides nothing).
"""

from __future__ import annotations

import html.parser
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import Any, Final, NamedTuple

Attrs = list[tuple[str, str | None]]

_HP: Final[dict[str, Any]] = vars(html.parser)
_STARTTAGOPEN: Final[re.Pattern[str]] = _HP["starttagopen"]
_TAGFIND: Final[re.Pattern[str]] = _HP["tagfind_tolerant"]
_ATTRFIND: Final[re.Pattern[str]] = _HP["attrfind_tolerant"]
_TAGEND: Final[re.Pattern[str]] = _HP["locatestarttagend_tolerant"]
_ENDENDTAG: Final[re.Pattern[str]] = _HP["endendtag"]
_ENDTAGFIND: Final[re.Pattern[str]] = _HP["endtagfind"]
_PICLOSE: Final[re.Pattern[str]] = _HP["piclose"]
_COMMENTCLOSE: Final[re.Pattern[str]] = re.compile(r"--\s*>")
# The same expression HTMLParser.set_cdata_mode compiles for each raw-text element.
_CDATA_END: Final = {elem: re.compile(rf"</\s*{elem}\s*>", re.I)
                     for elem in HTMLParser.CDATA_CONTENT_ELEMENTS}
#: The scan mirrors this version's tokenizer; any other falls back to the parser.
FAST_SCAN: Final = sys.version_info[:2] == (3, 11)
_TAG_NAME_END: Final = "abcdefghijklmnopqrstuvwxyz=/ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: Raw text (script, style) that a browser would read as markup where it parses them as
#: foreign content (inside svg or math): a '<' that starts a tag, end tag, comment or
#: declaration. Also a '</script x>' that ends the element for a browser but not for
#: html.parser. Such text sends the page to the parser, which refuses it.
MARKUP_IN_RAW_TEXT: Final = re.compile(r"<[A-Za-z/!?]")
#: Elements whose content must be plain text (no '<' before their end tag): browsers read
#: title as text (RCDATA) in HTML and as markup in SVG, html.parser always as markup; they agree
#: only on text.
TEXT_ONLY: Final = frozenset({"title"})


def comment_differs(raw: str, i: int, close: re.Match[str] | None) -> bool:
    """True when the comment starting at raw[i] ('<!--') ends elsewhere for a browser than for
    html.parser: '<!-->' and '<!--->' end at once for a browser, '--!>' ends it, '-- >' does not;
    html.parser ends it at the first '--', optional white space, '>'."""
    if close is None:
        return True
    return (close.group() != "-->" or raw.startswith(("<!-->", "<!--->"), i)
            or "--!>" in raw[i + 4:close.start()])


# A harmless run, and why skipping it is sound. The expression harmless_run builds matches,
# from a point in data state (no raw-text element open, no inline script open), any sequence of:
#   - text: [^<]++, possessive, so it always stops at a '<' or at the end, as goahead's
#     find('<') does (with convert_charrefs, '&' means nothing to the tokenizer in data state);
#   - an end tag: '</' up to the first '>' after it, with no '<' before it (so a failing one
#     stops at the next '<'). In data state parse_endtag ends every form of end tag (named,
#     nameless '</>', bogus) at the first '>' after '</' (see scan below), and an end tag
#     changes nothing when no script is open;
#   - a start tag of a strict shape: '<', a lower-case name from `tags`, then attributes, each
#     white space ([ \t\n\r\f], never other Unicode space) then a name
#     [a-z][-a-zA-Z0-9_:.]* with optionally ="..." right after it, then optional white space,
#     optional '/', '>'. On this shape the parser's expressions agree with it exactly: its tag
#     name stops at [\t\n\r\f />] (the expression checks that one follows the name), each
#     attribute name stops at white space, '/', '=' or '>', a double-quoted value ends at the
#     next '"' and is read without its quotes, and what is left, stripped, is '>' or '/>'. So
#     the parser reports this tag, with these names (lower-cased) and values, never text.
# Attribute names are ASCII and start with a lower-case letter, so lower() cannot map a
# stranger name (the Kelvin sign, a long s) onto a checked one, and a name is a checked one
# in any case exactly when its first letter is the checked name's and the rest matches [xX]
# classes; no IGNORECASE is used. A name in `read` or starting with one of `read_prefixes` (in
# any case) is refused, except the names in `plain_urls` with a value the URL check always
# passes: no '&' (so no character reference changes it) and either no ':' (no scheme) or
# http:// or https:// at its start. `tags` may not hold script or style (they switch the
# tokenizer to raw text).
# So every run it matches is tokenized by html.parser into exactly these complete texts and
# tags, none of which the audit's rules could flag (given `read` and `tags` chosen to match
# them), and leaves it in data state: skipping it cannot hide anything the parser would report,
# and the inline scripts found (for the CSP hashes) are unchanged. Possessive quantifiers and
# atomic groups keep a failing tag from backtracking: the match is linear in its length.
_WS: Final = "[ \t\n\r\f]"
_NAME_CHAR: Final = "[-a-zA-Z0-9_:.]"
_TAG_NAME: Final = re.compile("[a-z][a-z0-9]*")
_ATTR_NAME: Final = re.compile("[a-z][-a-z0-9_:.]*")


def _lower_first(word: str) -> str:
    """'href' -> 'h[rR][eE][fF]': the word in any case after a lower-case first letter. (No
    IGNORECASE: under it 'k' matches the Kelvin sign and 's' a long s.)"""
    return re.escape(word[0]) + "".join(
        f"[{c}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word[1:])


def _trie(words: Iterable[str]) -> str:
    """An alternation of the words with one branch per first letter: the expression engine
    rejects a branch on its first character quickly, so 20 branches cost less than 80."""
    rests: dict[str, set[str]] = {}
    for word in words:
        rests.setdefault(word[0], set()).add(word[1:])
    branches: list[str] = []
    for first, rest in sorted(rests.items()):
        if len(rest) == 1:
            branches.append(re.escape(first + rest.pop()))
        else:
            optional = "?" if "" in rest else ""
            branches.append(f"{re.escape(first)}(?:{_trie(r for r in rest if r)}){optional}")
    return "|".join(branches)


def harmless_run(tags: Iterable[str], *, read: Iterable[str], read_prefixes: Iterable[str],
                 plain_urls: Iterable[str]) -> re.Pattern[str]:
    """An expression for a run of markup the audit has nothing to say about (see above).

    Elements of TEXT_ONLY in `tags` pass only with their content, text up to their end tag."""
    names = frozenset(tags) - TEXT_ONLY
    text_only = sorted(frozenset(tags) & TEXT_ONLY)
    odd = [t for t in sorted(names) if t in _CDATA_END or not _TAG_NAME.fullmatch(t)]
    checked = [*read, *read_prefixes, *plain_urls]
    odd += [a for a in checked if not _ATTR_NAME.fullmatch(a)]
    if odd or not names:
        raise ValueError(f"not tags or attribute names a harmless run can use: {odd}")
    refused = "|".join([*map(_lower_first, read_prefixes),
                        f"(?:{'|'.join(map(_lower_first, sorted(read)))})(?!{_NAME_CHAR})"])
    unread = f"(?!{refused})[a-z]{_NAME_CHAR}*+(?:=\"[^\"]*+\")?+"
    plain_url = (f"(?:{'|'.join(map(_lower_first, plain_urls))})"
                 "=\"(?:[^\":&]*+|https?://[^\"&]*+)\"")
    attributes = f"(?>(?:{_WS}++(?:{plain_url}|{unread}))*+){_WS}*+"
    start_tag = f"<(?:{_trie(names)})(?=[\t\n\r\f />]){attributes}/?>"
    with_text = "".join(f"|<{t}(?=[\t\n\r\f />]){attributes}>[^<]*+</{t}>" for t in text_only)
    return re.compile(f"(?:[^<]++|</[^<>]*+>|{start_tag}{with_text})*+")


@dataclass(frozen=True, slots=True)
class Rules:
    """What the scan asks the audit: a harmless run to skip (from harmless_run, for the same
    rules), whether a start tag is flagged, and, to collect scripts, whether a <script> runs."""

    run: re.Pattern[str]
    flagged: Callable[[str, Attrs], bool]
    runs_inline: Callable[[Attrs], bool] | None = None


class Scan(NamedTuple):
    scripts: list[str] | None  # the inline scripts, in page order; None: ask the parser
    steps: int  # tokens the Python loop handled (the harmless runs skip the rest)


def _start_tag(raw: str, i: int) -> tuple[int, str | None, Attrs, bool]:
    """HTMLParser.parse_starttag: (end, tag or None for text, attributes, self-closing)."""
    m = _TAGEND.match(raw, i)
    if m is None:  # pragma: no cover - the expression always matches after '<' + letter
        return -1, None, [], False
    j = m.end()
    nxt = raw[j:j + 1]
    if nxt == ">":
        endpos = j + 1
    elif nxt == "/":
        if not raw.startswith("/>", j):
            return -1, None, [], False
        endpos = j + 2
    elif nxt == "" or nxt in _TAG_NAME_END:
        return -1, None, [], False
    else:
        endpos = j if j > i else i + 1
    found = _TAGFIND.match(raw, i + 1)
    if found is None:  # pragma: no cover - as in the parser (an assertion there)
        return -1, None, [], False
    k = found.end()
    tag = found.group(1).lower()
    attrs: Attrs = []
    while k < endpos:
        am = _ATTRFIND.match(raw, k)
        if not am:
            break
        name, rest, value = am.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        if value:
            value = unescape(value)
        attrs.append((name.lower(), value))
        k = am.end()
    end = raw[k:endpos].strip()
    if end not in (">", "/>"):
        return endpos, None, [], False
    return endpos, tag, attrs, end.endswith("/>")


def _end_tag(raw: str, i: int, cdata: str | None) -> tuple[int, str | None]:
    """HTMLParser.parse_endtag: (end, the tag name handle_endtag would get, or None)."""
    m = _ENDENDTAG.search(raw, i + 1)
    if not m:
        return -1, None
    gtpos = m.end()
    full = _ENDTAGFIND.match(raw, i)
    if not full:
        if cdata is not None:
            return gtpos, None
        name = _TAGFIND.match(raw, i + 2)
        if not name:
            if raw[i:i + 3] == "</>":
                return i + 3, None
            pos = raw.find(">", i + 2)
            return (pos + 1 if pos >= 0 else -1), None
        return raw.find(">", name.end()) + 1, name.group(1).lower()
    elem = full.group(1).lower()
    if cdata is not None and elem != cdata:
        return gtpos, None
    return gtpos, elem


def scan(raw: str, rules: Rules) -> Scan:
    """The inline scripts the parser would find, if nothing at all is flagged; else None."""
    if not FAST_SCAN:
        return Scan(None, 0)
    skip = rules.run.match
    scripts: list[str] = []
    script_start: int | None = None
    cdata: str | None = None
    n = len(raw)
    i = 0
    steps = 0
    while i < n:
        if cdata is None:
            if script_start is None:
                run = skip(raw, i)  # always matches, maybe nothing
                i = run.end() if run else i
            j = raw.find("<", i)
            if j < 0:
                break
        else:
            cm = _CDATA_END[cdata].search(raw, i)
            if cm is None:
                break
            j = cm.start()
            if MARKUP_IN_RAW_TEXT.search(raw, i, j):
                return Scan(None, steps)
        i = j
        steps += 1
        if _STARTTAGOPEN.match(raw, i):
            k, tag, attrs, closed = _start_tag(raw, i)
            if tag is not None:
                if rules.flagged(tag, attrs):
                    return Scan(None, steps)
                if tag == "script" and rules.runs_inline is not None and rules.runs_inline(attrs):
                    script_start = k
                if not closed and tag in _CDATA_END:
                    cdata = tag
                if not closed and tag in TEXT_ONLY and not raw.startswith(
                        f"</{tag}>", raw.find("<", k)):
                    return Scan(None, steps)  # markup inside: the parser refuses it
        elif cdata is None and script_start is None and raw.startswith("</", i):
            # Outside raw text, with no script open, an end tag only moves on: parse_endtag
            # ends every form of it (named, nameless, bogus) after the first '>' past "</".
            k = raw.find(">", i + 2)
            k = k + 1 if k >= 0 else -1
        elif raw.startswith("</", i):
            k, name = _end_tag(raw, i, cdata)
            if name is not None:
                if name == "script" and script_start is not None:
                    scripts.append(raw[script_start:i])
                    script_start = None
                cdata = None
        elif raw.startswith("<!--", i):
            cm = _COMMENTCLOSE.search(raw, i + 4)
            if comment_differs(raw, i, cm):
                return Scan(None, steps)
            k = cm.end() if cm else -1
        elif raw.startswith("<?", i):
            cm = _PICLOSE.search(raw, i + 2)
            k = cm.end() if cm else -1
        elif raw.startswith("<!", i):
            if raw[i:i + 9].lower() != "<!doctype":
                return Scan(None, steps)  # marked sections, other declarations: the parser's
            gt = raw.find(">", i + 9)
            k = gt + 1 if gt >= 0 else -1
        elif i + 1 < n:
            k = i + 1
        else:
            break
        if k < 0:  # not terminated: close() reads it as text up to the next '>' (or '<')
            k = raw.find(">", i + 1)
            if k < 0:
                k = raw.find("<", i + 1)
                if k < 0:
                    k = i + 1
            else:
                k += 1
        i = k
    return Scan(scripts, steps)
