//! The scorecard as CSV for a spreadsheet program (the app's "Xuất CSV"): the Trà Cú
//! example, in Vietnamese (`;`, decimal comma, as Excel set up for Vietnam reads them)
//! and in English (`,`, `.`), with the totals below the table.

use parindex_core::render::scorecard_csv_sheet;
use parindex_core::{builtin, score, Lang, Opened, Scorecard};

fn example() -> Scorecard {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/tra-cu-2022.json"
    ))
    .expect("the example");
    let opened = Opened::from_json(&text).expect("JSON");
    let framework = builtin(&opened.framework).expect("built in");
    score(&framework, &opened.validate(&framework).expect("valid"))
}

#[test]
fn vietnamese_excel_reads_the_points_as_numbers() {
    let csv = scorecard_csv_sheet(&example(), Lang::Vi);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0].split(';').count(), 7, "{}", lines[0]);
    assert!(lines[0].starts_with("Mã;"), "{}", lines[0]);
    let leaf = lines
        .iter()
        .find(|l| l.starts_with("1.5.1;"))
        .expect("1.5.1");
    assert!(leaf.contains(";1,5;1;0,75;Đã chấm;"), "{leaf}");
    assert!(
        csv.contains("\r\n;Tổng điểm;96,5;80,78;78,28;\r\n"),
        "{csv}"
    );
    assert!(csv.contains("\r\n;Điểm thưởng;;;0,5\r\n"));
    assert!(csv.contains("\r\n;Chỉ số;;83,71%;81,12%\r\n"));
    assert!(csv.contains("\r\n;Xếp loại;;Tốt;Tốt\r\n"));
    // A field holding the separator is quoted; no other field is.
    for line in &lines {
        assert_eq!(line.matches('"').count() % 2, 0, "{line}");
    }
}

#[test]
fn english_keeps_commas_and_points() {
    let csv = scorecard_csv_sheet(&example(), Lang::En);
    assert!(csv.contains("\r\n,Total,96.5,80.78,78.28,\r\n"), "{csv}");
    let leaf = csv
        .lines()
        .find(|l| l.starts_with("1.5.1,"))
        .expect("1.5.1");
    assert!(leaf.contains(",1.5,1,0.75,Scored,"), "{leaf}");
}
