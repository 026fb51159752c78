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

/// What to do with an annex in a form parindex does not read, by the file's name: the
/// forms offices still hold one in besides those of [`Kind`] — Word 97–2003 and other
/// word processors' files, older or other spreadsheets, PDF — each with the step that
/// gives a form it reads. `None` for any other name.
pub fn how_to_read(name: &str) -> Option<Text> {
    let lower = name.to_ascii_lowercase();
    let (vi, en) = match lower.rsplit_once('.').map_or("", |(_, e)| e) {
        "doc" | "rtf" | "odt" | "wpd" => (
            "tệp Word 97–2003 (.doc) hoặc .rtf, .odt: mở bằng Word hoặc LibreOffice, chọn \"Lưu thành\" (Save As) định dạng .docx rồi mở tệp .docx; hoặc chọn cả bảng phụ lục, sao chép và dán vào trang soạn bộ chỉ số",
            "a Word 97–2003 (.doc), .rtf or .odt file: open it in Word or LibreOffice, \"Save As\" .docx and open the .docx; or select the whole annex table, copy it and paste it into the framework editor",
        ),
        "xls" | "xlsb" | "ods" | "et" => (
            "bảng tính Excel 97–2003 (.xls) hoặc .xlsb, .ods: mở bằng Excel hoặc LibreOffice, chọn \"Lưu thành\" (Save As) định dạng .xlsx rồi mở tệp .xlsx; hoặc chọn cả bảng, sao chép và dán vào trang soạn bộ chỉ số",
            "an Excel 97–2003 (.xls), .xlsb or .ods workbook: open it in Excel or LibreOffice, \"Save As\" .xlsx and open the .xlsx; or select the whole table, copy it and paste it into the framework editor",
        ),
        "pdf" => (
            "tệp PDF: mở bằng trình xem PDF, chọn cả bảng phụ lục, sao chép và dán vào trang soạn bộ chỉ số (hoặc lưu vào một tệp .txt rồi mở tệp đó). Bản quét (ảnh chụp văn bản) không chép được chữ: cần bản Word hoặc Excel của phụ lục",
            "a PDF: open it in a PDF viewer, select the whole annex table, copy it and paste it into the framework editor (or save it in a .txt file and open that). A scan (a picture of the text) has no text to copy: the annex's Word or Excel file is needed",
        ),
        _ => return None,
    };
    Some(Text::new(vi, en))
}

/// A table as JSON, to hand it from one WebAssembly module to another (the editor page's
/// `.xlsx` reader): `{"rows": [{"n": 1, "c": ["…"], "h": false, "f": [2]}, …]}`.
pub fn table_json(table: &Table) -> String {
    let rows: Vec<serde_json::Value> = table
        .rows
        .iter()
        .map(|r| serde_json::json!({ "n": r.number, "c": r.cells, "h": r.hidden, "f": r.formulas }))
        .collect();
    serde_json::json!({ "rows": rows }).to_string()
}

/// The table [`table_json`] wrote; `None` for anything else.
pub fn table_from_json(text: &str) -> Option<Table> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    let mut table = Table::default();
    for r in v.get("rows")?.as_array()? {
        let cells = r
            .get("c")?
            .as_array()?
            .iter()
            .map(|c| c.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()?;
        let mut row = Row::new(usize::try_from(r.get("n")?.as_u64()?).ok()?, cells);
        row.hidden = r.get("h")?.as_bool()?;
        row.formulas = r
            .get("f")?
            .as_array()?
            .iter()
            .map(|f| f.as_u64().and_then(|f| usize::try_from(f).ok()))
            .collect::<Option<Vec<_>>>()?;
        table.rows.push(row);
    }
    limits::rows(&table).ok()?;
    Some(table)
}

/// Reads a file's bytes as a table.
pub fn read(kind: Kind, bytes: &[u8]) -> Result<Table, ReadError> {
    limits::size(bytes)?;
    let table = match kind {
        Kind::Docx => docx::read(bytes)?,
        #[cfg(feature = "xlsx")]
        Kind::Xlsx => sheet::xlsx(bytes)?,
        #[cfg(not(feature = "xlsx"))]
        Kind::Xlsx => {
            return Err(ReadError::new(
                "bản dựng này không đọc .xlsx trực tiếp (trang soạn bộ chỉ số dùng bộ đọc parindex-xlsx)",
                "this build does not read .xlsx itself (the editor page uses the parindex-xlsx reader)",
            ))
        }
        Kind::Csv => sheet::csv(limits::utf8(bytes)?)?,
        Kind::Text => text::read(limits::utf8(bytes)?),
        Kind::Html => html::read(limits::utf8(bytes)?)?,
    };
    limits::rows(&table)?;
    Ok(table)
}
