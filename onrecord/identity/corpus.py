"""The speaker registry of a corpus: every named speaker of every extracted statement resolved
into one registry, spelling variants merged across articles, titles matched by the roles each
article states, statements counted (``onrecord speakers``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from onrecord.identity.registry import SpeakerRegistry
from onrecord.identity.titles import article_roles_from, stated_title, title_in_case
from onrecord.model.statement import Speaker

UNRESOLVED_PRONOUNS = {"i", "you", "we", "they", "he", "she", "it", "one", "someone", "everyone", "who"}


def register_results(results: Iterable[Mapping[str, Any]], registry: SpeakerRegistry | None = None) -> SpeakerRegistry:
    """A corpus-wide registry from extraction results (``extract_articles`` dicts): every named
    speaker of every statement resolved, merged with spelling variants seen in other articles,
    titles matched by the roles each article states, statements counted."""
    registry = registry if registry is not None else SpeakerRegistry.load()
    for result in results:
        statements = result.get("statements") or []
        mentions = [s["speaker"]["mention"]["text"] for s in statements if (s.get("speaker") or {}).get("mention")]
        roles = article_roles_from(mentions)
        date = (result.get("article") or {}).get("date")
        for s in statements:
            sp = s.get("speaker") or {}
            if sp.get("type", "unknown") == "unknown" or not sp.get("name") or sp.get("members"):
                continue
            if sp["name"].lower().split()[0] in UNRESOLVED_PRONOUNS:
                continue  # "you", "we", "they all": a pronoun no one was found for names no one
            mention = (sp.get("mention") or {}).get("text") or ""
            role = stated_title(mention, sp["name"]) if mention.endswith(sp["name"].split()[-1]) else None
            role = title_in_case(role) if role else None
            # the article's id scopes its roles: "the president" of two articles is not one identity
            registry.identify(Speaker(name=sp["name"], type=sp["type"]), roles, date=date, role=role,
                              scope=str(result.get("id") or ""))
    return registry
