"""Annotate: the spaCy pipeline loads once, parses in order, and splits sentences at line breaks."""
import pytest

from newssift.annotate import LINE_BREAK_COMPONENT, annotate, load_nlp
from newssift.config import DEFAULT_CONFIG
from newssift.errors import ModelMissingError
from newssift.models import Document


def test_load_nlp_is_cached_per_model(nlp):
    assert load_nlp(DEFAULT_CONFIG) is nlp
    for name in ("parser", "ner", "lemmatizer", LINE_BREAK_COMPONENT):
        assert name in nlp.pipe_names


def test_missing_model_names_the_package_to_install():
    cfg = DEFAULT_CONFIG.with_(spacy_model="en_core_web_zz_absent")
    with pytest.raises(ModelMissingError) as err:
        load_nlp(cfg)
    assert "pip install en-core-web-zz-absent" in str(err.value)


def test_annotate_yields_one_doc_per_document_in_order(nlp):
    docs = [Document(id=f"d{i}", text=f"The council met on day {i}. It voted twice.") for i in range(5)]
    parsed = list(annotate(docs, DEFAULT_CONFIG.with_(spacy_batch_size=2)))
    assert [p.text for p in parsed] == [d.text for d in docs]
    assert all(len(list(p.sents)) == 2 for p in parsed)


def test_line_break_starts_a_sentence(nlp):
    doc = nlp("Storm closes harbour road\nThe road was shut by police on Friday.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Storm closes harbour road"
    assert starts[1].startswith("The road was shut")


def test_split_for_parse_cuts_at_paragraphs_and_keeps_every_character():
    from newssift.annotate import split_for_parse

    text = "Shares of Orvale rose 4% on Monday.\n" * 40 + "x" * 300 + " tail. end"
    pieces = split_for_parse(text, 200)
    assert "".join(pieces) == text and all(len(p) <= 200 for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:5])
    assert split_for_parse("short", 200) == ["short"]


def test_a_long_article_is_parsed_in_pieces_with_exact_offsets(nlp):
    para = ("The museum board approved the new wing on Tuesday, the chair, Ines Duarte, said. "
            "Work will start in May and cost $4.2m.\n")
    long_doc = Document(id="long", text=para * 60)
    short = Document(id="short", text="The match ended 2-1.")
    cfg = DEFAULT_CONFIG.with_(parse_chunk_chars=1000)
    parsed = list(annotate([long_doc, short, long_doc], cfg))
    assert [p.text for p in parsed] == [long_doc.text, short.text, long_doc.text]
    whole = parsed[0]
    # Every sentence and entity still points at the right characters of the original text.
    assert len(list(whole.sents)) == 120
    for ent in whole.ents:
        assert long_doc.text[ent.start_char:ent.end_char] == ent.text
    assert sum(1 for e in whole.ents if e.text == "Ines Duarte") == 60


def test_a_long_run_without_spaces_is_broken_for_the_tokenizer_with_offsets_kept(nlp):
    from newssift.annotate import MAX_RUN_CHARS, break_long_runs

    junk = "[" * 20000
    text = "The league said the final was sold out. " + junk + " The mayor congratulated the club."
    broken = break_long_runs(text)
    assert len(broken) == len(text) and broken.startswith("The league said")
    assert max(len(w) for w in broken.split()) <= MAX_RUN_CHARS
    assert "[" not in broken  # a run with no letter or digit is no text at all
    letters = "x" * 250
    assert break_long_runs(letters) == "x" * 100 + " " + "x" * 100 + " " + "x" * 48
    assert break_long_runs("Short words only.") == "Short words only."
    # Unbroken, this run alone takes spaCy's tokenizer over a minute (benchmarks/fuzz.py found it).
    parsed = next(iter(annotate([Document(id="j", text=text)], DEFAULT_CONFIG)))
    assert len(parsed.text) == len(text) and parsed.text[-34:] == text[-34:]


@pytest.mark.parametrize("text", [
    "Verdict due Friday\nThe jury retired at noon.\n\n  \n The judge thanked them",  # court: blank and indented lines
    "Shares fell 4%\r\nTraders blamed the forecast \n",  # business: CRLF, a break at the very end
    "\n\nHalden won 3-1\n\n\nBrack Rovers lost their third game",  # sports: leading breaks, a run of breaks
    "No line break in this science brief about tree frogs.",
])
def test_the_line_break_starts_are_the_first_non_space_tokens_after_each_break(nlp, text):
    from newssift.annotate import _tokens_after_breaks

    doc = nlp.tokenizer(text)
    expected, after = [], False
    for t in doc:  # the plain reading: the next non-space token after a token holding a break
        if after and not t.is_space:
            expected.append(t.i)
            after = False
        if "\n" in t.text or "\n" in t.whitespace_:
            after = True
    assert _tokens_after_breaks(doc) == expected
    assert all(nlp(text)[i].is_sent_start for i in expected)
