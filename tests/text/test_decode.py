"""Encodings and bad input: every unusable file is an InputError naming the file."""

from __future__ import annotations

import os

import pytest

from kzqual.errors import InputError
from kzqual.text import clean_bytes, decode, decode_report, read
from kzqual.text.decode import MAX_BYTES

# Kazakh text from kk-mes-2014-161.txt (lines 61-63), plus the Kazakh-only letters.
KAZAKH = (
    "Қазақстан Республикасы Төтенше жағдайлар министрлігі орталық\n"
    "аппаратының «Б» корпусының мемлекеттік әкімшілік лауазымдарына\n"
    "қойылатын біліктілік талаптары (әғқңөұүһі)\n"
)
# Russian text from ru-mod-2017-134.txt, for plain Windows-1251 (which has no Kazakh letters).
RUSSIAN = "Типовые квалификационные характеристики гражданских служащих\nПРИКАЗЫВАЮ:\n"


@pytest.mark.parametrize(
    ("encoding", "text", "detected"),
    [
        ("utf-8", KAZAKH, "utf-8"),
        ("utf-8-sig", KAZAKH, "utf-8-sig"),
        ("utf-16", KAZAKH, "utf-16"),
        ("utf-16-le", KAZAKH, "utf-16-le"),
        ("kz1048", KAZAKH, "kz1048"),
        ("cp1251", RUSSIAN, "cp1251"),
    ],
)
def test_encodings_read_back_equal(tmp_path, encoding, text, detected):
    f = tmp_path / f"act-{encoding}.txt"
    f.write_bytes(text.encode(encoding))
    ct = read(f)
    assert ct.encoding == detected
    assert "\n".join(ct.raw_lines) == text
    assert [l.text for l in ct.lines] == [t.strip() for t in text.splitlines()]


def test_nfc_and_line_ends():
    # "й" as и + combining breve, CRLF line ends
    text, enc = decode("и\u0306ә\r\nб\r".encode())
    assert (text, enc) == ("й" + "ә\nб\n", "utf-8")


def _err(fn, *args, **kw) -> InputError:
    with pytest.raises(InputError) as info:
        fn(*args, **kw)
    return info.value


def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    e = _err(read, f)
    assert e.code == "empty" and "empty.txt" in str(e)
    f.write_bytes(b" \n\n\t")
    assert _err(read, f).code == "empty"


def test_binary_png(tmp_path):
    f = tmp_path / "scan.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    e = _err(read, f)
    assert e.code == "binary" and "scan.png" in str(e)


def test_random_bytes_with_nuls(tmp_path):
    f = tmp_path / "noise.bin"
    f.write_bytes(os.urandom(4000) + b"\x00" * 50 + os.urandom(4000))
    e = _err(read, f)
    assert e.code in ("binary", "encoding") and "noise.bin" in str(e)


def test_unknown_encoding(tmp_path):
    # Latin-1 West-European text: not UTF-8, and read as cp1251 it is not mostly Cyrillic.
    f = tmp_path / "latin1.txt"
    f.write_bytes("Qualité, équipe, déjà vu — façade, naïve, Ærø, Øresund.\n".encode("latin-1", "replace") * 20)
    e = _err(read, f)
    assert e.code == "encoding" and "latin1.txt" in str(e)


def test_too_large_is_refused_before_reading(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_bytes(b"x")
    os.truncate(f, MAX_BYTES + 1)  # sparse: costs no disk and is never read
    e = _err(read, f)
    assert e.code == "too_large" and "huge.txt" in str(e)


def test_directory(tmp_path):
    e = _err(read, tmp_path)
    assert str(tmp_path) in str(e) and "folder" in str(e)


def test_missing_path(tmp_path):
    e = _err(read, tmp_path / "nope.txt")
    assert e.code == "not_found" and "nope.txt" in str(e)


def test_truncated_utf8_file_is_refused_unless_allowed(tmp_path):
    # Policy: a file cut inside its last multi-byte character was cut off: read() refuses it
    # (InputError "truncated", naming the file); allow_truncated keeps it, the broken character
    # dropped and a "truncated" warning pointing at the last line.
    data = KAZAKH.encode("utf-8")
    cut = data[: len(data) - 4] + "қ".encode()[:1]  # drop "і)\n", add half a "қ"
    f = tmp_path / "cut.txt"
    f.write_bytes(cut)
    e = _err(read, f)
    assert e.code == "truncated" and "cut.txt" in str(e) and "cut off" in str(e)
    ct = read(f, allow_truncated=True)
    assert ct.raw_lines[-1].endswith("(әғқңөұүһ")
    w = [x for x in ct.warnings if x.code == "truncated"]
    assert len(w) == 1 and w[0].line_start == len(ct.raw_lines)


def test_truncated_utf16_decodes_with_warning():
    data = KAZAKH.encode("utf-16")[:-1]
    ct = clean_bytes(data, source="cut16")
    assert any(w.code == "truncated" for w in ct.warnings)
    assert ct.lines[0].text.startswith("Қазақстан")


def test_a_few_bad_bytes_in_utf8_are_a_warning():
    data = KAZAKH.encode() * 50
    data = data[:500] + b"\xff" + data[500:]
    d = decode_report(data)
    assert d.encoding == "utf-8" and "\ufffd" in d.text
    assert [c for c, _ in d.problems] == ["invalid_bytes"]


def test_many_bad_bytes_in_utf8_are_an_error():
    data = "Қазақстан ".encode() + b"\xff\xfe\xfd" * 100 + "Республикасы".encode()
    assert _err(decode, data, source="bad.txt").code == "encoding"


def test_device_is_refused():
    e = _err(read, "/dev/zero")
    assert "/dev/zero" in str(e) and "regular file" in str(e)
