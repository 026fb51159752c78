//! The annex cases in `tests/annex/`: each file (`.csv`, `.tsv`, `.txt`, `.docx`,
//! `.xlsx`, `.html` as Word and Excel put a copied table on the clipboard) is read and imported; the framework written (`NAME.toml`) and the findings
//! (`NAME.findings`: level, code, row, criterion, one per line) must equal the files
//! kept beside it, byte for byte. `PARINDEX_BLESS=1` rewrites them after a deliberate
//! change. A case whose draft must validate has a `.toml`; one that must not has none,
//! and its findings name why.

use parindex_annex::{read, Kind};
use parindex_core::annex::{import, Options};
use parindex_core::Framework;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/annex")
}

fn findings_text(findings: &[parindex_core::annex::Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "{:?} {} row={} criterion={}\n",
                f.level,
                f.code,
                f.row.map_or("-".into(), |r| r.to_string()),
                f.criterion.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

fn check(expected: &Path, actual: &str, bless: bool, failures: &mut Vec<String>) {
    if bless {
        std::fs::write(expected, actual).unwrap();
        return;
    }
    match std::fs::read_to_string(expected) {
        Ok(e) if e == actual => {}
        Ok(e) => failures.push(format!(
            "{} differs:\n--- expected\n{e}\n--- actual\n{actual}",
            expected.display()
        )),
        Err(_) => failures.push(format!(
            "{} is missing; actual:\n{actual}",
            expected.display()
        )),
    }
}

#[test]
fn annex_cases() {
    let bless = std::env::var_os("PARINDEX_BLESS").is_some();
    let mut failures = Vec::new();
    let mut seen = 0;
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(kind) = Kind::of(&name) else {
            continue;
        };
        seen += 1;
        let bytes = std::fs::read(&path).unwrap();
        let table = read(kind, &bytes).unwrap_or_else(|e| panic!("{name}: {}", e.0.en));
        let options = Options {
            file_name: Some(name.clone()),
            ..Options::default()
        };
        let result = import(&table, &options);
        let stem = path.with_extension("");
        check(
            &stem.with_extension("findings"),
            &findings_text(&result.findings),
            bless,
            &mut failures,
        );
        let toml_path = stem.with_extension("toml");
        match &result.framework {
            Some(_) => {
                let text = parindex_core::framework_toml::write_toml(&result.tree);
                // What is written reads back as a valid framework, equal to the draft.
                let again = Framework::from_toml(&text).unwrap_or_else(|d| panic!("{name}: {d:?}"));
                assert_eq!(
                    again.criteria.len(),
                    result.framework.as_ref().unwrap().criteria.len()
                );
                check(&toml_path, &text, bless, &mut failures);
            }
            None => assert!(
                !toml_path.exists()
                    && result
                        .findings
                        .iter()
                        .any(|f| f.level == parindex_core::annex::Level::Decide),
                "{name}: expected a valid framework"
            ),
        }
    }
    assert!(seen >= 2, "annex cases found: {seen}");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn rule_of<'a>(tree: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    tree["criterion"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == code)
        .unwrap_or_else(|| panic!("no criterion {code}"))
        .get("rule")
        .unwrap_or(&serde_json::Value::Null)
}

/// An Excel annex: `Điểm` merged over three columns on two header rows, a hidden row, a
/// parent's maximum computed by a formula.
#[test]
fn xlsx_with_merged_header_hidden_row_and_formula() {
    use rust_xlsxwriter::{Formula, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write(0, 0, "BỘ CHỈ SỐ CCHC CỦA CÁC SỞ, BAN, NGÀNH NĂM 2025")
        .unwrap();
    sheet
        .merge_range(2, 0, 3, 0, "STT", &Default::default())
        .unwrap();
    sheet
        .merge_range(2, 1, 3, 1, "Tiêu chí", &Default::default())
        .unwrap();
    sheet
        .merge_range(2, 2, 2, 4, "Điểm", &Default::default())
        .unwrap();
    for (c, h) in [(2, "Tối đa"), (3, "Tự chấm"), (4, "Thẩm định")] {
        sheet.write(3, c, h).unwrap();
    }
    let rows: &[(&str, &str, Option<f64>)] = &[
        ("1", "Cải cách tổ chức bộ máy", None),
        ("1.1", "Thực hiện quy định về tổ chức bộ máy", Some(2.0)),
        ("", "Đúng quy định", Some(2.0)),
        ("", "Không đúng quy định", Some(0.0)),
        ("1.2", "Tỷ lệ cắt giảm biên chế theo lộ trình", Some(1.5)),
        ("", "Từ 100% kế hoạch trở lên", Some(1.5)),
        ("", "Từ 90% đến dưới 100%", Some(0.75)),
        ("", "Dưới 90%", Some(0.0)),
        ("1.3", "Dòng cũ đã ẩn", Some(9.0)),
    ];
    for (i, (code, title, points)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        sheet.write(r, 0, *code).unwrap();
        sheet.write(r, 1, *title).unwrap();
        if let Some(p) = points {
            sheet.write(r, 2, *p).unwrap();
        }
    }
    sheet
        .write_formula(4, 2, Formula::new("=C6+C9").set_result("3.5"))
        .unwrap();
    sheet.set_row_hidden(12).unwrap();
    let bytes = book.save_to_buffer().unwrap();

    let table = read(Kind::Xlsx, &bytes).unwrap();
    let result = import(&table, &Options::default());
    let codes: Vec<&str> = result.findings.iter().map(|f| f.code).collect();
    assert!(result.framework.is_some(), "{:#?}", result.findings);
    assert!(codes.contains(&"annex.hidden-row"), "{codes:?}");
    let formula = result
        .findings
        .iter()
        .find(|f| f.code == "annex.formula")
        .unwrap();
    assert_eq!(formula.row, Some(5));
    assert_eq!(
        rule_of(&result.tree, "1.2"),
        &serde_json::json!({ "kind": "ratio", "bands": [
            { "at_least": "100", "points": "1.5" }, { "at_least": "90", "points": "0.75" }
        ], "otherwise": "0", "if_no_cases": "not-applicable" })
    );
    assert_eq!(rule_of(&result.tree, "1.1")["kind"], "choice");
    assert_eq!(result.tree["level"], "department");
    assert_eq!(result.tree["scale"], "3.5");
}

/// A stray mark in the sheet's last cell (XFD1048576, where Ctrl+End lands) once made
/// the reader ask for a grid of 17 billion cells and abort; it is left out.
#[test]
fn xlsx_with_a_stray_cell_far_away_reads_its_table() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (r, cells) in [
        ["STT", "Tiêu chí", "Điểm tối đa"],
        ["1", "Công tác chỉ đạo, điều hành", "2"],
        ["1.1", "Ban hành kế hoạch CCHC năm", "2"],
        ["", "Ban hành kịp thời", "2"],
        ["", "Không ban hành", "0"],
    ]
    .iter()
    .enumerate()
    {
        for (c, text) in cells.iter().enumerate() {
            sheet.write(r as u32, c as u16, *text).unwrap();
        }
    }
    sheet.write(1_048_575, 16_383, "x").unwrap();
    sheet.write_formula(2, 40, "=1+1").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let started = std::time::Instant::now();
    let table = read(Kind::Xlsx, &bytes).unwrap();
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    assert_eq!(
        table.rows.len(),
        5,
        "the stray row is not part of the table"
    );
    assert!(
        table.rows.iter().all(|r| r.cells.len() == 41),
        "up to the formula's column"
    );
    assert_eq!(table.rows[2].formulas, [40]);
    let result = import(&table, &Options::default());
    assert!(result.framework.is_some(), "{:#?}", result.findings);
    assert_eq!(rule_of(&result.tree, "1.1")["kind"], "choice");
}

#[test]
fn bad_files_get_a_message_naming_the_problem() {
    // Too large, before anything is read.
    let big = vec![b' '; parindex_annex::MAX_BYTES + 1];
    let e = read(Kind::Csv, &big).unwrap_err();
    assert!(e.0.en.contains("too large"), "{}", e.0.en);
    // Not a zip at all.
    let e = read(Kind::Docx, b"not a zip").unwrap_err();
    assert!(e.0.en.contains("not a valid Office document"), "{}", e.0.en);
    // A zip bomb: a part that unpacks a thousand times its size.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    std::io::Write::write_all(&mut zip, &vec![b'a'; 4 * 1024 * 1024]).unwrap();
    let bomb = zip.finish().unwrap().into_inner();
    for kind in [Kind::Docx, Kind::Xlsx] {
        let e = read(kind, &bomb).unwrap_err();
        assert!(e.0.en.contains("unpacks too large"), "{}", e.0.en);
    }
    // A Word document with no table.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", options).unwrap();
    std::io::Write::write_all(&mut zip, r#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Chỉ có chữ</w:t></w:r></w:p></w:body></w:document>"#.as_bytes()).unwrap();
    let e = read(Kind::Docx, &zip.finish().unwrap().into_inner()).unwrap_err();
    assert!(e.0.en.contains("no table"), "{}", e.0.en);
    // Not UTF-8.
    let e = read(Kind::Csv, b"STT;Ti\xeau ch\xed").unwrap_err();
    assert!(e.0.en.contains("not UTF-8"), "{}", e.0.en);
}

/// The grid an HTML table makes: spans filled, paragraphs and `<br>` kept as lines,
/// entities decoded, white space collapsed, hidden rows and formula cells marked, the
/// largest table chosen and the text above it kept.
#[test]
fn html_tables_become_the_grid_a_browser_shows() {
    let html = r#"<p>PHỤ LỤC</p><table><tr><td>x</td></tr></table>
<p class=MsoNormal>BỘ CHỈ SỐ&nbsp;NĂM 2026</p>
<table border=1>
 <tr><th rowspan=2>STT</th><th rowspan=2>Tiêu chí</th><th colspan=2>Điểm</th></tr>
 <tr><th>Tối đa</th><th>Thẩm định</th></tr>
 <tr><td>1</td><td><p>Kế   hoạch
   CCHC</p><p>Ban hành &lt;đúng hạn&gt;</p></td><td x:num="2" x:fmla="=C5+C6">2</td><td></td></tr>
 <tr style='height:0; display: none'><td>2<td>Ẩn<br style='mso-data-placement:same-cell'>dòng<td>1</tr>
 <tr><td>3</td><td>Có bảng lồng<table><tr><td>bên trong</td></tr></table></td><td>0,5</td></tr>
</table>"#;
    let table = read(Kind::Html, html.as_bytes()).unwrap();
    let cells: Vec<(usize, Vec<&str>)> = table
        .rows
        .iter()
        .map(|r| (r.number, r.cells.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        cells,
        vec![
            (0, vec!["BỘ CHỈ SỐ NĂM 2026"]),
            (1, vec!["STT", "Tiêu chí", "Điểm", "Điểm"]),
            (2, vec!["STT", "Tiêu chí", "Tối đa", "Thẩm định"]),
            (3, vec!["1", "Kế hoạch CCHC\nBan hành <đúng hạn>", "2", ""]),
            (4, vec!["2", "Ẩn\ndòng", "1"]),
            (5, vec!["3", "Có bảng lồng\nbên trong", "0,5"]),
        ]
    );
    assert_eq!(table.rows[3].formulas, vec![2]);
    assert!(table.rows[4].hidden && !table.rows[3].hidden);
    // A row spanned from above is filled where its own cells leave a gap.
    let table = read(
        Kind::Html,
        "<table><tr><td rowspan=3>A</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>"
            .as_bytes(),
    )
    .unwrap();
    let cells: Vec<Vec<&str>> = table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        cells,
        vec![vec!["A", "b"], vec!["A", "c"], vec!["A", "d", "e"]]
    );
    // Copied without its closing tags, the table still reads.
    let table = read(Kind::Html, b"<table><tr><td>1<td>Ti\xc3\xaau ch\xc3\xad").unwrap();
    assert_eq!(table.rows[0].cells, vec!["1", "Tiêu chí"]);
    // No table at all.
    let e = read(Kind::Html, "<p>Chỉ có chữ</p>".as_bytes()).unwrap_err();
    assert!(e.0.en.contains("no table"), "{}", e.0.en);
    assert_eq!(Kind::of("Phu luc.HTM"), Some(Kind::Html));
}

#[test]
fn tables_without_the_columns_say_which() {
    let cases = [
        ("Tiêu chí;Điểm tối đa\nKế hoạch;2\n", "annex.no-code-column"),
        ("STT;Tiêu chí;Ghi chú\n1;Kế hoạch;\n", "annex.no-max-column"),
        ("Một đoạn văn bản\nkhông có bảng\n", "annex.no-header"),
        (
            "STT;Tiêu chí;Điểm tối đa\n;Không có mã;2\n",
            "annex.no-criteria",
        ),
    ];
    for (text, code) in cases {
        let table = read(Kind::Csv, text.as_bytes()).unwrap();
        let result = import(&table, &Options::default());
        assert!(result.framework.is_none());
        assert!(
            result.findings.iter().any(|f| f.code == code),
            "{code}: {:#?}",
            result.findings
        );
    }
}

/// Nothing panics on any table: random cells in, a result out.
#[test]
fn arbitrary_tables_never_panic() {
    let words = [
        "1",
        "1.1",
        "I",
        "a)",
        "",
        "Trên 90%: 2 điểm",
        "0,5",
        "STT",
        "Điểm tối đa",
        "Tổng cộng",
        "trước ngày 15/01",
        "02 cuộc",
        "Mỗi báo cáo: 0,25 điểm",
        "x",
        "ĐTXHH",
        "Điểm thưởng",
        "không phát sinh",
        "99999999999999999999",
        "1.1.1.1.1",
    ];
    let mut seed = 0x2545F4914F6CDD1Du64;
    for _ in 0..300 {
        let mut table = parindex_annex::Table::default();
        for r in 0..(seed % 12) as usize {
            let cells = (0..4)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    words[(seed % words.len() as u64) as usize].to_string()
                })
                .collect();
            table.rows.push(parindex_annex::Row::new(r + 1, cells));
        }
        let result = import(&table, &Options::default());
        if result.framework.is_some() {
            let text = parindex_core::framework_toml::write_toml(&result.tree);
            assert!(Framework::from_toml(&text).is_ok(), "{text}");
        }
        seed = seed.wrapping_add(0x9E3779B97F4A7C15);
    }
}

