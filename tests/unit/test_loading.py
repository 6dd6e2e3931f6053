"""Loading and locating: every kind of bad input becomes a located finding, never an exception."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govdisc.loading.files import parse_file
from govdisc.loading.layout import RegisterNotFound, classify, find_root, scan
from govdisc.loading.yamlio import C_LOADER, load_roundtrip, load_text, locate

DOC = "documents/2024/a.yaml"


def test_c_loader_is_used():
    assert C_LOADER, "ruamel.yaml's C extension (ruamel.yaml[libyaml]) should be installed"


def test_dates_stay_strings_and_yaml12_booleans():
    data, err = load_text("formed: 2024-09-27\nrule: off\nflag: true\n")
    assert err is None
    assert data == {"formed": "2024-09-27", "rule": "off", "flag": True}


@pytest.mark.parametrize(
    "pointer, anchor, expected",
    [
        (("b", "c"), "value", (3, 6)),
        (("b", "d", 1), "value", (4, 10)),
        (("b", "d", 2, "e"), "value", (4, 17)),
        (("b", "f"), "key", (5, 3)),
        (("b",), "value", (3, 3)),
        (("missing",), "value", (1, 1)),
    ],
)
def test_locate(pointer, anchor, expected):
    tree = load_roundtrip("a: 1\nb:\n  c: 2024-09-27\n  d: [x, y, {e: 1}]\n  f: maybe\n")
    assert locate(tree, pointer, anchor) == expected


def spec(path: str = DOC):
    return classify(path)


def codes(result):
    return [(f.code, f.line, f.column) for f in result.findings]


def test_syntax_error_is_located():
    res = parse_file(spec(), b"a: [1\nb: 2\n")
    assert codes(res) == [("REG001", 2, 2)]
    assert res.data is None


def test_duplicate_key_is_located_and_names_first_line():
    res = parse_file(spec(), "title: 一\ntitle: 二\n".encode())
    (f,) = res.findings
    assert (f.code, f.line) == ("REG002", 2)
    assert "title" in f.message_zh and "第 1 行" in f.message_zh


def test_not_utf8_is_located_at_the_byte():
    res = parse_file(spec(), "title: 通知\nx: ".encode() + "公文".encode("gbk") + b"\n")
    (f,) = res.findings
    assert f.code == "REG003" and f.line == 2 and f.column == 4


@pytest.mark.parametrize("raw", [b"", b"   \n# only a comment\n", b"---\n"])
def test_empty_file(raw):
    assert [f.code for f in parse_file(spec(), raw).findings] == ["REG004"]


@pytest.mark.parametrize("raw", [b"- a\n- b\n", b"just text\n", b"42\n"])
def test_not_a_mapping(raw):
    assert [f.code for f in parse_file(spec(), raw).findings] == ["REG004"]


def test_bom_is_accepted():
    raw = "\ufeffdoc_no: 测试办〔2024〕1号\n".encode()
    res = parse_file(spec(), raw)
    assert res.data["doc_no"] == "测试办〔2024〕1号"


def test_schema_error_at_exact_line():
    text = (
        "doc_no: 测试办〔2024〕1号\ntitle: 通知\ndepartment: bgs\nkind: notice\n"
        "formed: 2024-03-01\n# 公开属性\ndisclosure: maybe\n"
    )
    res = parse_file(spec(), text.encode())
    (f,) = res.findings
    assert (f.code, f.line, f.column) == ("REG005", 7, 13)
    assert "maybe" in f.message_zh and "public" in f.message_zh
    assert f.record == "测试办〔2024〕1号"


def test_missing_key_points_at_parent_mapping():
    text = "doc_no: 测试办〔2024〕1号\ntitle: 通知\ndepartment: bgs\nkind: notice\nformed: 2024-03-01\n"
    res = parse_file(spec(), text.encode())
    (f,) = res.findings
    assert f.code == "REG005" and (f.line, f.column) == (1, 1) and "disclosure" in f.message_zh


def test_nested_error_points_inside_flow_mapping():
    text = (
        "id: YSQ-2024-0001\nchannel: online\nsubmitted: 2024-03-01\nhandler: bgs\n"
        "applicant: {kind: natural_person}\nsummary: 申请\nevents:\n"
        "  - {type: correction_notice, date: 2024-03-05}\n  - {type: extenson, date: 2024-03-09}\n"
    )
    res = parse_file(spec("applications/2024/YSQ-2024-0001.yaml"), text.encode())
    (f,) = res.findings
    assert (f.line, f.column) == (9, 12) and "extension" in f.message_zh


@pytest.mark.parametrize(
    "path, kind",
    [
        ("govdisc.yaml", "config"),
        ("catalog/bgs/2024.yaml", "catalog"),
        ("documents/2024/x.yaml", "document"),
        ("applications/2024/YSQ-2024-0001.yaml", "application"),
        ("opinions/2024/YQ-2024-001.yml", "opinion"),
        ("meetings/2024/HY-2024-01.yaml", "meeting"),
        ("activities/2024.yaml", "activities"),
        ("reviews/bgs/2024.yaml", "review"),
        ("reports/2024.yaml", "report"),
        ("documents/x.yaml", None),
        ("documents/2024/sub/x.yaml", None),
        ("reports/2024/x.yaml", None),
    ],
)
def test_classify(path, kind):
    assert classify(path).kind == kind


def test_find_root_walks_upwards(tmp_path: Path):
    (tmp_path / "govdisc.yaml").write_text("agency: x\n", encoding="utf-8")
    deep = tmp_path / "documents" / "2024"
    deep.mkdir(parents=True)
    assert find_root(start=deep) == tmp_path.resolve()
    with pytest.raises(RegisterNotFound):
        find_root(explicit=tmp_path / "documents")


def test_scan_skips_hidden_and_cache(tmp_path: Path):
    (tmp_path / "govdisc.yaml").write_text("agency: x\n", encoding="utf-8")
    for rel in ("documents/2024/a.yaml", "documents/.hidden/b.yaml", "documents/2024/.c.yaml",
                ".govdisc-cache/d.yaml", "notes/e.yaml", "documents/2024/readme.md"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("a: 1\n", encoding="utf-8")
    assert [s.path for s in scan(tmp_path)] == ["govdisc.yaml", "documents/2024/a.yaml"]


def test_flow_mapping_datetime_that_libyaml_refuses_still_loads():
    data, err = load_text("releases:\n  - {at: 2024-07-02 12:10, channel: 门户网站}\n")
    assert err is None and data["releases"][0]["at"] == "2024-07-02 12:10"


def test_aliases_are_refused_before_they_can_expand():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    res = parse_file(spec(), ("\n".join(lines) + "\n").encode())
    assert [(f.code, f.line) for f in res.findings] == [("REG016", 2)]
    assert res.data is None


def test_stars_in_text_are_not_aliases():
    res = parse_file(spec(), "doc_no: 测试办〔2024〕1号\ntitle: '*重要* 通知 & 公告'\n".encode())
    assert all(f.code != "REG016" for f in res.findings)


@pytest.mark.parametrize("text", ["a: " + "[" * 5000 + "]" * 5000 + "\n", "a: " + "[" * 60 + "]" * 60 + "\n",
                                  "r: {at: 2024-07-02 12:10, x: " + "[" * 60 + "]" * 60 + "}\n"])
def test_absurd_nesting_is_a_finding(text):
    res = parse_file(spec(), text.encode())
    assert [f.code for f in res.findings] == ["REG001"] and "嵌套" in res.findings[0].message_zh


# -- hostile input: every case a located finding, never a crash, a hang or a read outside ----------

def codes_of(raw: bytes, path: str = DOC) -> list[str]:
    return [f.code for f in parse_file(classify(path), raw).findings]


@pytest.mark.parametrize("text", ["a: " + "[" * 200_000 + "]" * 200_000, "a: " + "{a: " * 50_000 + "}" * 50_000,
                                  "- " * 100_000 + "x", "? " * 50_000 + "x", "-\t" * 50_000 + "x"])
def test_nesting_that_would_crash_the_c_parser_is_refused_first(text):
    """~30,000 levels overflow libyaml's recursive composer (a segfault, not an exception)."""
    data, err = load_text(text)
    assert data is None and err is not None and err.line >= 1
    assert "40" in err.problem or "制表符" in err.problem


