"""About (scope, maintainers, licences, corrections, numbers) and Method (how we decide)."""

from __future__ import annotations

import re
from collections import Counter

from explainer.data.model import Corpus
from explainer.data.schema import SOURCE_CLASSES, VERDICTS
from explainer.data.source_classes import summarise
from explainer.i18n import N_, Messages, _, integer
from explainer.render import links
from explainer.render.common import VERDICT_LABELS, VERDICT_MEANINGS, count, verdict_badge
from explainer.render.text import url

_GITHUB_REPO = re.compile(r"^https://github\.com/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+)/?$")
#: The owner in DEFAULT_REPO: a local build that no workflow told whose repository it is.
PLACEHOLDER_OWNER = "OWNER"

CLASS_MEANINGS = Messages({
    "primary": N_("the parties themselves: governments, the United Nations, the African Union, "
                  "ECOWAS, courts. What they said or decided, in their own words."),
    "research": N_("academic work, think tanks and NGOs (Amnesty International, Human Rights "
                   "Watch, the International Crisis Group, International IDEA) and edited "
                   "reference works."),
    "agency": N_("news agencies: Reuters, the Associated Press, AFP, Anadolu, Xinhua, dpa."),
    "news": N_("edited newspapers, broadcasters and magazines, including when they carry an "
               "agency's story."),
    "reprint": N_("sites that republish another's work (aggregators, mirrors, press-release "
                  "wires). A reprint names whose work it carries; we cite one only beside a "
                  "stronger source."),
    "other": N_("anything else: blogs, and sites of uneven or unknown editorial standards. "
                "Never the only source of a fact."),
})
#: The source classes' names (the data's ids stay as they are).
CLASS_NAMES = Messages({
    "primary": N_("primary"), "research": N_("research"), "agency": N_("agency"),
    "news": N_("news"), "reprint": N_("reprint"), "other": N_("other"),
})


def correction_url(repo: str) -> str:
    """The address that opens a new GitHub issue with the correction template."""
    return repo.rstrip("/") + "/issues/new?template=correction.yml"


def _maintainers(repo: str) -> str:
    m = _GITHUB_REPO.match(repo)
    if not m or m.group(1) == PLACEHOLDER_OWNER:
        return _("This site is maintained by the owner of its GitHub repository, who is named "
                 "here when the site is built by its publishing workflow.")
    owner, name = m.groups()
    return _("This site is maintained by %(owner)s, the owner of its GitHub repository, "
             "%(repo)s.") % {"owner": url("https://github.com/" + owner, "@" + owner),
                             "repo": url(repo, owner + "/" + name)}


def about(corpus: Corpus, repo: str) -> str:
    page = links.ABOUT
    verdicts = Counter(c.assessment.verdict for c in corpus.claims.values() if c.assessment)
    quotes = sum(len(c.quotes) for c in corpus.claims.values())
    method = links.md(page, links.METHOD)
    n = integer
    lines = ["# " + _("About"), "", "## " + _("Scope") + " {#scope}", "",
             _("This site explains one op-ed about Mali's “double coup” of August 2020 and May "
               "2021. It sets out the events the article refers to and their background, the "
               "people and organisations involved, the structure of the article's argument, "
               "and a check of each claim of fact against the record."), "",
             "## " + _("Sources") + " {#sources}", "",
             _("Every event, actor and claim cites its sources: the article itself, through "
               "short quotes checked word for word against its text (see [the "
               "source](%(source)s)), and outside references linked from each page, each with "
               "the words of the page it relies on and an archived copy. [The "
               "method](%(method)s) says how verdicts are decided and what each kind of source "
               "is.") % {"source": links.md(page, links.SOURCE), "method": method}, "",
             "## " + _("Who maintains it") + " {#maintainers}", "", _maintainers(repo), "",
             "## " + _("Licences") + " {#licences}", "",
             _("The explainer's own text and its data (the records in the repository's "
               "`data/` folder and the pages made from them) are licensed under %(cc)s: you may "
               "share and adapt them, with credit to this site. Its code is under the %(mit)s. "
               "Quotes from the article and the excerpts of cited pages remain their authors'; "
               "they are quoted for commentary and checking, and are not covered by either "
               "licence.") % {
                 "cc": url("https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"),
                 "mit": url(repo.rstrip("/") + "/blob/main/LICENSE", _("MIT licence"))}, "",
             "## " + _("Corrections") + " {#corrections}", "",
             _("Found a mistake? %(ask)s (a GitHub issue, with a form): name the page, say what "
               "is wrong, and link a source that shows it. [The method](%(method)s) says how "
               "corrections are handled.") % {
                 "ask": url(correction_url(repo), _("Ask for a correction")),
                 "method": links.md(page, links.METHOD, "corrections")}, "",
             "## " + _("How to contribute") + " {#contribute}", "",
             _("Every page is generated from YAML files, one per record, and each page's edit "
               "button opens its file. The data is checked before each build, and every "
               "problem is reported with its file, line and column. Read %(guide)s before you "
               "start.") % {"guide": url(repo.rstrip("/") + "/blob/main/CONTRIBUTING.md",
                                         "CONTRIBUTING")}, "",
             "## " + _("In numbers") + " {#numbers}", "",
             f"| {_('Records')} | {_('Count')} |", "| --- | ---: |",
             f"| {_('Events')} | {n(len(corpus.events))} |",
             f"| {_('Actors')} | {n(len(corpus.actors))} |",
             f"| {_('Claims')} | {n(len(corpus.claims))} |",
             f"| {_('Quotes from the article in claims')} | {n(quotes)} |",
             f"| {_('Glossary terms')} | {n(len(corpus.terms))} |",
             f"| {_('Sources')} | {n(len(corpus.sources))} |",
             f"| {_('Publishers cited')} | {n(_cited_publishers(corpus))} |", ""]
    lines += [f"| {_('Verdict')} | {_('Claims')} |", "| --- | ---: |"]
    lines += [f"| {VERDICT_LABELS[v]} | {n(verdicts.get(v, 0))} |" for v in VERDICTS]
    lines += ["", _("Download everything from [the data page](%(link)s).")
              % {"link": links.md(page, links.DATA)}, ""]
    return "\n".join(lines)


