"""Is one name word a spelling or transliteration variant of another?

Edit distance (rapidfuzz) and phonetic keys (jellyfish) must agree: a
variant is close in letters AND sounds the same, or is the same letters
shuffled (a typist's transposition).  Short words never vary: "Kim" and
"Kin" are different names.
"""
from __future__ import annotations

import jellyfish
from anyascii import anyascii
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

__all__ = ["MIN_VARIANT_LEN", "given_names_compatible", "is_spelling_variant", "skeleton"]

#: Shortest word (letters) that may match a different spelling.  Five-letter
#: pairs such as Smith/Smyth or Jones/Janes are as often different people as
#: variants, so only six letters and up vary; shorter names must match exactly.
MIN_VARIANT_LEN = 6
#: Jaro-Winkler similarity a variant must reach.  Transliteration pairs we
#: checked (Zelensky/Zelenskyy, Kharkiv/Kharkov, Navalny/Navalnyy, Syrsky/
#: Syrskyi) score 0.94-0.98; unrelated names with a shared start stay below 0.9.
MIN_JARO_WINKLER = 0.9
#: Normalised Damerau-Levenshtein similarity: at most a quarter of the letters edited.
MIN_EDIT_SIMILARITY = 0.75


def _ascii(word: str) -> str:
    """Lower-case ASCII of a word, any script transliterated (Cyrillic folded to nothing before)."""
    return anyascii(word).replace("'", "").lower()


def skeleton(word: str) -> str:
    """First letter and the consonants after it, without y/h/w and doubles ("Zelenskyy" -> "zlnsk").

    Transliterations differ mostly in vowels, soft signs written "y" and
    doubled letters, which this drops; metaphone keeps "y" as a consonant.
    """
    w = _ascii(word)
    out = w[:1]
    for ch in w[1:]:
        if ch in "aeiouyhw" or not ch.isalpha() or out.endswith(ch):
            continue
        out += ch
    return out


def is_spelling_variant(a: str, b: str) -> bool:
    """Whether two different single name words are spellings of one name.

    Needs both words long enough, similar letters (Jaro-Winkler and edit
    distance), and either the same sound (metaphone or NYSIIS code) or the
    same letters in another order.  Miller/Millet fails: the sounds differ.
    """
    x, y = _ascii(a), _ascii(b)
    if x == y or not (x.isalpha() and y.isalpha()):
        return False
    if min(len(x), len(y)) < MIN_VARIANT_LEN or x[0] != y[0]:
        return False
    if JaroWinkler.similarity(x, y) < MIN_JARO_WINKLER:
        return False
    if DamerauLevenshtein.normalized_similarity(x, y) < MIN_EDIT_SIMILARITY:
        return False
    same_sound = (
        jellyfish.metaphone(x) == jellyfish.metaphone(y)
        or jellyfish.nysiis(x) == jellyfish.nysiis(y)
        or skeleton(x) == skeleton(y)
    )
    same_letters = sorted(x) == sorted(y)
    return same_sound or same_letters


def given_names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two lists of given names can belong to one person.

    Empty is compatible with anything; otherwise the first given names must
    be equal, one the initial of the other, or spelling variants.
    """
    if not a or not b:
        return True
    x, y = a[0].rstrip("."), b[0].rstrip(".")
    if x == y:
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return is_spelling_variant(x, y)
