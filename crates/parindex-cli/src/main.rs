//! `parindex`: the command-line face of parindex-core. Reads files, calls the core,
//! prints results on stdout and diagnostics on stderr. Exit status: 0 success,
//! 1 invalid input or framework, 2 wrong usage.

mod args;
mod xlsx;

use args::{Command, Format, Usage};
use parindex_core::format::pretty_json;
use parindex_core::keyword::Keyword;
use parindex_core::{
    assessment, blank_assessment, builtin, builtin_infos, rank_json_on, render, report, score,
    Assessment, Diagnostic, Framework, FrameworkInfo, Lang, Opened,
};
use std::io::Write;
use std::process::ExitCode;

/// Larger files are refused before they are read into memory.
const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Invalid input that stops a command: every line goes to stderr, exit 1. (Wrong usage
/// is caught earlier, by the argument parser.)
enum Failure {
    Invalid(Vec<String>),
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let lang_env = std::env::var("PARINDEX_LANG").ok();
    let parsed = match args::parse(&argv, lang_env.as_deref()) {
        Ok(p) => p,
        Err(Usage::Help(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(Usage::Error(msg)) => {
            eprintln!("parindex: {msg}\n{}", args::SHORT_USAGE);
            return ExitCode::from(2);
        }
    };
    let lang = parsed.lang;
    match run(parsed.command, lang).and_then(|out| deliver(out, lang)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid(lines)) => {
            for line in lines {
                eprintln!("{line}");
            }
            ExitCode::from(1)
        }
    }
}

/// What a command produces: bytes, for stdout or for the `--output` file.
struct Output {
    bytes: Vec<u8>,
    file: Option<String>,
}

impl From<String> for Output {
    fn from(text: String) -> Output {
        Output {
            bytes: text.into_bytes(),
            file: None,
        }
    }
}

fn deliver(out: Output, lang: Lang) -> Result<(), Failure> {
    match out.file {
        Some(path) => std::fs::write(&path, &out.bytes).map_err(|e| {
            Failure::Invalid(vec![match lang {
                Lang::Vi => format!("{path}: không ghi được tệp ({e})"),
                Lang::En => format!("{path}: cannot write the file ({e})"),
            }])
        }),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`parindex … | head`) is not an error worth a panic.
            let _ = stdout.write_all(&out.bytes);
            let _ = stdout.flush();
            Ok(())
        }
    }
}

fn spreadsheet(result: Result<Vec<u8>, rust_xlsxwriter::XlsxError>) -> Result<Vec<u8>, Failure> {
    result.map_err(|e| Failure::Invalid(vec![format!("xlsx: {e}")]))
}

/// `framework import`: the annex read into a framework; findings on stderr, the TOML
/// returned for stdout only when the framework validates.
fn import(
    path: &str,
    id: Option<String>,
    edition: Option<String>,
    level: Option<String>,
    lang: Lang,
) -> Result<String, Failure> {
    let fail = |lines: Vec<String>| Failure::Invalid(lines);
    let Some(kind) = parindex_annex::Kind::of(path) else {
        let why = tr(
            lang,
            "không đọc được loại tệp này (cần .docx, .xlsx, .csv, .tsv, .html hoặc .txt)",
            "cannot read this kind of file (.docx, .xlsx, .csv, .tsv, .html or .txt)",
        );
        let what = parindex_annex::how_to_read(path)
            .map_or(String::new(), |t| format!(" — {}", t.get(lang)));
        return Err(fail(vec![format!("{path}: {why}{what}")]));
    };
    let bytes = read_bytes(path, lang)?;
    let table = parindex_annex::read(kind, &bytes)
        .map_err(|e| fail(vec![format!("{path}: {}", e.0.get(lang))]))?;
    let file_name = std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let options = parindex_core::annex::Options {
        id,
        edition,
        level,
        file_name,
    };
    let result = parindex_core::annex::import(&table, &options);
    let lines: Vec<String> = result
        .findings
        .iter()
        .map(|f| format!("{path}: {}", f.line(lang)))
        .collect();
    if result.framework.is_none() {
        return Err(fail(lines));
    }
    for line in lines {
        eprintln!("{line}");
    }
    Ok(parindex_core::framework_toml::write_toml(&result.tree))
}

