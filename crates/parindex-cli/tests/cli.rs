//! The real `parindex` binary, run as a user would: outputs, exit statuses, and the
//! diagnostics of every invalid fixture on stderr.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parindex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parindex"))
        .args(args)
        .current_dir(repo())
        .env_remove("PARINDEX_LANG")
        .output()
        .expect("run parindex")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 stderr")
}

const EXAMPLE: &str = "examples/tra-cu-2022.json";

#[test]
fn frameworks_lists_the_builtins() {
    let o = parindex(&["frameworks"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("mau-huyen@2022") && out.contains("mau-xa@2024"),
        "{out}"
    );
    assert!(out.contains("mẫu minh hoạ"));
    let json: serde_json::Value =
        serde_json::from_slice(&parindex(&["frameworks", "--format", "json"]).stdout).unwrap();
    assert_eq!(json[0]["reference"], "mau-huyen@2022");
    assert_eq!(json[0]["official"], false);
}

#[test]
fn score_json_has_the_contract_fields_and_the_core_bytes() {
    let o = parindex(&["score", EXAMPLE, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let card: serde_json::Value = serde_json::from_str(&text).unwrap();
    for key in [
        "format",
        "framework",
        "unit",
        "year",
        "complete",
        "total",
        "self_total",
        "bonus",
        "penalty",
        "nodes",
        "gaps",
        "diagnostics",
    ] {
        assert!(card.get(key).is_some(), "missing {key}");
    }
    assert_eq!(card["total"]["points"], "78.28");
    assert_eq!(card["total"]["max"], "96.5");
    assert_eq!(card["total"]["index"], "81.12");
    assert_eq!(card["total"]["band"]["vi"], "Tốt");
    assert_eq!(card["self_total"]["index"], "83.71");
    let source = std::fs::read_to_string(repo().join(EXAMPLE)).unwrap();
    let core = parindex_core_json(&source);
    assert_eq!(text, core, "CLI and core give different bytes");
}

fn parindex_core_json(source: &str) -> String {
    // The CLI links parindex-core; the test does too, through the dev-dependency.
    parindex_core::score_json(source, None).unwrap().to_json()
}

#[test]
fn score_text_is_a_printable_table() {
    let o = parindex(&["score", EXAMPLE]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("Mã")
            && out.contains("Tối đa")
            && out.contains("Tự chấm")
            && out.contains("Thẩm định"),
        "{out}"
    );
    assert!(out.contains("3.3.2"));
    assert!(out.contains("78,28/96,5 — 81,12% — Tốt"), "{out}");
    assert!(!out.contains('↳'), "no explanations without --explain");
    let explained = stdout(&parindex(&["score", EXAMPLE, "--explain"]));
    assert!(
        explained.contains("↳ Tỷ lệ 6.416/6.507 ≈ 98,6%"),
        "{explained}"
    );
    let english = stdout(&parindex(&["--lang", "en", "score", EXAMPLE, "--explain"]));
    assert!(
        english.contains("Total (as appraised): 78.28/96.5 — 81.12% — Good"),
        "{english}"
    );
    assert!(english.contains("Ratio 6,416/6,507 ≈ 98.6%"));
}

#[test]
fn score_csv_and_markdown() {
    let csv = stdout(&parindex(&[
        "score",
        EXAMPLE,
        "--format",
        "csv",
        "--explain",
    ]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("ma,tieu_chi,diem_toi_da,diem_tu_danh_gia,diem_tham_dinh,trang_thai,giai_thich")
    );
    assert!(csv.contains("\r\n"));
    assert!(
        csv.lines()
            .any(|l| l.starts_with("3.3.2,") && l.contains(",3,3,3,scored,")),
        "{csv}"
    );
    let md = stdout(&parindex(&[
        "--lang", "en", "score", EXAMPLE, "--format", "md",
    ]));
    assert!(md.starts_with("# UBND huyện Trà Cú — year 2022"));
    assert!(md.contains("| Code | Criterion | Max | Self | Appraised | Status |"));
    assert!(md.contains("- **As appraised**: 78.28/96.5 — 81.12% — Good"));
}

#[test]
fn new_gives_a_blank_assessment_that_validates() {
    let o = parindex(&[
        "new",
        "mau-xa@2024",
        "--unit",
        "UBND xã Thử",
        "--year",
        "2024",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dir = std::env::temp_dir().join(format!("parindex-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("blank.json");
    std::fs::write(&file, &o.stdout).unwrap();
    let v = parindex(&["validate", file.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(0), "{}", stderr(&v));
    let card: serde_json::Value = serde_json::from_slice(
        &parindex(&["score", file.to_str().unwrap(), "--format", "json"]).stdout,
    )
    .unwrap();
    assert_eq!(card["complete"], false);
    let from_file = parindex(&[
        "new",
        "frameworks/mau-huyen-2022.toml",
        "--unit",
        "UBND huyện Thử",
        "--year",
        "2022",
    ]);
    assert_eq!(from_file.status.code(), Some(0));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn validate_accepts_good_files() {
    let o = parindex(&[
        "validate",
        "frameworks/mau-huyen-2022.toml",
        "frameworks/mau-xa-2024.toml",
        EXAMPLE,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 3);
}

/// Each invalid fixture: exit 1, nothing on stdout, and for every expected `PATH | code`
/// a line `FILE: PATH: message` on stderr (the core's fixture test checks the codes).
fn check_invalid(dir: &str, ext: &str, extra: &[&str]) -> usize {
    let mut checked = 0;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == ext))
    {
        let expect = path.with_extension("expect");
        if !expect.exists() {
            continue;
        }
        let rel = path
            .strip_prefix(repo())
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let mut args = vec!["--lang", "en", "validate", rel.as_str()];
        args.extend_from_slice(extra);
        let o = parindex(&args);
        assert_eq!(o.status.code(), Some(1), "{rel}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{rel}: stdout must be empty");
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{rel}: {err}");
        for line in std::fs::read_to_string(&expect)
            .unwrap()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let (p, _code) = line.split_once('|').unwrap();
            let p = p.trim();
            let prefix = if p.is_empty() {
                format!("{rel}: ")
            } else {
                format!("{rel}: {p}: ")
            };
            assert!(
                err.lines()
                    .any(|l| l.starts_with(&prefix) && l.len() > prefix.len()),
                "{rel}: no `{prefix}message` in:\n{err}"
            );
        }
        checked += 1;
    }
    checked
}

#[test]
fn validate_rejects_every_invalid_framework_fixture() {
    assert!(check_invalid("tests/invalid/frameworks", "toml", &[]) >= 30);
}

#[test]
fn validate_rejects_every_invalid_assessment_fixture() {
    assert!(
        check_invalid(
            "tests/invalid/assessments",
            "json",
            &["--framework", "tests/invalid/assessments/framework.toml"]
        ) >= 25
    );
}

/// `parindex rank` on a ranking case: its framework, then `options`, then its
/// assessment files (sorted).
fn rank_case(case: &Path, options: &[&str]) -> Output {
    let fw = case.join("framework.toml");
    let files = rank_case_files(case);
    let mut args = vec!["rank", "--framework", fw.to_str().unwrap()];
    args.extend_from_slice(options);
    args.extend(files.iter().map(String::as_str));
    parindex(&args)
}

/// The assessment files of a ranking case, sorted.
fn rank_case_files(case: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(case)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && p.file_name().is_some_and(|n| n != "expected.json")
        })
        .map(|p| p.to_str().unwrap().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn rank_orders_units_and_shares_ties() {
    let dir = repo().join("tests/rank");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let o = rank_case(&case, &["--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let ranking: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap())
                .unwrap();
        let rows = ranking["rows"].as_array().unwrap();
        assert_eq!(rows.len(), expected.as_array().unwrap().len());
        for (want, got) in expected.as_array().unwrap().iter().zip(rows) {
            for (k, v) in want.as_object().unwrap() {
                assert_eq!(&got[k], v, "{}: {k}", case.display());
            }
        }
        let text = stdout(&rank_case(&case, &[]));
        assert!(text.contains("Hạng") && text.contains("Xếp loại"));
        let csv = stdout(&rank_case(&case, &["--format", "csv"]));
        assert!(csv.starts_with("hang,don_vi,diem,diem_toi_da,chi_so,xep_loai\r\n"));
    }
}

#[test]
fn rank_refuses_mixed_frameworks() {
    let dir = std::env::temp_dir().join(format!("parindex-rank-mixed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let a = dir.join("a.json");
    let b = dir.join("b.json");
    std::fs::write(
        &a,
        parindex(&["new", "mau-huyen@2022", "--unit", "A", "--year", "2022"]).stdout,
    )
    .unwrap();
    std::fs::write(
        &b,
        parindex(&["new", "mau-xa@2024", "--unit", "B", "--year", "2024"]).stdout,
    )
    .unwrap();
    let o = parindex(&[
        "--lang",
        "en",
        "rank",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("framework: the assessment is for \"mau-xa@2024\" but the framework is \"mau-huyen@2022\""), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn wrong_usage_exits_2() {
    for args in [
        &[][..],
        &["bogus"][..],
        &["score"][..],
        &["score", EXAMPLE, "--format", "xml"][..],
        &["rank", EXAMPLE, "--format", "md"][..],
        &["new", "mau-huyen@2022", "--unit", "A"][..],
        &["new", "mau-huyen@2022", "--unit", "A", "--year", "abc"][..],
        &["score", EXAMPLE, "--framework"][..],
        &["--lang", "fr", "frameworks"][..],
        &["validate"][..],
    ] {
        let o = parindex(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty());
        assert!(stderr(&o).contains("parindex"), "{args:?}");
    }
    let help = parindex(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("parindex score ASSESSMENT"));
}

#[test]
fn unreadable_or_unknown_inputs_exit_1() {
    let o = parindex(&["score", "does/not/exist.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("does/not/exist.json: "));
    let o = parindex(&["new", "khong-co@1", "--unit", "A", "--year", "2022"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("khong-co@1"));
}

#[test]
fn a_50_megabyte_file_is_refused_quickly_with_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("parindex-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("big.json");
    std::fs::write(&file, vec![b' '; 50 << 20]).unwrap();
    let start = std::time::Instant::now();
    let o = parindex(&["--lang", "en", "score", file.to_str().unwrap()]);
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).contains("file too large (52428800 bytes, at most 33554432)"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A cell as text, numbers without trailing zeros, so it compares with scorecard strings.
fn cell(range: &calamine::Range<calamine::Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(calamine::Data::Float(f)) => {
            let s = format!("{f:.6}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
        Some(calamine::Data::Int(i)) => i.to_string(),
        Some(calamine::Data::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

#[test]
fn xlsx_spreadsheets_reopen_with_the_same_numbers() {
    use calamine::Reader;
    let dir = std::env::temp_dir().join(format!("parindex-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("tra-cu.xlsx");
    let o = parindex(&[
        "score",
        EXAMPLE,
        "--format",
        "xlsx",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let card: serde_json::Value =
        serde_json::from_slice(&parindex(&["score", EXAMPLE, "--format", "json"]).stdout).unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&file).unwrap();
    let sheet = book.worksheet_range("Bảng tổng hợp").unwrap();
    assert_eq!(cell(&sheet, 0, 0), "Mã");
    for (i, node) in card["nodes"].as_array().unwrap().iter().enumerate() {
        let row = i as u32 + 1;
        assert_eq!(cell(&sheet, row, 0), node["code"].as_str().unwrap());
        assert_eq!(
            cell(&sheet, row, 2),
            node["max"].as_str().unwrap(),
            "max of {}",
            node["code"]
        );
        assert_eq!(cell(&sheet, row, 3), node["self_points"].as_str().unwrap());
        assert_eq!(cell(&sheet, row, 4), node["points"].as_str().unwrap());
    }
    let totals = card["nodes"].as_array().unwrap().len() as u32 + 2;
    assert_eq!(
        cell(&sheet, totals + 1, 4),
        card["total"]["points"].as_str().unwrap()
    );
    assert_eq!(
        cell(&sheet, totals + 1, 5),
        card["total"]["index"].as_str().unwrap()
    );

    // Ranking: three units, one tie.
    let case = repo().join("tests/rank/tie-middle");
    let out = dir.join("rank.xlsx");
    let xlsx = ["--format", "xlsx", "--output", out.to_str().unwrap()];
    assert_eq!(rank_case(&case, &xlsx).status.code(), Some(0));
    let json = rank_case(&case, &["--format", "json"]);
    let ranking: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let sheet = book.worksheet_range("Xếp hạng").unwrap();
    for (i, row) in ranking["rows"].as_array().unwrap().iter().enumerate() {
        let r = i as u32 + 1;
        assert_eq!(cell(&sheet, r, 0), row["rank"].to_string());
        assert_eq!(cell(&sheet, r, 1), row["unit"].as_str().unwrap());
        assert_eq!(cell(&sheet, r, 2), row["points"].as_str().unwrap());
        if let Some(index) = row["index"].as_str() {
            assert_eq!(
                cell(&sheet, r, 4),
                index.trim_end_matches('0').trim_end_matches('.')
            );
        }
    }
    // Without --output a spreadsheet is wrong usage, not bytes on a terminal.
    assert_eq!(
        parindex(&["score", EXAMPLE, "--format", "xlsx"])
            .status
            .code(),
        Some(2)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn score_html_is_the_printable_report_with_markup_escaped() {
    let example = repo().join("examples/tra-cu-2022.json");
    let out = parindex(&["score", example.to_str().expect("path"), "--format", "html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM"));
    // Both totals, the appraisal's changes and the field chart.
    assert!(html.contains("<td class=\"num\">80,78</td>"), "self total");
    assert!(
        html.contains("<td class=\"num\">78,28</td>"),
        "appraised total"
    );
    assert!(html.contains("81,12%") && html.contains("83,71%"));
    assert!(html.contains("data-testid=\"differences\""));
    assert!(html.contains("<svg class=\"bars\""));
    // One row per criterion, evidence references, and why points were lost.
    let json = stdout(&parindex(&["score", EXAMPLE, "--format", "json"]));
    let card: serde_json::Value = serde_json::from_str(&json).expect("json");
    let nodes = card["nodes"].as_array().expect("nodes").len();
    assert_eq!(html.matches("<tr class=\"d").count(), nodes);
    assert!(html.contains("05/KH-UBND (25/01/2022)"));
    assert!(html.contains("Nhận xét thẩm định:") || html.contains("Theo thẩm định"));

    // Markup typed into a file is shown as text.
    let mut tree: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&example).expect("example")).expect("json");
    tree["unit"] = serde_json::json!("<script>alert(1)</script>");
    tree["appraisal"]["3.1.2"]["comment"] = serde_json::json!("<img src=x onerror=alert(2)>");
    let dir = std::env::temp_dir().join(format!("parindex-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("markup.json");
    std::fs::write(&file, tree.to_string()).expect("write");
    let out = parindex(&["score", file.to_str().expect("path"), "--format", "html"]);
    let html = stdout(&out);
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    let _ = std::fs::remove_dir_all(dir);
}

/// `framework import`: the TOML on stdout (which validates and scores a blank
/// assessment), findings with their rows on stderr; exit 1 and nothing on stdout when
/// the draft does not validate; exit 2 on wrong usage.
#[test]
fn framework_import_reads_an_annex() {
    let o = parindex(&[
        "--lang",
        "en",
        "framework",
        "import",
        "tests/annex/huyen-2023-word.docx",
        "--id",
        "huyen-thu",
        "--edition",
        "2023",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let toml = stdout(&o);
    assert!(
        toml.starts_with("format = 1\nid = \"huyen-thu\"\nedition = \"2023\""),
        "{toml}"
    );
    let err = stderr(&o);
    assert!(
        err.contains("tests/annex/huyen-2023-word.docx: row 4, 1.1: recognised [annex.deadline]"),
        "{err}"
    );
    // The framework is usable at once: a blank assessment from it.
    let dir = std::env::temp_dir().join(format!("parindex-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fw = dir.join("huyen-thu.toml");
    std::fs::write(&fw, &toml).unwrap();
    let o = parindex(&["validate", fw.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = parindex(&[
        "new",
        fw.to_str().unwrap(),
        "--unit",
        "UBND huyện Thử",
        "--year",
        "2023",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let o = parindex(&["framework", "import", "tests/annex/tong-khong-khop.csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).contains("dòng 2, 1: cần quyết định [annex.invalid]"),
        "{}",
        stderr(&o)
    );

    let o = parindex(&["framework", "import", "examples/tra-cu-2022.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("không đọc được loại tệp này"),
        "{}",
        stderr(&o)
    );
    // The forms offices also hold an annex in: what to do instead, named.
    let dir = std::env::temp_dir().join(format!("parindex-cli-kinds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, says) in [
        (
            "phu-luc.doc",
            "mở bằng Word hoặc LibreOffice, chọn \"Lưu thành\" (Save As) định dạng .docx",
        ),
        (
            "phu-luc.xls",
            "mở bằng Excel hoặc LibreOffice, chọn \"Lưu thành\" (Save As) định dạng .xlsx",
        ),
        (
            "phu-luc.pdf",
            "tệp PDF: mở bằng trình xem PDF, chọn cả bảng phụ lục, sao chép",
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, b"x").unwrap();
        let o = parindex(&["framework", "import", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains(says), "{}", stderr(&o));
    }
    let _ = std::fs::remove_dir_all(&dir);
    for usage in [
        &["framework", "import"][..],
        &["framework", "export", "x.toml"],
        &["framework", "export", "mau-xa@2024", "--format", "xlsx"],
        &["framework", "export", "mau-xa@2024", "--format", "json"],
        &[
            "framework",
            "export",
            "mau-xa@2024",
            "--output",
            "x.xlsx",
            "--id",
            "a",
        ],
        &["score", "x.json", "--id", "a"],
    ] {
        assert_eq!(parindex(usage).status.code(), Some(2), "{usage:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// `framework export` writes the annex table a Sở Nội vụ opens in Excel, and importing it
/// gives the same framework: the TOML printed equals the one a round trip of the built-in
/// file through `framework import` of its own export gives, for a file and a built-in.
#[test]
fn framework_export_writes_a_table_that_imports_back() {
    let dir = std::env::temp_dir().join(format!("parindex-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut printed = Vec::new();
    for (framework, file) in [
        ("frameworks/mau-huyen-2022.toml", "huyen.xlsx"),
        ("mau-huyen@2022", "huyen.csv"),
    ] {
        let path = dir.join(file);
        let o = parindex(&[
            "framework",
            "export",
            framework,
            "--output",
            path.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let o = parindex(&["framework", "import", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("[annex.stated]") && !stderr(&o).contains("cần quyết định"),
            "{}",
            stderr(&o)
        );
        printed.push(stdout(&o));
    }
    assert_eq!(printed[0], printed[1]);
    assert!(printed[0].starts_with("format = 1\nid = \"mau-huyen\"\nedition = \"2022\""));
    // The import is the framework itself: it scores the example exactly as the built-in.
    let fw = dir.join("mau-huyen.toml");
    std::fs::write(&fw, &printed[0]).unwrap();
    let own = parindex(&["score", EXAMPLE, "--format", "json"]);
    let again = parindex(&[
        "score",
        EXAMPLE,
        "--format",
        "json",
        "--framework",
        fw.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(stdout(&own), stdout(&again));
    // CSV on stdout for Vietnamese Excel: a byte-order mark, `;`, decimal commas.
    let o = parindex(&["framework", "export", "mau-xa@2024", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.starts_with(b"\xEF\xBB\xBF"));
    assert!(stdout(&o).contains("\nSTT;Lĩnh vực/Tiêu chí/Tiêu chí thành phần;Điểm tối đa;"));
    let o = parindex(&["framework", "export", "khong-co@1", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}
