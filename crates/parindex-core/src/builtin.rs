//! The frameworks shipped with parindex, embedded at compile time from `frameworks/`.
//! Embedding keeps the core free of I/O: the CLI, the browser app and the JavaScript
//! package all carry the same bytes.

use crate::diagnostic::Diagnostic;
use crate::framework::Framework;

/// One built-in framework file.
pub struct BuiltinFramework {
    /// `id@edition`.
    pub reference: &'static str,
    pub file_name: &'static str,
    pub source: &'static str,
}

/// Every built-in framework, in the order they are listed to users.
pub const BUILTIN: &[BuiltinFramework] = &[
    BuiltinFramework {
        reference: "mau-huyen@2022",
        file_name: "mau-huyen-2022.toml",
        source: include_str!("../../../frameworks/mau-huyen-2022.toml"),
    },
    BuiltinFramework {
        reference: "mau-xa@2024",
        file_name: "mau-xa-2024.toml",
        source: include_str!("../../../frameworks/mau-xa-2024.toml"),
    },
];

/// What a built-in framework is, without its text: enough to list it. The browser app
/// lists frameworks from this and fetches a framework's file only when it is used, so
/// a first visit does not download every framework. A test checks every entry against
/// the parsed file.
pub struct Listing {
    pub reference: &'static str,
    pub file_name: &'static str,
    pub title_vi: &'static str,
    pub title_en: &'static str,
    /// `Level::name()`: `district`, `commune`, …
    pub level: &'static str,
    pub official: bool,
    pub leaves: usize,
    /// Where it comes from (the framework's `source`).
    pub provenance: &'static str,
}

/// The built-in frameworks, listed (same order as [`BUILTIN`]).
pub const CATALOGUE: &[Listing] = &[
    Listing {
        reference: "mau-huyen@2022",
        file_name: "mau-huyen-2022.toml",
        title_vi: "Chỉ số cải cách hành chính cấp huyện (khung mẫu minh hoạ) năm 2022",
        title_en: "District Public Administration Reform Index (illustrative template), 2022",
        level: "district",
        official: false,
        leaves: 47,
        provenance: "Khung mẫu minh hoạ do parindex soạn, không phải quyết định đã ban hành: mô phỏng cấu trúc Chỉ số CCHC cấp huyện của các tỉnh (8 lĩnh vực như Quyết định 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ và các quyết định của UBND tỉnh); điểm tối đa và cách chấm do parindex tự đặt. / Illustrative template written by parindex, not an issued decision: shaped like provincial district-level PAR indices (the 8 fields of Decision 876/QĐ-BNV of 10 November 2022 and provincial decisions); all maxima and scoring rules are parindex's own.",
    },
    Listing {
        reference: "mau-xa@2024",
        file_name: "mau-xa-2024.toml",
        title_vi: "Chỉ số cải cách hành chính cấp xã (khung mẫu minh hoạ) năm 2024",
        title_en: "Commune Public Administration Reform Index (illustrative template), 2024",
        level: "commune",
        official: false,
        leaves: 20,
        provenance: "Khung mẫu minh hoạ do parindex soạn, không phải quyết định đã ban hành: mô phỏng chỉ số CCHC cấp xã của các tỉnh, thành phố (kiểu Hà Nội: 7 lĩnh vực, điều tra xã hội học 30/100 không bắt buộc, khi không điều tra thì quy đổi điểm thẩm định về thang 100); điểm tối đa và cách chấm do parindex tự đặt. / Illustrative template written by parindex, not an issued decision: shaped like provincial commune-level PAR indices (Hà Nội style: 7 fields, an optional survey worth 30/100, appraised points rescaled to 100 when no survey is held); all maxima and scoring rules are parindex's own.",
    },
];

/// Loads a built-in framework by `id@edition`.
pub fn builtin(reference: &str) -> Result<Framework, Vec<Diagnostic>> {
    match BUILTIN.iter().find(|b| b.reference == reference) {
        Some(b) => Framework::from_toml(b.source),
        None => {
            let names: Vec<&str> = BUILTIN.iter().map(|b| b.reference).collect();
            Err(vec![Diagnostic::error(
                crate::codes::FRAMEWORK_UNKNOWN,
                "framework",
                format!("không có bộ chỉ số có sẵn \"{reference}\" (có sẵn: {}); hãy chỉ định tệp bộ chỉ số", names.join(", ")),
                format!("no built-in framework \"{reference}\" (built in: {}); give a framework file", names.join(", ")),
            )])
        }
    }
}

/// Every built-in framework, loaded.
pub fn all() -> Vec<Result<Framework, Vec<Diagnostic>>> {
    BUILTIN
        .iter()
        .map(|b| Framework::from_toml(b.source))
        .collect()
}