/// Every built-in framework (mau-huyen@2022, mau-xa@2024, …) and every framework the annex
/// cases import to, written as an annex table,
/// as `.xlsx` and as `.csv`, imports back to itself: the same tree, valid, and nothing
/// for a person to decide.
#[test]
fn exported_frameworks_import_back_to_themselves() {
    use parindex_annex::write;
    use parindex_core::annex::export;
    assert!(parindex_core::BUILTIN.len() >= 2);
    let mut sources: Vec<(String, String)> = parindex_core::BUILTIN
        .iter()
        .map(|b| (b.reference.to_string(), b.source.to_string()))
        .collect();
    // The frameworks imported from the annex cases, too.
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            sources.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    for (reference, source) in &sources {
        let tree: serde_json::Value =
            serde_json::from_str(&Framework::tree_json(source).unwrap()).unwrap();
        let table = export::table(&tree);
        for (kind, bytes) in [
            (Kind::Xlsx, write::xlsx(&table).unwrap()),
            (Kind::Csv, write::csv(&table)),
        ] {
            let back = read(kind, &bytes).unwrap();
            let result = import(&back, &Options::default());
            let what = format!("{reference} as {kind:?}");
            assert!(result.framework.is_some(), "{what}: {:#?}", result.findings);
            assert_eq!(result.tree, tree, "{what}");
            let decide: Vec<_> = result
                .findings
                .iter()
                .filter(|f| f.level == parindex_core::annex::Level::Decide)
                .collect();
            assert!(decide.is_empty(), "{what}: {decide:#?}");
            assert!(result.findings.iter().any(|f| f.code == "annex.stated"));
        }
    }
}

/// A stated cell or key that is not JSON is a finding at its row, and the rule is then
/// proposed from the words as for any annex.
#[test]
fn stated_values_that_are_not_json_are_findings() {
    let text = "parindex;id;mau-khong-ngoac\n\nSTT;Tiêu chí;Điểm tối đa;Quy tắc (parindex)\n1;Kế hoạch;1;{rule: choice}\n;Có;1;\n;Không;0;\n";
    let table = read(Kind::Csv, text.as_bytes()).unwrap();
    let result = import(&table, &Options::default());
    let stated: Vec<(Option<usize>, Option<&str>)> = result
        .findings
        .iter()
        .filter(|f| f.code == "annex.stated")
        .map(|f| (f.row, f.criterion.as_deref()))
        .collect();
    assert_eq!(stated, vec![(Some(1), None), (Some(4), Some("1"))]);
    assert_eq!(rule_of(&result.tree, "1")["kind"], "choice");
}
