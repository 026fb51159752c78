//! A file that is not JSON is described in the reader's language: the Vietnamese message
//! says what is wrong in Vietnamese (serde_json's own words are English), with the line
//! and column, for every kind of syntax error a hand-edited file shows.

use parindex_core::Opened;

fn messages(text: &str) -> (String, String) {
    let d = Opened::from_json(text).expect_err("not JSON");
    assert_eq!(d.code, "json.syntax", "{text}");
    (d.message.vi.clone(), d.message.en.clone())
}

#[test]
fn syntax_errors_in_vietnamese() {
    let cases = [
        (r#"{"format":1,"#, "dòng 1, cột 12: tệp kết thúc giữa chừng"),
        (r#"{"format" 1}"#, "thiếu dấu hai chấm"),
        (r#"{"format":1 "unit":"A"}"#, "thiếu dấu phẩy `,` hoặc `}`"),
        (r#"{"a":[1 2]}"#, "thiếu dấu phẩy `,` hoặc `]`"),
        (r#"{"format":1,}"#, "thừa dấu phẩy ở cuối"),
        (r#"{format:1}"#, "tên khoá phải đặt trong ngoặc kép"),
        (r#"{"format":1} x"#, "còn ký tự thừa sau dữ liệu"),
        (r#"{"format":1,"format":1}"#, "khoá \"format\" lặp lại"),
        (r#"{"unit":"a\qb"}"#, "ký tự thoát"),
        ("{\"unit\":\"a\nb\"}", "ký tự điều khiển"),
        (r#"{"format":}"#, "thiếu giá trị"),
        (r#"{"format":tru}"#, "từ không hợp lệ"),
    ];
    for (text, expected) in cases {
        let (vi, en) = messages(text);
        assert!(vi.starts_with("lỗi cú pháp JSON ở dòng "), "{vi}");
        assert!(vi.contains(expected), "{text}: {vi}");
        for english in [
            "EOF",
            "expected",
            "while",
            "trailing",
            "duplicate",
            "key must",
        ] {
            assert!(!vi.contains(english), "{text}: {vi}");
        }
        assert!(en.starts_with("JSON syntax error at line "), "{en}");
    }
}
