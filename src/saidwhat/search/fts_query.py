"""What a user types into a search box, as a safe SQLite FTS5 MATCH expression.

People type ``de-escalation``, ``U.S.``, ``O'Brien``, ``G-20``, ``20%``,
``#Vessia``, ``@handle`` or ``Lavrov:``; raw FTS5 reads the ``-`` as a column
filter, the ``.`` and ``'`` as syntax errors and the ``:`` as a column name. So
every bare word is passed to FTS5 as a quoted string (the index's tokenizer then
splits it the same way it split the stored text: ``de-escalation`` becomes the
phrase "de escalation"), while the operators people do mean stay operators:

- ``"grain deal"``: a phrase, as typed;
- ``AND``, ``OR``, ``NOT`` in capitals, and parentheses for grouping;
- ``sanction*``: a prefix.

Column filters (``quote:x``) and ``NEAR`` are not offered: a colon is punctuation
like any other. A malformed query raises :class:`QueryError` quoting what the
user typed, never an SQLite message about columns.
"""

from __future__ import annotations

import re

from saidwhat.errors import QueryError

OPERATORS = ("AND", "OR", "NOT")

HELP = (
    'put phrases in double quotes ("foreign minister"), join terms with AND, OR, NOT '
    "(in capitals), end a word with * for a prefix (sanction*)"
)

# One token: a quoted phrase (possibly unterminated), a parenthesis, or a run of
# anything else up to the next space, quote or parenthesis.
_TOKEN = re.compile(
    r'"(?P<phrase>[^"]*)(?P<close>"?)(?P<star>\*?)|(?P<paren>[()])|(?P<word>[^\s"()]+)'
)
#: A word holds something the tokenizer indexes (letters or digits, any script).
_INDEXED = re.compile(r"[^\W_]")


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _fail(query: str, problem: str) -> QueryError:
    return QueryError(f"cannot search for {query!r}: {problem}; {HELP}")


def _and(out: list[str], last: str) -> None:
    # Terms side by side mean AND; written out so groups combine the same way.
    if last == "term":
        out.append("AND")


def to_match(query: str) -> str:
    """The FTS5 MATCH expression for ``query`` as a user typed it.

    Raises :class:`QueryError` if it has nothing to search for or its quotes,
    parentheses or operators do not pair up.
    """
    out: list[str] = []
    depth = 0
    # What came last: 'start' (nothing yet, or an opening parenthesis), 'op' or 'term'.
    last = "start"
    for m in _TOKEN.finditer(query):
        if m.group("paren") == "(":
            _and(out, last)
            out.append("(")
            depth += 1
            last = "start"
        elif m.group("paren") == ")":
            if depth == 0:
                raise _fail(query, "a closing parenthesis without an opening one")
            if last == "start":
                raise _fail(query, "empty parentheses")
            if last == "op":
                raise _fail(query, f"{out[-1]} needs a search term on both sides")
            out.append(")")
            depth -= 1
            last = "term"
        elif m.group("phrase") is not None:
            if not m.group("close"):
                raise _fail(query, "a double quote is not closed")
            phrase = m.group("phrase")
            if not _INDEXED.search(phrase):
                continue  # "" or "--": nothing the index could match
            _and(out, last)
            out.append(_quoted(phrase) + m.group("star"))
            last = "term"
        else:
            word = m.group("word")
            if word in OPERATORS:
                if last != "term":
                    raise _fail(query, f"{word} needs a search term on both sides")
                out.append(word)
                last = "op"
                continue
            prefix = word.endswith("*")
            word = word.rstrip("*")
            if not _INDEXED.search(word):
                continue  # "-", "%", "&": punctuation on its own
            _and(out, last)
            out.append(_quoted(word) + ("*" if prefix else ""))
            last = "term"
    if depth:
        raise _fail(query, "a parenthesis is not closed")
    if last == "op":
        raise _fail(query, f"{out[-1]} needs a search term on both sides")
    if not any(t not in ("(", ")", *OPERATORS) for t in out):
        raise _fail(query, "there is no word or number to search for")
    return " ".join(out)
