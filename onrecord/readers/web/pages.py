"""A fetched article page as an ``Article``: trafilatura extracts the text and the metadata
(title, date, author, site name, canonical link).

The article's id is its canonical URL in key form (``urls.normalise``): the identity a later,
changed version of the page replaces, and the way two URLs of one article (tracking
parameters, AMP, mobile) meet.  A canonical link to another site is not followed: syndicated
copies name the original, and each outlet's copy is its own report.
"""

from __future__ import annotations

import re

from onrecord.model.article import Article
from onrecord.readers.header import iso_date, iso_minute
from onrecord.readers.web.urls import normalise, same_site

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def page_language(html: str, found: str | None) -> str | None:
    """The page's language: what trafilatura found, else the ``<html lang>`` attribute."""
    if found:
        return found.split("-")[0].lower()
    m = _HTML_LANG.search(html[:4096])
    return m[1].lower() if m else None


def page_article(html: str, url: str, final_url: str, outlet: str | None = None,
                 language: str | None = None) -> tuple[Article | None, str | None]:
    """(the Article, None), or (None, why it is left out) for a page in another language than
    ``language``.  A page without article text is an Article carrying that error."""
    import trafilatura  # slow to import, and only pages need it

    key = normalise(final_url)
    try:
        doc = trafilatura.bare_extraction(html, url=final_url, with_metadata=True, include_comments=False)
    except Exception as e:  # a parser failure on one page must not stop the others
        return Article.failed(key, f"could not extract text from the page: {e}", url), None
    if doc is None or not (doc.text or "").strip():
        return Article.failed(key, "no article text found on the page", url), None
    found = page_language(html, doc.language)
    if language and found and found != language.lower():
        return None, f"in {found}, not {language}"
    canonical = doc.url if doc.url and same_site(doc.url, final_url) else final_url
    key = normalise(canonical)
    return Article(
        id=key,
        text=doc.text,
        date=iso_date(doc.date),
        outlet=outlet or doc.sitename or None,
        author=doc.author or None,
        published=iso_minute(doc.date),
        title=doc.title or None,
        url=key,
        source=url,
    ), None
