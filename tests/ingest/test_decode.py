"""Bytes to text: encodings, declared charsets, binary sniffing, language."""
from __future__ import annotations

import pytest

from newssift.errors import BinaryInputError, EmptyInputError, EncodingError
from newssift.ingest.decode import (
    declared_html_charset,
    decode_bytes,
    detect_language,
    looks_binary,
)

FRENCH = "Le maire a déclaré que la rénovation du théâtre coûtera près de deux millions d’euros, a-t-il précisé lundi."


def test_utf8_with_bom_and_utf16():
    assert decode_bytes(b"\xef\xbb\xbfHello there", "x") == "Hello there"
    assert decode_bytes("Grüße aus Köln".encode("utf-16"), "x") == "Grüße aus Köln"


def test_cp1252_smart_quotes_and_latin1_letters():
    assert decode_bytes(FRENCH.encode("cp1252"), "x") == FRENCH
    plain = FRENCH.replace("’", "'")
    assert decode_bytes(plain.encode("latin-1"), "x") == plain


def test_declared_latin1_is_read_as_windows_1252():
    text = "The mayor called it “a fresh start” – and meant it."
    assert decode_bytes(text.encode("cp1252"), "x", declared="ISO-8859-1") == text


def test_meta_charset_is_found():
    assert declared_html_charset(b'<html><head><meta charset="windows-1251"><title>') == "windows-1251"
    assert declared_html_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">') == "koi8-r"
    assert declared_html_charset(b"<html><body>no charset</body></html>") is None
    page = '<html><head><meta charset="windows-1251"></head><body><p>Мэр города заявил в понедельник.</p></body></html>'
    assert "Мэр города" in decode_bytes(page.encode("cp1251"), "x", declared=declared_html_charset(page.encode("cp1251")))


def test_errors_have_one_line_messages():
    with pytest.raises(EmptyInputError, match="file is empty"):
        decode_bytes(b"", "x")
    with pytest.raises(BinaryInputError, match="PDF"):
        decode_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "x")
    with pytest.raises(BinaryInputError, match="binary data"):
        decode_bytes(b"\x00\x01\x02\x03hello", "x")
    import random

    rnd = random.Random(3)
    with pytest.raises(EncodingError) as exc:
        decode_bytes(bytes(rnd.randrange(128, 256) for _ in range(600)), "x")
    assert "\n" not in exc.value.message


def test_text_is_not_binary():
    assert looks_binary(b"Plain words, tabs\tand new lines.\n") is None
    assert looks_binary(b"\x1f\x8b\x08\x00") == "gzip-compressed data"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The council said on Monday that the bridge would reopen in the spring after repairs.", "en"),
        (FRENCH, "fr"),
        ("El alcalde dijo el lunes que el puente volverá a abrir en primavera después de las obras.", "es"),
        ("Der Bürgermeister sagte am Montag, die Brücke werde im Frühjahr nach den Arbeiten wieder geöffnet.", "de"),
    ],
)
def test_language_from_a_prefix(text, lang):
    assert detect_language(text) == lang
    assert detect_language(text + " " + "x" * 5000) == lang


def test_too_short_for_a_language():
    assert detect_language("OK 123") is None


# ----------------------------------------------------------------- the English fast path
FAST_ENGLISH = (
    "The city council said on Tuesday that it would close the old ferry terminal after inspectors found "
    "cracks in the pier. Residents who use the crossing every day said they had not been told when "
    "the new terminal would open, and the mayor has promised an answer by the end of the month."
)
OTHER_LANGUAGES = {
    "nl": "De gemeenteraad heeft dinsdag besloten dat de oude veerterminal wordt gesloten nadat inspecteurs "
          "scheuren in de pier hadden gevonden. Bewoners die elke dag de overtocht maken, zeggen dat het niet "
          "duidelijk is wanneer de nieuwe terminal opengaat, en de burgemeester heeft een antwoord beloofd.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, das alte Fährterminal zu schließen, nachdem Prüfer Risse "
          "im Pier gefunden hatten. Anwohner, die täglich übersetzen, sagen, es sei nicht klar, wann das neue "
          "Terminal öffnet, und der Bürgermeister hat bis Ende des Monats eine Antwort versprochen.",
    "es": "El ayuntamiento decidió el martes cerrar la vieja terminal del transbordador después de que los "
          "inspectores encontraran grietas en el muelle. Los vecinos que cruzan cada día dicen que no saben "
          "cuándo abrirá la nueva terminal, y el alcalde ha prometido una respuesta antes de fin de mes.",
}


def test_plain_english_is_recognised_without_loading_the_language_model():
    import subprocess
    import sys

    code = ("import sys; from newssift.ingest.decode import detect_language\n"
            f"print(detect_language({FAST_ENGLISH!r}), 'py3langid' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["en", "False"]


def test_other_languages_and_short_english_go_to_the_identifier():
    from newssift.ingest.decode import ENGLISH_FAST_SHARE, english_marker_share

    for lang, text in OTHER_LANGUAGES.items():
        share, _ = english_marker_share(text)
        assert share < ENGLISH_FAST_SHARE / 2, (lang, share)
        assert detect_language(text) == lang
    # A headline-length English text has too few words for the fast path; py3langid still says English.
    short = "Striker signs three-year deal with the champions"
    assert english_marker_share(short)[1] < 30
    assert detect_language(short) == "en"
