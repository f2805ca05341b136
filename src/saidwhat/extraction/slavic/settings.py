"""Thresholds and confidences of the Russian/Ukrainian rules, in one named place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Every number the rules use; pass another instance to experiment."""

    #: A quote filling at least this share of a reported clause's words makes it direct.
    direct_share: float = 0.75
    #: A quotation at most this long (characters, marks included) may be a name (outlet, firm).
    max_name_quote: int = 40
    #: A quote shorter than this (words) is a scare quote or a name unless a cue claims it.
    min_quote_words: int = 3
    #: An unattributed quote this long continues the previous statement's speaker.
    min_orphan_words: int = 6
    #: How many tokens after a closing mark the cue verb may be (``», — сказал``).
    cue_window_after: int = 4
    #: How many tokens may stand between a cue and its colon (``заявил журналистам:``).
    cue_window_colon: int = 12
    #: Longest speaker phrase, in tokens.
    max_speaker_tokens: int = 14
    #: How many tokens left of a name a role may begin (``министр иностранных дел ... Лавров``).
    max_role_tokens: int = 8
    #: Paragraphs back a pronoun looks for its antecedent.
    pronoun_paragraphs: int = 3
    #: A reported clause needs at least this many words.
    min_clause_words: int = 2
    #: Confidences by rule (speaker not resolved: times ``unresolved_factor``).
    conf_qa_named: float = 0.85
    conf_qa_answer: float = 0.6
    conf_block: float = 0.85
    conf_dash_dialogue: float = 0.85
    conf_quote_cue: float = 0.9
    conf_colon_quote: float = 0.9
    conf_according_quote: float = 0.85
    conf_complement_quote: float = 0.85
    conf_mixed: float = 0.8
    conf_indirect: float = 0.8
    conf_according: float = 0.75
    conf_inverted: float = 0.7
    conf_about: float = 0.6
    conf_colon_indirect: float = 0.6
    conf_orphan: float = 0.55
    conf_belief_factor: float = 0.75
    unresolved_factor: float = 0.7
    #: Largest document handled (characters); longer texts are cut for extraction only.
    max_chars: int = 2_000_000


DEFAULT = Settings()