def test_control_character_is_located_and_named():
    res = parse_file(spec(), "doc_no: x\ntitle: 通知\x07\n".encode())
    f = res.findings[0]
    assert (f.code, f.line, f.column) == ("REG001", 2, 10) and "U+0007" in f.message_zh and "U+0007" in f.message_en


@pytest.mark.parametrize("text, zh, en", [
    ("a: 1\n\tb: 2\n", "制表符", "tab"),
    ("a: 1\n---\nb: 2\n", "第二个文档", "second document"),
    ("a: !!python/object/apply:os.system [ls]\n", "!!python/object/apply:os.system", "never constructs"),
    ("a: !custom 1\n", "!custom", "not allowed"),
])
def test_parser_errors_are_explained_in_both_languages(text, zh, en):
    f = parse_file(spec(), text.encode()).findings[0]
    assert f.code == "REG001" and zh in f.message_zh and en in f.message_en


@pytest.mark.parametrize("raw, needle", [
    ("title: 关于印发办法的通知\n".encode("gb18030"), "iconv -f GB18030 -t UTF-8 documents/2024/a.yaml"),
    ("title: 通知\n".encode("utf-16"), "iconv -f UTF-16LE"),
    ("title: notice\n".encode("utf-16-be"), "iconv -f UTF-16BE"),
    (b"title: x\x00y\n", "NUL"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "NUL"),
    ("title: café\n".encode("latin-1"), "0xE9"),
])
def test_encodings_are_recognised_with_how_to_convert(raw, needle):
    found = parse_file(spec(), raw).findings
    assert [f.code for f in found] == ["REG003"] and needle in found[0].message_zh + found[0].message_en


