//! Command-line arguments, parsed by hand: five commands and a few options do not need
//! a parser dependency, and wrong usage must map to exit status 2.

use parindex_core::Lang;

pub const SHORT_USAGE: &str = "Dùng / usage: parindex [--lang vi|en] <frameworks|framework import|validate|new|score|rank|dossier> …  (parindex --help)";

pub const HELP: &str = "parindex — chấm điểm Chỉ số cải cách hành chính (PAR Index)

Cách dùng / usage:
  parindex frameworks [--format text|json]
      Các bộ chỉ số có sẵn / built-in frameworks.
  parindex framework import FILE [--id ID] [--edition E] [--level L]
      Đọc bảng phụ lục của quyết định (.docx, .xlsx, .csv, .tsv, .html, .txt chép từ PDF)
      thành bộ chỉ số: TOML ra stdout, các phát hiện (dòng, mã) ra stderr.
      Read a decision's annex table into a framework: TOML on stdout, findings on stderr.
  parindex framework export FW.toml|ID@EDITION --format xlsx|csv [--output FILE]
      Ghi bộ chỉ số thành bảng phụ lục (nhập lại cho đúng bộ chỉ số đó).
      Write a framework as an annex table (importing it gives the same framework).
  parindex validate FILE… [--framework FILE.toml]
      Kiểm tra tệp bộ chỉ số (.toml) hoặc hồ sơ tự đánh giá (.json).
      Validate framework (.toml) or assessment (.json) files.
  parindex new FRAMEWORK --unit NAME --year YYYY
      Hồ sơ trống liệt kê mọi tiêu chí thành phần / a blank assessment.
      FRAMEWORK is id@edition (built in) or a .toml file.
  parindex score ASSESSMENT [--framework FILE.toml] [--format text|json|csv|md|xlsx|html] [--explain] [--output FILE]
      Chấm điểm một hồ sơ / score one assessment.
  parindex rank ASSESSMENT… [--framework FILE.toml] [--format text|json|csv|xlsx] [--output FILE]
      Xếp hạng các đơn vị / rank units of one framework.
      --output ghi ra tệp (bắt buộc với xlsx) / write to a file (required for xlsx).
  parindex dossier verify DOSSIER.zip
      Kiểm tra hồ sơ điện tử (.zip): mã SHA-256 từng tệp, tệp thiếu, kết quả tự đánh giá.
      Check a dossier: every file's SHA-256, missing files, the assessment.
  parindex dossier unpack DOSSIER.zip DIR
      Giải nén hồ sơ vào thư mục DIR (chưa có hoặc trống) / unpack into DIR (new or empty).
  validate, score và rank nhận cả hồ sơ .zip như tệp .json / also accept a dossier .zip.

Tuỳ chọn chung / global options:
  --lang vi|en   ngôn ngữ đầu ra (mặc định vi, hoặc biến PARINDEX_LANG) / output language
  --help, --version

Mã thoát / exit status: 0 thành công / success, 1 dữ liệu không hợp lệ / invalid input,
2 sai cách dùng / wrong usage.
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
    Md,
    Xlsx,
    /// The printable report (`parindex_core::report`), a whole HTML document.
    Html,
}

#[derive(Debug)]
pub enum Command {
    Frameworks {
        format: Format,
    },
    FrameworkImport {
        file: String,
        id: Option<String>,
        edition: Option<String>,
        level: Option<String>,
    },
    /// A framework (`.toml` or a built-in `id@edition`) as an annex table.
    FrameworkExport {
        framework: String,
        format: Format,
        output: Option<String>,
    },
    Validate {
        files: Vec<String>,
        framework: Option<String>,
    },
    New {
        framework: String,
        unit: String,
        year: i32,
    },
    Score {
        file: String,
        framework: Option<String>,
        format: Format,
        explain: bool,
        output: Option<String>,
    },
    Rank {
        files: Vec<String>,
        framework: Option<String>,
        format: Format,
        output: Option<String>,
    },
    /// `dossier verify FILE.zip`.
    DossierVerify {
        file: String,
        framework: Option<String>,
    },
    /// `dossier unpack FILE.zip DIR`.
    DossierUnpack {
        file: String,
        dir: String,
    },
}

pub struct Parsed {
    pub command: Command,
    pub lang: Lang,
}

pub enum Usage {
    Help(String),
    Error(String),
}

/// Options and positional arguments after the command name.
#[derive(Default)]
struct Rest {
    positional: Vec<String>,
    framework: Option<String>,
    format: Option<String>,
    unit: Option<String>,
    year: Option<String>,
    output: Option<String>,
    explain: bool,
    id: Option<String>,
    edition: Option<String>,
    level: Option<String>,
}

