"""Lexicons: the data files the extraction rules read (``data/``) and their validated loaders —
the cue lexicon, the venue lexicon, issue taxonomies, speaker aliases, stance markers.

Plain data: nothing here imports spaCy.  Every error a file can have names the file and the line.
"""
