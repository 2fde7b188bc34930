"""What a search result shows besides its title: a snippet with the matched words in ``<mark>``, a date and
a type label.

The snippet is built in Python from the page's own searchable text rather than by the database
(PostgreSQL's ``ts_headline``) or the search server (Elasticsearch's highlighter), so it is the same on every
backend the package supports (SQLite, PostgreSQL, Elasticsearch/OpenSearch), needs no query per result (the
result pages are loaded already), and escapes the text itself. Words match a query word as the backends'
prefix matching and stemming do, approximately: "Gärten" and "gartens" for "garten", "depremler" for
"deprem", "garden" for "gardens" (:func:`words_match`).

A page type changes what its results show by defining:

- ``get_search_snippet_text()``: the plain text the snippet is cut from (default: the search description,
  then the values of the page's ``index.SearchField`` fields other than the title);
- ``get_search_result_date()``: the date shown (default: when the page was first published).
"""

import html
import re
import unicodedata

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

try:  # Wagtail >= 7.1: the index classes live in django-modelsearch
    from modelsearch.index import SearchField
except ImportError:  # Wagtail 7.0
    from wagtail.search.index import SearchField

#: About this many characters of text around the first match.
SNIPPET_LENGTH = 220
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(word):
    """Lower-cased, without accents: "Gärten" -> "garten", "İstanbul" -> "istanbul"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words_match(word, term):
    """Whether a word of the text matches a (folded) query word: the word starts with it ("depremler" for
    "deprem"), or they share all but the last two letters of the query word, at least four ("garden" for
    "gardens", "energetické" for "energie")."""
    word = fold(word)
    if word.startswith(term):
        return True
    common = 0
    for left, right in zip(word, term, strict=False):
        if left != right:
            break
        common += 1
    return common >= max(4, len(term) - 2)


def query_terms(query):
    """The folded words of a query."""
    return [fold(word) for word in _WORD.findall(query or "")]


def _prepare(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_prepare(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_prepare(item) for item in value.values())
    return str(value)


def page_snippet_text(page):
    """The plain text a page's snippet is cut from (see the module docstring)."""
    custom = getattr(page, "get_search_snippet_text", None)
    if callable(custom):
        return custom()
    parts = [page.search_description or ""]
    for field in page.get_search_fields():
        # Only the page's own fields: related fields would cost a query per result.
        if isinstance(field, SearchField) and field.field_name != "title":
            parts.append(_prepare(field.get_value(page)))
    text = " ".join(html.unescape(strip_tags(part)) for part in parts if part)
    return " ".join(text.split())


def build_snippet(text, terms, length=SNIPPET_LENGTH):
    """HTML: about ``length`` characters of ``text`` around its first matching word, each matching word in
    ``<mark>``, "…" where the text was cut. The start of the text when no word matches; "" without text."""
    if not text:
        return ""
    known = {}  # word -> whether it matches: each distinct word is folded and compared once

    def matching(word):
        if word not in known:
            known[word] = any(words_match(word, term) for term in terms)
        return known[word]

    matches = []
    for match in _WORD.finditer(text):
        if matches and match.start() > matches[0].start() + length:
            break  # past the longest window the first match can open
        if matching(match.group()):
            matches.append(match)
    start = 0
    if matches and matches[0].start() > length // 3:
        # Begin at a word boundary about a third of the snippet before the first match.
        start = text.rfind(" ", 0, matches[0].start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts = ["…"] if start > 0 else []
    position = start
    for match in matches:
        if match.start() < start:
            continue
        if match.end() > end:
            break
        parts.append(html.escape(text[position : match.start()]))
        parts.append(f"<mark>{html.escape(match.group())}</mark>")
        position = match.end()
    parts.append(html.escape(text[position:end]))
    if end < len(text):
        parts.append("…")
    return mark_safe("".join(parts))  # noqa: S308 (every piece of text is escaped above)


def result_date(page):
    """The date a result shows (see the module docstring)."""
    custom = getattr(page, "get_search_result_date", None)
    if callable(custom):
        return custom()
    return page.first_published_at


def type_label(model):
    """The result's type, in the active language: the model's ``verbose_name`` (translated by its app's
    catalogue, e.g. "Etkinlik sayfası" on a Turkish page), capitalised."""
    return capfirst(model._meta.verbose_name)
