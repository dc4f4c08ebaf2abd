-- 0001: the first schema of the tealeaves store.
--
-- One row in `documents` per article, keyed by doc_id (SHA-256 of the normalised body), holding
-- the body and the full Analysis JSON so that a stored reading can be reproduced exactly.
-- The other tables flatten that Analysis for querying; every row carries the analyzer_version
-- and kb_version that produced it. Child tables have no keys or indexes on purpose: rows are
-- always written and deleted per document inside one transaction (store/repository.py), and
-- DuckDB appends fastest to tables without indexes.
-- Never edit this file once released; add 0002_*.sql instead.

CREATE TABLE documents (
    doc_id           VARCHAR PRIMARY KEY,
    analyzer_version VARCHAR NOT NULL,
    kb_version       VARCHAR NOT NULL,
    path             VARCHAR,
    url              VARCHAR,
    title            VARCHAR,
    published        DATE,
    source           VARCHAR,
    lang             VARCHAR NOT NULL,
    script           VARCHAR,
    encoding         VARCHAR,
    encoding_source  VARCHAR,
    format           VARCHAR,
    n_chars          INTEGER NOT NULL,
    body             VARCHAR NOT NULL,
    analysis         VARCHAR NOT NULL,  -- Analysis.model_dump_json()
    stored_at        TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE TABLE sentences (
    doc_id           VARCHAR NOT NULL,
    sentence         INTEGER NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    text             VARCHAR NOT NULL,
    analyzer_version VARCHAR NOT NULL,
    kb_version       VARCHAR NOT NULL
);

CREATE TABLE mentions (
    doc_id           VARCHAR NOT NULL,
    seq              INTEGER NOT NULL,
    kind             VARCHAR NOT NULL,
    actor_id         VARCHAR,
    name             VARCHAR,
    state            VARCHAR,
    via              VARCHAR NOT NULL,
    sentence         INTEGER NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    text             VARCHAR NOT NULL,
    analyzer_version VARCHAR NOT NULL,
    kb_version       VARCHAR NOT NULL
);

CREATE TABLE dates (
    doc_id           VARCHAR NOT NULL,
    seq              INTEGER NOT NULL,
    value            VARCHAR,
    granularity      VARCHAR NOT NULL,
    relative         BOOLEAN NOT NULL,
    date_from        DATE,              -- first day of `value` (NULL when unresolved)
    date_to          DATE,              -- last day of `value`
    sentence         INTEGER NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    text             VARCHAR NOT NULL,
    analyzer_version VARCHAR NOT NULL,
    kb_version       VARCHAR NOT NULL
);

CREATE TABLE quantities (
    doc_id           VARCHAR NOT NULL,
    seq              INTEGER NOT NULL,
    value_base       DOUBLE NOT NULL,
    unit             VARCHAR NOT NULL,
    value            DOUBLE NOT NULL,
    unit_text        VARCHAR NOT NULL,
    commodity        VARCHAR,
    low_base         DOUBLE,
    high_base        DOUBLE,
    bound            VARCHAR NOT NULL,
    sentence         INTEGER NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    text             VARCHAR NOT NULL,
    analyzer_version VARCHAR NOT NULL,
    kb_version       VARCHAR NOT NULL
);

CREATE TABLE events (
    doc_id           VARCHAR NOT NULL,
    seq              INTEGER NOT NULL,
    type             VARCHAR NOT NULL,
    source           VARCHAR,
    target           VARCHAR,
    modality         VARCHAR NOT NULL,
    date             VARCHAR,
    date_from        DATE,              -- first day of `date`
    date_to          DATE,              -- last day of `date`
    place            VARCHAR,
    cue              VARCHAR NOT NULL,
    sentence         INTEGER NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    evidence         VARCHAR NOT NULL,  -- the quoted span
    more_evidence    VARCHAR NOT NULL,  -- JSON array of later Evidence of the same action
    analyzer_version VARCHAR NOT NULL,
    kb_version       VARCHAR NOT NULL
);

CREATE TABLE cues (
    doc_id           VARCHAR NOT NULL,
    seq              INTEGER NOT NULL,
    family           VARCHAR NOT NULL,
    key              VARCHAR NOT NULL,
    sentence         INTEGER NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    text             VARCHAR NOT NULL,
    analyzer_version VARCHAR NOT NULL,
    kb_version       VARCHAR NOT NULL
);

CREATE TABLE signals (
    doc_id           VARCHAR NOT NULL,
    seq              INTEGER NOT NULL,
    kind             VARCHAR NOT NULL,
    fields           VARCHAR NOT NULL,  -- JSON object of the kind's own fields (actor, person, issue ...)
    sentence         INTEGER NOT NULL,  -- of the first evidence
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    evidence         VARCHAR NOT NULL,  -- the first quoted span
    all_evidence     VARCHAR NOT NULL,  -- JSON array of every Evidence
    analyzer_version VARCHAR NOT NULL,
    kb_version       VARCHAR NOT NULL
);

CREATE TABLE failures (
    path             VARCHAR PRIMARY KEY,
    reason           VARCHAR NOT NULL,
    failed_at        TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
