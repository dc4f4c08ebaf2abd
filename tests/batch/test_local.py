"""The resumable batch runner: idempotent, deduplicating, replacing on knowledge change, failure-tolerant."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tealeaves.batch import local
from tealeaves.batch.local import IngestInterrupted, IngestProgress, ingest_paths
from tealeaves.errors import StoreError
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.loader import DATA_DIR, load_knowledge
from tealeaves.model import Analysis, Document
from tealeaves.settings import Settings
from tealeaves.store.db import open_store
from tealeaves.store.repository import count_rows, get_failures, get_stored_keys
from tealeaves.store.rows import COLUMNS

ZH = (
    "美国财政部宣布,财长贝森特将于3月14日在巴黎会见中方代表。",
    "商务部表示,中方坚决反对美方将中国企业列入实体清单。",
    "中方承诺今年采购1200万吨美国大豆。",
)
EN = (
    "Treasury Secretary Scott Bessent will meet Chinese officials in Paris on March 14.",
    "Beijing said it would retaliate if Washington raised tariffs again.",
    "China pledged to buy 12 million tonnes of US soybeans this year.",
)


def article(i: int, *, marker: str = "") -> str:
    """Article ``i`` in the front-matter format of SCHEMA.md, alternating zh and en."""
    zh = i % 2 == 0
    lead = f"第{i}号稿件。" if zh else f"Dispatch {i}."
    body = ("" if zh else " ").join((lead, *(ZH if zh else EN), marker))
    return f"---\ntitle: t{i}\npublished: 2026-03-14\nlang: {'zh' if zh else 'en'}\n---\n{body}\n"


def write_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with open_store(db, read_only=True) as store:
        return {t: sorted(store.execute(f"SELECT {', '.join(c)} FROM {t}").fetchall(), key=repr) for t, c in COLUMNS.items()}


def counts(db: Path) -> dict[str, int]:
    with open_store(db, read_only=True) as store:
        return count_rows(store)


SETTINGS = Settings(batch_size=4)


def test_local_second_run_adds_nothing(tmp_path: Path, kb: KnowledgeBase) -> None:
    corpus, db = write_corpus(tmp_path / "in", 10), tmp_path / "t.duckdb"
    first = ingest_paths([str(corpus)], db, kb, SETTINGS)
    before = dump(db)
    second = ingest_paths([str(corpus)], db, kb, SETTINGS)
    assert (first.new, first.already_stored, first.replaced, first.failed) == (10, 0, 0, 0)
    assert (second.new, second.already_stored, second.replaced, second.failed) == (0, 10, 0, 0)
    assert dump(db) == before
    assert counts(db)["documents"] == 10


def test_local_second_run_does_not_analyse_stored_documents(
    tmp_path: Path, kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, db = write_corpus(tmp_path / "in", 6), tmp_path / "t.duckdb"
    ingest_paths([str(corpus)], db, kb, SETTINGS)
    analysed: list[str] = []
    real = local.analyse

    def counting(doc: Document, kb: KnowledgeBase) -> Analysis:
        analysed.append(doc.doc_id)
        return real(doc, kb)

    monkeypatch.setattr(local, "analyse", counting)
    ingest_paths([str(corpus)], db, kb, SETTINGS)
    assert analysed == []


def test_local_same_article_in_two_files_is_stored_once(tmp_path: Path, kb: KnowledgeBase) -> None:
    corpus, db = tmp_path / "in", tmp_path / "t.duckdb"
    corpus.mkdir()
    (corpus / "one.txt").write_text(article(2), encoding="utf-8")
    # another copy with another title and different blank lines and indentation: the same body, so the same doc_id
    head, body = article(2).replace("title: t2", "title: copy").split("---\n", 2)[1:]
    (corpus / "two.txt").write_text(f"---\n{head}---\n\n   {body}\n\n", encoding="utf-8")
    summary = ingest_paths([str(corpus)], db, kb, SETTINGS)
    assert (summary.new, summary.already_stored) == (1, 1)
    assert counts(db)["documents"] == 1


def test_local_changed_kb_version_replaces_rows(tmp_path: Path, kb: KnowledgeBase) -> None:
    corpus, db = write_corpus(tmp_path / "in", 6), tmp_path / "t.duckdb"
    ingest_paths([str(corpus)], db, kb, SETTINGS)
    before = counts(db)
    changed = tmp_path / "knowledge"
    shutil.copytree(DATA_DIR, changed)
    first_file = yaml.safe_load((changed / "MANIFEST.yaml").read_text(encoding="utf-8"))["files"][0]["path"]
    with (changed / first_file).open("a", encoding="utf-8") as fh:
        fh.write("\n# edited so that the knowledge version changes\n")
    kb2 = load_knowledge(changed)
    assert kb2.version != kb.version

    summary = ingest_paths([str(corpus)], db, kb2, SETTINGS)
    assert (summary.new, summary.already_stored, summary.replaced) == (0, 0, 6)
    assert counts(db) == before
    with open_store(db, read_only=True) as store:
        for table in COLUMNS:
            versions = store.execute(f"SELECT DISTINCT kb_version FROM {table}").fetchall()
            assert versions in ([], [(kb2.version,)]), table
        assert {k.kb_version for k in get_stored_keys(store).values()} == {kb2.version}


def test_local_bad_inputs_fail_alone_and_are_recorded(tmp_path: Path, kb: KnowledgeBase) -> None:
    corpus, db = write_corpus(tmp_path / "in", 5), tmp_path / "t.duckdb"
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    summary = ingest_paths([str(corpus), str(tmp_path / "missing.txt")], db, kb, SETTINGS)
    assert summary.new == 5
    assert sorted(Path(f.path).name for f in summary.failures) == ["empty.txt", "image.txt", "missing.txt"]
    assert all(f.reason and "\n" not in f.reason for f in summary.failures)
    with open_store(db, read_only=True) as store:
        assert sorted(Path(f.path).name for f in get_failures(store)) == ["empty.txt", "image.txt", "missing.txt"]
    again = ingest_paths([str(corpus)], db, kb, SETTINGS)
    assert (again.new, again.already_stored, again.failed) == (0, 5, 2)
    assert counts(db)["failures"] == 3


def test_local_failing_analysis_keeps_the_rest_of_its_batch(
    tmp_path: Path, kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, db = write_corpus(tmp_path / "in", 7), tmp_path / "t.duckdb"
    (corpus / "a003.txt").write_text(article(3, marker="BOOM"), encoding="utf-8")
    real = local.analyse

    def flaky(doc: Document, kb: KnowledgeBase) -> Analysis:
        if "BOOM" in doc.text:
            raise RuntimeError("a stage crashed")
        return real(doc, kb)

    monkeypatch.setattr(local, "analyse", flaky)
    summary = ingest_paths([str(corpus)], db, kb, SETTINGS)
    assert summary.new == 6
    (failure,) = summary.failures
    assert failure.path.endswith("a003.txt") and "RuntimeError: a stage crashed" in failure.reason
    assert counts(db)["documents"] == 6

    monkeypatch.setattr(local, "analyse", real)  # the bug is fixed: the next run stores it and clears the failure
    fixed = ingest_paths([str(corpus)], db, kb, SETTINGS)
    assert (fixed.new, fixed.already_stored, fixed.failed) == (1, 6, 0)
    assert counts(db)["failures"] == 0


def test_local_interrupt_rolls_back_open_batch_and_next_run_resumes(tmp_path: Path, kb: KnowledgeBase) -> None:
    corpus, db, clean = write_corpus(tmp_path / "in", 11), tmp_path / "t.duckdb", tmp_path / "clean.duckdb"

    def interrupt_at_sixth(p: IngestProgress) -> None:
        if p.files_done == 6:
            raise KeyboardInterrupt

    with pytest.raises(IngestInterrupted) as info:
        ingest_paths([str(corpus)], db, kb, SETTINGS, on_progress=interrupt_at_sixth)
    assert info.value.summary.saved == 4  # one batch of 4 committed, the open one (5, 6) rolled back
    assert counts(db)["documents"] == 4
    resumed = ingest_paths([str(corpus)], db, kb, SETTINGS)
    assert (resumed.new, resumed.already_stored) == (7, 4)
    ingest_paths([str(corpus)], clean, kb, SETTINGS)
    assert dump(db) == dump(clean)


def test_local_reports_progress_per_file(tmp_path: Path, kb: KnowledgeBase) -> None:
    corpus, db = write_corpus(tmp_path / "in", 3), tmp_path / "t.duckdb"
    (corpus / "empty.txt").write_bytes(b"")
    seen: list[IngestProgress] = []
    ingest_paths([str(corpus)], db, kb, SETTINGS, on_progress=seen.append)
    assert [p.files_done for p in seen] == [1, 2, 3, 4] and {p.files_total for p in seen} == {4}
    assert [len(p.failures) for p in seen] == [0, 0, 0, 1] and seen[-1].failed == 1


def test_local_refuses_newer_store_with_store_error(tmp_path: Path, kb: KnowledgeBase) -> None:
    corpus, db = write_corpus(tmp_path / "in", 2), tmp_path / "t.duckdb"
    with open_store(db) as store:
        store.execute("INSERT INTO schema_migrations (version, name) VALUES (9999, 'future')")
    with pytest.raises(StoreError, match="newer than this tealeaves"):
        ingest_paths([str(corpus)], db, kb, SETTINGS)


def test_local_workers_store_the_same_as_one_process(tmp_path: Path, kb: KnowledgeBase) -> None:
    corpus = write_corpus(tmp_path / "in", 40)
    (corpus / "copy.txt").write_text(article(7), encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    serial = ingest_paths([str(corpus)], one, kb, SETTINGS, workers=1)
    pooled = ingest_paths([str(corpus)], two, kb, SETTINGS, workers=2)
    assert (pooled.new, pooled.already_stored, pooled.failed) == (serial.new, serial.already_stored, serial.failed) == (40, 1, 1)
    assert dump(one) == dump(two)
    again = ingest_paths([str(corpus)], two, kb, SETTINGS, workers=2)
    assert (again.new, again.already_stored) == (0, 41)


def test_local_workers_interrupt_rolls_back_and_resumes(tmp_path: Path, kb: KnowledgeBase) -> None:
    corpus, db, clean = write_corpus(tmp_path / "in", 40), tmp_path / "t.duckdb", tmp_path / "clean.duckdb"

    def interrupt_at_22nd(p: IngestProgress) -> None:
        if p.files_done == 22:
            raise KeyboardInterrupt

    with pytest.raises(IngestInterrupted) as info:
        ingest_paths([str(corpus)], db, kb, SETTINGS, on_progress=interrupt_at_22nd, workers=2)
    assert info.value.summary.saved == counts(db)["documents"] == 20
    resumed = ingest_paths([str(corpus)], db, kb, SETTINGS, workers=2)
    assert (resumed.new, resumed.already_stored) == (20, 20)
    ingest_paths([str(corpus)], clean, kb, SETTINGS, workers=1)
    assert dump(db) == dump(clean)
