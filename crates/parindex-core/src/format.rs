//! How parindex writes things for people and files, in one place, so that the renderers
//! (text, CSV, Markdown, the report, the spreadsheets) and the app say the same thing
//! the same way: an index as published (`83,00%`), a missing band, a JSON file, and the
//! headings of the scorecard and ranking tables.

use crate::diagnostic::{tr, Lang, Text};
use crate::scorecard::Index;
use serde::Serialize;
use serde_json::Value;

/// An index as the Ministry publishes it, with the framework's places and the
/// language's decimal mark: `83,00%` / `83.00%`; `—` when there is none (nothing
/// applicable).
pub fn index_text(index: Option<Index>, lang: Lang) -> String {
    match index.map(Index::to_fixed) {
        Some(v) if lang == Lang::Vi => format!("{}%", v.replace('.', ",")),
        Some(v) => format!("{v}%"),
        None => "—".to_string(),
    }
}

/// A band's label, or that the index is below every band.
pub fn band_text(band: Option<&Text>, lang: Lang) -> String {
    band.map_or_else(
        || tr(lang, "(không xếp loại)", "(no band)").to_string(),
        |b| b.get(lang).to_string(),
    )
}

/// JSON as parindex writes every file and result: two-space indentation and a final
/// newline, so the same value gives the same bytes everywhere.
pub fn pretty_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// [`pretty_json`] of a value tree, written without serde's serializer (the pages write
/// drafts and exports this way, and so carry no serializer): the same bytes.
pub fn value_json(value: &Value) -> String {
    crate::json_write::value(value, true).finish()
}

/// A value tree as compact JSON text, the bytes of `Value::to_string`, written without
/// serde's serializer (what the pages hand to the browser's scripts and storage).
pub fn compact_json(value: &Value) -> String {
    crate::json_write::value(value, false).text_only()
}

/// A total (or `null`) as `serde_json::to_string_pretty` writes it, without serde's
/// serializer (the embedded page's messages).
pub fn total_json(total: Option<&crate::scorecard::Total>) -> String {
    crate::json_write::total_only(total)
}

/// Diagnostics with their codes and locations, as `serde_json::to_string_pretty` writes
/// them, without serde's serializer (the embedded page's messages, the JS package's
/// `DiagnosticDetail`).
pub fn diagnostics_json(diagnostics: &[crate::Diagnostic]) -> String {
    crate::json_write::diagnostics(diagnostics)
}

/// A value as compact JSON inside a message (`{}`), the bytes `Value`'s own `Display`
/// gives.
pub struct JsonText<'a>(pub &'a Value);

impl std::fmt::Display for JsonText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&compact_json(self.0))
    }
}

/// A column of the scorecard and ranking tables. Each has a short heading (text and
/// Markdown tables, read on screen), a full heading (the standard table of the report
/// and the spreadsheets, *Bảng tổng hợp kết quả tự đánh giá, chấm điểm*) and a CSV key
/// (ASCII, for programs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Code,
    Criterion,
    Max,
    SelfPoints,
    Points,
    Status,
    Explanation,
    Evidence,
    Rank,
    Unit,
    /// A unit's counted points (ranking, field summary).
    Total,
    Index,
    Band,
}

impl Column {
    /// The scorecard's columns, in order (the explanation only with `--explain`).
    pub const SCORECARD: [Column; 6] = [
        Column::Code,
        Column::Criterion,
        Column::Max,
        Column::SelfPoints,
        Column::Points,
        Column::Status,
    ];

    /// The ranking's columns, in order.
    pub const RANKING: [Column; 6] = [
        Column::Rank,
        Column::Unit,
        Column::Total,
        Column::Max,
        Column::Index,
        Column::Band,
    ];

    /// The column's headings, in Vietnamese and English: short (text, Markdown), full
    /// (the standard table), CSV key.
    fn headings(self) -> [(&'static str, &'static str); 3] {
        match self {
            Column::Code => [("Mã", "Code"), ("Mã", "Code"), ("ma", "code")],
            Column::Criterion => [
                ("Tiêu chí", "Criterion"),
                ("Lĩnh vực, tiêu chí", "Field, criterion"),
                ("tieu_chi", "criterion"),
            ],
            Column::Max => [
                ("Tối đa", "Max"),
                ("Điểm tối đa", "Max"),
                ("diem_toi_da", "max"),
            ],
            Column::SelfPoints => [
                ("Tự chấm", "Self"),
                ("Điểm tự đánh giá", "Self-assessed"),
                ("diem_tu_danh_gia", "self_points"),
            ],
            Column::Points => [
                ("Thẩm định", "Appraised"),
                ("Điểm thẩm định", "Appraised"),
                ("diem_tham_dinh", "points"),
            ],
            Column::Status => [
                ("Trạng thái", "Status"),
                ("Trạng thái", "Status"),
                ("trang_thai", "status"),
            ],
            Column::Explanation => [
                ("Giải thích", "Explanation"),
                ("Giải thích", "Explanation"),
                ("giai_thich", "explanation"),
            ],
            Column::Evidence => [
                ("Tài liệu kiểm chứng", "Evidence"),
                ("Tài liệu kiểm chứng", "Evidence"),
                ("tai_lieu_kiem_chung", "evidence"),
            ],
            Column::Rank => [("Hạng", "Rank"), ("Hạng", "Rank"), ("hang", "rank")],
            Column::Unit => [("Đơn vị", "Unit"), ("Đơn vị", "Unit"), ("don_vi", "unit")],
            Column::Total => [("Điểm", "Points"), ("Điểm", "Points"), ("diem", "points")],
            Column::Index => [
                ("Chỉ số", "Index"),
                ("Chỉ số (%)", "Index (%)"),
                ("chi_so", "index"),
            ],
            Column::Band => [
                ("Xếp loại", "Band"),
                ("Xếp loại", "Band"),
                ("xep_loai", "band"),
            ],
        }
    }

    /// The heading of text and Markdown tables: `Tối đa`.
    pub fn short(self, lang: Lang) -> &'static str {
        let (vi, en) = self.headings()[0];
        tr(lang, vi, en)
    }

    /// The heading of the standard table (report, spreadsheets): `Điểm tối đa`.
    pub fn full(self, lang: Lang) -> &'static str {
        let (vi, en) = self.headings()[1];
        tr(lang, vi, en)
    }

    /// The CSV heading: `diem_toi_da` / `max`.
    pub fn key(self, lang: Lang) -> &'static str {
        let (vi, en) = self.headings()[2];
        tr(lang, vi, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn indices_and_bands_as_people_read_them() {
        let i = Some(Index {
            value: Decimal::from(83),
            places: 2,
        });
        assert_eq!(index_text(i, Lang::Vi), "83,00%");
        assert_eq!(index_text(i, Lang::En), "83.00%");
        assert_eq!(index_text(None, Lang::Vi), "—");
        assert_eq!(band_text(None, Lang::En), "(no band)");
        assert_eq!(pretty_json(&[1]), "[\n  1\n]\n");
    }
}
