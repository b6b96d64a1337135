"""The binding against the freshly built library (DEPECHE_LIBRARY=build/libdepeche.so.0)."""
import os
import pathlib

import pytest

import depeche

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "kulturegeek-openai-shear.txt"


@pytest.fixture(scope="module")
def engine():
    with depeche.Engine() as e:
        yield e


def test_version():
    assert depeche.library_version().count(".") == 2


def test_extract_finds_the_purchase(engine):
    doc = engine.extract("Le groupe Renault a racheté la société Nissan le 3 mars 2024.", id="a1")
    assert doc["id"] == "a1"
    [event] = doc["events"]
    assert event["type"] == "acquisition"
    assert event["arguments"]["acquirer"]["name"] == "Renault"
    assert event["arguments"]["target"]["name"] == "Nissan"
    assert event["date"]["value"] == "2024-03-03"


def test_published_dates_relative_words(engine):
    doc = engine.extract("Le groupe Renault a racheté hier la société Nissan.", published="2024-03-12")
    assert doc["published"] == "2024-03-12"
    assert doc["events"][0]["date"]["value"] == "2024-03-11"


def test_same_output_as_the_command_line_library(engine):
    doc = engine.extract(SAMPLE.read_text(encoding="utf-8"), id=str(SAMPLE))
    assert any(e["type"] == "appointment" for e in doc["events"])
    assert doc["title"].startswith("OpenAI")


def test_text_with_nul_and_bytes(engine):
    doc = engine.extract(b"Le groupe Renault\x00 a rachet\xe9 la soci\xe9t\xe9 Nissan.", encoding="ISO-8859-1")
    assert doc["events"][0]["type"] == "acquisition"


def test_binary_input_raises(engine):
    with pytest.raises(depeche.DepecheError) as info:
        engine.extract(bytes(range(256)) * 64)
    assert info.value.code == -4  # DEPECHE_ERR_INPUT


def test_bad_data_file_raises_with_its_place(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("class q société\nnonsense line\n", encoding="utf-8")
    with pytest.raises(depeche.DepecheError) as info:
        depeche.Engine(patterns=[bad])
    assert info.value.path == str(bad) and info.value.line == 2
    assert str(info.value).startswith(f"{bad}:2: ")


def test_user_gazetteer(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("Zorglub Industries\tORG\n", encoding="utf-8")
    with depeche.Engine(gazetteers=[names]) as e:
        doc = e.extract("Zorglub Industries a annoncé des résultats.")
    assert any(x["name"] == "Zorglub Industries" and x["type"] == "ORG" for x in doc["entities"])


def test_extract_many_streams_in_order(engine):
    texts = [f"Le groupe Renault a racheté la société Nissan le {d} mars 2024." for d in range(1, 21)]
    items = [{"text": t, "id": str(i)} for i, t in enumerate(texts)]
    docs = list(engine.extract_many(iter(items), threads=3))
    assert [d["id"] for d in docs] == [str(i) for i in range(20)]
    assert [d["events"][0]["date"]["value"] for d in docs] == [f"2024-03-{d:02d}" for d in range(1, 21)]


def test_extract_many_raises_in_turn(engine):
    docs = engine.extract_many(["Renault rachète Nissan.", bytes(range(256)) * 64], threads=2)
    assert next(docs)["id"] == "-"
    with pytest.raises(depeche.DepecheError):
        next(docs)


def test_closed_engine():
    e = depeche.Engine()
    e.close()
    with pytest.raises(ValueError):
        e.extract("Renault rachète Nissan.")


def test_events_frame(engine):
    pandas = pytest.importorskip("pandas")
    docs = [engine.extract("Le groupe Renault a racheté la société Nissan.", id="x")]
    frame = depeche.events_frame(docs)
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["acquirer"]) == ["Renault"] and list(frame["article"]) == ["x"]