def test_schema_findings_per_file_are_capped_with_a_summary():
    raw = "".join(f"k{i}: v\n" for i in range(500)).encode()
    found = parse_file(spec(), raw).findings
    assert len(found) == 50 and "未逐一列出" in found[-1].message_zh


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "register"
    (root / "documents" / "2024").mkdir(parents=True)
    (root / "govdisc.yaml").write_text("agency: x\n", encoding="utf-8")
    (root / "documents" / "2024" / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    return root


def test_links_are_followed_only_to_files_inside(tmp_path: Path):
    import os

    root = _tree(tmp_path)
    outside = tmp_path / "outside.yaml"
    outside.write_text("secret: 1\n", encoding="utf-8")
    docs = root / "documents" / "2024"
    os.symlink("a.yaml", docs / "inside.yaml")
    os.symlink(outside, docs / "out.yaml")
    os.symlink("../../../outside.yaml", docs / "out-relative.yaml")
    os.symlink("missing.yaml", docs / "dangling.yaml")
    os.symlink(tmp_path, root / "documents" / "2025")
    os.symlink("2024", root / "documents" / "2026")
    specs = {s.path: s for s in scan(root)}
    assert specs["documents/2024/inside.yaml"].target == "documents/2024/a.yaml"
    assert specs["documents/2024/inside.yaml"].kind == "document"
    for rel in ("documents/2024/out.yaml", "documents/2024/out-relative.yaml", "documents/2024/dangling.yaml",
                "documents/2025", "documents/2026"):
        assert specs[rel].refused[0] == "REG018", rel
    assert not any(p.startswith("documents/2025/") or p.startswith("documents/2026/") for p in specs)


def test_things_named_like_yaml_that_are_not_files_are_never_opened(tmp_path: Path):
    import os

    from govdisc.loading.files import NotRegular, TooLarge, read_path

    root = _tree(tmp_path)
    docs = root / "documents" / "2024"
    (docs / "folder.yaml").mkdir()
    (docs / "folder.yaml" / "inner.yaml").write_text("a: 1\n", encoding="utf-8")
    os.mkfifo(docs / "pipe.yaml")
    specs = {s.path: s for s in scan(root)}
    assert specs["documents/2024/folder.yaml"].refused[0] == "REG019"
    assert specs["documents/2024/pipe.yaml"].refused[0] == "REG019"
    assert specs["documents/2024/folder.yaml/inner.yaml"].kind is None  # reported as misplaced
    with pytest.raises(NotRegular):  # even if it is swapped in after the scan: no blocking read
        read_path(str(docs / "pipe.yaml"))
    (docs / "big.yaml").write_bytes(b"a: 1\n" * 30_000)
    with pytest.raises(TooLarge):
        read_path(str(docs / "big.yaml"), limit=100_000)
    with pytest.raises(OSError):  # a link is never followed by the reader itself
        os.symlink("a.yaml", docs / "l.yaml") or read_path(str(docs / "l.yaml"))


def test_size_limit_comes_from_the_configuration(tmp_path: Path):
    from govdisc.loading.register import load_register

    root = _tree(tmp_path)
    (root / "documents" / "2024" / "big.yaml").write_bytes(b"title: x\n" + b"# padding\n" * 8_000)
    codes = {f.path: f.code for f in load_register(root, jobs=1).findings}
    assert "documents/2024/big.yaml" not in codes or codes["documents/2024/big.yaml"] != "REG017"
    (root / "govdisc.yaml").write_text("agency: x\nlimits: {max_file_bytes: 65536}\n", encoding="utf-8")
    found = [f for f in load_register(root, jobs=1).findings if f.path == "documents/2024/big.yaml"]
    assert [f.code for f in found] == ["REG017"] and "64.0 KB" in found[0].message_zh


def test_a_parser_crash_in_a_worker_becomes_a_finding_for_that_file(tmp_path: Path, monkeypatch):
    """A file that kills the parser process (an unknown libyaml bug, the OOM killer) must not
    take the run down: it gets a finding, every other file loads."""
    import os

    from govdisc.loading import files, parallel

    root = _tree(tmp_path)
    docs = root / "documents" / "2024"
    for i in range(6):
        (docs / f"d{i}.yaml").write_text("title: x\n", encoding="utf-8")
    (docs / "killer.yaml").write_text("title: KILL\n", encoding="utf-8")
    real = files.parse_file

    def fragile(spec, raw):  # runs in the forked workers too
        if b"KILL" in raw:
            os._exit(70)
        return real(spec, raw)

    monkeypatch.setattr(files, "parse_file", fragile)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)
    results = parallel.load_results(root, [s for s in scan(root) if s.kind], jobs=2)
    by_path = {r.path: r for r in results}
    assert [f.code for f in by_path["documents/2024/killer.yaml"].findings] == ["REG001"]
    assert by_path["documents/2024/d3.yaml"].data == {"title": "x"}
    assert len(results) == 9


