//! The three Parquet schemas (`documents`, `tables`, `facts`), as Parquet message types.
//! `schema/parquet.md` documents every column; a test checks that it lists exactly these.

/// `DIR/documents/doc=<sha256>.parquet`: one row per document.
pub const DOCUMENTS: &str = "message document {
  required binary doc_sha256 (STRING);
  required binary path (STRING);
  required int64 bytes;
  required int64 pages;
  optional binary producer (STRING);
  required binary locale_decimal (STRING);
  optional binary locale_group (STRING);
  optional binary language (STRING);
  required int64 tables;
  required int64 facts;
  required boolean verified;
  required int64 page_warnings;
  required binary tablelift_version (STRING);
}";

/// `DIR/tables/doc=<sha256>.parquet`: one row per table.
pub const TABLES: &str = "message table {
  required binary doc_sha256 (STRING);
  required binary table (STRING);
  required group pages (LIST) { repeated group list { required int64 element; } }
  optional binary title (STRING);
  optional binary unit (STRING);
  optional fixed_len_byte_array (16) unit_multiplier (DECIMAL(38,10));
  required binary method (STRING);
  required int64 header_rows;
  required int64 rows;
  required int64 cols;
  required binary header_paths (STRING);
  required int64 checks_passed;
  required int64 checks_failed;
  required int64 structure_warnings;
  required boolean verified;
  required int64 facts;
}";

/// `DIR/facts/doc=<sha256>.parquet`: one row per numeric cell, the facts NDJSON's fields.
pub const FACTS: &str = "message fact {
  required binary doc_sha256 (STRING);
  required binary path (STRING);
  required binary table (STRING);
  required int64 page;
  required int64 row;
  required int64 col;
  optional binary row_label (STRING);
  required group row_path (LIST) { repeated group list { required binary element (STRING); } }
  required binary row_text (STRING);
  required group column_path (LIST) { repeated group list { required binary element (STRING); } }
  required binary text (STRING);
  required fixed_len_byte_array (16) value (DECIMAL(38,10));
  required boolean percent;
  optional binary unit (STRING);
  optional fixed_len_byte_array (16) multiplier (DECIMAL(38,10));
  optional fixed_len_byte_array (16) scaled_value (DECIMAL(38,10));
  required boolean verified;
}";
