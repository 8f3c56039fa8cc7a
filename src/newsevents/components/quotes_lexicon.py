"""Loaders for the quote-cue resources (``resources/quote_cues.tsv``, ``resources/quote_cue_phrases.tsv``)."""
from __future__ import annotations

import csv
import functools
from pathlib import Path

_RESOURCES = Path(__file__).resolve().parent.parent / "resources"

#: A verb heading a clausal complement is a reporting cue when PolNeAR train marked it so at least this often
#: (rate cue/total in quote_cues.tsv). 0.4 is where the dev-split F1 of cues stops rising (it drops again above
#: 0.5 as "find", "show", "reveal" fall out).
CCOMP_RATE = 0.4
#: Open complements ("vowed to resign", "refused to comment") need a higher rate: "seem"/"appear" (0.50–0.52)
#: take to-infinitives without reporting anything.
XCOMP_RATE = 0.55


def _rows(name: str) -> list[dict[str, str]]:
    with open(_RESOURCES / name, encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@functools.lru_cache(maxsize=1)
def cue_rates() -> dict[tuple[str, str], float]:
    """``(lemma, frame) -> rate`` from quote_cues.tsv (frame ``ccomp``/``xcomp``, ``@q`` inside quotes)."""
    return {(r["lemma"], r["frame"]): float(r["rate"]) for r in _rows("quote_cues.tsv")}


@functools.lru_cache(maxsize=1)
def speech_lemmas() -> frozenset[str]:
    """Lemmas that introduce a direct quote next to it ("…,” she said"): ccomp cues above :data:`CCOMP_RATE`
    plus the hand-listed verbs of quote_cue_phrases.tsv with kind ``verb``."""
    out = {lemma for (lemma, frame), rate in cue_rates().items() if frame == "ccomp" and rate >= CCOMP_RATE}
    out.update(r["phrase"] for r in _rows("quote_cue_phrases.tsv") if r["kind"] == "verb")
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def clear_adjectives() -> frozenset[str]:
    """Adjectives of "make (it) X that …" cues (``make it clear that``)."""
    return frozenset(r["phrase"] for r in _rows("quote_cue_phrases.tsv") if r["kind"] == "make-adjective")


def is_cue(lemma: str, frame: str) -> bool:
    """Whether a verb with this lemma reports speech or thought in this frame (``ccomp`` or ``xcomp``)."""
    rate = cue_rates().get((lemma, frame))
    if rate is None:
        return frame == "ccomp" and lemma in speech_lemmas()
    return rate >= (CCOMP_RATE if frame == "ccomp" else XCOMP_RATE)
