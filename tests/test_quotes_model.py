"""The trained cue classifier (components/quotes_model.py, resources/quote_cue_model.*) and the constructions it
opens in ``convention="polnear"``: nominal cues and object frames completed by a preposition (invented sentences,
asserting offsets)."""
from __future__ import annotations

import math

import numpy as np
import pytest
import spacy
from quotes_helpers import by_content, extract, span
from spacy.tokens import Doc

from newsevents.components.quotes_model import (MODEL_WEIGHTS, CueModel, candidates, features, indices,
                                                load_model)


def _hand_doc() -> Doc:
    """ "The mayor said that the bridge will reopen ." with a hand-written parse (no model involved)."""
    words = ["The", "mayor", "said", "that", "the", "bridge", "will", "reopen", "."]
    heads = [1, 2, 2, 7, 5, 7, 7, 2, 2]
    deps = ["det", "nsubj", "ROOT", "mark", "det", "nsubj", "aux", "ccomp", "punct"]
    pos = ["DET", "NOUN", "VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    tags = ["DT", "NN", "VBD", "IN", "DT", "NN", "MD", "VB", "."]
    lemmas = ["the", "mayor", "say", "that", "the", "bridge", "will", "reopen", "."]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
               sent_starts=[True] + [False] * 8)


def test_quotes_model_file_loads_small():
    model = load_model()
    assert model.dim == 1 << 18 and model.weights.dtype == np.float32
    assert 0.0 < model.threshold < 1.0 and 0.0 < model.noun_threshold <= 1.0
    assert MODEL_WEIGHTS.stat().st_size < 2_000_000


def test_quotes_model_scores_hand_built_candidate_deterministically():
    doc = _hand_doc()
    said = doc[2]
    cands = list(candidates(said))
    assert [(frame, comp.i) for frame, comp in cands] == [("ccomp", 7)]
    feats = features(said, "ccomp", doc[7])
    assert "lf=say|ccomp" in feats and "s=NOUN" in feats and "cm=that|ccomp" in feats
    model = load_model()
    first = model.score(said, "ccomp", doc[7])
    assert first == model.score(said, "ccomp", doc[7]) == model.probability(list(feats))
    assert model.threshold < first < 1.0  # "X said that …" is the commonest cue of PolNeAR train


def test_quotes_model_probability_is_logistic_of_hashed_weights():
    weights = np.zeros(16, dtype=np.float32)
    model = CueModel(weights, bias=0.0, threshold=0.5)
    assert model.probability(["l=say"]) == 0.5
    weights[indices(["l=say"], 16)[0]] = 2.0
    model = CueModel(weights, bias=-1.0, threshold=0.5)
    assert model.probability(["l=say"]) == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert indices(["l=say"], 1 << 18) == indices(["l=say"], 1 << 18)  # CRC-32: no per-process hash salt


def test_quotes_model_rejects_non_reporting_object(nlp):
    doc = nlp("The farmers ate their lunch in the barn.")
    ate = next(t for t in doc if t.lemma_ == "eat")
    model = load_model()
    assert all(model.score(ate, frame, comp) < model.threshold for frame, comp in candidates(ate))


LEARNED = [
    # (text, source, cue, content): constructions opened by the cue model, polnear convention
    ("The senator's claim that the mill would reopen angered the workers.", "The senator's", "claim",
     "that the mill would reopen"),
    ("The governor made repeated attacks on the ferry company.", "The governor", "made repeated attacks on",
     "the ferry company"),
    ("Mayor Ruth Ellison responded Friday to the council's budget plan.", "Mayor Ruth Ellison", "responded",
     "to the council's budget plan"),
    ("Mayor Ruth Ellison accused the harbour board of hiding the flood report.", "Mayor Ruth Ellison", "accused",
     "the harbour board of hiding the flood report"),
    ("The union leader compared the new contract to a pay cut.", "The union leader", "compared",
     "the new contract to a pay cut"),
    ("Governor Leclerc has repeatedly criticized the ferry company for its late timetables.", "Governor Leclerc",
     "has repeatedly criticized", "the ferry company for its late timetables"),
    # adjective cues (a-<dep> frames): the cue runs from the copula to the adjective and its preposition
    ("Governor Leclerc is upbeat about the ferry company's chances.", "Governor Leclerc", "is upbeat about",
     "the ferry company's chances"),
    ("The farmers were eager to sell their land before the winter.", "The farmers", "were eager",
     "to sell their land before the winter"),
    ("Mayor Ruth Ellison is optimistic that the bridge will reopen in May.", "Mayor Ruth Ellison", "is optimistic",
     "that the bridge will reopen in May"),
    ("The harbour master was not sure the ferry could sail on Sunday.", "The harbour master", "was not sure",
     "the ferry could sail on Sunday"),
]


@pytest.mark.parametrize("text, source, cue, content", LEARNED)
def test_quotes_model_constructions(nlp, text, source, cue, content):
    q = by_content(extract(nlp, text, "polnear"), text, content)
    assert q is not None
    assert (q["speaker"]["start"], q["speaker"]["end"]) == span(text, source)
    assert (q["cue"]["start"], q["cue"]["end"]) == span(text, cue)


def test_quotes_model_adjective_frames(nlp):
    doc = nlp("The union leaders are tired of the council's endless delays.")
    are = next(t for t in doc if t.lower_ == "are")
    frames = {frame: comp.text for frame, comp in candidates(are)}
    assert frames.get("a-prep-of") == "delays"


def test_quotes_model_nominal_cue_only_in_polnear(nlp):
    text = LEARNED[0][0]
    assert by_content(extract(nlp, text, "newsevents"), text, LEARNED[0][3]) is None


@pytest.mark.parametrize("text, cue, first, second", [
    ("Mrs. Ellison is not expected to challenge the mayor in the spring.", "is not expected", "Mrs. Ellison",
     "to challenge the mayor in the spring"),
])
def test_quotes_model_subject_and_complement_pieces(nlp, text, cue, first, second):
    # a passive/raising cue between the two pieces of its content: one attribution per piece, no source
    for piece in (first, second):
        q = by_content(extract(nlp, text, "polnear"), text, piece)
        assert q is not None
        assert (q["cue"]["start"], q["cue"]["end"]) == span(text, cue)
        assert q["speaker"] is None


def test_quotes_model_passive_subject_is_content(nlp):
    # "X was first reported by Y": the subject is the content, the agent the source, the cue runs to "by"
    text = "The harbour closure was first reported by the Ledger."
    q = by_content(extract(nlp, text, "polnear"), text, "The harbour closure")
    assert q is not None
    assert (q["cue"]["start"], q["cue"]["end"]) == span(text, "was first reported by")
    assert (q["speaker"]["start"], q["speaker"]["end"]) == span(text, "the Ledger")
