//! The dossier (*hồ sơ điện tử*): one ordinary `.zip` any office computer opens, holding
//! the assessment (`ho-so.json`, format 1), the evidence files under `tai-lieu/CODE/NAME`
//! and `manifest.json` (every file's path, SHA-256, size and type; the history of the
//! dossier's exports). `docs/formats.md` §6 is the contract.
//!
//! Bytes in, bytes out: no I/O, no clock. Reading is bounded ([`LIMITS`]) before anything
//! is unpacked, names are checked (no `..`, absolute paths, backslashes, duplicates,
//! invalid UTF-8), and every problem is a message in Vietnamese and English naming the
//! entry. [`read`] refuses what is not a dossier; [`verify`] then says which files are
//! missing, altered or not referenced, so a reader can still show the rest.
//! [`read_assessment`] reads the assessment alone (scoring, ranking, comparing), from a
//! file on disk or one read in [`Pieces`].

mod limits;
mod names;
mod pieces;

pub use limits::{Limits, LIMITS};
pub use pieces::{assessment_in, Found, Pieces, STEP};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::io::{Cursor, Read, Seek, Write};

/// The assessment's entry.
pub const ASSESSMENT: &str = "ho-so.json";
/// The manifest's entry.
pub const MANIFEST: &str = "manifest.json";
/// The folder of the evidence files: `tai-lieu/CODE/NAME`.
pub const FILES: &str = "tai-lieu";

/// A problem, in both languages, with the entry (or file) it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The entry's name in the archive, when the problem is about one.
    pub entry: Option<String>,
    pub vi: String,
    pub en: String,
}

impl Problem {
    fn new(entry: Option<&str>, vi: impl Into<String>, en: impl Into<String>) -> Problem {
        Problem {
            entry: entry.map(str::to_string),
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// `entry: message` in one language (`vi` or not).
    pub fn line(&self, vietnamese: bool) -> String {
        let m = if vietnamese { &self.vi } else { &self.en };
        match &self.entry {
            Some(e) => format!("{e}: {m}"),
            None => m.clone(),
        }
    }
}

/// An evidence file in the dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    /// The criterion it backs (`1.1.1`).
    pub code: String,
    /// Its file name (`ke-hoach-cchc-2022.pdf`).
    pub name: String,
    /// Its media type as the manifest gives it (`application/pdf`).
    pub media_type: String,
    pub bytes: Vec<u8>,
}

impl Attached {
    /// Its entry in the archive.
    pub fn path(&self) -> String {
        format!("{FILES}/{}/{}", self.code, self.name)
    }
}

/// A dossier: the assessment as text, its files, its history (entries as the manifest
/// keeps them).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dossier {
    pub assessment: String,
    pub files: Vec<Attached>,
    pub history: Vec<Value>,
    /// What the manifest says of each file: path, SHA-256, size, type (as read; written
    /// from the files).
    pub manifest: Vec<Listed>,
    /// The manifest's bytes as read (unpacked as they were).
    pub manifest_raw: Vec<u8>,
}

/// A file as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub path: String,
    pub sha256: String,
    pub size: u64,
    pub media_type: String,
}

/// The SHA-256 of bytes, as 64 lowercase hexadecimal digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    out
}