def test_an_unreadable_file_is_a_finding(tmp_path: Path, monkeypatch):
    """Permissions cannot be tested as root, so the reader is made to refuse as the OS would."""
    import errno

    from govdisc.loading import files
    from govdisc.loading.register import load_register

    root = _tree(tmp_path)
    real = files.read_path

    def refuse(path, limit=files.DEFAULT_MAX_FILE_BYTES):
        if path.endswith("a.yaml"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path, limit)

    monkeypatch.setattr(files, "read_path", refuse)
    found = [f for f in load_register(root, jobs=1).findings if f.path == "documents/2024/a.yaml"]
    assert [(f.code, f.line) for f in found] == [("REG013", 1)] and "Permission denied" in found[0].message_zh


def test_unread_names_every_file_that_yields_no_record(tmp_path: Path):
    """What stats, reports and deadlines must not leave out silently: unparseable files and YAML
    at a place no record lives; a file with schema problems is read (its data is used)."""
    from support import write_register

    from govdisc.loading.register import load_register

    root = write_register(tmp_path / "reg", {
        "applications/2024/YSQ-2024-0001.yaml": "id: YSQ-2024-0001\n<<<<<<< HEAD\nsummary: a\n",
        "applications/2024/YSQ-2024-0002.yaml": "id: YSQ-2024-0002\nchannel: in_person\n",
        "applications/YSQ-2024-0003.yaml": "id: YSQ-2024-0003\n",
        "documents/2024/empty.yaml": "",
    })
    loaded = load_register(root)
    got = [(f.path, f.code) for f in loaded.unread]
    assert got == [("applications/2024/YSQ-2024-0001.yaml", "REG001"), ("applications/YSQ-2024-0003.yaml", "REG006"),
                   ("documents/2024/empty.yaml", "REG004")]
    assert any(r.path == "applications/2024/YSQ-2024-0002.yaml" for r in loaded.records)
# -- issue 18: what every YAML 1.2 reader must read the same way, and walks that must not crash ----


