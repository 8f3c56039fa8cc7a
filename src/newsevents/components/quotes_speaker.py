"""Speaker resolution: link a speaker span to an entity of ``doc._.entities``.

The entities stage lists every mention of an entity (pronouns it could resolve included). A speaker is linked to
the entity whose mention overlaps the speaker span, preferring the mention that holds the speaker's head word.
A pronoun speaker that no entity claims is resolved here: to the nearest earlier speaker (or PERSON mention for
"he"/"she") of a compatible kind, never to one already seen with the other gender.
"""
from __future__ import annotations

import logging
from typing import Optional

from spacy.tokens import Doc

from .quotes_rules import Attribution

logger = logging.getLogger(__name__)

_PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
_THING_PRONOUNS = frozenset(("it",))
_PLURAL_PRONOUNS = frozenset(("they", "them"))
_PERSON_TYPES = frozenset(("PERSON",))


class _Mention:
    __slots__ = ("start", "end", "entity_id", "type", "text")

    def __init__(self, start: int, end: int, entity_id: str, type_: str, text: str):
        self.start, self.end, self.entity_id, self.type, self.text = start, end, entity_id, type_, text


def _mentions(doc: Doc) -> list[_Mention]:
    out: list[_Mention] = []
    for ent in doc._.entities or []:
        try:
            for m in ent.get("mentions") or []:
                out.append(_Mention(int(m["start"]), int(m["end"]), str(ent["id"]), str(ent.get("type") or ""),
                                    str(m.get("text") or "")))
        except (KeyError, TypeError, ValueError):  # a malformed entity must not cost the quotes
            logger.debug("skipping malformed entity %r", ent)
    return sorted(out, key=lambda m: (m.start, m.end))


def _genders(mentions: list[_Mention]) -> dict[str, str]:
    """Gender of entities that have a he/she pronoun among their mentions."""
    out: dict[str, str] = {}
    for m in mentions:
        g = _PERSON_PRONOUNS.get(m.text.lower())
        if g:
            out.setdefault(m.entity_id, g)
    return out


def _overlapping(mentions: list[_Mention], start: int, end: int, head: Optional[int]) -> Optional[_Mention]:
    hits = [m for m in mentions if m.start < end and m.end > start]
    if not hits:
        return None
    with_head = [m for m in hits if head is not None and m.start <= head < m.end]
    pool = with_head or hits
    return max(pool, key=lambda m: (min(m.end, end) - max(m.start, start), -(m.end - m.start)))


def link_speakers(doc: Doc, text: str, attributions: list[Attribution]) -> dict[int, Optional[str]]:
    """Entity id for each attribution's speaker (keyed by ``id(attribution)``; None when unknown).

    Attributions must be in text order; carried-over ones are linked like the speaker they copy.
    """
    mentions = _mentions(doc)
    types = {m.entity_id: m.type for m in mentions}
    genders = _genders(mentions)
    out: dict[int, Optional[str]] = {}
    history: list[tuple[int, str]] = []  # (char offset, entity id) of resolved speakers, in text order
    for att in attributions:
        if att.speaker is None:
            out[id(att)] = None
            continue
        start, end = att.speaker
        head = doc[att.speaker_head].idx if att.speaker_head is not None else None
        m = _overlapping(mentions, start, end, head)
        eid = m.entity_id if m else None
        word = text[start:end].lower()
        if eid is None and (word in _PERSON_PRONOUNS or word in _THING_PRONOUNS or word in _PLURAL_PRONOUNS):
            eid = _resolve_pronoun(word, start, history, mentions, types, genders)
        if eid is not None and word in _PERSON_PRONOUNS:
            genders.setdefault(eid, _PERSON_PRONOUNS[word])
        out[id(att)] = eid
        if eid is not None and not att.carried_over:
            history.append((start, eid))
    return out


def _compatible(word: str, eid: str, types: dict[str, str], genders: dict[str, str]) -> bool:
    kind = types.get(eid, "")
    if word in _PERSON_PRONOUNS:
        return kind in _PERSON_TYPES and genders.get(eid, _PERSON_PRONOUNS[word]) == _PERSON_PRONOUNS[word]
    if word in _THING_PRONOUNS:
        return kind not in _PERSON_TYPES
    return True


def _resolve_pronoun(word: str, start: int, history: list[tuple[int, str]], mentions: list[_Mention],
                     types: dict[str, str], genders: dict[str, str]) -> Optional[str]:
    """Nearest earlier speaker of a compatible kind; for he/she, else the nearest earlier PERSON mention.

    For he/she a candidate already seen with the same pronoun wins over a nearer one of unknown gender.
    """
    pool = [eid for pos, eid in reversed(history) if pos < start]
    if word in _PERSON_PRONOUNS:
        pool += [m.entity_id for m in reversed(mentions) if m.end <= start]
    fits = [eid for eid in pool if _compatible(word, eid, types, genders)]
    if word in _PERSON_PRONOUNS:
        same = [eid for eid in fits if genders.get(eid) == _PERSON_PRONOUNS[word]]
        if same:
            return same[0]
    return fits[0] if fits else None