/// The manifest of a dossier's files and history.
fn manifest_json(d: &Dossier) -> String {
    let files: Vec<Value> = d
        .files
        .iter()
        .map(|f| {
            json!({ "path": f.path(), "sha256": sha256_hex(&f.bytes), "size": f.bytes.len(),
                    "type": f.media_type })
        })
        .collect();
    let v =
        json!({ "kind": "parindex-dossier", "format": 1, "files": files, "history": d.history });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

/// Writes a dossier: the assessment and the manifest compressed, the files stored as they
/// are (PDF, images and Office files are compressed already). Refused when a file's
/// name or code could not be read back, or the whole exceeds [`LIMITS`].
pub fn write(d: &Dossier) -> Result<Vec<u8>, Problem> {
    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;
    let mut seen: Vec<String> = Vec::new();
    let mut total = (d.assessment.len()) as u64;
    for f in &d.files {
        let path = f.path();
        names::check(path.as_bytes(), &mut seen).map_err(|p| p.of(&path))?;
        total += f.bytes.len() as u64;
        if f.bytes.len() as u64 > LIMITS.per_file {
            return Err(limits::too_large_file(&path, f.bytes.len() as u64));
        }
    }
    if total > LIMITS.total || d.files.len() + 2 > LIMITS.entries {
        return Err(limits::too_large_whole(total, d.files.len() + 2));
    }
    let failed = |e: String| {
        Problem::new(
            None,
            format!("không ghi được hồ sơ ({e})"),
            format!("cannot write the dossier ({e})"),
        )
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed time, so the same dossier gives the same bytes.
    let packed = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let stored = packed.compression_method(CompressionMethod::Stored);
    let mut put = |name: &str, bytes: &[u8], options: SimpleFileOptions| -> Result<(), Problem> {
        zip.start_file(name, options)
            .map_err(|e| failed(e.to_string()))?;
        zip.write_all(bytes).map_err(|e| failed(e.to_string()))
    };
    put(ASSESSMENT, d.assessment.as_bytes(), packed)?;
    for f in &d.files {
        put(&f.path(), &f.bytes, stored)?;
    }
    put(MANIFEST, manifest_json(d).as_bytes(), packed)?;
    let cursor = zip.finish().map_err(|e| failed(e.to_string()))?;
    Ok(cursor.into_inner())
}

/// Reads a dossier. Refused — with every problem found — when it is not a zip, is
/// truncated or corrupted, exceeds [`LIMITS`], has an entry whose name is unsafe or
/// unknown, lacks `ho-so.json` or a readable `manifest.json`. Whether the files are
/// those the manifest and the assessment name is [`verify`]'s question.
pub fn read(bytes: &[u8]) -> Result<Dossier, Vec<Problem>> {
    read_from(Cursor::new(bytes), Unpack::Everything)
}

/// Reads a dossier's assessment (`ho-so.json`) and nothing of its evidence files, from
/// anything that reads and seeks: a file on disk, or a browser's file read in pieces
/// ([`Pieces`]). The archive is refused as [`read`] refuses it — bounds, every entry's
/// name, `ho-so.json` and `manifest.json` readable — but the files are neither unpacked
/// nor hashed, so scoring, ranking and comparing take the same time whatever the
/// dossier's documents weigh; [`read`] and [`verify`] are for the documents.
pub fn read_assessment<R: Read + Seek>(reader: R) -> Result<String, Vec<Problem>> {
    read_from(reader, Unpack::TextsOnly).map(|d| d.assessment)
}

/// Refuses a dossier of `size` bytes larger than [`LIMITS`] allow, before a byte of it is
/// read.
pub fn check_size(size: u64) -> Result<(), Problem> {
    if size > LIMITS.archive {
        return Err(limits::too_large_archive(size));
    }
    Ok(())
}

/// What [`read_from`] unpacks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unpack {
    Everything,
    /// `ho-so.json` and `manifest.json`; the evidence files' names are still checked.
    TextsOnly,
}

fn read_from<R: Read + Seek>(mut reader: R, unpack: Unpack) -> Result<Dossier, Vec<Problem>> {
    let broken = |e: String| {
        vec![Problem::new(
            None,
            format!("tệp không phải là hồ sơ .zip đọc được: tệp hỏng hoặc bị cắt cụt ({e})"),
            format!("not a readable .zip dossier: the file is damaged or truncated ({e})"),
        )]
    };
    let size = reader
        .seek(std::io::SeekFrom::End(0))
        .map_err(|e| broken(e.to_string()))?;
    check_size(size).map_err(|p| vec![p])?;
    let mut archive = zip::ZipArchive::new(reader).map_err(|e| broken(e.to_string()))?;
    limits::check_archive(&archive)?;
    let mut problems = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut dossier = Dossier::default();
    let mut assessment = None;
    let mut manifest = None;
    for i in 0..archive.len() {
        // The name and kind from the directory: nothing of the entry is read yet.
        let (raw, is_dir) = match archive.by_index_data(i) {
            Ok(e) => (e.name_raw().to_vec(), e.is_dir()),
            Err(e) => {
                problems.extend(broken(e.to_string()));
                continue;
            }
        };
        let name = match names::check(&raw, &mut seen) {
            Ok(n) => n,
            Err(p) => {
                problems.push(p.of(&String::from_utf8_lossy(&raw)));
                continue;
            }
        };
        if is_dir {
            continue;
        }
        let place = names::place(&name);
        if let names::Place::Unknown = place {
            problems.push(Problem::new(
                Some(&name),
                format!("tệp lạ: hồ sơ chỉ chứa {ASSESSMENT}, {MANIFEST} và các tệp trong {FILES}/MÃ/"),
                format!("unexpected entry: a dossier holds only {ASSESSMENT}, {MANIFEST} and files under {FILES}/CODE/"),
            ));
            continue;
        }
        if unpack == Unpack::TextsOnly && matches!(place, names::Place::File { .. }) {
            continue;
        }
        let mut entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                problems.extend(broken(e.to_string()));
                continue;
            }
        };
        let mut content = Vec::new();
        let declared = entry.size();
        let read = (&mut entry)
            .take(LIMITS.per_file + 1)
            .read_to_end(&mut content);
        match read {
            Ok(n) if n as u64 == declared => {}
            Ok(_) => {
                problems.push(Problem::new(
                    Some(&name),
                    "kích thước giải nén khác với kích thước ghi trong tệp .zip",
                    "unpacked size differs from the size the .zip declares",
                ));
                continue;
            }
            Err(e) => {
                problems.push(Problem::new(
                    Some(&name),
                    format!("không giải nén được: tệp hỏng ({e})"),
                    format!("cannot be unpacked: the file is damaged ({e})"),
                ));
                continue;
            }
        }
        match place {
            names::Place::Assessment => assessment = Some(content),
            names::Place::Manifest => manifest = Some(content),
            names::Place::File { code, name } => dossier.files.push(Attached {
                code,
                name,
                media_type: String::new(),
                bytes: content,
            }),
            names::Place::Unknown => {}
        }
    }
    match assessment.map(String::from_utf8) {
        Some(Ok(text)) => dossier.assessment = text,
        Some(Err(_)) => problems.push(Problem::new(
            Some(ASSESSMENT),
            "không phải văn bản UTF-8",
            "not UTF-8 text",
        )),
        None => problems.push(Problem::new(
            None,
            format!("thiếu {ASSESSMENT} (kết quả tự đánh giá)"),
            format!("{ASSESSMENT} (the assessment) is missing"),
        )),
    }
    match manifest {
        Some(m) => match read_manifest(&m) {
            Ok((listed, history)) => {
                dossier.manifest_raw.clone_from(&m);
                for f in &mut dossier.files {
                    let path = f.path();
                    if let Some(l) = listed.iter().find(|l| l.path == path) {
                        f.media_type.clone_from(&l.media_type);
                    }
                }
                dossier.manifest = listed;
                dossier.history = history;
            }
            Err(p) => problems.push(p),
        },
        None => problems.push(Problem::new(
            None,
            format!("thiếu {MANIFEST} (danh mục tệp)"),
            format!("{MANIFEST} (the list of files) is missing"),
        )),
    }
    if problems.is_empty() {
        Ok(dossier)
    } else {
        Err(problems)
    }
}

