//! # parindex-annex
//!
//! Reads the annex (*Phụ lục*) of a decision from the file a Sở Nội vụ holds — Word
//! (`.docx`), Excel (`.xlsx`), `.csv`/`.tsv`, an HTML table (the clipboard's content when a
//! table is copied from Word or Excel), or text copied out of a PDF viewer — into
//! the [`Table`] that `parindex_core::annex::import` turns into a framework draft. Bytes
//! in, a table out: no I/O of its own, bounded (file size, rows, unpacked size), never a
//! panic; every failure is a message naming the file's problem in both languages.
//! [`write`] goes the other way: a framework's annex table as `.xlsx` or `.csv`.

mod docx;
mod html;
mod limits;
mod sheet;
mod text;
pub mod write;
mod xml;

pub use limits::{MAX_BYTES, MAX_ROWS, MAX_UNPACKED};
pub use parindex_core::annex::{Row, Table};
use parindex_core::Text;

/// Why a file could not be read as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError(pub Text);

impl ReadError {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        ReadError(Text::new(vi, en))
    }
}

/// The kinds of file an annex comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Docx,
    Xlsx,
    /// Comma, semicolon or tab separated (the separator is detected).
    Csv,
    /// Text copied from a PDF viewer: one row per line.
    Text,
    /// An HTML table: the clipboard's content when a table is copied from Word or
    /// Excel, or a page saved from a law portal.
    Html,
}

impl Kind {
    /// By file name: `.docx`, `.xlsx`, `.csv`, `.tsv`, `.txt`, `.html`.
    pub fn of(name: &str) -> Option<Kind> {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
        Some(match ext {
            "docx" => Kind::Docx,
            "xlsx" | "xlsm" => Kind::Xlsx,
            "csv" | "tsv" => Kind::Csv,
            "txt" | "text" => Kind::Text,
            "html" | "htm" => Kind::Html,
            _ => return None,
        })
    }
}

/// Reads a file's bytes as a table.
pub fn read(kind: Kind, bytes: &[u8]) -> Result<Table, ReadError> {
    limits::size(bytes)?;
    let table = match kind {
        Kind::Docx => docx::read(bytes)?,
        Kind::Xlsx => sheet::xlsx(bytes)?,
        Kind::Csv => sheet::csv(limits::utf8(bytes)?)?,
        Kind::Text => text::read(limits::utf8(bytes)?),
        Kind::Html => html::read(limits::utf8(bytes)?)?,
    };
    limits::rows(&table)?;
    Ok(table)
}
