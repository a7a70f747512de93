""""Cite this page": a plain-text citation, and the same reference as CSL-JSON and BibTeX.

Pure: a record's page in, Markdown lines and file contents out. BibTeX goes through pybtex,
which quotes and escapes the fields (& % _ #) as BibTeX expects.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from pybtex.database import BibliographyData, Entry
from pybtex.database.output.bibtex import Writer as BibTeXWriter

from explainer.data.dates import PartialDate
from explainer.i18n import _
from explainer.render import links
from explainer.render.text import plain


@dataclass(frozen=True, kw_only=True, slots=True)
class Publication:
    """The site as a publication: its name and address (with a trailing slash)."""

    name: str = "Mali's double coup, explained"
    url: str = "https://OWNER.github.io/mali-coup-explainer/"


DEFAULT_SITE = Publication()
_WRITER = BibTeXWriter()
# latexcodec encodes each field afresh (0.1 ms a field, most of a record's BibTeX), and most
# fields repeat from record to record: the site's name, the review date and year.
_WRITER._encode = functools.lru_cache(maxsize=4096)(_WRITER._encode)


@dataclass(frozen=True, kw_only=True, slots=True)
class Cited:
    """What a citation of one page needs."""

    path: str  # the page, e.g. events/coup-2021.md
    title: str
    kind: str  # event, claim or actor
    reviewed: PartialDate | None
    site: Publication

    @property
    def site_name(self) -> str:
        return self.site.name

    @property
    def site_url(self) -> str:
        return self.site.url

    @property
    def url(self) -> str:
        return self.site_url + links.url_of(self.path)

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.path.rpartition('/')[2][:-3]}"


def csl_path(c: Cited) -> str:
    return f"cite/{c.path[:-3]}.json"


def bibtex_path(c: Cited) -> str:
    return f"cite/{c.path[:-3]}.bib"


def plain_citation(c: Cited) -> str:
    """Site. "Page title." Last reviewed 24 May 2021. URL."""
    parts = [_("%(site)s. “%(title)s.”") % {"site": c.site_name, "title": c.title}]
    if c.reviewed:
        parts.append(_("Last reviewed %(date)s.") % {"date": c.reviewed.display()})
    parts.append(c.url + ".")
    return " ".join(parts)


def csl_json(c: Cited) -> str:
    item: dict[str, object] = {"id": c.key, "type": "webpage", "title": c.title,
                               "container-title": c.site_name, "publisher": c.site_name,
                               "URL": c.url}
    if c.reviewed:
        item["issued"] = {"date-parts": [[p for p in (c.reviewed.year, c.reviewed.month,
                                                      c.reviewed.day) if p]]}
    return json.dumps([item], ensure_ascii=False, indent=1) + "\n"


def bibtex(c: Cited) -> str:
    # BibTeX groups with braces: one left unbalanced in a title would swallow the entry.
    title = c.title.replace("{", "(").replace("}", ")")
    fields = [("title", title), ("howpublished", c.site_name), ("organization", c.site_name),
              ("url", c.url)]
    if c.reviewed:
        fields += [("year", str(c.reviewed.year)),
                   ("note", _("Last reviewed %(date)s") % {"date": c.reviewed.display()})]
        if c.reviewed.day:
            fields.append(("date", c.reviewed.iso()))
    # The writer itself: BibliographyData.to_string looks its plugin up among every installed
    # package's entry points on each call, which was most of the build's time.
    text: str = _WRITER.to_string(BibliographyData(entries={c.key: Entry("misc", fields=fields)}))
    return text


def cite_files(c: Cited) -> dict[str, bytes]:
    return {csl_path(c): csl_json(c).encode("utf-8"), bibtex_path(c): bibtex(c).encode("utf-8")}


def cite_block(c: Cited) -> list[str]:
    """The section that ends an event, claim or actor page."""
    return ["## " + _("Cite this page") + " {#cite}", "",
            f'<p class="x-cite">{plain(plain_citation(c))}</p>', "",
            _("Add the date you read it. As a file for a reference manager: "
              "[CSL-JSON](%(csl)s) · [BibTeX](%(bibtex)s).") % {
                "csl": links.md(c.path, csl_path(c)), "bibtex": links.md(c.path, bibtex_path(c))},
            ""]
