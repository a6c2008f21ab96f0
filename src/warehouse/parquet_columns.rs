//! Writing one Parquet row group column by column with the `parquet` crate's low-level
//! column writers: required and optional scalars, exact decimals, and lists (three-level
//! `LIST` of required elements: definition level 0 for an empty list, 1 per element).

use super::decimal38;
use crate::error::{Error, Result};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DataType, FixedLenByteArray, FixedLenByteArrayType, Int64Type};
use parquet::file::writer::SerializedRowGroupWriter;
use rust_decimal::Decimal;
use std::io::Write;

/// A Parquet error as ours: a full disk stays `no_space`, anything else is `io`.
pub fn parquet_error(what: &str, e: parquet::errors::ParquetError) -> Error {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return Error::from_io(what, io);
        }
        source = s.source();
    }
    Error::Io(format!("{what}: {e}"))
}

/// The columns of one row group, written in schema order.
pub struct RowGroupColumns<'a, W: Write + Send> {
    group: SerializedRowGroupWriter<'a, W>,
    what: &'a str,
}

impl<'a, W: Write + Send> RowGroupColumns<'a, W> {
    /// Columns of `group`; `what` names the file in errors.
    pub fn new(group: SerializedRowGroupWriter<'a, W>, what: &'a str) -> Self {
        RowGroupColumns { group, what }
    }

    /// Write the next column: `values` (only the non-null ones) with their levels.
    fn column<T: DataType>(&mut self, values: &[T::T], def: Option<&[i16]>, rep: Option<&[i16]>) -> Result<()> {
        let what = self.what;
        let mut col = self
            .group
            .next_column()
            .map_err(|e| parquet_error(what, e))?
            .ok_or_else(|| Error::Internal(format!("{what}: more columns written than the schema has")))?;
        col.typed::<T>().write_batch(values, def, rep).map_err(|e| parquet_error(what, e))?;
        col.close().map_err(|e| parquet_error(what, e))
    }

    /// A required text column.
    pub fn strings<'s>(&mut self, values: impl Iterator<Item = &'s str>) -> Result<()> {
        let v: Vec<ByteArray> = values.map(|s| ByteArray::from(s.as_bytes().to_vec())).collect();
        self.column::<ByteArrayType>(&v, None, None)
    }

    /// An optional text column.
    pub fn opt_strings<'s>(&mut self, values: impl Iterator<Item = Option<&'s str>>) -> Result<()> {
        let (mut v, mut def) = (Vec::new(), Vec::new());
        for s in values {
            def.push(i16::from(s.is_some()));
            v.extend(s.map(|s| ByteArray::from(s.as_bytes().to_vec())));
        }
        self.column::<ByteArrayType>(&v, Some(&def), None)
    }

    /// A required 64-bit integer column.
    pub fn ints(&mut self, values: impl Iterator<Item = i64>) -> Result<()> {
        let v: Vec<i64> = values.collect();
        self.column::<Int64Type>(&v, None, None)
    }

    /// A required boolean column.
    pub fn bools(&mut self, values: impl Iterator<Item = bool>) -> Result<()> {
        let v: Vec<bool> = values.collect();
        self.column::<BoolType>(&v, None, None)
    }

    /// A required `DECIMAL(38,10)` column; a value that does not fit exactly is `sink_rejected`.
    pub fn decimals(&mut self, values: impl Iterator<Item = Decimal>) -> Result<()> {
        let v = values.map(decimal_bytes).collect::<Result<Vec<_>>>()?;
        self.column::<FixedLenByteArrayType>(&v, None, None)
    }

    /// An optional `DECIMAL(38,10)` column.
    pub fn opt_decimals(&mut self, values: impl Iterator<Item = Option<Decimal>>) -> Result<()> {
        let (mut v, mut def) = (Vec::new(), Vec::new());
        for d in values {
            def.push(i16::from(d.is_some()));
            if let Some(d) = d {
                v.push(decimal_bytes(d)?);
            }
        }
        self.column::<FixedLenByteArrayType>(&v, Some(&def), None)
    }

    /// A required list of required text elements.
    pub fn string_lists<'s>(&mut self, lists: impl Iterator<Item = &'s [String]>) -> Result<()> {
        let (mut v, mut def, mut rep) = (Vec::new(), Vec::new(), Vec::new());
        for list in lists {
            list_levels(list.len(), &mut def, &mut rep);
            v.extend(list.iter().map(|s| ByteArray::from(s.as_bytes().to_vec())));
        }
        self.column::<ByteArrayType>(&v, Some(&def), Some(&rep))
    }

    /// A required list of required 64-bit integers.
    pub fn int_lists<'s>(&mut self, lists: impl Iterator<Item = &'s [i64]>) -> Result<()> {
        let (mut v, mut def, mut rep) = (Vec::new(), Vec::new(), Vec::new());
        for list in lists {
            list_levels(list.len(), &mut def, &mut rep);
            v.extend_from_slice(list);
        }
        self.column::<Int64Type>(&v, Some(&def), Some(&rep))
    }

    /// Finish the row group (every column must have been written).
    pub fn close(self) -> Result<()> {
        let what = self.what;
        self.group.close().map(|_| ()).map_err(|e| parquet_error(what, e))
    }
}

fn decimal_bytes(d: Decimal) -> Result<FixedLenByteArray> {
    Ok(FixedLenByteArray::from(decimal38::fixed_bytes(d)?.to_vec()))
}

/// Repetition and definition levels of one list of `n` required elements in a required list
/// column: an empty list is one level pair (0, 0) without a value.
fn list_levels(n: usize, def: &mut Vec<i16>, rep: &mut Vec<i16>) {
    if n == 0 {
        def.push(0);
        rep.push(0);
    }
    for k in 0..n {
        def.push(1);
        rep.push(i16::from(k > 0));
    }
}