fn value(args: &[String], i: &mut usize, name: &str) -> Result<String, Usage> {
    *i += 1;
    args.get(*i)
        .cloned()
        .ok_or_else(|| Usage::Error(format!("{name} cần một giá trị / needs a value")))
}

fn format_of(s: Option<&str>, allowed: &[Format]) -> Result<Format, Usage> {
    let f = match s {
        None | Some("text") => Format::Text,
        Some("json") => Format::Json,
        Some("csv") => Format::Csv,
        Some("md") => Format::Md,
        Some("xlsx") => Format::Xlsx,
        Some("html") => Format::Html,
        Some(other) => {
            return Err(Usage::Error(format!(
                "định dạng không hỗ trợ / unknown format: {other}"
            )))
        }
    };
    if allowed.contains(&f) {
        Ok(f)
    } else {
        Err(Usage::Error(format!(
            "định dạng không dùng được với lệnh này / format not available for this command: {}",
            s.unwrap_or("text")
        )))
    }
}

/// A spreadsheet is a binary file: it needs `--output`, never the terminal.
fn output_for(format: Format, output: Option<String>) -> Result<Option<String>, Usage> {
    if format == Format::Xlsx && output.is_none() {
        return Err(Usage::Error(
            "--format xlsx cần --output TỆP.xlsx / needs --output FILE.xlsx".into(),
        ));
    }
    Ok(output)
}

