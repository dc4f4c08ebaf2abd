"""Saving and reading analyses: replace-by-document, round trips across connections, event queries."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import (
    Analysis,
    Cue,
    DateRef,
    Document,
    DocumentMeta,
    DualTrack,
    Event,
    EventType,
    Granularity,
    Mention,
    MentionKind,
    Modality,
    Quantity,
    RedLine,
)
from tealeaves.store.db import Store, open_store
from tealeaves.store.repository import (
    EventFilter,
    Failure,
    count_rows,
    get_analysis,
    get_document,
    get_failures,
    get_stored_keys,
    query_events,
    save_analyses,
    save_failures,
)
from tealeaves.store.rows import COLUMNS
from tealeaves.text.document import build_document
from tealeaves.text.evidence import evidence_at

SENTENCES = (
    "贝森特将于3月14日在巴黎会见中方代表。",
    "商务部表示,中方坚决反对美方将中国企业列入实体清单。",
    "美方宣布对中国商品加征关税,自下月起生效。",
    "The Treasury said the two sides would meet in Geneva next week.",
    "Beijing pledged to buy 12 million tonnes of soybeans this year.",
    "Officials in Washington criticised the export controls.",
)

_counter = itertools.count()


def _doc(kb: KnowledgeBase, text: str, published: dt.date | None = dt.date(2026, 3, 14)) -> Document:
    return build_document(text, DocumentMeta(published=published, lang="zh", title="ours", path="ours.txt"), kb)


def _phrase(doc: Document, phrase: str) -> tuple[int, int]:
    start = doc.text.index(phrase)
    return start, start + len(phrase)


def _analysis(doc: Document, kb_version: str = "kb1", events: tuple[Event, ...] = ()) -> Analysis:
    """A hand-built analysis with one item of every kind, pointing at phrases of ``doc``."""
    ev = evidence_at(doc, 0, 3)
    return Analysis(
        doc_id=doc.doc_id, meta=doc.meta, analyzer_version="test", kb_version=kb_version, sentences=doc.sentences,
        mentions=(Mention(kind=MentionKind.PERSON, actor_id="scott_bessent", name="Scott Bessent", state="USA", evidence=ev),),
        dates=(DateRef(value="2026-03-14", granularity=Granularity.DAY, evidence=ev),),
        quantities=(Quantity(value_base=1.2e7, unit="t", value=1200, unit_text="t", commodity="soybeans", evidence=ev),),
        cues=(Cue(family="red_line", key="Taiwan", evidence=ev),),
        events=events,
        signals=(DualTrack(actor="USA", evidence=(ev,)), RedLine(issue="Taiwan", evidence=(ev, ev))),
    )


def _event(doc: Document, phrase: str, type_: EventType, source: str, target: str, date: str | None) -> Event:
    return Event(type=type_, source=source, target=target, modality=Modality.ASSERTED, date=date,
                 evidence=evidence_at(doc, *_phrase(doc, phrase)))


def _dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every data row of every table (insert-time stamps aside), sorted, for comparing stores."""
    return {
        table: sorted(store.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
        for table, cols in COLUMNS.items()
    }


@pytest.fixture()
def stored(tmp_path: Path, kb: KnowledgeBase) -> tuple[Path, Document, Analysis]:
    doc = _doc(kb, "".join(SENTENCES[:3]))
    analysis = _analysis(doc, events=(
        _event(doc, "贝森特将于3月14日在巴黎会见中方代表", EventType.CONSULT, "USA", "CHN", "2026-03-14"),
        _event(doc, "列入实体清单", EventType.SANCTION, "USA", "CHN", None),
        _event(doc, "加征关税", EventType.SANCTION, "USA", "CHN", "2026-04"),
    ))
    db = tmp_path / "t.duckdb"
    with open_store(db) as store:
        save_analyses(store, [(doc, analysis)])
    return db, doc, analysis


def test_repository_round_trips_analysis_and_document_across_connections(stored: tuple[Path, Document, Analysis]) -> None:
    db, doc, analysis = stored
    with open_store(db, read_only=True) as store:
        assert get_analysis(store, doc.doc_id) == analysis
        assert get_document(store, doc.doc_id) == doc
        assert get_analysis(store, "0" * 64) is None
        assert get_stored_keys(store) == {doc.doc_id: ("test", "kb1")}
        counts = count_rows(store)
    assert counts == {"documents": 1, "sentences": len(doc.sentences), "mentions": 1, "dates": 1, "quantities": 1,
                      "events": 3, "cues": 1, "signals": 2, "failures": 0}


def test_repository_stamps_every_row_with_versions(stored: tuple[Path, Document, Analysis]) -> None:
    db, _, _ = stored
    with open_store(db, read_only=True) as store:
        for table in COLUMNS:
            stamps = store.execute(f"SELECT DISTINCT analyzer_version, kb_version FROM {table}").fetchall()
            assert stamps == [("test", "kb1")], table


def test_repository_changed_kb_version_replaces_rows(stored: tuple[Path, Document, Analysis]) -> None:
    db, doc, analysis = stored
    fewer = _analysis(doc, kb_version="kb2", events=analysis.events[:1])
    with open_store(db) as store:
        save_analyses(store, [(doc, fewer)])
    with open_store(db, read_only=True) as store:
        assert get_analysis(store, doc.doc_id) == fewer
        assert count_rows(store)["events"] == 1
        for table in COLUMNS:
            assert store.execute(f"SELECT DISTINCT kb_version FROM {table}").fetchall() == [("kb2",)], table


def test_repository_same_doc_id_twice_in_one_call_is_written_once(tmp_path: Path, kb: KnowledgeBase) -> None:
    doc = _doc(kb, SENTENCES[3])
    with open_store(tmp_path / "t.duckdb") as store:
        save_analyses(store, [(doc, _analysis(doc, "kb1")), (doc, _analysis(doc, "kb2"))])
        assert get_stored_keys(store) == {doc.doc_id: ("test", "kb1")}
        assert count_rows(store)["signals"] == 2


def test_repository_rejects_analysis_of_another_document(tmp_path: Path, kb: KnowledgeBase) -> None:
    one, other = _doc(kb, SENTENCES[3]), _doc(kb, SENTENCES[4])
    with open_store(tmp_path / "t.duckdb") as store, pytest.raises(ValueError, match="differ"):
        save_analyses(store, [(one, _analysis(other))])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(), ["CONSULT", "SANCTION", "SANCTION"]),
        (EventFilter(type="sanction"), ["SANCTION", "SANCTION"]),
        (EventFilter(actor="chn"), ["CONSULT", "SANCTION", "SANCTION"]),
        (EventFilter(actor="JPN"), []),
        (EventFilter(actor="Bessent"), ["CONSULT"]),
        (EventFilter(actor="scott bessent"), ["CONSULT"]),
        (EventFilter(actor="scott_bessent"), ["CONSULT"]),
        (EventFilter(actor="Bess"), []),
        (EventFilter(since=dt.date(2026, 4, 1)), ["SANCTION"]),
        (EventFilter(since=dt.date(2026, 4, 30)), ["SANCTION"]),
        (EventFilter(since=dt.date(2026, 5, 1)), []),
        (EventFilter(until=dt.date(2026, 3, 14)), ["CONSULT", "SANCTION"]),
        (EventFilter(until=dt.date(2026, 3, 13)), []),
        (EventFilter(type="SANCTION", until=dt.date(2026, 3, 31)), ["SANCTION"]),
        (EventFilter(limit=1), ["CONSULT"]),
    ],
)
def test_repository_query_events_filters(stored: tuple[Path, Document, Analysis], filters: EventFilter, expected: list[str]) -> None:
    db, _, _ = stored
    with open_store(db, read_only=True) as store:
        assert [e.type for e in query_events(store, filters)] == expected