@pytest.mark.parametrize("text, where", [
    ("confirmed: 2024-09-02 # 备注\u2028reply: {date: 2024-09-03, outcome: disclosed}\n", (1, 27)),
    ("title: 通知\u2028正文\n", (1, 10)),
    ("title: 通知\u2029\n", (1, 10)),
    ("title: |\n  正文\u2028\n", (2, 5)),
    ("title: \"通知\x85\"\n", (1, 11)),  # NEL: even ruamel's 1.2 parser folds it; refused everywhere
    ("title: 通知 # 备注\x85id: x\n", (1, 15)),
])
def test_line_separators_outside_quotes_are_refused_where_they_are(text, where):
    """libyaml ends a comment at U+2028/U+2029/NEL, YAML 1.2 readers do not: hidden data."""
    data, err = load_text(text)
    assert data is None and (err.line, err.column) == where
    assert "U+" in err.problem and "delete" in err.problem_en.lower()
    res = parse_file(spec(), text.encode())
    assert [f.code for f in res.findings] == ["REG001"] and res.data is None


@pytest.mark.parametrize("text, value", [
    ('title: "通知\u2028正文"\n', "通知\u2028正文"),
    ("title: '通知\u2029'\n", "通知\u2029"),
    ('tags: ["a\u2028b", c]\n', ["a\u2028b", "c"]),
    ('title: "通知\u2028\n  正文"\n', "通知\u2028 正文"),  # YAML 1.2: an ordinary character, the line break folds
])
def test_line_separators_inside_quotes_read_the_yaml_1_2_way(text, value):
    data, err = load_text(text)
    assert err is None and list(data.values())[0] == value


def test_folders_nested_beyond_the_limit_are_a_finding_not_a_crash(tmp_path):
    from govdisc.loading.layout import MAX_FOLDER_DEPTH

    (tmp_path / "govdisc.yaml").write_text("agency: x\n", encoding="utf-8")
    folder = tmp_path / "documents" / "2024"
    folder.mkdir(parents=True)
    fd = os.open(folder, os.O_RDONLY)
    for _ in range(1100):  # deeper than Python's recursion limit
        os.mkdir("d", dir_fd=fd)
        deeper = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = deeper
    os.close(fd)
    (folder / "a.yaml").write_text("doc_no: x\n", encoding="utf-8")
    try:
        specs = scan(tmp_path)
    finally:  # pytest's own clean-up of tmp_path recurses, so take the tree down here
        for depth in range(1100, 0, -1):
            os.rmdir(str(folder) + "/d" * depth)
    deep = [s for s in specs if s.refused and s.refused[0] == "REG025"]
    assert len(deep) == 1 and deep[0].path.count("/") == MAX_FOLDER_DEPTH
    assert any(s.path == "documents/2024/a.yaml" for s in specs)


def test_the_layout_verdict_on_one_path_is_the_scans(tmp_path):
    from govdisc.loading.layout import spec_for

    (tmp_path / "govdisc.yaml").write_text("agency: x\n", encoding="utf-8")
    (tmp_path / "documents" / "2024").mkdir(parents=True)
    (tmp_path / "documents" / "2024" / "a.yaml").write_text("doc_no: x\n", encoding="utf-8")
    os.symlink("a.yaml", tmp_path / "documents" / "2024" / "b.yaml")
    os.symlink("/etc/passwd", tmp_path / "documents" / "2024" / "c.yaml")
    os.mkfifo(tmp_path / "documents" / "2024" / "d.yaml")
    os.symlink(tmp_path / "documents" / "2024", tmp_path / "documents" / "2025")
    by_path = {s.path: s for s in scan(tmp_path)}
    for rel in ("documents/2024/a.yaml", "documents/2024/b.yaml", "documents/2024/c.yaml", "documents/2024/d.yaml",
                "documents/2025"):
        assert spec_for(tmp_path, rel) == by_path[rel], rel
    assert spec_for(tmp_path, "documents/2025/a.yaml") == by_path["documents/2025"]  # the linked folder's refusal
    assert spec_for(tmp_path, "documents/2024/none.yaml") is None


# -- issue 18 item 6: bounded work per input byte ------------------------------------------------


def _nodes_text(n: int) -> str:
    return "id: YSQ-2024-0001\ntopics: [" + ",".join("1" for _ in range(n)) + "]\n"


