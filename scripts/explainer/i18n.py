"""The generator's own words in the reader's language: gettext through Babel, dates, numbers.

English message ids are the source strings (the gettext convention), so English output is the
text written in the code. The French catalogue is `locale/fr/LC_MESSAGES/messages.po`, read and
compiled in memory once per process (no `.mo` file is committed). `use("fr")` makes French the
active language for everything rendered inside it; it is a ContextVar, so a forked worker
inherits the language of the process that forked it.

    >>> with use("fr"):
    ...     format_day(datetime.date(2021, 6, 1))
    '1er juin 2021'

Re-extract the messages after changing a string (see CONTRIBUTING, "Translating the site"):
`explainer messages` updates the catalogue, keeping every translation it can.
"""

from __future__ import annotations

import datetime
import functools
import gettext
import io
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal

LANGUAGES = ("en", "fr")
DEFAULT = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"

_ACTIVE: ContextVar[str] = ContextVar("explainer_language", default=DEFAULT)

#: English month names, as the pages have always written them (Babel's agree).
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


@contextmanager
def use(lang: str) -> Iterator[None]:
    """Make `lang` the active language inside the `with` block."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)} (got {lang!r})")
    token = _ACTIVE.set(lang)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def current() -> str:
    """The active language: 'en' unless inside `use(...)`."""
    return _ACTIVE.get()


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of `lang` (English: the identity), built once per process."""
    if lang == DEFAULT:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with catalogue_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog)  # fuzzy entries are left out, so they fall back to English
    buf.seek(0)
    return Translations(fp=buf, domain=DOMAIN)


def _(msgid: str) -> str:
    """`msgid` in the active language."""
    lang = _ACTIVE.get()
    return msgid if lang == DEFAULT else translations(lang).gettext(msgid)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, by the active language's plural rule."""
    lang = _ACTIVE.get()
    if lang == DEFAULT:
        return singular if n == 1 else plural
    return translations(lang).ngettext(singular, plural, n)


def pgettext(context: str, msgid: str) -> str:
    """`msgid` in the active language, for a word whose translation depends on `context`."""
    lang = _ACTIVE.get()
    return msgid if lang == DEFAULT else translations(lang).pgettext(context, msgid)


def N_(msgid: str) -> str:
    """Mark `msgid` for the catalogue without translating it (translated where it is used:
    module-level tables are built before any language is chosen)."""
    return msgid


class Messages(Mapping[str, str]):
    """A table of marked English messages (`N_`) whose values are translated when read."""

    __slots__ = ("_table",)

    def __init__(self, table: Mapping[str, str]) -> None:
        self._table = dict(table)

    def __getitem__(self, key: str) -> str:
        return _(self._table[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def english(self, key: str) -> str:
        return self._table[key]


def integer(n: int) -> str:
    """A count in running text: '1049' in English (as the pages have always written it),
    '1 049' in French."""
    return str(n) if _ACTIVE.get() == DEFAULT else format_number(n)


def format_number(n: int) -> str:
    """'1,049' in English, '1 049' in French (Babel's group separator, a narrow no-break space)."""
    lang = _ACTIVE.get()
    if lang == DEFAULT:
        return f"{n:,}"
    return _decimal(n, lang)


@functools.lru_cache(maxsize=4096)
def _decimal(n: int, lang: str) -> str:
    from babel.numbers import format_decimal
    return format_decimal(n, locale=lang)


def format_decimal(value: float, digits: int) -> str:
    """'2.5' / '2,5': a number with `digits` decimals."""
    text = f"{value:.{digits}f}"
    return text if _ACTIVE.get() == DEFAULT else text.replace(".", ",")


def format_percent(share: float, digits: int = 0) -> str:
    """'7%' / '7 %' (French puts a narrow no-break space before the sign); `share` is 0..1."""
    value = f"{share * 100:.{digits}f}"
    if _ACTIVE.get() == DEFAULT:
        return f"{value}%"
    return value.replace(".", ",") + "\u202f%"


def month_name(month: int) -> str:
    """'May' / 'mai' (French month names are lower case; Babel's CLDR names)."""
    lang = _ACTIVE.get()
    return MONTHS_EN[month - 1] if lang == DEFAULT else _months(lang)[month - 1]


def month_abbr(month: int) -> str:
    """'Jan' / 'janv.': the short month name of chart axes."""
    lang = _ACTIVE.get()
    return MONTHS_EN[month - 1][:3] if lang == DEFAULT else _months(lang, "abbreviated")[month - 1]


@functools.cache
def _months(lang: str, width: Literal["abbreviated", "wide"] = "wide") -> tuple[str, ...]:
    from babel.dates import get_month_names
    names = get_month_names(width, "format", locale=lang)
    return tuple(str(names[m]) for m in range(1, 13))


def day_number(day: int) -> str:
    """'1' / '1er' (French writes the first of a month as an ordinal), '24' / '24'."""
    if day == 1 and _ACTIVE.get() == "fr":
        return "1er"
    return str(day)


def format_partial(year: int, month: int = 0, day: int = 0) -> str:
    """'24 May 2021', 'May 2021' or '1968'; '1er juin 2021', 'juin 2021', '1968' in French."""
    if day:
        return f"{day_number(day)} {month_name(month)} {year}"
    if month:
        return f"{month_name(month)} {year}"
    return str(year)


def format_day(d: datetime.date) -> str:
    """'24 May 2021' / '24 mai 2021'; '1er juin 2021' for the first of a month in French."""
    return format_partial(d.year, d.month, d.day)


def format_month(year: int, month: int) -> str:
    """'May 2021' / 'mai 2021'."""
    return format_partial(year, month)


def format_year(year: int) -> str:
    return str(year)


def country_name(code: str, english: str) -> str:
    """A country by its ISO 3166 code: `english` on English pages, Babel's name otherwise
    ('CI' -> "Côte d’Ivoire")."""
    lang = _ACTIVE.get()
    if lang == DEFAULT:
        return english
    return _territories(lang).get(code.upper(), english)


@functools.cache
def _territories(lang: str) -> dict[str, str]:
    from babel import Locale
    # The site writes the apostrophe as the data does: "Côte d'Ivoire".
    return {k: str(v).replace("\u2019", "'") for k, v in Locale.parse(lang).territories.items()}


def approximately(text: str) -> str:
    """'c. 1960' / 'vers 1960'."""
    return _("c. %(date)s") % {"date": text}


def install_jinja(env: Any, lang: str) -> None:
    """Give a Jinja environment (MkDocs' theme environment, in the hook's `on_env`) the
    catalogue of `lang` for `{{ _("…") }}` in the theme overrides (overrides/404.html,
    overrides/partials/copyright.html), and `x_day(date)` for a date in words in `lang`.

    MkDocs already adds jinja2.ext.i18n (with English, the identity) whenever Babel is there,
    so the templates work without this; this makes them speak `lang`."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations(lang), newstyle=False)

    def x_day(d: datetime.date) -> str:
        with use(lang):
            return format_day(d)

    env.globals["x_day"] = x_day
