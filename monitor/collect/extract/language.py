"""Language of a text: py3langid's naive Bayes identifier over byte n-grams, restricted to
the languages an Indonesian news feed can carry or be confused with.

The model ships inside the py3langid package (``py3langid/data/model.npz.xz``); nothing is
downloaded. It is loaded once per process, on first use or by :func:`preload` (about 1.5 s:
LZMA decompression of 68 MB; about 90 MB of memory). Both places that decide language use it:
the extractor's ``lang`` field (:func:`detect_language`) and the issue classifier's gate
(:func:`monitor.analyse.classify.language_problem`). ``bench/bench_langid.py`` compares it with
lingua, CLD2 and the old function-word rules; ``docs/classifier.md`` has the figures.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Iterator

import numpy as np

# The identifier chooses among these (ISO 639 codes of py3langid's model). Indonesian and its
# neighbours, which a regional site may carry or which share its vocabulary (Malay, Javanese,
# Acehnese, Tagalog; Sundanese, Balinese and Sasak are not in the model); English, the commonest
# foreign language in the feeds; Dutch (old legal and place names); and the major languages of
# foreign news, so that a text in one of them has somewhere to go other than Indonesian.
# Restricting also makes scoring about twice as fast (20 of 140 columns), and spares Indonesian
# text from being called one of the 120 remaining labels (Nigerian Pidgin, Hausa...).
LANGUAGES = ("id", "ms", "jv", "ace", "tl", "en", "nl", "de", "fr", "es", "pt", "it",
             "ar", "zh", "ja", "ko", "vi", "th", "hi", "ru")

# A text (or window) is Indonesian when Indonesian is the most probable language, or has at
# least this probability. Short Indonesian news (headlines, 20-word leads) is often a close call
# with Malay or Javanese (P(id) 0.2-0.5), so under SHORT_WORDS words the cut is lower; natural
# Malay text gets P(id) under 0.05. A lost Indonesian article costs more than a Malay one let
# through, and a regional feed carries next to no Malay: the cuts lean Indonesian. Chosen with
# bench/bench_langid.py: up to 0.4 (0.2 when short) no Indonesian news is lost that 0.2 keeps.
INDONESIAN_MIN_PROB = 0.4
INDONESIAN_MIN_PROB_SHORT = 0.2
SHORT_WORDS = 30

# Fewer words than this: too short to say anything (no language; the classifier does not tag).
MIN_WORDS = 4

# The identifier reads windows of WINDOW characters (about 55 words): the start of the text and,
# only when that is not Indonesian and the text is longer, one from its middle and one near its
# end. The text is Indonesian when any window is: an Indonesian article that opens with a Malay
# quote or a Quranic verse is not lost for it. Scoring costs about 1 microsecond per byte
# (py3langid walks the bytes in Python), so nearly every article costs one window.
WINDOW = 400

_WORD = re.compile(r"[^\W\d_]+")  # a run of letters, in any script

_LOCK = threading.Lock()
_IDENTIFIER = None


@dataclass(frozen=True)
class Guess:
    """What the identifier says about a text."""

    lang: str | None  # the most probable language of LANGUAGES; None when too short to say
    indonesian: bool  # the text counts as Indonesian (see INDONESIAN_MIN_PROB)
    p_indonesian: float  # probability of Indonesian among LANGUAGES (0.0 when too short)
    words: int  # runs of letters in the window judged (all of them in a text under WINDOW characters)


def count_words(text: str) -> int:
    return len(_WORD.findall(text or ""))


def _identifier():
    global _IDENTIFIER
    if _IDENTIFIER is None:
        with _LOCK:
            if _IDENTIFIER is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                ident.set_languages(list(LANGUAGES))
                # float16 weights as shipped; numpy has no fast float16 product: 12% faster, same
                # results (the weights convert exactly).
                ident.nb_ptc = np.ascontiguousarray(ident.nb_ptc, dtype=np.float32)
                _IDENTIFIER = ident
    return _IDENTIFIER


def preload(background: bool = False) -> None:
    """Load the model now (in a daemon thread when ``background``: the decompression releases
    the GIL, so it overlaps the rest of a command's start-up)."""
    if _IDENTIFIER is not None:
        return
    if background:
        threading.Thread(target=_identifier, name="langid-preload", daemon=True).start()
    else:
        _identifier()


def _windows(text: str) -> Iterator[str]:
    yield text[:WINDOW]
    n = len(text)
    if n > 2 * WINDOW:
        for share in (0.5, 0.9):
            start = text.find(" ", min(int(n * share), n - WINDOW))
            if start > WINDOW:
                yield text[start + 1:start + 1 + WINDOW]


def _judge(window: str) -> Guess:
    words = count_words(window)
    if words < MIN_WORDS:
        return Guess(None, False, 0.0, words)
    ranked = _identifier().rank(window)  # (language, probability), most probable first
    lang = ranked[0][0]
    p_id = next(p for code, p in ranked if code == "id")
    cut = INDONESIAN_MIN_PROB_SHORT if words < SHORT_WORDS else INDONESIAN_MIN_PROB
    return Guess(lang, lang == "id" or p_id >= cut, round(p_id, 4), words)


def identify(text: str) -> Guess:
    """The language of plain ``text``: the first Indonesian window (see WINDOW), else what the
    first window with enough words says, else "too short to say" (``lang`` None)."""
    first = said = None
    for window in _windows(text or ""):
        guess = _judge(window)
        if guess.indonesian:
            return guess
        first = first or guess
        said = said or (guess if guess.lang is not None else None)
    return said or first


def detect_language(text: str) -> str | None:
    """Language of ``text``: "id" when it counts as Indonesian, else the most probable code of
    :data:`LANGUAGES` ("en", "ms", ...), or None when it has fewer than MIN_WORDS words."""
    guess = identify(text)
    if guess.lang is None:
        return None
    return "id" if guess.indonesian else guess.lang


def is_indonesian(text: str) -> bool:
    return identify(text).indonesian