/// A framework written as an annex table (`.xlsx` or `.csv`) that imports back to itself.
fn export(framework: &str, format: Format, lang: Lang) -> Result<Vec<u8>, Failure> {
    let source = if framework.ends_with(".toml") {
        read(framework, lang)?
    } else {
        match parindex_core::BUILTIN
            .iter()
            .find(|b| b.reference == framework)
        {
            Some(b) => b.source.to_string(),
            None => {
                // The message naming the built-ins.
                builtin(framework)
                    .map_err(|d| Failure::Invalid(d.iter().map(|d| d.render(lang)).collect()))?;
                return Err(Failure::Invalid(vec![framework.to_string()]));
            }
        }
    };
    Framework::from_toml(&source).map_err(|d| Failure::Invalid(lines(framework, &d, lang)))?;
    let tree = Framework::tree_json(&source)
        .ok()
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    let table = parindex_core::annex::export::table(&tree);
    match format {
        Format::Xlsx => spreadsheet_text(parindex_annex::write::xlsx(&table)),
        _ => Ok(parindex_annex::write::csv(&table)),
    }
}

fn spreadsheet_text(result: Result<Vec<u8>, String>) -> Result<Vec<u8>, Failure> {
    result.map_err(|e| Failure::Invalid(vec![format!("xlsx: {e}")]))
}

fn tr(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    parindex_core::diagnostic::tr(lang, vi, en)
}

/// Reads a file's bytes, refusing one larger than [`MAX_FILE_BYTES`] before reading it.
fn read_bytes(path: &str, lang: Lang) -> Result<Vec<u8>, Failure> {
    let fail = |vi: String, en: String| {
        let msg = match lang {
            Lang::Vi => vi,
            Lang::En => en,
        };
        Failure::Invalid(vec![format!("{path}: {msg}")])
    };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(path, &e, lang))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(
            format!("tệp quá lớn ({} byte, tối đa {MAX_FILE_BYTES})", meta.len()),
            format!(
                "file too large ({} bytes, at most {MAX_FILE_BYTES})",
                meta.len()
            ),
        ));
    }
    std::fs::read(path).map_err(|e| unreadable(path, &e, lang))
}

/// A dossier's problems, one line each, named by the file.
fn dossier_failure(path: &str, problems: &[parindex_dossier::Problem], lang: Lang) -> Failure {
    Failure::Invalid(
        problems
            .iter()
            .map(|p| format!("{path}: {}", p.line(lang == Lang::Vi)))
            .collect(),
    )
}

/// A file that cannot be read, named.
fn unreadable(path: &str, e: &std::io::Error, lang: Lang) -> Failure {
    Failure::Invalid(vec![format!(
        "{path}: {}",
        match lang {
            Lang::Vi => format!("không đọc được tệp ({e})"),
            Lang::En => format!("cannot read the file ({e})"),
        }
    )])
}

/// A dossier (`.zip`), read whole: refused with every problem of its archive, named.
/// Larger than a dossier may be, it is refused before it is read into memory.
fn read_dossier(path: &str, lang: Lang) -> Result<parindex_dossier::Dossier, Failure> {
    let mut file = std::fs::File::open(path).map_err(|e| unreadable(path, &e, lang))?;
    let size = file
        .metadata()
        .map_err(|e| unreadable(path, &e, lang))?
        .len();
    parindex_dossier::check_size(size).map_err(|p| dossier_failure(path, &[p], lang))?;
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(|e| unreadable(path, &e, lang))?;
    parindex_dossier::read(&bytes).map_err(|ps| dossier_failure(path, &ps, lang))
}

/// Whether a path names a dossier (by its extension).
fn is_dossier(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".zip")
}

