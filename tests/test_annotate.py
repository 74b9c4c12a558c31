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
