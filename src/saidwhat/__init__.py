"""saidwhat: who said what, about whom, when, where, and in which source.

The package is laid out along the data flow:

    sources -> extraction -> store -> search / reports -> cli

Import the pieces you need; nothing is loaded at import time (the spaCy model
is loaded on first use by :class:`saidwhat.extraction.Extractor`).
"""

__version__ = "0.1.0"