/// An assessment's text: a `.json` file's, or the `ho-so.json` of a dossier — read from
/// the archive alone, its evidence files neither unpacked nor hashed (`dossier verify`
/// checks them).
fn read_assessment_text(path: &str, lang: Lang) -> Result<String, Failure> {
    if is_dossier(path) {
        let file = std::fs::File::open(path).map_err(|e| unreadable(path, &e, lang))?;
        parindex_dossier::read_assessment(std::io::BufReader::new(file))
            .map_err(|ps| dossier_failure(path, &ps, lang))
    } else {
        read(path, lang)
    }
}

/// `dossier verify`: the archive, every file's hash and reference, then the assessment
/// against its framework. Problems on stderr (exit 1); a summary on stdout otherwise.
fn verify_dossier(path: &str, framework: Option<&str>, lang: Lang) -> Result<String, Failure> {
    let d = read_dossier(path, lang)?;
    let mut lines: Vec<String> = parindex_dossier::verify(&d)
        .iter()
        .map(|p| format!("{path}: {}", p.line(lang == Lang::Vi)))
        .collect();
    let fw = framework.map(|p| load_framework(p, lang)).transpose()?;
    if let Err(Failure::Invalid(more)) = assessment_of(path, &d.assessment, fw.as_ref(), lang) {
        lines.extend(more);
    }
    if !lines.is_empty() {
        return Err(Failure::Invalid(lines));
    }
    let size: usize = d.files.iter().map(|f| f.bytes.len()).sum();
    Ok(match lang {
        Lang::Vi => format!(
            "{path}: hợp lệ — {} tệp tài liệu kiểm chứng ({size} byte), mã SHA-256 khớp, {} lần xuất\n",
            d.files.len(),
            d.history.len()
        ),
        Lang::En => format!(
            "{path}: valid — {} evidence files ({size} bytes), SHA-256 match, {} exports\n",
            d.files.len(),
            d.history.len()
        ),
    })
}

/// `dossier unpack`: every entry written under `dir`, which must be new or empty (nothing
/// is overwritten). Names were checked on reading: none leaves `dir`.
fn unpack_dossier(path: &str, dir: &str, lang: Lang) -> Result<String, Failure> {
    let d = read_dossier(path, lang)?;
    let fail = |what: &str, e: std::io::Error| {
        Failure::Invalid(vec![match lang {
            Lang::Vi => format!("{what}: không ghi được ({e})"),
            Lang::En => format!("{what}: cannot write ({e})"),
        }])
    };
    let root = std::path::Path::new(dir);
    if root
        .read_dir()
        .is_ok_and(|mut entries| entries.next().is_some())
    {
        return Err(Failure::Invalid(vec![match lang {
            Lang::Vi => format!("{dir}: thư mục đã có tệp; hãy chọn thư mục mới hoặc trống"),
            Lang::En => format!("{dir}: the folder is not empty; choose a new or empty one"),
        }]));
    }
    let mut entries: Vec<(String, Vec<u8>)> = vec![(
        parindex_dossier::ASSESSMENT.into(),
        d.assessment.clone().into_bytes(),
    )];
    entries.extend(d.files.iter().map(|f| (f.path(), f.bytes.clone())));
    entries.push((parindex_dossier::MANIFEST.into(), d.manifest_raw.clone()));
    for (name, content) in &entries {
        let target = root.join(name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| fail(&parent.display().to_string(), e))?;
        }
        std::fs::write(&target, content).map_err(|e| fail(&target.display().to_string(), e))?;
    }
    Ok(match lang {
        Lang::Vi => format!("{dir}: đã giải nén {} tệp\n", entries.len()),
        Lang::En => format!("{dir}: unpacked {} files\n", entries.len()),
    })
}

/// Reads a file as UTF-8 text; a message in the chosen language when it cannot be.
fn read(path: &str, lang: Lang) -> Result<String, Failure> {
    let bytes = read_bytes(path, lang)?;
    let fail = |vi: String, en: String| {
        let msg = match lang {
            Lang::Vi => vi,
            Lang::En => en,
        };
        Failure::Invalid(vec![format!("{path}: {msg}")])
    };
    String::from_utf8(bytes).map_err(|_| {
        fail(
            "tệp không phải là văn bản UTF-8".into(),
            "the file is not UTF-8 text".into(),
        )
    })
}

