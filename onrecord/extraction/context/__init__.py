"""The occasion of a statement: where, to whom, through whom and when it was said.

``region`` (the attribution region and what is linked to the cue), ``venue``, ``addressee``,
``when`` (time phrases in the parse) over ``dates`` (their resolution against the article's date),
put together by ``occasion``.
"""
