"""The command with inputs that repeat or update stored articles: duplicates named, new versions
replacing old ones and keeping the stories users placed them in."""

import json

from tests.cli.commands import PAPER, WIRE, run


def test_duplicates_in_input_are_named_with_the_item_they_repeat(capsys, tmp_path, corpus):
    """Each input dropped for repeating an earlier one's text is named beside that one: the first
    few always, all of them with -v."""
    copies = []
    for number in range(1, 8):
        copy = tmp_path / f"copy{number}.txt"
        copy.write_text(WIRE, encoding="utf-8")
        copies.append(str(copy))
    wire = str(corpus / "wire.txt")
    db = str(tmp_path / "news.db")
    status, _, err = run(capsys, "ingest", wire, *copies, "--db", db, "-q")
    assert status == 0 and "1 added, 0 already stored, 7 duplicates in input" in err
    named = [line for line in err.splitlines() if line.startswith("synopsis: duplicate ")]
    assert named == [f"synopsis: duplicate {copy}: same text as {wire}, kept once" for copy in copies[:5]]
    assert "synopsis: and 2 more duplicates (-v names them all)" in err

    status, _, err = run(capsys, "ingest", wire, *copies, "--db", db, "-q", "-v")
    assert "0 added, 1 already stored, 7 duplicates in input" in err  # named also when the first was stored before
    named = [line for line in err.splitlines() if line.startswith("synopsis: duplicate ")]
    assert named == [f"synopsis: duplicate {copy}: same text as {wire}, kept once" for copy in copies]
    assert "more duplicate" not in err

    status, out, err = run(capsys, "extract", wire, copies[0], "-q")
    assert status == 0 and len(json.loads(out)["articles"]) == 1
    assert f"synopsis: duplicate {copies[0]}: same text as {wire}, kept once" in err


def test_a_story_emptied_by_a_killed_update_still_leads_to_the_new_version(capsys, tmp_path, corpus, monkeypatch):
    import synopsis.jobs as jobs

    db = str(tmp_path / "news.db")
    wire = corpus / "wire.txt"
    assert run(capsys, "ingest", str(wire), "--db", db, "-q")[0] == 0
    (old_story,) = [s["id"] for s in json.loads(run(capsys, "stories", "--db", db, "--format", "json")[1])["stories"]]
    wire.write_text(WIRE.replace("about 1,200 people", "about 1,500 people"), encoding="utf-8")

    def killed(*_):
        raise KeyboardInterrupt  # the run stops after replacing and assigning, before following

    with monkeypatch.context() as patched:
        patched.setattr(jobs, "follow_new_versions", killed)
        assert run(capsys, "ingest", str(wire), "--db", db, "-q")[0] == 130
    assert run(capsys, "ingest", str(wire), "--db", db, "-q")[0] == 0  # the same command resumes
    (current,) = json.loads(run(capsys, "articles", "--db", db, "--format", "json")[1])["articles"]
    status, shown, err = run(capsys, "stories", "show", old_story, "--db", db)
    assert status == 0, err
    assert current["id"][:12] in shown


def test_two_texts_of_one_url_in_one_input_keep_the_later_as_the_article(capsys, tmp_path):
    """A re-crawled archive holds both versions: the first is stored, the second replaces it in
    the same run, and the story holds the second only."""
    archive = tmp_path / "crawl.jsonl"
    first = {"text": PAPER, "url": "https://paper.example/river"}
    second = {"text": PAPER + "\nThe river fell overnight.\n", "url": "https://paper.example/river"}
    archive.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
    db = str(tmp_path / "news.db")
    status, _, err = run(capsys, "ingest", str(archive), "--db", db, "-q")
    assert status == 0 and "Traceback" not in err, err
    assert "1 added, 1 updated" in err and f"updated {archive}#2" in err
    _, out, _ = run(capsys, "stories", "--db", db, "--format", "json")
    stories = json.loads(out)["stories"]
    _, listed, _ = run(capsys, "articles", "--db", db, "--format", "json")
    (article,) = json.loads(listed)["articles"]
    assert [[a["id"] for a in s["articles"]] for s in stories] == [[article["id"]]]


