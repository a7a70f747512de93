"""MkDocs adapter: validate data/ before the site folder is touched, add the generated pages as
in-memory files, append glossary abbreviations, add JSON-LD, fold diacritics into search.

The only module that imports MkDocs. Loaded by file path (`hooks:`), so imports are absolute.
"""

from __future__ import annotations

import json
import posixpath
import re
import unicodedata
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from explainer.build import data_dir_of, read_corpus
from explainer.problems import DataError
from explainer.render import DEFAULT_REPO, Site, render_site
from explainer.render.glossary import abbreviations_for
from explainer.text import json_script

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
_GITHUB_EDIT = re.compile(r"^(https://github\.com/[^/]+/[^/]+)/edit/")
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")


class _State:
    site: Site | None = None
    root: Path = Path()


_state = _State()


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path or "mkdocs.yml").resolve().parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data_dir = data_dir_of(_root(config))
    if str(data_dir) not in config.watch:
        config.watch.append(str(data_dir))
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    # MkDocs empties site_dir after on_pre_build: a data mistake stops the build here, and the
    # last good site stays in place.
    root = _root(config)
    _state.root = root
    try:
        corpus = read_corpus(data_dir_of(root))
        m = _GITHUB_EDIT.match(config.edit_uri or "")
        schemas = {p.name.removesuffix(".schema.json"): p.read_text(encoding="utf-8")
                   for p in sorted((root / "schemas").glob("*.schema.json"))}
        _state.site = render_site(corpus, schemas=schemas, repo=m.group(1) if m else DEFAULT_REPO)
    except DataError as err:
        _state.site = None
        raise PluginError(str(err)) from None
    log.info("%d pages and %d files generated from %s", len(_state.site.pages),
             len(_state.site.files), data_dir_of(root))


def _edit_uri(source: str | None) -> str | None:
    """`../data/events/x.yaml`: edit_uri points into docs/, the data lives beside it."""
    if source is None:
        return None
    path = Path(source)
    try:
        rel = (path if path.is_absolute() else Path.cwd() / path).resolve().relative_to(
            _state.root)
    except ValueError:
        return None
    return "../" + rel.as_posix()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _state.site
    if site is None:  # pragma: no cover - on_pre_build raised
        return files
    clashes = [p for p in (*site.pages, *site.files) if files.get_file_from_path(p)]
    if clashes:
        raise PluginError("hand-written files sit where pages are generated: " + ", ".join(
            f"{config.docs_dir}/{p}" for p in clashes) + "\n    hint: move or delete them; "
            "these pages come from the data")
    for path, page in site.pages.items():
        f = File.generated(config, path, content=page.markdown)
        f.edit_uri = _edit_uri(page.source)
        files.append(f)
    for path, content in site.files.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = _state.site
    if site is None or not site.abbreviations:
        return markdown
    used = abbreviations_for(markdown, site.abbreviations)
    return f"{markdown}\n\n{used}\n" if used else markdown


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    nav: Any) -> dict[str, Any]:
    # MkDocs joins edit_uri and "../data/…" without normalising; tidy the link.
    if page.edit_url:
        parts = urllib.parse.urlsplit(page.edit_url)
        page.edit_url = parts._replace(path=posixpath.normpath(parts.path)).geturl()
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    site = _state.site
    entry = site.pages.get(page.file.src_uri) if site else None
    if entry is None or entry.jsonld is None:
        return output
    data = dict(entry.jsonld)
    if page.canonical_url:
        data["url"] = page.canonical_url
    head_end = output.find("</head>")
    if head_end < 0:
        log.warning("no </head> in %s; JSON-LD not added", page.file.src_uri)
        return output
    return output[:head_end] + json_script(data) + "\n" + output[head_end:]


def fold(word: str) -> str:
    """Goïta -> Goita: decompose, drop combining marks."""
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


def _folded(text: str) -> str:
    words = {w for w in _WORD.findall(_TAG.sub(" ", text)) if not w.isascii()}
    return " ".join(sorted({fold(w) for w in words} - words))


def on_post_build(config: MkDocsConfig) -> None:
    # Material's lunr search matches accents exactly. Index the accent-free forms of accented
    # words in two extra fields, weighted like title and text, so "Goita" finds "Goïta".
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields["folded_title"] = {"boost": fields.get("title", {}).get("boost", 1e3)}
    fields["folded_text"] = {"boost": fields.get("text", {}).get("boost", 1.0)}
    for doc in index.get("docs", []):
        doc["folded_title"] = _folded(doc.get("title", ""))
        doc["folded_text"] = _folded(doc.get("text", ""))
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