pub fn parse(argv: &[String], lang_env: Option<&str>) -> Result<Parsed, Usage> {
    let mut lang = lang_env.and_then(Lang::parse).unwrap_or_default();
    let mut command: Option<String> = None;
    let mut rest = Rest::default();
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i].as_str();
        match a {
            "--help" | "-h" => return Err(Usage::Help(HELP.to_string())),
            "--version" | "-V" => {
                return Err(Usage::Help(format!(
                    "parindex {}\n",
                    env!("CARGO_PKG_VERSION")
                )))
            }
            "--lang" => {
                let v = value(argv, &mut i, "--lang")?;
                lang = Lang::parse(&v).ok_or_else(|| {
                    Usage::Error(format!("--lang: vi hoặc/or en, không phải/not {v}"))
                })?;
            }
            "--framework" => rest.framework = Some(value(argv, &mut i, "--framework")?),
            "--format" => rest.format = Some(value(argv, &mut i, "--format")?),
            "--unit" => rest.unit = Some(value(argv, &mut i, "--unit")?),
            "--year" => rest.year = Some(value(argv, &mut i, "--year")?),
            "--explain" => rest.explain = true,
            "--id" => rest.id = Some(value(argv, &mut i, "--id")?),
            "--edition" => rest.edition = Some(value(argv, &mut i, "--edition")?),
            "--level" => rest.level = Some(value(argv, &mut i, "--level")?),
            "--output" | "-o" => rest.output = Some(value(argv, &mut i, "--output")?),
            s if s.starts_with("--") => {
                return Err(Usage::Error(format!(
                    "tuỳ chọn không có / unknown option: {s}"
                )))
            }
            s if command.is_none() => command = Some(s.to_string()),
            s => rest.positional.push(s.to_string()),
        }
        i += 1;
    }
    let Some(name) = command else {
        return Err(Usage::Error("thiếu lệnh / missing command".into()));
    };
    if name != "new" && (rest.unit.is_some() || rest.year.is_some()) {
        return Err(Usage::Error(
            "--unit/--year chỉ dùng với lệnh new / only for new".into(),
        ));
    }
    if name != "framework" && (rest.id.is_some() || rest.edition.is_some() || rest.level.is_some())
    {
        return Err(Usage::Error(
            "--id/--edition/--level chỉ dùng với framework import / only for framework import"
                .into(),
        ));
    }
    let unexpected = |what: &str| {
        Usage::Error(format!(
            "{what} không dùng với lệnh {name} / not used by {name}"
        ))
    };
    let command = match name.as_str() {
        "frameworks" => {
            if !rest.positional.is_empty() || rest.framework.is_some() || rest.explain {
                return Err(unexpected("đối số / arguments"));
            }
            Command::Frameworks {
                format: format_of(rest.format.as_deref(), &[Format::Text, Format::Json])?,
            }
        }
        "framework" => {
            let mut positional = rest.positional.into_iter();
            match (
                positional.next().as_deref(),
                positional.next(),
                positional.next(),
            ) {
                (Some("import"), Some(file), None) => {
                    if rest.format.is_some()
                        || rest.framework.is_some()
                        || rest.explain
                        || rest.output.is_some()
                    {
                        return Err(unexpected("--format/--framework/--explain/--output"));
                    }
                    Command::FrameworkImport {
                        file,
                        id: rest.id,
                        edition: rest.edition,
                        level: rest.level,
                    }
                }
                (Some("export"), Some(framework), None) => {
                    if rest.framework.is_some()
                        || rest.explain
                        || rest.id.is_some()
                        || rest.edition.is_some()
                        || rest.level.is_some()
                    {
                        return Err(unexpected("--framework/--explain/--id/--edition/--level"));
                    }
                    // The format named, else the output file's extension.
                    let named = rest.format.clone().or_else(|| {
                        rest.output
                            .as_deref()
                            .and_then(|o| o.rsplit_once('.'))
                            .map(|(_, ext)| ext.to_ascii_lowercase())
                    });
                    let Some(named) = named else {
                        return Err(Usage::Error(
                            "framework export cần --format xlsx|csv / needs --format xlsx|csv"
                                .into(),
                        ));
                    };
                    let format = format_of(Some(&named), &[Format::Xlsx, Format::Csv])?;
                    Command::FrameworkExport {
                        framework,
                        format,
                        output: output_for(format, rest.output)?,
                    }
                }
                _ => {
                    return Err(Usage::Error(
                        "framework import FILE | framework export FW.toml --format xlsx|csv --output FILE".into(),
                    ))
                }
            }
        }
        "dossier" => {
            if rest.format.is_some() || rest.explain || rest.output.is_some() {
                return Err(unexpected("--format/--explain/--output"));
            }
            let mut positional = rest.positional.into_iter();
            match (
                positional.next().as_deref(),
                positional.next(),
                positional.next(),
                positional.next(),
            ) {
                (Some("verify"), Some(file), None, None) => Command::DossierVerify {
                    file,
                    framework: rest.framework,
                },
                (Some("unpack"), Some(file), Some(dir), None) if rest.framework.is_none() => {
                    Command::DossierUnpack { file, dir }
                }
                _ => {
                    return Err(Usage::Error(
                        "dossier verify DOSSIER.zip | dossier unpack DOSSIER.zip DIR".into(),
                    ))
                }
            }
        }
        "validate" => {
            if rest.positional.is_empty() {
                return Err(Usage::Error(
                    "validate cần ít nhất một tệp / needs at least one file".into(),
                ));
            }
            if rest.format.is_some() || rest.explain {
                return Err(unexpected("--format/--explain"));
            }
            Command::Validate {
                files: rest.positional,
                framework: rest.framework,
            }
        }
        "new" => {
            let [framework] = <[String; 1]>::try_from(rest.positional).map_err(|_| {
                Usage::Error("new cần đúng một bộ chỉ số / needs exactly one FRAMEWORK".into())
            })?;
            let unit = rest
                .unit
                .filter(|u| !u.trim().is_empty())
                .ok_or_else(|| Usage::Error("new cần --unit / needs --unit NAME".into()))?;
            let year = rest
                .year
                .as_deref()
                .and_then(|y| y.parse::<i32>().ok())
                .filter(|y| (1900..=2200).contains(y))
                .ok_or_else(|| {
                    Usage::Error("new cần --year YYYY (1900–2200) / needs --year YYYY".into())
                })?;
            Command::New {
                framework,
                unit,
                year,
            }
        }
        "score" => {
            let [file] = <[String; 1]>::try_from(rest.positional).map_err(|_| {
                Usage::Error("score cần đúng một tệp hồ sơ / needs exactly one ASSESSMENT".into())
            })?;
            let format = format_of(
                rest.format.as_deref(),
                &[
                    Format::Text,
                    Format::Json,
                    Format::Csv,
                    Format::Md,
                    Format::Xlsx,
                    Format::Html,
                ],
            )?;
            Command::Score {
                file,
                framework: rest.framework,
                format,
                explain: rest.explain,
                output: output_for(format, rest.output)?,
            }
        }
        "rank" => {
            if rest.positional.is_empty() {
                return Err(Usage::Error(
                    "rank cần ít nhất một tệp hồ sơ / needs at least one ASSESSMENT".into(),
                ));
            }
            if rest.explain {
                return Err(unexpected("--explain"));
            }
            let format = format_of(
                rest.format.as_deref(),
                &[Format::Text, Format::Json, Format::Csv, Format::Xlsx],
            )?;
            Command::Rank {
                files: rest.positional,
                framework: rest.framework,
                format,
                output: output_for(format, rest.output)?,
            }
        }
        other => {
            return Err(Usage::Error(format!(
                "lệnh không có / unknown command: {other}"
            )))
        }
    };
    Ok(Parsed { command, lang })
}
