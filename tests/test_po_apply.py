"""po apply: edits change exactly their spans; every problem is named and writes nothing; approvals; the lock."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import polib

import twinspan
from conftest import FIXTURES, SEED_NAME
from pohelp import Workspace, entry, workspace
from twinspan.export.po_apply import LOCK_NAME, apply_lock

BOLD = "44498-112"  # Set **Enable security defaults** to **No**.
LINK = "44498-124"  # [Disable Multi-Factor Authentication (MFA)](/microsoft-365/…) on the licensed mailbox.
PLAIN = "44498-106"
EDITS = {
    BOLD: "عيّن **تمكين إعدادات الأمان الافتراضية** على **لا**.",
    LINK: "[عطّل المصادقة متعددة العوامل (MFA)](/microsoft-365/admin/security-and-compliance/set-up-multi-factor-authentication#turn-off-legacy-per-user-mfa) على علبة البريد المرخّصة.",
    PLAIN: "سجّل الدخول إلى مدخل Azure بصفتك مسؤول أمان أو مسؤول وصول مشروط أو مسؤولاً عاماً.",
}


def expected_after(article: twinspan.Article, edits: dict[str, str]) -> str:
    """The original text with exactly the content of those translation spans replaced."""
    text = article.dump()
    for seg in sorted((article.segment(i) for i in edits), key=lambda s: -s.translation.content.start):
        c = seg.translation.content
        text = text[: c.start] + edits[seg.id] + text[c.end :]
    return text


def test_three_edits_change_exactly_those_spans(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    before = twinspan.load(ws.article())
    ws.edit(ws.catalog(), EDITS)
    r = ws.apply()
    assert r.returncode == 0, r.stderr
    assert "3 edits, 1 articles changed" in r.stderr
    after = twinspan.load(ws.article())
    assert after.dump() == expected_after(before, EDITS)
    # What the checker would look at (it is written in parallel; this is its proxy): no new parse
    # diagnostic, the same segments and structure, and the same inline structure on the edited spans.
    assert after.diagnostics == before.diagnostics == ()
    assert [s.id for s in after.segments] == [s.id for s in before.segments]
    assert [[len(st.substeps) for st in p.steps] for p in after.procedures] == [[5, 4, 3]]
    for seg_id in EDITS:
        old, new = before.segment(seg_id).translation.inline, after.segment(seg_id).translation.inline
        assert after.segment(seg_id).translation.text == EDITS[seg_id]
        assert [link.url for link in new.links] == [link.url for link in old.links]
        assert len(new.strong) == len(old.strong)
        assert after.segment(seg_id).source.text == before.segment(seg_id).source.text
    assert after.segment(BOLD).translation.inline.strong == ("تمكين إعدادات الأمان الافتراضية", "لا")
    assert after.segment(LINK).translation.inline.links[0].text == "عطّل المصادقة متعددة العوامل (MFA)"
    # applying again changes nothing
    r = ws.apply("--check")
    assert r.returncode == 0 and r.stdout == ""


def test_check_prints_a_diff_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ws.edit(ws.catalog(), {BOLD: EDITS[BOLD]})
    snap = ws.snapshot()
    r = ws.apply("--check")
    assert r.returncode == 1
    assert r.stdout.startswith(f"--- a/content/ar-SA/{SEED_NAME}\n+++ b/content/ar-SA/{SEED_NAME}\n@@ ")
    article_diff, state_diff = r.stdout.split("--- a/translations/ar-SA/twinspan-state.json\n")
    removed = [line for line in article_diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line for line in article_diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(removed) == len(added) == 1 and EDITS[BOLD] in added[0]
    assert '"applied":' in state_diff  # what apply will remember about this article
    assert ws.snapshot() == snap
    clean = workspace(tmp_path / "clean")
    r = clean.apply("--check")
    assert r.returncode == 0 and r.stdout == ""


def assert_refused(ws: Workspace, snap: dict[str, bytes], *needles: str) -> subprocess.CompletedProcess[str]:
    r = ws.apply()
    assert r.returncode == 1, r.stderr
    for needle in needles:
        assert needle in r.stderr, (needle, r.stderr)
    assert ws.snapshot() == snap  # nothing written: not the article, not the state file
    return r


def test_edited_msgid_is_refused_with_file_line_and_entry(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    po = ws.edit(ws.catalog(), {PLAIN: EDITS[PLAIN]})  # a good edit in the same catalog is not applied either
    e = entry(po, BOLD)
    e.msgid = "Set **Enable security defaults** to **Yes**."
    po.save(str(ws.catalog()))
    line = entry(polib.pofile(str(ws.catalog())), BOLD).linenum
    assert_refused(ws, ws.snapshot(), f"translations/ar-SA/solving-smtp-authentication-issues.po:{line}: {BOLD}: msgid was edited")


def test_unknown_segment_id(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    po = polib.pofile(str(ws.catalog()))
    entry(po, BOLD).msgctxt = "44498-999"
    po.save(str(ws.catalog()))
    assert_refused(ws, ws.snapshot(), ": 44498-999: unknown segment id")


def test_unknown_article(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    other = ws.translations / "ar-SA" / "no-such-article.po"
    other.write_bytes(ws.catalog().read_bytes())
    ws.edit(ws.catalog(), {PLAIN: EDITS[PLAIN]})
    r = ws.apply()
    assert r.returncode == 1
    assert "translations/ar-SA/no-such-article.po: unknown article: there is no content/ar-SA/no-such-article.md" in r.stderr
    assert EDITS[PLAIN] in ws.article().read_text(encoding="utf-8")  # the other catalog still applies


def test_two_catalogs_for_one_article(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    copy = ws.root / "elsewhere" / "ar-SA" / ws.catalog().name
    copy.parent.mkdir(parents=True)
    ws.edit(ws.catalog(), {PLAIN: EDITS[PLAIN]})
    copy.write_bytes(ws.catalog().read_bytes())
    ws.edit(copy, {BOLD: EDITS[BOLD]})
    snap = ws.snapshot()
    r = ws.run("po", "apply", "translations", "elsewhere")
    assert r.returncode == 1
    assert f"also translates ar-SA/{SEED_NAME[:-3]}: apply one of them at a time" in r.stderr
    assert ws.snapshot() == snap


def test_duplicate_entries(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    text = ws.catalog().read_text(encoding="utf-8")
    text += f'\nmsgctxt "{PLAIN}"\nmsgid "{twinspan.load(ws.article()).segment(PLAIN).source.text}"\nmsgstr "ترجمة ثانية"\n'
    ws.catalog().write_text(text, encoding="utf-8")
    first_line, dup_line = [e.linenum for e in polib.pofile(str(ws.catalog())) if e.msgctxt == PLAIN]  # where each entry starts
    assert dup_line == len(text.splitlines()) - 2
    assert_refused(ws, ws.snapshot(), f".po:{dup_line}: {PLAIN}: duplicate entry (first at line {first_line})")


def test_catalog_from_an_older_version_of_the_article(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ws.edit(ws.catalog(), {PLAIN: EDITS[PLAIN]})
    # the English changes upstream after the catalog was made (a new version of the article)
    article = ws.article()
    article.write_text(article.read_text(encoding="utf-8").replace("Select **Save changes**.", "Select **Save**."), encoding="utf-8")
    line = entry(polib.pofile(str(ws.catalog())), "44498-123").linenum
    assert_refused(
        ws,
        ws.snapshot(),
        f".po:{line}: 44498-123: the English source changed since the catalog was made; it is now 'Select **Save**.'",
        "the catalog was made from an older version of the article: re-extract it",
    )


def test_markup_breaking_msgstr(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ws.edit(ws.catalog(), {BOLD: "عيّن</span> الخيار", PLAIN: EDITS[PLAIN]})
    line = entry(polib.pofile(str(ws.catalog())), BOLD).linenum
    r = assert_refused(ws, ws.snapshot(), f".po:{line}: {BOLD}: this msgstr would break the article's markup")
    assert PLAIN not in r.stderr  # the culprit is named, not the good edit


def test_line_break_in_msgstr(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ws.edit(ws.catalog(), {BOLD: "عيّن\n\n1. خطوة"})
    assert_refused(ws, ws.snapshot(), f"{BOLD}: msgstr adds or removes a line break")


def test_unreadable_catalog(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ws.catalog().write_text(ws.catalog().read_text(encoding="utf-8") + "garbage here\n", encoding="utf-8")
    assert_refused(ws, ws.snapshot(), "solving-smtp-authentication-issues.po: not a readable PO file: Syntax error in po file")


def test_translations_changed_behind_the_catalog(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ws.edit(ws.catalog(), {PLAIN: EDITS[PLAIN]})
    article = ws.article()
    direct = article.read_text(encoding="utf-8").replace("حدد **حفظ**.", "احفظ **حفظ**.")
    article.write_text(direct, encoding="utf-8")  # someone fixed the Markdown directly after the extract
    assert_refused(ws, ws.snapshot(), "changed since this catalog was extracted or last applied")
    r = ws.apply("--force")  # the catalog wins, as asked
    assert r.returncode == 0, r.stderr
    text = article.read_text(encoding="utf-8")
    assert EDITS[PLAIN] in text and "حدد **حفظ**." in text


def test_edits_in_two_rounds_without_re_extracting(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ws.edit(ws.catalog(), {PLAIN: EDITS[PLAIN]})
    assert ws.apply().returncode == 0
    ws.edit(ws.catalog(), {BOLD: EDITS[BOLD]})  # the same catalog, edited further
    r = ws.apply()
    assert r.returncode == 0, r.stderr
    text = ws.article().read_text(encoding="utf-8")
    assert EDITS[PLAIN] in text and EDITS[BOLD] in text


def test_approvals_are_recorded_kept_by_extract_and_lapse_when_text_changes(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ws.edit(ws.catalog(), {BOLD: EDITS[BOLD]}, approve={BOLD, PLAIN})
    r = ws.apply()
    assert r.returncode == 0 and "1 state files changed" in r.stderr
    r = ws.extract()
    assert r.returncode == 0, r.stderr
    po = polib.pofile(str(ws.catalog()))
    assert not entry(po, BOLD).fuzzy and not entry(po, PLAIN).fuzzy
    assert entry(po, BOLD).msgstr == EDITS[BOLD]
    assert sum(not e.fuzzy for e in po) == 2
    # a reviewer takes one approval back
    po = ws.edit(ws.catalog(), {})
    entry(po, PLAIN).flags.append("fuzzy")
    po.save(str(ws.catalog()))
    assert ws.apply().returncode == 0
    # the translation of the other changes in the Markdown: its approval no longer holds
    article = ws.article()
    article.write_text(article.read_text(encoding="utf-8").replace(EDITS[BOLD], "نص آخر"), encoding="utf-8")
    assert ws.extract().returncode == 0
    po = polib.pofile(str(ws.catalog()))
    assert entry(po, PLAIN).fuzzy and entry(po, BOLD).fuzzy


def test_stats_counts_like_msgfmt(tmp_path: Path) -> None:
    ws = workspace(tmp_path, ("ar-SA", FIXTURES / "ar-SA" / SEED_NAME), ("de-DE", FIXTURES / "de-DE" / SEED_NAME))
    ws.edit(ws.catalog(), {BOLD: ""}, approve={PLAIN, "44498-102"})  # one untranslated, two approved
    r = ws.run("po", "stats", "translations")
    assert r.returncode == 0
    rows = {line.split()[0]: line.split()[1:5] for line in r.stdout.splitlines()[1:]}
    assert rows["ar-SA"] == ["1", "2", "26", "1"]
    assert rows["de-DE"] == ["1", "29", "0", "0"]
    assert rows["total"] == ["2", "31", "26", "1"]
    for locale, (_, translated, fuzzy, untranslated) in (("ar-SA", rows["ar-SA"]), ("de-DE", rows["de-DE"])):
        m = subprocess.run(
            ["msgfmt", "--statistics", "-o", "/dev/null", str(ws.catalog(locale=locale))], capture_output=True, text=True, check=True
        )
        said = m.stderr
        assert f"{translated} translated message" in said
        assert (f"{fuzzy} fuzzy translation" in said) or fuzzy == "0"
        assert (f"{untranslated} untranslated message" in said) or untranslated == "0"


def test_concurrent_apply_waits_for_the_lock(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ws.edit(ws.catalog(), {PLAIN: EDITS[PLAIN]})
    original = ws.article().read_bytes()
    with apply_lock(ws.content):
        proc = subprocess.Popen(
            [sys.executable, "-m", "twinspan", "po", "apply", "translations"],
            cwd=ws.root,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stderr is not None
        line = proc.stderr.readline()  # blocks until the other run reports that it waits
        assert line.startswith("waiting for another `po apply` to finish (lock content/.twinspan-apply.lock)")
        time.sleep(0.2)
        assert ws.article().read_bytes() == original and proc.poll() is None
    assert proc.wait(timeout=60) == 0
    assert EDITS[PLAIN] in ws.article().read_text(encoding="utf-8")
    assert not (ws.content / LOCK_NAME).exists()  # neither run left the lock file behind


def test_apply_leaves_no_lock_file_in_the_content_tree(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ws.edit(ws.catalog(), {PLAIN: EDITS[PLAIN]})
    r = ws.apply()
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in ws.content.rglob("*") if p.is_file()) == [SEED_NAME]


def test_the_lock_excludes_while_its_file_is_removed_and_made_anew(tmp_path: Path) -> None:
    """Each holder removes the lock file before it lets go; a waiter that locked the removed file must
    notice and lock the new one, or two would hold "the" lock at once."""
    inside, overlaps, rounds = [0], [], 40

    def run() -> None:
        for _ in range(rounds):
            with apply_lock(tmp_path):
                inside[0] += 1
                if inside[0] != 1:
                    overlaps.append(inside[0])
                time.sleep(0.0005)
                inside[0] -= 1

    threads = [threading.Thread(target=run) for _ in range(6)]  # flock: each open() is its own lock owner
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert overlaps == [] and not (tmp_path / LOCK_NAME).exists()


def test_two_runs_at_once_keep_both_approvals(tmp_path: Path) -> None:
    ws = workspace(
        tmp_path, ("ar-SA", FIXTURES / "ar-SA" / SEED_NAME), ("ar-SA", FIXTURES / "ar-SA" / "auto-replies-set-for-a-users-mailbox.md")
    )
    other = ws.catalog("auto-replies-set-for-a-users-mailbox.md")
    ws.edit(ws.catalog(), {PLAIN: EDITS[PLAIN]}, approve={PLAIN})
    ws.edit(other, {"83ee4-104": "سجّل الدخول إلى مدخل Microsoft 365 الآن."}, approve={"83ee4-104"})
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    runs = [
        subprocess.Popen([sys.executable, "-m", "twinspan", "po", "apply", str(c)], cwd=ws.root, env=env, stderr=subprocess.PIPE)
        for c in (ws.catalog().relative_to(ws.root), other.relative_to(ws.root))
    ]
    assert [p.wait(timeout=60) for p in runs] == [0, 0]
    state = ws.state().read_text(encoding="utf-8")
    assert f'"{PLAIN}"' in state and '"83ee4-104"' in state  # neither run overwrote the other's approvals