def test_a_file_with_too_many_values_is_refused_before_it_is_built(monkeypatch):
    from govdisc.loading import yamlio

    built = []
    monkeypatch.setattr(yamlio, "_fast_load", lambda text: built.append(text))
    data, err = load_text(_nodes_text(yamlio.MAX_NODES + 10))
    assert data is None and err.too_many and built == []  # refused on the event stream, nothing built
    assert (err.line, err.column) == (2, 9)  # at the list that holds them
    res = parse_file(classify("applications/2024/YSQ-2024-0001.yaml"), _nodes_text(yamlio.MAX_NODES + 10).encode())
    assert [f.code for f in res.findings] == ["REG026"] and res.data is None


def test_a_file_just_under_the_limit_is_read():
    from govdisc.loading import yamlio

    data, err = load_text(_nodes_text(yamlio.MAX_NODES - 10))
    assert err is None and len(data["topics"]) == yamlio.MAX_NODES - 10


def test_schema_validation_stops_once_there_are_too_many_problems(monkeypatch):
    """Two million wrong items made two million jsonschema errors (minutes, gigabytes)."""
    from govdisc import validation
    from govdisc.loading.files import MAX_SCHEMA_FINDINGS, MAX_SCHEMA_PROBLEMS

    made = []
    real = validation.validator("application")

    class Counting:
        schema = real.schema

        def is_valid(self, data):
            return real.is_valid(data)

        def iter_errors(self, data):
            for err in real.iter_errors(data):
                made.append(err)
                yield err

    monkeypatch.setattr(validation, "validator", lambda kind: Counting())
    data = {"id": "YSQ-2024-0001", "topics": [1] * 5000}
    problems = validation.validate("application", data, stop_after=100)
    assert len(problems) == 101 and len(made) <= 101
    made.clear()
    text = "id: YSQ-2024-0001\ntopics: [" + ",".join("1" for _ in range(5000)) + "]\n"
    res = parse_file(classify("applications/2024/YSQ-2024-0001.yaml"), text.encode())
    assert len(made) <= MAX_SCHEMA_PROBLEMS + 1
    assert len(res.findings) == MAX_SCHEMA_FINDINGS and "至少" in res.findings[-1].message_zh
    assert res.data is None  # past MAX_SCHEMA_PROBLEMS the rules do not see it


def test_positions_in_a_large_file_come_from_the_c_parser_and_agree():
    from govdisc.loading.yamlio import PURE_FALLBACK_MAX, _event_positions, load_positions

    filler = "".join(f"k{i}: {'x' * 60}\n" for i in range(PURE_FALLBACK_MAX // 60))
    text = filler + "b:\n  c: 2024-09-27\n  d: [x, y, {e: 1}]\n  f: maybe\n"
    assert len(text) > PURE_FALLBACK_MAX
    base = filler.count("\n")
    rt = load_roundtrip(text)
    for pointer, anchor in ((("b", "c"), "value"), (("b", "d", 2, "e"), "value"), (("b", "f"), "key"), (("k7",), "key")):
        assert locate(load_positions(text), pointer, anchor) == locate(rt, pointer, anchor)
    assert locate(_event_positions(text), ("b", "d", 1), "value") == (base + 3, 10)
    assert _event_positions("a: [unclosed\n") is None


def test_the_round_trip_loader_is_reused_and_survives_a_failure():
    from govdisc.loading import yamlio

    first = yamlio._roundtrip()
    assert load_roundtrip("a: 1\n") == {"a": 1} and yamlio._roundtrip() is first
    assert load_roundtrip("a: [1\n") is None  # a failure drops the loader
    assert load_roundtrip("b: 2\n") == {"b": 2}


def test_the_file_size_limit_has_a_ceiling_the_register_cannot_raise(tmp_path):
    from datetime import date

    from govdisc.check import run_check
    from govdisc.config import MAX_FILE_BYTES_CEILING, Config

    assert Config.from_data({"limits": {"max_file_bytes": 10 ** 12}}).max_file_bytes == MAX_FILE_BYTES_CEILING
    assert Config.from_data({"limits": {"max_file_bytes": 1 << 20}}).max_file_bytes == 1 << 20
    (tmp_path / "govdisc.yaml").write_text(
        "agency: x\noffice: bgs\ndepartments: [{id: bgs, name: 办公室}]\nlimits: {max_file_bytes: 1000000000000}\n",
        encoding="utf-8")
    found = [f for f in run_check(tmp_path, date(2026, 2, 1)).findings if f.code == "REG005"]
    assert found and "max_file_bytes" in found[0].message_en