/// The manifest's files and history.
fn read_manifest(bytes: &[u8]) -> Result<(Vec<Listed>, Vec<Value>), Problem> {
    let bad = |vi: &str, en: &str| Problem::new(Some(MANIFEST), vi.to_string(), en.to_string());
    let v: Value = serde_json::from_slice(bytes)
        .map_err(|_| bad("không phải JSON đọc được", "not readable JSON"))?;
    if v.get("kind").and_then(Value::as_str) != Some("parindex-dossier")
        || v.get("format").and_then(Value::as_u64) != Some(1)
    {
        return Err(bad(
            "không phải danh mục hồ sơ parindex định dạng 1",
            "not a parindex dossier manifest of format 1",
        ));
    }
    let mut listed = Vec::new();
    for f in v
        .get("files")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let text = |k: &str| f.get(k).and_then(Value::as_str).map(str::to_string);
        let (Some(path), Some(sha256), Some(size)) = (
            text("path"),
            text("sha256"),
            f.get("size").and_then(Value::as_u64),
        ) else {
            return Err(bad(
                "một tệp trong danh mục thiếu path, sha256 hoặc size",
                "a file in the manifest lacks path, sha256 or size",
            ));
        };
        listed.push(Listed {
            path,
            sha256,
            size,
            media_type: text("type").unwrap_or_default(),
        });
    }
    let history = v
        .get("history")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    Ok((listed, history))
}