def test_an_edited_file_or_a_record_with_updated_text_replaces_its_stored_version(capsys, tmp_path, corpus):
    """Re-ingesting an edited file, or a JSON record of the same URL with updated text, stores the
    new version in place of the old one (named in a line and counted as updated); its story
    holds the new version only, and running the same command again changes nothing."""
    db = str(tmp_path / "news.db")
    wire = corpus / "wire.txt"
    record = tmp_path / "feed.json"
    record.write_text(json.dumps([{"text": PAPER, "url": "https://paper.example/river"}]), encoding="utf-8")
    status, _, err = run(capsys, "ingest", str(wire), str(record), "--db", db, "-q")
    assert status == 0 and "2 added" in err

    def articles():
        _, out, _ = run(capsys, "articles", "--db", db, "--format", "json")
        return {row["source"]: row["id"] for row in json.loads(out)["articles"]}

    old = articles()
    wire.write_text(WIRE.replace("about 1,200 people", "about 1,500 people"), encoding="utf-8")
    record.write_text(
        json.dumps([{"text": PAPER + "\nThe river fell overnight.\n", "url": "https://paper.example/river"}]), encoding="utf-8"
    )
    for again in (False, True):  # the same command twice: the second run finds everything stored
        status, _, err = run(capsys, "ingest", str(wire), str(record), "--db", db, "-q")
        assert status == 0 and "Traceback" not in err
        if not again:
            assert "0 added, 2 updated, 0 already stored" in err
            assert f"synopsis: updated {wire}: " in err and f"replaces article {old[str(wire)][:12]}" in err
            assert f"synopsis: updated {record}#1: " in err
        else:
            assert "0 added, 2 already stored" in err and "updated" not in err
    new = articles()
    assert set(new) == set(old) and not set(new.values()) & set(old.values())  # one article each, the new version
    status, out, _ = run(capsys, "show", new[str(wire)], "--db", db, "--format", "json")
    assert "1,500" in out and "1,200" not in out
    status, _, err = run(capsys, "show", old[str(wire)][:12], "--db", db)
    assert status != 0 and "replaced by a newer version" in err and new[str(wire)][:12] in err
    # Stories hold the current versions only.
    status, out, _ = run(capsys, "stories", "--db", db, "--format", "json")
    members = [a["id"] for story in json.loads(out)["stories"] for a in story["articles"]]
    assert sorted(members) == sorted(new.values())


def test_updates_are_named_like_duplicates_the_first_few_unless_verbose(capsys, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(7):
        (folder / f"r{n}.txt").write_text(PAPER.replace("1,000", f"{1000 + n:,}"), encoding="utf-8")
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(folder), "--db", db, "-q")[0] == 0
    for path in folder.iterdir():
        path.write_text(path.read_text(encoding="utf-8") + "\nThe river fell overnight.\n", encoding="utf-8")
    status, _, err = run(capsys, "ingest", str(folder), "--db", db, "-q")
    assert status == 0 and "0 added, 7 updated" in err
    assert err.count("synopsis: updated ") == 5 and "synopsis: and 2 more versions (-v names them all)" in err
    (folder / "copy.txt").write_text((folder / "r0.txt").read_text(encoding="utf-8"), encoding="utf-8")
    status, _, err = run(capsys, "ingest", str(folder), "--db", db, "-q", "-v")
    assert "1 duplicate in input" in err and "duplicate " in err


def test_an_update_of_an_article_a_user_placed_stays_where_the_user_put_it(capsys, tmp_path, corpus):
    db = str(tmp_path / "news.db")
    wire = corpus / "wire.txt"
    assert run(capsys, "ingest", str(corpus), "--db", db, "-q")[0] == 0
    (story,) = json.loads(run(capsys, "stories", "--db", db, "--format", "json")[1])["stories"]
    wire_id = next(a["id"] for a in story["articles"] if a["source"] == str(wire))
    status, out, err = run(capsys, "stories", "split", story["id"], wire_id, "--db", db)
    assert status == 0, err
    split_story = next(s["id"] for s in json.loads(run(capsys, "stories", "--db", db, "--format", "json")[1])["stories"] if s["id"] != story["id"])
    wire.write_text(WIRE.replace("about 1,200 people", "about 1,500 people"), encoding="utf-8")
    status, _, err = run(capsys, "ingest", str(corpus), "--db", db, "-q")
    assert status == 0 and "1 updated" in err, err
    stories = {s["id"]: [a["source"] for a in s["articles"]] for s in json.loads(run(capsys, "stories", "--db", db, "--format", "json")[1])["stories"]}
    assert stories[split_story] == [str(wire)] and str(wire) not in stories[story["id"]]


def test_an_update_keeps_its_place_and_leaves_the_other_members_of_a_corrected_story(capsys, tmp_path, corpus):
    """QA: a user split the wire report off; a close copy of it then joined the split story.
    Updating the wire file regrouped that story (its user-placed article was deleted with the
    old version, so nothing kept it fixed): the paper's report moved in, against the split.
    The new version takes the old one's place; nobody else moves."""
    db = str(tmp_path / "news.db")
    wire = corpus / "wire.txt"
    assert run(capsys, "ingest", str(corpus), "--db", db, "-q")[0] == 0
    (story,) = json.loads(run(capsys, "stories", "--db", db, "--format", "json")[1])["stories"]
    wire_id = next(a["id"] for a in story["articles"] if a["source"] == str(wire))
    assert run(capsys, "stories", "split", story["id"], wire_id, "--db", db)[0] == 0
    copy = tmp_path / "copy.txt"
    copy.write_text(WIRE.replace("EXAMPLE WIRE", "COAST WIRE").replace("told reporters", "said at a briefing"), encoding="utf-8")
    assert run(capsys, "ingest", str(copy), "--db", db, "-q")[0] == 0

    def stories():
        listed = json.loads(run(capsys, "stories", "--db", db, "--format", "json")[1])["stories"]
        return {s["id"]: sorted((a["source"], a["assigned_by"]) for a in s["articles"]) for s in listed}

    before = stories()
    assert any((str(copy), "auto") in members and (str(wire), "user") in members for members in before.values())
    wire.write_text(WIRE.replace("1,200 people", "1,200 people, aged 31 and 45,"), encoding="utf-8")
    status, _, err = run(capsys, "ingest", str(wire), "--db", db, "-q")
    assert status == 0 and "1 updated" in err, err
    assert stories() == before
