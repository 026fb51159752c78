//! The printed report as an administrative paper: the letterhead (issuing body, number,
//! Quốc hiệu and Tiêu ngữ, place and date), the signature blocks, and the appraisal's
//! column only once something was appraised — the unit's report before appraisal and the
//! appraisal's result after it, on the Trà Cú example.

use parindex_core::report::{notes_of, report};
use parindex_core::{builtin, score, Lang, Opened};
use serde_json::Value;

fn paper(edit: impl FnOnce(&mut Value), lang: Lang) -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/tra-cu-2022.json"
    ))
    .expect("the example");
    let mut tree: Value = serde_json::from_str(&text).expect("JSON");
    edit(&mut tree);
    let text = tree.to_string();
    let opened = Opened::from_json(&text).expect("JSON");
    let framework = builtin(&opened.framework).expect("built in");
    let card = score(&framework, &opened.validate(&framework).expect("valid"));
    report(&card, &framework, &notes_of(&tree, lang), lang)
}

/// How many columns the standard table has.
fn header_cells(html: &str) -> usize {
    let table = &html[html.find(r#"class="report-table""#).expect("the table")..];
    let head = &table[..table.find("</thead>").expect("a head")];
    head.matches("<th>").count()
}

#[test]
fn the_units_report_before_appraisal() {
    let html = paper(
        |t| {
            t.as_object_mut().expect("object").remove("appraisal");
        },
        Lang::Vi,
    );
    for expected in [
        r#"<p class="body">UBND huyện Trà Cú</p><p>Số: ……/……</p>"#,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "……………, ngày …… tháng …… năm ……",
        "<h1>BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM</h1>",
        r#"<p class="role">NGƯỜI LẬP BIỂU</p><p class="how">(Ký, ghi rõ họ tên)</p>"#,
        r#"<p class="role">THỦ TRƯỞNG ĐƠN VỊ</p><p class="how">(Ký tên, đóng dấu)</p>"#,
    ] {
        assert!(html.contains(expected), "{expected}");
    }
    assert!(!html.contains("THẨM ĐỊNH"), "nothing of an appraisal");
    // Code, criterion, max, self points, evidence, why: no empty appraisal column.
    assert_eq!(header_cells(&html), 6);
    assert!(
        html.ends_with("</div></div>"),
        "the signatures close the paper"
    );
}

#[test]
fn the_appraisal_once_appraised() {
    let html = paper(|_| {}, Lang::Vi);
    for expected in [
        r#"<p class="body">……………………………</p>"#,
        "<h1>KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022</h1>",
        r#"<p class="unit">UBND huyện Trà Cú</p><h2>BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM</h2>"#,
        r#"<p class="role">NGƯỜI THẨM ĐỊNH</p>"#,
        r#"<p class="role">THỦ TRƯỞNG CƠ QUAN THẨM ĐỊNH</p>"#,
    ] {
        assert!(html.contains(expected), "{expected}");
    }
    assert_eq!(header_cells(&html), 7);
    let english = paper(|_| {}, Lang::En);
    for expected in [
        "SOCIALIST REPUBLIC OF VIETNAM",
        "Independence - Freedom - Happiness",
        "HEAD OF THE APPRAISING BODY",
    ] {
        assert!(english.contains(expected), "{expected}");
    }
    assert!(!english.contains("CỘNG HÒA"));
}
