"""The extraction core: a spaCy pipeline of small components over ``Doc`` extensions, an
``Article`` in, ``Statement``s out (``pipeline.py``; every factory in ``factories.py``, every
extension in ``extensions.py``, one component per module).

Nothing here touches storage, HTTP or the terminal.  This package's modules import spaCy; import
them directly (``onrecord.extraction.pipeline``), not through this file, which imports nothing.
"""
