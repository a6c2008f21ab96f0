//! Warehouse delivery: each document's rows (one per document, per table, per numeric cell)
//! as Parquet files (`--parquet DIR`) and/or loaded into PostgreSQL (`--sink postgres://…`),
//! idempotently per document (keyed by its sha256). Rows are built once (`rows`) from the
//! driver's tables and the facts of `crate::output`, so every destination holds the same
//! values; numbers stay exact decimals (Parquet `DECIMAL(38,10)`, PostgreSQL `numeric`).

mod decimal38;
mod parquet_columns;
mod parquet_schema;
mod parquet_sink;
mod pg_connect;
mod pg_copy;
mod pg_errors;
mod pg_migrations;
mod pg_numeric;
mod pg_sink;
mod pg_target;
mod pg_tls;
mod rows;

pub use decimal38::{PRECISION as PARQUET_DECIMAL_PRECISION, SCALE as PARQUET_DECIMAL_SCALE};
pub use parquet_sink::{ParquetFiles, ParquetSink, ROW_GROUP_FACTS};
pub use pg_migrations::MIGRATIONS;
pub use pg_numeric::{PgNumeric, numeric_parts};
pub use pg_copy::DocumentRows;
pub use pg_sink::{PgDocumentSink, PgLoader};
pub use pg_target::{PgTarget, Secret, SslMode};
pub use rows::{DocumentRow, TableRow, document_row, table_rows};

/// The three Parquet datasets, in the order of their directories under `--parquet DIR`.
pub const PARQUET_DATASETS: [&str; 3] = ["documents", "tables", "facts"];

/// Where the Parquet file of `dataset` for the document `sha256` goes under `dir`.
pub fn parquet_path(dir: &std::path::Path, dataset: &str, sha256: &str) -> std::path::PathBuf {
    dir.join(dataset).join(format!("doc={sha256}.parquet"))
}
