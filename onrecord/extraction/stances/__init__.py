"""Stances: ``rules`` (offline, the default), ``llm`` (an OpenAI-compatible endpoint), ``classify``
(precedence and the classifier protocol) and ``component`` (the ``onrecord_stances`` stage)."""