fn lines(file: &str, diags: &[Diagnostic], lang: Lang) -> Vec<String> {
    diags
        .iter()
        .map(|d| format!("{file}: {}", d.render(lang)))
        .collect()
}

fn load_framework(path: &str, lang: Lang) -> Result<Framework, Failure> {
    let text = read(path, lang)?;
    Framework::from_toml(&text).map_err(|d| Failure::Invalid(lines(path, &d, lang)))
}

/// Reads and validates an assessment (a `.json` file or a dossier's) against
/// `framework` or the built-in it names.
fn load_assessment(
    path: &str,
    framework: Option<&Framework>,
    lang: Lang,
) -> Result<(Framework, Assessment), Failure> {
    let text = read_assessment_text(path, lang)?;
    assessment_of(path, &text, framework, lang)
}

/// Validates assessment text against `framework` or the built-in it names.
fn assessment_of(
    path: &str,
    text: &str,
    framework: Option<&Framework>,
    lang: Lang,
) -> Result<(Framework, Assessment), Failure> {
    let invalid = |d: Vec<Diagnostic>| Failure::Invalid(lines(path, &d, lang));
    Opened::read_with(text, |named| match framework {
        Some(f) => Ok(f.clone()),
        None => builtin(named),
    })
    .map_err(invalid)
}

fn run(command: Command, lang: Lang) -> Result<Output, Failure> {
    match command {
        Command::Frameworks { format } => {
            let infos = builtin_infos();
            Ok(Output::from(match format {
                Format::Json => pretty_json(&infos),
                _ => frameworks_text(&infos, lang),
            }))
        }
        Command::FrameworkImport {
            file,
            id,
            edition,
            level,
        } => import(&file, id, edition, level, lang).map(Output::from),
        Command::FrameworkExport {
            framework,
            format,
            output,
        } => export(&framework, format, lang).map(|bytes| Output {
            bytes,
            file: output,
        }),
        Command::DossierVerify { file, framework } => {
            verify_dossier(&file, framework.as_deref(), lang).map(Output::from)
        }
        Command::DossierUnpack { file, dir } => unpack_dossier(&file, &dir, lang).map(Output::from),
        Command::Validate { files, framework } => {
            validate(&files, framework.as_deref(), lang).map(Output::from)
        }
        Command::New {
            framework,
            unit,
            year,
        } => {
            let fw = if framework.ends_with(".toml") {
                load_framework(&framework, lang)?
            } else {
                builtin(&framework)
                    .map_err(|d| Failure::Invalid(d.iter().map(|d| d.render(lang)).collect()))?
            };
            Ok(blank_assessment(&fw, &unit, year).into())
        }
        Command::Score {
            file,
            framework,
            format,
            explain,
            output,
        } => {
            let fw = framework
                .as_deref()
                .map(|p| load_framework(p, lang))
                .transpose()?;
            let (fw, a) = load_assessment(&file, fw.as_ref(), lang)?;
            let card = score(&fw, &a);
            let bytes = match format {
                Format::Json => card.to_json().into_bytes(),
                Format::Csv => render::scorecard_csv(&card, explain, lang).into_bytes(),
                Format::Md => render::scorecard_markdown(&card, explain, lang).into_bytes(),
                Format::Text => render::scorecard_text(&card, explain, lang).into_bytes(),
                Format::Xlsx => spreadsheet(xlsx::scorecard(&card, explain, lang))?,
                Format::Html => {
                    // The file was read and checked above; its notes (evidence, comments,
                    // giải trình) are read again leniently for the report.
                    let tree = assessment::parse_json(&read_assessment_text(&file, lang)?)
                        .unwrap_or_default();
                    report::report_document(&card, &fw, &report::notes_of(&tree, lang), lang)
                        .into_bytes()
                }
            };
            Ok(Output {
                bytes,
                file: output,
            })
        }
        Command::Rank {
            files,
            framework,
            format,
            output,
        } => {
            let fw_text = framework.as_deref().map(|p| read(p, lang)).transpose()?;
            if let (Some(path), Some(text)) = (&framework, &fw_text) {
                Framework::from_toml(text).map_err(|d| Failure::Invalid(lines(path, &d, lang)))?;
            }
            let texts = files
                .iter()
                .map(|f| read_assessment_text(f, lang))
                .collect::<Result<Vec<_>, _>>()?;
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            // Every core reads and scores its share of the files.
            let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
            let ranking = rank_json_on(&refs, fw_text.as_deref(), workers).map_err(|diags| {
                Failure::Invalid(diags.iter().map(|d| name_file(d, &files, lang)).collect())
            })?;
            let bytes = match format {
                Format::Json => ranking.to_json().into_bytes(),
                Format::Csv => render::ranking_csv(&ranking, lang).into_bytes(),
                Format::Text | Format::Md | Format::Html => {
                    render::ranking_text(&ranking, lang).into_bytes()
                }
                Format::Xlsx => spreadsheet(xlsx::ranking(&ranking, lang))?,
            };
            Ok(Output {
                bytes,
                file: output,
            })
        }
    }
}

