"""Stances: ``rules`` (offline, the default; with ``reading``, ``cue_rules``, ``holders``, ``conditions``,
``polarity``), ``learned`` (a reader learned from our annotations, which fills in what the rules
leave unclear), ``llm`` (an OpenAI-compatible endpoint), ``classify`` (precedence and the
classifier protocol) and ``component`` (the ``onrecord_stances`` stage)."""
