-- tablelift warehouse schema, version 1: one row per document, per table, per numeric cell.
-- A document's rows are replaced in one transaction keyed by doc_sha256.
CREATE TABLE tablelift_documents (
    doc_sha256        text PRIMARY KEY,
    path              text NOT NULL,
    bytes             bigint NOT NULL,
    pages             bigint NOT NULL,
    producer          text,
    locale_decimal    text NOT NULL,
    locale_group      text,
    language          text,
    tables            bigint NOT NULL,
    facts             bigint NOT NULL,
    verified          boolean NOT NULL,
    page_warnings     bigint NOT NULL,
    tablelift_version text NOT NULL,
    loaded_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tablelift_tables (
    doc_sha256         text NOT NULL,
    table_id           text NOT NULL,
    pages              bigint[] NOT NULL,
    title              text,
    unit               text,
    unit_multiplier    numeric,
    method             text NOT NULL,
    header_rows        bigint NOT NULL,
    "rows"             bigint NOT NULL,
    cols               bigint NOT NULL,
    header_paths       jsonb NOT NULL,
    checks_passed      bigint NOT NULL,
    checks_failed      bigint NOT NULL,
    structure_warnings bigint NOT NULL,
    verified           boolean NOT NULL,
    facts              bigint NOT NULL,
    PRIMARY KEY (doc_sha256, table_id)
);

CREATE TABLE tablelift_facts (
    doc_sha256   text NOT NULL,
    path         text NOT NULL,
    table_id     text NOT NULL,
    page         bigint NOT NULL,
    "row"        bigint NOT NULL,
    col          bigint NOT NULL,
    row_label    text,
    row_path     text[] NOT NULL,
    row_text     text NOT NULL,
    column_path  text[] NOT NULL,
    text         text NOT NULL,
    value        numeric NOT NULL,
    percent      boolean NOT NULL,
    unit         text,
    multiplier   numeric,
    scaled_value numeric,
    verified     boolean NOT NULL,
    PRIMARY KEY (doc_sha256, table_id, "row", col)
);