def _cited_publishers(corpus: Corpus) -> int:
    return sum(summarise(corpus).cited_publishers.values())


def method(corpus: Corpus) -> str:
    page = links.METHOD
    sm = summarise(corpus)
    lines = ["# " + _("Method"), "",
             _("How this site decides what it says, and how it shows where each statement "
               "comes from."), "",
             "## " + _("How verdicts are decided") + " {#verdicts}", "",
             _("Each claim of fact gets one of five verdicts, with a note on what the record "
               "shows and references:"), ""]
    for v in VERDICTS:
        lines.append(f"- {verdict_badge(v)} **{VERDICT_LABELS[v]}**{_(':')} "
                     f"{VERDICT_MEANINGS[v]}")
    lines += ["", _("A verdict judges what the sentence says, read in its context, as of when "
                    "the article was written. Where a sentence can be read more than one way, "
                    "we judge the most charitable reading and say so in the note. Words are "
                    "attributed to whoever said them: the article's own framing is not "
                    "credited to the sources it cites, nor theirs to the article. A verdict is "
                    "about the claim, not about the article's argument as a whole; what "
                    "happened later is shown beside it, never instead of it."), "",
              "## " + _("What the sources are") + " {#sources}", "",
              _("Every outside reference belongs to a publisher, and every publisher has a "
                "class. We prefer primary sources, then research, agencies and edited news. "
                "Our rule is that a record cites a reprint or another weak source only beside "
                "a stronger one, and that every verdict cites at least one primary, research, "
                "agency or news source; the build checks both."), "",
              ]
    for c in SOURCE_CLASSES:
        lines.append(f"- **{CLASS_NAMES[c]}**{_(':')} {CLASS_MEANINGS[c]} "
                     + _("On this site: %(publishers)s, %(citations)s.") % {
                         "publishers": count(sm.cited_publishers[c], "publisher"),
                         "citations": count(sm.citations[c], "citation")})
    lines += ["", _("A citation is one reference in one record. The class of each publisher "
                    "is in the repository's `data/publishers/` folder."), "",
              "## " + _("Quotes and excerpts") + " {#quotes}", "",
              _("Quotes from the article are short, copied word for word, and checked against "
                "its text at every build: a changed word or a dropped comma stops the build. "
                "There is no ellipsis: two passages are quoted as two quotes. Each record "
                "quotes what it needs, with the passage's place in the article, its author and "
                "a link to the original; [the source page](%(link)s) says how much of the "
                "article the quotes cover together.") % {"link": links.md(page, links.SOURCE)},
              "",
              _("Under each outside reference, “What the page says” opens the sentence or two "
                "of that page the record relies on, in the page's language, with an English "
                "translation when it is not English. Quotes and excerpts remain their "
                "authors'."),
              "",
              "## " + _("Archived copies") + " {#archives}", "",
              _("Every outside reference links an archived copy at the Internet Archive: the "
                "capture nearest the page's publication date (or the date we read it), through "
                "an address of the form `web.archive.org/web/<date>/<page>`, which the Archive "
                "redirects to its nearest capture. A date known only to the month or the year "
                "gives that month or year; an undated reference links the latest capture. "
                "Where we checked a particular capture, the link goes to it. Nothing is fetched "
                "from the Archive when the site is built or read: these are plain links."), "",
              "## " + _("Dates") + " {#dates}", "",
              _("Dates are given at the precision the sources give: a day, a month or a year. "
                "“c.” before a date means it is approximate: the sources disagree or give it "
                "loosely, and the record gives the earliest and latest possible dates where "
                "they are known. A span (“21–22 March 2012”) is an event that lasted."), "",
              "## " + _("Reviews") + " {#reviewed}", "",
              _("Each record's page says when it was last checked against its sources. The "
                "records were re-read against their sources in November 2026, with what is "
                "known as of then; dates, verdicts and sources were corrected where needed. "
                "When the review date became required, a record that had none was given the "
                "date of the last change to its file, which is when it was last checked."), "",
              "## " + _("Translations") + " {#translations}", "",
              _("Every page of this site exists in English and in French, built from the same "
                "records: the language menu in the header opens the same page in the other "
                "language. The French text of each record is our translation of its English. "
                "Quotes from the article stay in the author's English, followed by our "
                "translation, labelled as ours; excerpts of outside pages stay in their own "
                "language. Each translation records which version of the English it was made "
                "from: where the English has changed since, or a passage is not translated "
                "yet, the French page shows the English, marked as such, and says so at the "
                "top of the record's page."), "",
              "## " + _("Corrections") + " {#corrections}", "",
              _("Anyone can ask for a correction through [the form on the About "
                "page](%(link)s). A maintainer checks the request against the sources; if it "
                "holds, the record is corrected, its review date updated, and the change is "
                "public in the repository's history, with the issue that asked for it. "
                "Verdicts are changed only on evidence, and a change of verdict is explained "
                "in the record's note.") % {"link": links.md(page, links.ABOUT, "corrections")},
              ""]
    return "\n".join(lines)

