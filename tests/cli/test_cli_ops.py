"""Commands and options as the README documents them (QA25 ops): outputs named "./-", extract's
output format, -q on corrections, the SYNOPSIS_* variables, what `show` lists, versioned
listings, and old story ids whose articles went elsewhere."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from synopsis.cli.articles import describe_analysis
from synopsis.store.db import Store
from tests.cli.commands import PAPER, WIRE, run
from tests.store.conftest import build_analysis


def schema(name: str) -> dict:
    return json.loads(resources.files("synopsis").joinpath("schemas").joinpath(name).read_text(encoding="utf-8"))


def test_an_output_named_dot_slash_dash_is_a_file_and_only_dash_is_standard_output(capsys, corpus, tmp_path, monkeypatch):
    """QA25: `-o ./-` wrote to standard output; the README says it is the file "-"."""
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "extract", str(corpus / "wire.txt"), "-o", "./-", "--format", "json")
    assert status == 0 and out == "" and "wrote ./-" in err
    assert json.loads((tmp_path / "-").read_text(encoding="utf-8"))["schema"] == "synopsis.article/1"
    status, out, _ = run(capsys, "extract", str(corpus / "wire.txt"), "-o", "-")
    assert status == 0 and json.loads(out)["schema"] == "synopsis.article/1"
    # A report named ./- has no extension to tell its format: said before any work, as for any file.
    status, out, err = run(capsys, "analyze", str(corpus), "-o", "./-")
    assert status == 2 and out == "" and "./-: cannot tell the format from the extension" in err


def test_extract_writes_the_format_its_output_file_names_and_says_so(capsys, corpus, tmp_path):
    """QA25: `extract -o y.txt` silently wrote JSON."""
    text_file, json_file = tmp_path / "y.txt", tmp_path / "y.json"
    status, out, err = run(capsys, "extract", str(corpus / "wire.txt"), "-o", text_file)
    assert status == 0 and out == "" and f"wrote {text_file}" in err
    assert text_file.read_text(encoding="utf-8").startswith(tuple("0123456789abcdef")) and "  outlet:" in text_file.read_text()
    status, _, err = run(capsys, "extract", str(corpus / "wire.txt"), "-o", json_file, "-q")
    assert status == 0 and "wrote" not in err and json.loads(json_file.read_text())["schema"] == "synopsis.article/1"
    status, _, err = run(capsys, "extract", str(corpus / "wire.txt"), "-o", tmp_path / "y.pdf")
    assert status == 2 and err.strip().endswith("cannot tell the format from the extension (.json or .txt); use --format json|text")
    assert not (tmp_path / "y.pdf").exists()


@pytest.mark.parametrize("value", ["abc", "0", "-2"])
def test_a_bad_synopsis_workers_is_one_line_naming_it(capsys, corpus, monkeypatch, value):
    """QA25: SYNOPSIS_WORKERS=abc or 0 was silently ignored, while --workers abc is an error."""
    monkeypatch.setenv("SYNOPSIS_WORKERS", value)
    status, out, err = run(capsys, "extract", str(corpus / "wire.txt"))
    assert status == 2 and out == ""
    assert err == f"synopsis: error: SYNOPSIS_WORKERS={value!r} is no number of worker processes: give a whole number of 1 or more\n"
    monkeypatch.setenv("SYNOPSIS_WORKERS", "1")
    assert run(capsys, "extract", str(corpus / "wire.txt"))[0] == 0


def test_an_outlet_list_named_by_synopsis_outlets_is_not_called_ignored(capsys, corpus, monkeypatch):
    """QA25: with SYNOPSIS_OUTLETS naming the outlets.yaml kept beside the articles, the run still
    said it ignored that file, as it does not with --outlets."""
    outlets = corpus / "outlets.yaml"
    outlets.write_text("outlets:\n  - name: Example Wire\n    kind: wire service\n    country: US\n", encoding="utf-8")
    status, _, err = run(capsys, "extract", str(corpus))
    assert status == 0 and "ignored 1 file" in err and "outlets.yaml" in err  # a YAML file of the folder
    monkeypatch.setenv("SYNOPSIS_OUTLETS", str(outlets))
    status, _, err = run(capsys, "extract", str(corpus))
    assert status == 0 and "ignored" not in err, err


def test_merge_and_split_take_q_and_still_print_the_story_id(capsys, corpus, tmp_path):
    """QA25: `stories split ... -q` was "No such option '-q'"; the README promises -q on every
    command that prints status lines."""
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(corpus), "--db", db, "-q")[0] == 0
    (story,) = json.loads(run(capsys, "stories", "--db", db, "--format", "json")[1])["stories"]
    article = story["articles"][0]["id"]
    status, out, err = run(capsys, "stories", "split", story["id"], article, "--db", db, "-q")
    new_id = out.strip()
    assert status == 0 and new_id and new_id != story["id"] and err == ""
    status, out, err = run(capsys, "stories", "merge", story["id"], new_id, "--db", db, "-q")
    assert status == 0 and out == f"{story['id']}\n" and err == ""


def test_listings_carry_their_schema_and_validate(capsys, corpus, tmp_path):
    """QA25: `articles`, `stories` and `stories show --format json` were bare lists and objects
    without a schema, unlike every other JSON synopsis writes."""
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(corpus), "--db", db, "-q")[0] == 0
    articles = json.loads(run(capsys, "articles", "--db", db, "--format", "json")[1])
    assert articles["schema"] == "synopsis.articles/1" and articles["total"] == len(articles["articles"]) == 2
    jsonschema.validate(articles, schema("articles-1.schema.json"))
    found = json.loads(run(capsys, "articles", "--db", db, "--search", "Okafor", "--format", "json")[1])
    assert found["schema"] == "synopsis.articles/1" and found["total"] == 2
    stories = json.loads(run(capsys, "stories", "--db", db, "--format", "json")[1])
    assert stories["schema"] == "synopsis.stories/1" and stories["total"] == 1
    jsonschema.validate(stories, schema("stories-1.schema.json"))
    shown = json.loads(run(capsys, "stories", "show", stories["stories"][0]["id"], "--db", db, "--format", "json")[1])
    assert shown["schema"] == "synopsis.story/1" and len(shown["articles"]) == 2
    jsonschema.validate(shown, schema("story-1.schema.json"))


def test_the_article_schema_numbers_items_inside_a_file_from_1_as_the_readers_do(capsys, tmp_path):
    """QA25: the schema said 'path#3' was the 4th object of a JSON Lines file; it is line 3."""
    archive = tmp_path / "a.jsonl"
    archive.write_text(json.dumps({"text": WIRE}) + "\n\n" + json.dumps({"text": PAPER}) + "\n", encoding="utf-8")
    status, out, _ = run(capsys, "extract", archive)
    assert status == 0
    assert [a["source"] for a in json.loads(out)["articles"]] == [f"{archive}#1", f"{archive}#3"]
    described = schema("article-1.schema.json")["$defs"]["article"]["properties"]["source"]["description"]
    assert "numbered from 1" in described and "'path#3' is the object on line 3" in described and "4th" not in described


def test_show_lists_entities_and_claims_and_counts_what_it_leaves_out():
    """QA25: `show` counted 11 entities and 11 claims but listed neither, and cut every list at
    12 without saying so."""
    people = [f"{first} {last}" for first, last in zip(
        ["Ada", "Bela", "Cora", "Dara", "Edda", "Fenna", "Gita", "Hana", "Ines", "Jana", "Kira", "Lena", "Mira", "Nora"],
        ["Abbot", "Bexley", "Corran", "Dunmore", "Elstow", "Farrow", "Garside", "Holm", "Ivers", "Jessop", "Kell", "Lowry", "Marsh", "Nune"],
    )]
    text = " ".join(f"{person} spoke at the harbour meeting." for person in people) + " Ada Abbot left early."
    shown = describe_analysis(build_analysis(text))
    lines = shown.splitlines()
    assert "  entities (14 distinct):" in lines
    assert "    Ada Abbot (PERSON) x2" in lines and "    Bela Bexley (PERSON)" in lines
    assert "    Nora Nune (PERSON)" not in lines
    assert lines.count("    … and 2 more (`--format json` lists them all)") == 1  # entities
    assert "  claims:" in lines and "    Ada Abbot spoke at the harbour meeting." in lines
    assert "    … and 3 more (`--format json` lists them all)" in lines  # 15 claims, 12 shown


def scattered_store(path) -> dict[str, str]:
    """A store where story stalks (four articles) was merged into sbridge, then two of its articles
    were split out and merged into shistory: two of them in each story."""
    texts = {
        "b1": "A section of the Marlow road bridge fell into the river on Monday morning.",
        "t1": "Negotiators from both sides met in the old palace for a first round of talks.",
        "t2": "The talks in the old palace ended after two hours with a prisoner exchange agreed.",
        "t3": "Both delegations said they would meet again within a month to continue the talks.",
        "t4": "Observers called the palace talks a modest step forward.",
        "h1": "A summary of the peace talks held this spring, round by round.",
    }
    stories = {"b1": "sbridge", "t1": "stalks", "t2": "stalks", "t3": "stalks", "t4": "stalks", "h1": "shistory"}
    ids = {}
    with Store.open(path) as store:
        for name, text in texts.items():
            analysis = build_analysis(text, title=text.split(" the ")[0])
            store.add_analyses([analysis])
            ids[name] = analysis.article.id
            store.record_story_assignment(
                ids[name], stories[name], title=name, method="test", day_ordinal=0, vector=b"", profile_json="{}", lead_model="test"
            )
        store.merge_stories("sbridge", "stalks")
        for number, name in enumerate(("t1", "t2")):
            store.split_article(ids[name], f"ssplit{number}", "")
            store.merge_stories("shistory", f"ssplit{number}")
    return ids


def test_an_old_story_id_whose_articles_went_to_two_stories_alike_names_both_in_one_line(capsys, tmp_path):
    """QA25: an old id led to the story it was first merged into, which held none of its
    articles after they were split out and merged elsewhere."""
    db = tmp_path / "news.db"
    scattered_store(db)
    status, out, err = run(capsys, "stories", "show", "stalks", "--db", db)
    assert status == 2 and out == ""
    assert err.splitlines()[-1] == (
        "synopsis: error: story stalks holds none of its articles now: they went to 2 stories: 2 are in sbridge, 2 in shistory; name one"
    )
    assert run(capsys, "report", "stalks", "--db", db)[0] == 2


@pytest.mark.parametrize("command", [["articles"], ["ingest", "{wire}"], ["stories"]])
def test_a_folder_given_as_the_database_is_named_as_one(capsys, corpus, tmp_path, command):
    """QA25: `--db <folder>` said only "unable to open database file"."""
    argv = [str(part).format(wire=corpus / "wire.txt") for part in command]
    status, _, err = run(capsys, *argv, "--db", tmp_path)
    assert status == 2
    assert err == f"synopsis: error: cannot open database {tmp_path}: it is a folder; --db names the database file in it (e.g. {tmp_path / 'news.db'})\n"
