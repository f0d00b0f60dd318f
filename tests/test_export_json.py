"""Steps JSON and HowTo JSON-LD: content of the seed, the shipped schema, deterministic bytes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import twinspan
from conftest import FIXTURES, ROOT, corpus_files
from twinspan.export import howto_jsonld, load_schema, steps_document
from twinspan.export.jsonfiles import dumps, export_paths
from twinspan.pipeline import map_files

CONTENT = ROOT / "content"
DELEGATE = CONTENT / "ar-SA" / "how-to-add-or-remove-a-delegate-in-outlook-for-windows.md"
TWO_METHODS = FIXTURES / "ar-SA" / "auto-replies-set-for-a-users-mailbox.md"
HOWTO_SHAPE = json.loads((Path(__file__).parent / "schemas" / "howto-minimal.schema.json").read_text(encoding="utf-8"))


def validator(defn: str | None = None) -> jsonschema.Draft202012Validator:
    schema = load_schema()
    if defn is not None:
        schema = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{defn}"}
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def as_json(doc: Any) -> Any:
    return json.loads(dumps(doc))


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "twinspan", *args], capture_output=True, text=True, check=False, cwd=cwd)


def test_seed_steps_labels_links_and_error_codes(seed_path: Path) -> None:
    doc = as_json(steps_document(twinspan.load(seed_path)))
    validator().validate(doc)
    assert doc["version"] == load_schema()["version"] == 1
    assert doc["path"] == "ar-SA/solving-smtp-authentication-issues.md" and doc["slug"] == "solving-smtp-authentication-issues"
    assert doc["locale"] == "ar-SA" and doc["source_locale"] == "en-US" and doc["translation_type"] == "MT"
    assert doc["title"]["source"]["plain"] == "Enable SMTP authentication and troubleshooting"
    assert doc["title"]["translation"]["plain"] == "تمكين مصادقة SMTP وإصلاحها"
    assert doc["front_matter"]["ms.contentlocale"] == "ar-SA"
    (proc,) = doc["procedures"]
    steps = proc["steps"]
    assert [s["number"] for s in steps] == [1, 2, 3]
    assert [len(s["substeps"]) for s in steps] == [5, 4, 3]
    first = steps[0]["substeps"]
    assert [s["label"]["letter"]["source"] for s in first] == list("abcde")
    assert [s["label"]["letter"]["translation"] for s in first] == ["أ", "ب", "ج", "د", "ه"]
    assert [s["label"]["source"] for s in steps[1]["substeps"]] == ["a.", "b.", "d.", "e."]
    assert [s["label"]["segment"]["id"] for s in first] == ["44498-105", "44498-107", "44498-109", "44498-111", "44498-113"]
    # each step's link, on both sides, with its text per language
    urls = [
        "/azure/active-directory/fundamentals/concept-fundamentals-security-defaults",
        "/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission#enable-smtp-auth-for-specific-mailboxes",
        "/microsoft-365/admin/security-and-compliance/set-up-multi-factor-authentication#turn-off-legacy-per-user-mfa",
    ]
    for step, url in zip(steps, urls, strict=True):
        (link,) = step["links"]
        assert link["url"] == link["translation_url"] == url
        assert link["text"]["source"] and link["text"]["translation"]
    assert steps[0]["links"][0]["text"] == {"source": "Azure security defaults", "translation": "بتعطيل إعدادات أمان Azure الافتراضية"}
    # text in both forms, UI labels, positions
    step1 = steps[0]
    assert step1["text"]["source"]["markdown"].startswith("Disable the [Azure security defaults](/azure/")
    assert step1["text"]["source"]["plain"] == "Disable the Azure security defaults by toggling Enable security defaults to No."
    assert step1["ui_labels"] == {"source": ["Enable security defaults", "No"], "translation": ["تمكين إعدادات الأمان الافتراضية", "لا"]}
    (seg,) = step1["segments"]
    assert seg["id"] == "44498-104" and seg["translation"]["line"] == 26 and seg["source"]["line"] == 26
    raw = seed_path.read_bytes()
    c = seg["source"]
    assert raw[c["content_byte_start"] : c["content_byte_end"]].decode() == step1["text"]["source"]["markdown"]
    assert doc["error_codes"] == ["5.7.57", "5.7.3", "5.7.139"]
    assert doc["description"]["source"]["plain"].startswith("If you want to enable SMTP authentication")
    assert doc["counts"] == {"segments": 29, "procedures": 1, "steps": 3, "substeps": 12, "notes": 0, "diagnostics": 0}


def test_notes_belong_to_their_step() -> None:
    doc = as_json(steps_document(twinspan.load(DELEGATE)))
    validator().validate(doc)
    steps = doc["procedures"][0]["steps"]
    noted = {s["line"]: [(n["kind"], [seg["id"] for seg in n["segments"]]) for n in s["notes"]] for s in steps if s["notes"]}
    assert [("NOTE", ["3197e-109"])] in noted.values()
    assert [("IMPORTANT", ["3197e-119", "3197e-120", "3197e-121"])] in noted.values()
    step3 = next(s for s in steps if s["segments"][0]["id"] == "3197e-108")
    assert step3["notes"][0]["text"]["source"]["plain"].startswith("The delegate must be a person")


def test_two_methods_are_two_procedures_with_titles() -> None:
    doc = as_json(steps_document(twinspan.load(TWO_METHODS)))
    validator().validate(doc)
    assert [p["title"]["source"]["plain"] for p in doc["procedures"]] == ["Method 1", "Method 2"]
    assert [p["title"]["translation"]["plain"] for p in doc["procedures"]] == ["الطريقة 1", "الطريقة 2"]
    assert [len(p["steps"]) for p in doc["procedures"]] == [4, 4]


def test_schema_rejects_documents_that_break_the_contract(seed_path: Path) -> None:
    doc = as_json(steps_document(twinspan.load(seed_path)))
    v = validator()
    broken: list[dict[str, Any]] = [json.loads(json.dumps(doc)) for _ in range(4)]
    del broken[0]["procedures"][0]["steps"][0]["text"]
    broken[1]["procedures"][0]["steps"][0]["substeps"][0]["surprise"] = 1
    broken[2]["version"] = 2
    broken[3]["procedures"][0]["steps"][0]["links"][0]["url"] = None
    for b in broken:
        assert not v.is_valid(b)


def test_every_content_and_fixture_export_validates_and_index_too(tmp_path: Path) -> None:
    inputs = [CONTENT, FIXTURES / "he-IL", FIXTURES / "de-DE", FIXTURES / "ar-SA" / "outlook-com-setting-changes.md"]
    result = export_paths([str(p) for p in inputs], tmp_path / "out", jobs=1)
    assert result.articles == 17  # 13 articles + content/README.md + 3 fixtures
    v = validator()
    files = sorted((tmp_path / "out").rglob("*.json"))
    for f in files:
        if f.name != "index.json":
            v.validate(json.loads(f.read_bytes()))
    index = json.loads((tmp_path / "out" / "index.json").read_bytes())
    validator("index").validate(index)
    assert index["format"] == "json" and len(index["articles"]) == 17
    seed = next(a for a in index["articles"] if a["path"] == "ar-SA/solving-smtp-authentication-issues.md")
    assert seed["error_codes"] == ["5.7.57", "5.7.3", "5.7.139"] and seed["files"] == ["ar-SA/solving-smtp-authentication-issues.json"]
    assert seed["title"]["source"] == "Enable SMTP authentication and troubleshooting"
    assert {a["locale"] for a in index["articles"]} == {"ar-SA", "he-IL", "de-DE", None}


def test_cli_export_is_byte_identical_across_runs_and_orders(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    r1 = run("export", "json", "content", str(FIXTURES / "he-IL"), "-o", str(a))
    r2 = run("export", "json", str(FIXTURES / "he-IL"), "content", "-o", str(b), "--jobs", "1")
    assert r1.returncode == 0 and r2.returncode == 0, r1.stderr + r2.stderr
    fa = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert fa == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert len(fa) == 16
    for rel in fa:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    data = (a / "ar-SA" / "solving-smtp-authentication-issues.json").read_bytes()
    assert data.endswith(b"}\n") and "تمكين".encode() in data and b"\\u" not in data
    # keys sorted at every level (where order has no meaning); lists keep document order
    assert data == dumps(json.loads(data))
    r3 = run("export", "json", "content", str(FIXTURES / "he-IL"), "-o", str(a))
    assert "0 files written, 16 unchanged" in r3.stderr


def test_colliding_outputs_are_refused(tmp_path: Path) -> None:
    r = run("export", "json", str(CONTENT / "ar-SA"), str(FIXTURES / "ar-SA"), "-o", str(tmp_path))
    assert r.returncode == 2
    assert "would both be exported as ar-SA/auto-replies-set-for-a-users-mailbox.md" in r.stderr
    assert not any(tmp_path.iterdir())  # nothing written


def test_schema_command_prints_the_shipped_schema() -> None:
    r = run("schema")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    assert schema == load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema" and schema["version"] == 1


@pytest.mark.parametrize("side", ["translation", "source"])
def test_howto_of_the_seed(seed_path: Path, side: str) -> None:
    doc = as_json(howto_jsonld(twinspan.load(seed_path), side))  # type: ignore[arg-type]
    jsonschema.Draft202012Validator(HOWTO_SHAPE).validate(doc)
    assert doc["inLanguage"] == ("ar-SA" if side == "translation" else "en-US")
    steps = doc["step"]
    assert [s["@type"] for s in steps] == ["HowToStep"] * 3
    assert [len(s["itemListElement"]) for s in steps] == [5, 4, 3]
    assert [d["position"] for d in steps[1]["itemListElement"]] == [1, 2, 3, 4]
    assert doc["keywords"] == "5.7.57, 5.7.3, 5.7.139"
    if side == "source":
        assert doc["name"] == "Enable SMTP authentication and troubleshooting"
        assert steps[2]["itemListElement"][2]["text"] == "Select the user and disable Multi-Factor auth."
    else:
        assert doc["name"] == "تمكين مصادقة SMTP وإصلاحها"
        assert steps[0]["itemListElement"][4]["text"] == "حدد حفظ."


def test_howto_sections_and_tips() -> None:
    two = as_json(howto_jsonld(twinspan.load(TWO_METHODS), "translation"))
    jsonschema.Draft202012Validator(HOWTO_SHAPE).validate(two)
    assert [(s["@type"], s["name"], len(s["itemListElement"])) for s in two["step"]] == [
        ("HowToSection", "الطريقة 1", 4),
        ("HowToSection", "الطريقة 2", 4),
    ]
    delegate = as_json(howto_jsonld(twinspan.load(DELEGATE), "source"))
    jsonschema.Draft202012Validator(HOWTO_SHAPE).validate(delegate)
    tips = [e["text"] for s in delegate["step"] for e in s.get("itemListElement", []) if e["@type"] == "HowToTip"]
    assert tips[0] == "The delegate must be a person in your organization's Exchange Global Address List (GAL)."
    assert [s["position"] for s in delegate["step"]] == list(range(1, len(delegate["step"]) + 1))
    with pytest.raises(ValueError):
        howto_jsonld(twinspan.load(DELEGATE), "english")  # type: ignore[arg-type]


# As in project-operations/ar-SA/prod-pma/project-scheduling-performance.md: reference pages whose headings
# and lists hold no spans (their text is outside any segment), beside one procedure that has them.
REFERENCE = """---
ms.contentlocale: ar-SA
ms.translationtype: HT
---
# <a name="x"></a>أداء جدولة موارد المشروع