/// An evidence item's file as the assessment names it (`file = { name, sha256, size,
/// type }` in `self`/`appraisal.CODE.evidence[i]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// `self` or `appraisal`.
    pub section: String,
    pub code: String,
    /// The evidence item's position.
    pub item: usize,
    pub name: String,
    pub sha256: String,
    pub size: u64,
}

impl Reference {
    pub fn path(&self) -> String {
        format!("{FILES}/{}/{}", self.code, self.name)
    }
}

/// Every file the assessment's evidence names, in the order of the file.
pub fn references(assessment: &Value) -> Vec<Reference> {
    let mut out = Vec::new();
    for section in ["self", "appraisal"] {
        let Some(entries) = assessment.get(section).and_then(Value::as_object) else {
            continue;
        };
        for (code, entry) in entries {
            let items = entry.get("evidence").and_then(Value::as_array);
            for (item, ev) in items.into_iter().flatten().enumerate() {
                let Some(file) = ev.get("file") else { continue };
                let text = |k: &str| {
                    file.get(k)
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string()
                };
                out.push(Reference {
                    section: section.to_string(),
                    code: code.clone(),
                    item,
                    name: text("name"),
                    sha256: text("sha256"),
                    size: file.get("size").and_then(Value::as_u64).unwrap_or_default(),
                });
            }
        }
    }
    out
}

/// What is wrong with a read dossier's files: a file the manifest or the assessment names
/// that is missing, a file whose bytes do not match its SHA-256 or size (altered), a file
/// the manifest does not list. Empty when every file is as named.
pub fn verify(d: &Dossier) -> Vec<Problem> {
    let mut problems = Vec::new();
    for f in &d.files {
        let path = f.path();
        let actual = sha256_hex(&f.bytes);
        match d.manifest.iter().find(|l| l.path == path) {
            None => problems.push(Problem::new(
                Some(&path),
                "tệp không có trong danh mục (manifest.json)",
                "not listed in the manifest",
            )),
            Some(l) if l.sha256 != actual || l.size != f.bytes.len() as u64 => {
                problems.push(altered(&path))
            }
            Some(_) => {}
        }
    }
    for l in &d.manifest {
        if !d.files.iter().any(|f| f.path() == l.path) {
            problems.push(missing(&l.path));
        }
    }
    let tree: Value = serde_json::from_str(&d.assessment).unwrap_or(Value::Null);
    for r in references(&tree) {
        let path = r.path();
        // A file the manifest check already named is not named twice.
        if problems
            .iter()
            .any(|p| p.entry.as_deref() == Some(path.as_str()))
        {
            continue;
        }
        match d.files.iter().find(|f| f.path() == path) {
            None => problems.push(missing(&path)),
            Some(f) if sha256_hex(&f.bytes) != r.sha256 || f.bytes.len() as u64 != r.size => {
                problems.push(altered(&path))
            }
            Some(_) => {}
        }
    }
    problems
}

fn missing(path: &str) -> Problem {
    Problem::new(
        Some(path),
        "thiếu tệp tài liệu kiểm chứng này trong hồ sơ",
        "this evidence file is missing from the dossier",
    )
}

fn altered(path: &str) -> Problem {
    Problem::new(
        Some(path),
        "tệp đã bị thay đổi: mã SHA-256 hoặc kích thước không khớp",
        "the file was altered: its SHA-256 or size does not match",
    )
}
