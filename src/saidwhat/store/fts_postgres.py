"""The FTS5 query language on PostgreSQL: a parser and a compiler to ``tsquery`` SQL.

Searches are written in SQLite FTS5 syntax (what users type is first made safe
FTS5 by :mod:`saidwhat.search`); on PostgreSQL this module parses that syntax
and compiles it to a boolean SQL expression over the tsvector columns
``statements.fts`` (the quote) and ``statements.speaker_fts``. The mapping:

=====================  ==============================================================
FTS5                   PostgreSQL
=====================  ==============================================================
``word``               ``(fts @@ W OR speaker_fts @@ W)``, W = ``phraseto_tsquery('saidwhat', 'word')``
``"two words"``        ``phraseto_tsquery('saidwhat', 'two words')`` (adjacent words)
``a + b``              one phrase: ``tsquery_phrase(a, b)``
``sanc*``              ``to_tsquery('saidwhat', '''sanc'':*')`` (prefix)
``a b`` / ``a AND b``  ``(A AND B)`` (each test uses a GIN index; rows are combined)
``a OR b``             ``(A OR B)``
``a NOT b``            ``(A AND NOT B)``
``quote : x``          ``fts @@ X`` only; ``speaker_name : x``: ``speaker_fts @@ X``
``( ... )``            grouping
=====================  ==============================================================

Precedence as in FTS5: NOT binds tightest, then AND (also implicit), then OR.
Words are tokenised by PostgreSQL's parser with the ``saidwhat`` configuration
(lowercase, accents removed, hyphenated words split into their parts), which
matches SQLite's ``unicode61 remove_diacritics 2`` on ordinary words; edge cases
differ (SQLite splits ``U.S.`` into ``u`` ``s``, PostgreSQL keeps ``u.s``).
``NEAR(...)`` and ``^`` (start of column) have no PostgreSQL form and are refused
with a message. Ranking uses ``ts_rank`` of the quote over the positive terms (SQLite: bm25),
so equal result sets may be ordered differently by rank; date orders agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from saidwhat.errors import QueryError

CONFIG = "saidwhat"
#: FTS5 column name -> its tsvector column in ``statements``.
VECTORS = {
    "quote": "s.fts",
    "speaker_name": "s.speaker_fts",
    # Russian/Ukrainian lemmas of the quote (migration 8), as in the SQLite FTS table.
    "quote_lemmas": "s.lemmas_fts",
}
_TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"]|"")*")|(?P<word>[\w\u0080-\U0010ffff]+)|(?P<op>[():*+^{}-]))'
)


@dataclass
class Phrase:
    terms: list[tuple[str, bool]]  # (text, is a prefix)
    column: str | None = None


@dataclass
class Node:
    op: str  # 'AND', 'OR', 'NOT'
    left: Phrase | Node
    right: Phrase | Node
    column: str | None = field(default=None)


def _tokens(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(query):
        if query[pos:].strip() == "":
            break
        m = _TOKEN.match(query, pos)
        if not m or m.end() == pos:
            raise QueryError(f"cannot read {query[pos:].strip()[:20]!r} in the search")
        pos = m.end()
        if m.group("string") is not None:
            out.append(("string", m.group("string")[1:-1].replace('""', '"')))
        elif m.group("word") is not None:
            word = m.group("word")
            kind = word if word in ("AND", "OR", "NOT", "NEAR") else "word"
            out.append((kind, word))
        else:
            out.append((m.group("op"), m.group("op")))
    return out


class _Parser:
    def __init__(self, query: str) -> None:
        self.toks = _tokens(query)
        self.i = 0

    def peek(self) -> str | None:
        return self.toks[self.i][0] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str]:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Phrase | Node:
        if not self.toks:
            raise QueryError("empty search")
        node = self.or_()
        if self.peek() is not None:
            raise QueryError(f"unexpected {self.toks[self.i][1]!r} in the search")
        return node

    def or_(self) -> Phrase | Node:
        node = self.and_()
        while self.peek() == "OR":
            self.take()
            node = Node("OR", node, self.and_())
        return node

    def and_(self) -> Phrase | Node:
        node = self.not_()
        while self.peek() in ("AND", "word", "string", "("):
            if self.peek() == "AND":
                self.take()
            node = Node("AND", node, self.not_())
        return node

    def not_(self) -> Phrase | Node:
        node = self.primary()
        while self.peek() == "NOT":
            self.take()
            node = Node("NOT", node, self.primary())
        return node

    def primary(self) -> Phrase | Node:
        kind = self.peek()
        if kind == "NEAR":
            raise QueryError("NEAR(...) is not supported on PostgreSQL; use a phrase in quotes")
        if kind in ("^", "{", "-"):
            raise QueryError(f"{kind!r} is not supported on PostgreSQL")
        column = None
        if kind == "word" and self.i + 1 < len(self.toks) and self.toks[self.i + 1][0] == ":":
            column = self.take()[1]
            self.take()
            if column not in VECTORS:
                raise QueryError(f"no column {column!r} to search; use {' or '.join(VECTORS)}")
            kind = self.peek()
        if kind == "(":
            self.take()
            node = self.or_()
            if self.peek() != ")":
                raise QueryError("unbalanced parentheses in the search")
            self.take()
            return _with_column(node, column)
        if kind not in ("word", "string"):
            got = self.toks[self.i][1] if self.i < len(self.toks) else "the end"
            raise QueryError(f"expected a word or a phrase, found {got!r}")
        terms = [self.term()]
        while self.peek() == "+":
            self.take()
            terms.append(self.term())
        return Phrase(terms, column)

    def term(self) -> tuple[str, bool]:
        kind, text = self.take()
        if kind not in ("word", "string"):
            raise QueryError(f"expected a word or a phrase, found {text!r}")
        prefix = False
        if self.peek() == "*":
            self.take()
            prefix = True
        return text, prefix


def _with_column(node: Phrase | Node, column: str | None) -> Phrase | Node:
    if column is None:
        return node
    if isinstance(node, Phrase):
        node.column = node.column or column
    else:
        _with_column(node.left, column)
        _with_column(node.right, column)
    return node


def parse(query: str) -> Phrase | Node:
    """The syntax tree of an FTS5 query (QueryError when it is malformed)."""
    return _Parser(query).parse()


def _tsquery(phrase: Phrase) -> tuple[str, list[str]]:
    parts: list[str] = []
    params: list[str] = []
    for text, prefix in phrase.terms:
        if prefix:
            words = text.split()
            head, last = words[:-1], words[-1] if words else ""
            if head:
                parts.append(f"phraseto_tsquery('{CONFIG}', ?)")
                params.append(" ".join(head))
            escaped = last.replace("\\", "\\\\").replace("'", "''")
            parts.append(f"to_tsquery('{CONFIG}', ?)")
            params.append(f"'{escaped}':*")
        else:
            parts.append(f"phraseto_tsquery('{CONFIG}', ?)")
            params.append(text)
    sql = parts[0]
    for part in parts[1:]:
        sql = f"tsquery_phrase({sql}, {part})"
    return sql, params


#: Every column's tsvector in one (migration 12's GIN index ``statements_all_fts``).
ALL_VECTORS = "(s.fts || s.speaker_fts || s.lemmas_fts)"


def _words_tsquery(phrase: Phrase) -> tuple[str, list[str]]:
    """A tsquery of every word of ``phrase`` (AND, no positions): implied by the phrase.

    Concatenating tsvectors shifts positions (and clamps them at 16,383), so a phrase
    is tested on its own column; the words alone are present in the concatenation
    wherever the phrase is present in any column.
    """
    parts: list[str] = []
    params: list[str] = []
    for text, prefix in phrase.terms:
        if prefix:
            words = text.split()
            if words[:-1]:
                parts.append(f"plainto_tsquery('{CONFIG}', ?)")
                params.append(" ".join(words[:-1]))
            escaped = (words[-1] if words else "").replace("\\", "\\\\").replace("'", "''")
            parts.append(f"to_tsquery('{CONFIG}', ?)")
            params.append(f"'{escaped}':*")
        else:
            parts.append(f"plainto_tsquery('{CONFIG}', ?)")
            params.append(text)
    return "(" + " && ".join(parts) + ")", params


def _prefilter(node: Phrase | Node) -> tuple[str, list[str]] | None:
    """One tsquery over :data:`ALL_VECTORS` that every match of ``node`` satisfies.

    None when there is none (an OR with a branch that has none). Negated terms are
    left out: they only narrow the match, which the exact test does.
    """
    if isinstance(node, Phrase):
        return _words_tsquery(node)
    left = _prefilter(node.left)
    if node.op == "NOT":
        return left
    right = _prefilter(node.right)
    if node.op == "AND":
        if left is None or right is None:
            return left or right
        return f"({left[0]} && {right[0]})", left[1] + right[1]
    if left is None or right is None:
        return None
    return f"({left[0]} || {right[0]})", left[1] + right[1]


@dataclass
class Compiled:
    where: str  # a boolean SQL expression over ``{v}`` (the tsvector)
    params: list[str]
    rank: str  # one tsquery of the positive terms, for ts_rank and ts_headline
    rank_params: list[str]
    #: A test over :data:`ALL_VECTORS` that every match passes (None: none worth it):
    #: one GIN scan that intersects the terms' posting lists, skipping through a
    #: common word's, instead of a bitmap of every match of each term and column.
    prefilter: str | None = None
    prefilter_params: list[str] = field(default_factory=list)


def compile_query(query: str, vectors: dict[str, str] | None = None) -> Compiled:
    """The SQL condition and ranking tsquery for FTS5 ``query``.

    ``vectors`` maps each FTS5 column to its tsvector column. A term without a
    column matches either (``(quote @@ q OR speaker @@ q)``), as in FTS5; each
    test is answered by that column's GIN index, and AND/OR/NOT combine rows.
    """
    vectors = vectors or VECTORS
    positives: list[tuple[str, list[str]]] = []

    def walk(node: Phrase | Node, negated: bool, vecs: dict[str, str]) -> tuple[str, list[str]]:
        if isinstance(node, Phrase):
            q, p = _tsquery(node)
            if not negated:
                positives.append((q, p))
            if node.column:
                return f"{vecs[node.column]} @@ {q}", p
            tests = [f"{v} @@ {q}" for v in vecs.values()]
            return "(" + " OR ".join(tests) + ")", p * len(tests)
        left, lp = walk(node.left, negated, vecs)
        right, rp = walk(node.right, negated or node.op == "NOT", vecs)
        if node.op == "NOT":
            return f"({left} AND NOT {right})", lp + rp
        return f"({left} {node.op} {right})", lp + rp

    tree = parse(query)
    where, params = walk(tree, False, vectors)
    rank = " || ".join(f"({q})" for q, _ in positives) or "''::tsquery"
    rank_params = [x for _, p in positives for x in p]
    pre = _prefilter(tree) if vectors is VECTORS and _intersects(tree) else None
    if pre is None:
        return Compiled(where, params, rank, rank_params)
    # The exact test over expressions no index has, so that the planner does not also
    # build the bitmaps of every match of each term that the prefilter avoids (the
    # columns are never NULL: the quote is required and the others are coalesced).
    unindexed = {k: f"COALESCE({v}, ''::tsvector)" for k, v in vectors.items()}
    exact, exact_params = walk(tree, False, unindexed)
    prefilter = f"({ALL_VECTORS} @@ {pre[0]} AND {exact})"
    return Compiled(where, params, rank, rank_params, prefilter, pre[1] + exact_params)


def _intersects(node: Phrase | Node) -> bool:
    """Whether ``node`` ANDs two positive parts (where one index scan beats bitmaps)."""
    if isinstance(node, Phrase):
        return False
    if node.op == "AND":
        return True
    return _intersects(node.left) or (node.op == "OR" and _intersects(node.right))
