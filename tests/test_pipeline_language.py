"""Stages that read English only say so in one line for a page in another language."""
from __future__ import annotations

import pytest

from newssift.models import Document
from newssift.pipeline import LANGUAGE_NOTE_MIN_CHARS, extract_documents, language_note, language_problems

# A fictional Chinese business report (another script), a German sports report (Latin script).
ZH = Document(id="zh", language="zh", text="华通公司周一表示，第三季度利润增长了百分之十二，新工厂将于明年投产。" * 12)
DE = Document(id="de", language="de",
              text="Der Verein gewann am Samstag mit drei zu eins, sagte der Trainer nach dem Spiel im Stadion. " * 5)
EN = Document(id="en", language="en", text="The club won three to one on Saturday, the coach said after the match. " * 5)
SHORT = Document(id="hl", language="bcl", text="Wife Of Club Owner Detained At Airport")


def test_another_script_is_cleaned_not_analysed_and_latin_languages_get_a_warning():
    assert language_note(ZH) == (True, ("language zh: cleaned, not analysed (claims, speakers and figures are read "
                                       "in English only)"))
    skip, note = language_note(DE)
    assert not skip and note.startswith("language de: analysed with the English pipeline")
    assert language_note(EN) == (False, None)
    # A headline-length text's detected language is not trusted (short English is misread as Bikol).
    assert len(SHORT.text) < LANGUAGE_NOTE_MIN_CHARS and language_note(SHORT) == (False, None)
    assert [p.source for p in language_problems([ZH, DE, EN, SHORT])] == ["zh", "de"]


@pytest.mark.slow
def test_a_page_in_another_script_yields_an_empty_extraction_in_its_place():
    out = extract_documents([ZH, EN])
    assert [x.doc for x in out] == ["zh", "en"]
    assert out[0].claims == () and out[1].claims
