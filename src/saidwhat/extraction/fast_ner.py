"""An exact, array-based decoder for spaCy's greedy entity recognizer.

spaCy's ``ner`` scores one transition per token and state, checks the validity
of all of its ~74 moves in a loop that takes the GIL at every step, and so spends
more CPU in the decoder than in the network: about half of the whole pipeline's
CPU time on news. Yet when no entity is open, a state is its token alone: the
three features of the NER state are the next token, the open entity's first
token and the token before the next one, the last two being padding when no
entity is open. So the scores of every "closed" state are one matrix product
over all tokens at once, and only the few tokens inside an entity need a state
of their own.

:class:`GreedyEntityRecognizer` does exactly that with the recognizer's own
weights and spaCy's own arithmetic (the same float32 additions in the same
order, the same BLIS ``sgemm``, the first best valid move on ties), and sets
the same entities (checked on every token in
``tests/extraction/test_fast_components.py``). It is used only where it can be
exact: a greedy (``beam_width == 1``) CPU recognizer with the three-feature NER
state, no unseen classes, and documents without preset entities; anything else
goes to the stock component.
"""

from __future__ import annotations

import numpy as np

NER_NAME = "saidwhat_ner"

# Move kinds of spaCy's BILUO transition system (spacy/pipeline/_parser_internals/ner.pyx).
_KINDS = {"B": 0, "I": 1, "L": 2, "U": 3, "O": 4}
_NEVER = 5  # "M" (missing), and "U-" without a label: never valid without preset entities


class GreedyEntityRecognizer:
    """The stock ``EntityRecognizer``'s greedy parse, decoded on arrays (same entities)."""

    def __init__(self, stock):
        self.stock = stock
        model = stock.model
        self.tok2vec = model.get_ref("tok2vec")
        self.lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        self.pad = np.ascontiguousarray(self.lower.get_param("pad")[0])  # (nF, nO, nP)
        self.bias = np.ascontiguousarray(self.lower.get_param("b"))  # (nO, nP)
        self.W = np.ascontiguousarray(upper.get_param("W"))  # (classes, nO)
        self.b = np.ascontiguousarray(upper.get_param("b"))  # (classes,)
        moves = stock.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        strings = stock.vocab.strings
        kinds, labels = [], []
        for name in names:
            move, _, label = name.partition("-")
            kind = _KINDS.get(move, _NEVER)
            if kind in (0, 1, 2, 3) and not label:
                kind = _NEVER
            kinds.append(kind)
            labels.append(strings.add(label) if label else 0)
        self.kinds = np.array(kinds)
        self.labels = labels
        self.begin = np.flatnonzero(self.kinds == 0)
        self.unit = np.flatnonzero(self.kinds == 3)
        self.out = int(np.flatnonzero(self.kinds == 4)[0])
        # per label: the class index of its I and its L move
        self.inside = {labels[i]: i for i in np.flatnonzero(self.kinds == 1).tolist()}
        self.last = {labels[i]: i for i in np.flatnonzero(self.kinds == 2).tolist()}

    @staticmethod
    def supports(stock) -> bool:
        """Whether the decoder reproduces ``stock`` exactly (else the stock one runs)."""
        from thinc.api import NumpyOps

        model = stock.model
        try:
            lower = model.get_ref("lower")
            upper = model.get_ref("upper")
            names = [stock.moves.get_class_name(i) for i in range(stock.moves.n_moves)]
        except (KeyError, ValueError, AttributeError):
            return False
        return (
            stock.cfg.get("beam_width", 1) == 1
            and model.attrs.get("has_upper", False)
            and not model.attrs.get("unseen_classes")
            and lower.get_dim("nF") == 3
            and lower.get_dim("nP") >= 2
            and upper.get_param("W").shape[0] == len(names)
            and isinstance(model.ops, NumpyOps)
            and getattr(model.ops, "use_blis", True)
            and "O" in names
            and not getattr(stock, "postprocesses", None)
        )

    def __call__(self, doc):
        self._run([doc])
        return doc

    def pipe(self, stream, *, batch_size: int = 128):
        from spacy.util import minibatch

        for batch in minibatch(stream, size=batch_size):
            self._run(batch)
            yield from batch

    def _run(self, docs) -> None:
        if any(d.has_annotation("ENT_IOB") for d in docs):  # preset entities: the stock rules
            self.stock.set_annotations(docs, self.stock.predict(docs))
            return
        if not sum(len(d) for d in docs):
            for d in docs:
                d.set_ents([], default="outside")
            return
        tokvecs = self.tok2vec.predict(docs)
        cached = self.lower.predict(tokvecs)  # (1 + tokens, nF, nO, nP); row 0: padding
        feats = cached[1:]
        # every closed state: features (token, padding, padding), summed as spaCy does
        closed = self._scores((feats[:, 0] + self.pad[1]) + self.pad[2])
        offset = 0
        for doc in docs:
            n = len(doc)
            self._decode(doc, closed[offset : offset + n], feats[offset : offset + n])
            offset += n

    def _scores(self, summed: np.ndarray) -> np.ndarray:
        """Class scores of states whose feature vectors sum to ``summed`` (rows, nO, nP)."""
        import blis.py

        hidden = (summed + self.bias).max(axis=-1)
        scores = blis.py.gemm(np.ascontiguousarray(hidden), self.W, trans2=True, beta=0.0)
        return scores + self.b

    def _decode(self, doc, closed: np.ndarray, feats: np.ndarray) -> None:
        from spacy.attrs import IS_SPACE, SENT_START
        from spacy.tokens import Span

        n = len(doc)
        if not n:
            doc.set_ents([], default="outside")
            return
        cols = doc.to_array([IS_SPACE, SENT_START])
        space = cols[:, 0].astype(bool)
        # "the next token starts a sentence": an entity cannot run on into it
        breaks = np.ones(n, dtype=bool)
        breaks[:-1] = cols[1:, 1] == 1
        masked = np.full_like(closed, -np.inf)
        masked[:, self.out] = closed[:, self.out]
        can_unit = ~space
        masked[np.ix_(can_unit, self.unit)] = closed[np.ix_(can_unit, self.unit)]
        can_begin = ~space & ~breaks
        masked[np.ix_(can_begin, self.begin)] = closed[np.ix_(can_begin, self.begin)]
        choice = masked.argmax(axis=1)
        starts = np.flatnonzero(choice != self.out).tolist()
        ents = []
        pos = 0
        for t in starts:
            if t < pos:
                continue  # inside the entity just read
            move = int(choice[t])
            label = self.labels[move]
            if self.kinds[move] == 3:  # U
                ents.append(Span(doc, t, t + 1, label=label))
                pos = t + 1
                continue
            end = self._entity_end(feats, t, label, breaks)
            ents.append(Span(doc, t, end, label=label))
            pos = end
        doc.set_ents(ents, default="outside")

    def _entity_end(self, feats: np.ndarray, start: int, label: int, breaks: np.ndarray) -> int:
        """Follow the entity opened (B) at ``start``: I moves until an L; its end token + 1."""
        inside, last = self.inside[label], self.last[label]
        b = start + 1
        while True:
            # features: next token, the entity's first token, the token before the next
            scores = self._scores(((feats[b, 0] + feats[start, 1]) + feats[b - 1, 2])[None])[0]
            # spaCy takes the first best valid move: I precedes L among the classes
            i_first = inside < last
            if not breaks[b] and (
                scores[inside] > scores[last] or (i_first and scores[inside] == scores[last])
            ):
                b += 1
                continue
            return b + 1
