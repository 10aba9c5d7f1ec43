"""Stances: ``rules`` (offline, the default; with ``reading``, ``cue_rules``, ``holders``, ``conditions``,
``polarity``), ``llm`` (an OpenAI-compatible endpoint), ``classify``
(precedence and the classifier protocol) and ``component`` (the ``onrecord_stances`` stage)."""
