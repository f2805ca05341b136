"""The table of speakers: one invented text per way of naming a speaker, who must be found.

Each row is ``(text, [canonical speaker of each statement, in order])``. A row is
one phenomenon of speaker resolution: an explicit name, a pronoun that must
agree in gender with its antecedent (from the document's own "Ms."/"his" and the
packaged first names), a role noun or an organisation noun standing for a named
entity, an organisation beside a person, namesakes, a dateline, a subject the
parser took from inside a quotation. A new phenomenon is one more row.
"""

from __future__ import annotations

import pytest

SPEAKERS = [
    pytest.param(
        "Mayor Ana Berg said the bridge would open in May.",
        ["Ana Berg"],
        id="explicit name",
    ),
    pytest.param(
        "Tomas Hale met Ana Berg at the harbour on Monday.\n\n"
        "“The pier is rotten,” she said. “It has to come down.”\n\n"
        "“We cannot pay for a new one,” he said.",
        ["Ana Berg", "Tomas Hale"],
        id="pronouns agree in gender across paragraphs",
    ),
    pytest.param(
        "Ms. Lind spoke after Mr. Roth.\n\n“The vote was fair,” she said.",
        ["Lind"],
        id="gender from the document's own honorific",
    ),
    pytest.param(
        "The Harlow Energy pipeline crosses the valley. Mira Castell runs the farm beside it.\n\n"
        "“Nobody asked us,” she said.",
        ["Mira Castell"],
        id="a person's pronoun never goes to an organisation",
    ),
    pytest.param(
        "Transport Minister Lena Voss visited the port on Friday.\n\n"
        "The minister said the ferries would keep running.",
        ["Lena Voss"],
        id="a role noun stands for the person holding it",
    ),
    pytest.param(
        "The Transport Ministry published its plan on Friday.\n\n"
        "The ministry said the ferries would keep running.",
        ["Transport Ministry"],
        id="an organisation noun stands for the organisation named",
    ),
    pytest.param(
        "Ana Berg visited the Vessian ministry on Friday.\n\n"
        "The ministry said the talks would resume.",
        ["Vessian ministry"],
        id="an organisation noun stands for the organisation described",
    ),
    pytest.param(
        "Dara Novak, the union chair, warned: “The port will close.”\n\n"
        "Ana Novak, the ambassador, told reporters: “The embassy stays open.”",
        ["Dara Novak", "Ana Novak"],
        id="namesakes stay apart",
    ),
    pytest.param(
        "TALLSTAD -- Mayor Ana Berg, opening the bridge, said it would carry “a great many "
        "trucks.”",
        ["Ana Berg"],
        id="a dateline is not the speaker",
    ),
    pytest.param(
        "“The pilots were let down,” Tom Lund, a harbour pilot, said on Radio North’s "
        "“Fox and Friends.”",
        ["Tom Lund"],
        id="no subject from inside a quotation",
    ),
    pytest.param(
        "Ana Berg’s campaign manager Tom Lund said the mayor was “ready to serve.”",
        ["Tom Lund"],
        id="the name at the head, not the possessor",
    ),
    pytest.param(
        "Mook said, “We are focused.”\n\nAccording to Hale, “The mayor would close the pier.”",
        ["Mook", "Hale"],
        id="according to X before a quote",
    ),
]


@pytest.mark.parametrize(("text", "speakers"), SPEAKERS)
def test_speaker(extract, text, speakers):
    assert [st.speaker for st in extract(text).statements] == speakers