/// A ranking diagnostic, preceded by the file it is about.
fn name_file(d: &Diagnostic, files: &[String], lang: Lang) -> String {
    match d.location.file.and_then(|i| files.get(i)) {
        Some(file) => format!("{file}: {}", d.render(lang)),
        None => d.render(lang),
    }
}

fn validate(files: &[String], framework: Option<&str>, lang: Lang) -> Result<String, Failure> {
    let fw = framework.map(|p| load_framework(p, lang)).transpose()?;
    let mut errors = Vec::new();
    let mut report = String::new();
    for file in files {
        let result = if file.ends_with(".toml") {
            load_framework(file, lang).map(|f| {
                let info = FrameworkInfo::of(&f);
                match lang {
                    Lang::Vi => format!(
                        "{file}: hợp lệ — {} ({} tiêu chí, {} tiêu chí thành phần)\n",
                        info.reference, info.criteria, info.leaves
                    ),
                    Lang::En => format!(
                        "{file}: valid — {} ({} criteria, {} leaves)\n",
                        info.reference, info.criteria, info.leaves
                    ),
                }
            })
        } else {
            load_assessment(file, fw.as_ref(), lang).map(|(f, a)| match lang {
                Lang::Vi => format!(
                    "{file}: hợp lệ — {}, {} năm {}\n",
                    f.reference(),
                    a.unit,
                    a.year
                ),
                Lang::En => format!(
                    "{file}: valid — {}, {} for {}\n",
                    f.reference(),
                    a.unit,
                    a.year
                ),
            })
        };
        match result {
            Ok(line) => report.push_str(&line),
            Err(Failure::Invalid(lines)) => errors.extend(lines),
        }
    }
    if errors.is_empty() {
        Ok(report)
    } else {
        Err(Failure::Invalid(errors))
    }
}

fn frameworks_text(infos: &[FrameworkInfo], lang: Lang) -> String {
    let mut out = String::new();
    for i in infos {
        let badge = match (i.official, lang) {
            (true, Lang::Vi) => "chính thức",
            (true, Lang::En) => "official",
            (false, Lang::Vi) => "mẫu minh hoạ",
            (false, Lang::En) => "template",
        };
        out.push_str(&format!(
            "{}  [{}] {} — {} ({} {}, {} {})\n    {}\n",
            i.reference,
            badge,
            i.level.keyword(),
            i.title.get(lang),
            i.leaves,
            if lang == Lang::Vi {
                "tiêu chí thành phần"
            } else {
                "leaves"
            },
            i.scale,
            if lang == Lang::Vi {
                "điểm"
            } else {
                "points"
            },
            i.source.get(lang)
        ));
    }
    out
}
