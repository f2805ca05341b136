"""Who a speaker mention refers to: name clusters, coreference, organisations.

Speaker resolution is a set of small rules, one module each, tried in the
order :data:`~.order.RULES` declares (see :mod:`.units` for what a rule is):

- :mod:`.handle` ``@handle`` -> the person named before it;
- :mod:`.author` the writer's own ``I`` -> the author, never a person named;
- :mod:`.pronoun` ``he``/``she`` -> the earlier person who agrees (gender,
  number, person vs organisation), ``who`` -> its noun;
- :mod:`.statement_of` ``a statement from X``, ``X issued a statement`` -> X;
- :mod:`.group_of` ``Ana Berg's campaign``, ``her office`` -> that organisation;
- :mod:`.apposition` ``The ambassador, Pavel Dronov,`` -> the name;
- :mod:`.explicit_name` a written name, namesakes kept apart by first names;
- :mod:`.surname` a bare surname -> its person;
- :mod:`.outlet_noun`, :mod:`.org_noun`, :mod:`.role_noun` definite
  descriptions (``the newspaper``, ``the ministry``, ``the minister``) -> the
  entity they stand for;
- :mod:`.first_name`, :mod:`.organisation`, :mod:`.proper_name` names the NER
  mistyped or missed.

The document's state (:class:`~.seen.Seen`) is built in one pass in document
order (:mod:`.build`) and canonical names are made in :mod:`.canonical`;
:class:`~.resolver.SpeakerResolver` is the entry point.
"""

from __future__ import annotations

from .order import RULES
from .resolver import SpeakerResolver
from .seen import Cluster, Seen
from .units import Ask, Found, SpeakerRule

__all__ = ["RULES", "Ask", "Cluster", "Found", "Seen", "SpeakerResolver", "SpeakerRule"]