## <a name="enable"></a>تمكين

1. انتقل إلى **إدارة الميزات**.
2. حدد **تمكين الآن**.

## <a name="turn-off"></a><span data-ttu-id="ref01-102">إيقاف التشغيل</span><span class="sxs-lookup"><span data-stu-id="ref01-102">Turn off</span></span>

1. <span data-ttu-id="ref01-103">حدد الميزة.</span><span class="sxs-lookup"><span data-stu-id="ref01-103">Select the feature.</span></span>
"""


def test_howto_leaves_out_what_has_no_text_and_is_none_without_steps() -> None:
    article = twinspan.parse(REFERENCE, path="content/ar-SA/reference.md")
    assert len(article.procedures) == 2 and article.title == ("", "")
    assert howto_jsonld(article, "translation") is None and howto_jsonld(article, "source") is None  # no name
    titled = twinspan.parse(
        REFERENCE.replace(
            '# <a name="x"></a>أداء جدولة موارد المشروع',
            '# <span data-ttu-id="ref01-101">أداء</span><span class="sxs-lookup"><span data-stu-id="ref01-101">Performance</span></span>',
        )
    )
    for side, name, section in (("translation", "أداء", "إيقاف التشغيل"), ("source", "Performance", "Turn off")):
        doc = as_json(howto_jsonld(titled, side))  # type: ignore[arg-type]
        jsonschema.Draft202012Validator(HOWTO_SHAPE).validate(doc)
        # the first procedure has no text on either side: its section is left out, not left empty
        assert [(s["@type"], s["position"], s.get("name"), len(s["itemListElement"])) for s in doc["step"]] == [
            ("HowToSection", 1, section, 1)
        ]
        assert doc["name"] == name
    bare = twinspan.parse(REFERENCE.split('## <a name="turn-off">')[0])
    assert howto_jsonld(bare, "translation") is None


def test_howto_shape_is_not_vacuous(seed_path: Path) -> None:
    doc = as_json(howto_jsonld(twinspan.load(seed_path)))
    v = jsonschema.Draft202012Validator(HOWTO_SHAPE)
    doc["step"][0]["@type"] = "Step"
    assert not v.is_valid(doc)


def test_cli_howto_files(tmp_path: Path) -> None:
    r = run("export", "json", str(FIXTURES / "he-IL"), str(TWO_METHODS), "-o", str(tmp_path), "--format", "howto")
    assert r.returncode == 0, r.stderr
    names = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.jsonld"))
    assert names == [
        "ar-SA/auto-replies-set-for-a-users-mailbox.ar-SA.jsonld",
        "ar-SA/auto-replies-set-for-a-users-mailbox.en-US.jsonld",
        "he-IL/solving-smtp-authentication-issues.en-US.jsonld",
        "he-IL/solving-smtp-authentication-issues.he-IL.jsonld",
    ]
    he = json.loads((tmp_path / names[3]).read_bytes())
    assert he["inLanguage"] == "he-IL" and he["name"] == "הפיכת אימות SMTP לזמין ופתרון בעיות"
    index = json.loads((tmp_path / "index.json").read_bytes())
    validator("index").validate(index)
    assert index["format"] == "howto"


def _corpus_errors(path: str) -> tuple[list[str], int]:
    """Schema errors of one corpus article's steps document and HowTo, and how many HowTo it has (worker processes)."""
    article = twinspan.load(path)
    errors = [f"{path}: {e.json_path}: {e.message}" for e in validator().iter_errors(as_json(steps_document(article)))]
    howtos = 0
    for side in ("translation", "source"):
        doc = howto_jsonld(article, side)  # type: ignore[arg-type]
        if doc is None:  # then no step has text on that side, or there is no title: say so if not
            has_text = any(
                h is not None and h.plain.strip()
                for _, step in article.iter_steps()
                for seg in article.segments_at(step.segments)
                for h in (seg.translation if side == "translation" else seg.source,)
            )
            if has_text and article.title[0 if side == "translation" else 1].strip():
                errors.append(f"{path} howto {side}: no HowTo for an article with a title and steps with text")
            continue
        howtos += 1
        errors += [
            f"{path} howto {side}: {e.json_path}: {e.message}"
            for e in jsonschema.Draft202012Validator(HOWTO_SHAPE).iter_errors(as_json(doc))
        ]
    return errors, howtos


@pytest.mark.corpus
def test_every_corpus_export_validates(corpus: Path) -> None:
    """Every locale and product: each steps document validates, and each HowTo (no empty name, section or step)."""
    files = [str(p) for p in corpus_files(corpus)]
    assert len(files) > 9_000 and any("/project-operations/" in f for f in files)
    results = list(map_files(_corpus_errors, files))
    assert [e for errs, _ in results for e in errs] == []
    assert sum(n for _, n in results) > 5_000  # the HowTo were made, not all skipped