def test_repository_query_events_dates_undated_event_by_publication(stored: tuple[Path, Document, Analysis]) -> None:
    db, doc, _ = stored
    with open_store(db, read_only=True) as store:
        (entity_listing,) = query_events(store, EventFilter(since=dt.date(2026, 3, 14), until=dt.date(2026, 3, 14), type="SANCTION"))
    assert entity_listing.date is None and entity_listing.published == dt.date(2026, 3, 14)
    assert doc.text[entity_listing.span_start:entity_listing.span_end] == entity_listing.evidence == "列入实体清单"


def test_repository_failures_keep_latest_reason_per_path(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        save_failures(store, [Failure("a.txt", "empty file"), Failure("b.txt", "binary file")])
        save_failures(store, [Failure("a.txt", "cannot decode")])
        assert get_failures(store) == [("a.txt", "cannot decode"), ("b.txt", "binary file")]


# --- property: saving one analysis twice leaves the same rows as saving it once ------------------


@st.composite
def analyses(draw: st.DrawFn, kb: KnowledgeBase) -> tuple[Document, Analysis]:
    """An analysis of a document made of our sentences, with items at arbitrary spans of it."""
    text = "".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4)))
    published = draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
    doc = _doc(kb, text, published)

    def evidence() -> Any:
        a = draw(st.integers(0, len(doc.text)))
        b = draw(st.integers(a, len(doc.text)))
        return evidence_at(doc, a, b)

    codes = st.sampled_from(["USA", "CHN", "EUR", None])
    dates = st.sampled_from(["2026", "2026-03", "2026-03-14", "2026-03-21/2026-04-10", None])
    n = draw(st.integers(0, 3))
    analysis = Analysis(
        doc_id=doc.doc_id, meta=doc.meta, analyzer_version="test", kb_version=draw(st.sampled_from(["kb1", "kb2"])),
        sentences=doc.sentences,
        mentions=tuple(Mention(kind=draw(st.sampled_from(list(MentionKind))), actor_id=draw(st.none() | st.just("x")),
                               name=draw(st.none() | st.text(max_size=8)), state=draw(codes), evidence=evidence())
                       for _ in range(n)),
        dates=tuple(DateRef(value=draw(dates), granularity=draw(st.sampled_from(list(Granularity))), evidence=evidence())
                    for _ in range(n)),
        quantities=tuple(Quantity(value_base=draw(st.floats(0, 1e12)), unit="t", value=1.0, unit_text="t",
                                  commodity=draw(st.none() | st.just("soybeans")), evidence=evidence()) for _ in range(n)),
        events=tuple(Event(type=draw(st.sampled_from(list(EventType))), source=draw(codes), target=draw(codes),
                           modality=draw(st.sampled_from(list(Modality))), date=draw(dates), evidence=evidence(),
                           more_evidence=(evidence(),) * draw(st.integers(0, 2))) for _ in range(n)),
        cues=tuple(Cue(family="red_line", key=draw(st.text(min_size=1, max_size=5)), evidence=evidence()) for _ in range(n)),
        signals=tuple(DualTrack(actor=draw(st.sampled_from(["USA", "CHN"])), evidence=(evidence(),)) for _ in range(n)),
    )
    return doc, analysis


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_repository_saving_twice_leaves_same_rows_as_once(tmp_path: Path, kb: KnowledgeBase, data: st.DataObject) -> None:
    pairs = data.draw(st.lists(analyses(kb), min_size=1, max_size=3))
    once, twice = (tmp_path / f"{next(_counter)}-{k}.duckdb" for k in ("once", "twice"))
    with open_store(once) as store:
        save_analyses(store, pairs)
    with open_store(twice) as store:
        save_analyses(store, pairs)
    with open_store(twice) as store:  # and again from a new connection
        save_analyses(store, pairs)
    with open_store(once, read_only=True) as a, open_store(twice, read_only=True) as b:
        assert _dump(a) == _dump(b)
        assert len(_dump(a)["documents"]) == len({d.doc_id for d, _ in pairs})
