//! The dossier's archive: what is written reads back the same (property test), the
//! files' hashes are checked, and every hostile archive of the contract (docs/formats.md
//! §6) is refused with a message naming the entry — nothing panics. The assessment read
//! alone, whole or in pieces as a browser reads it, is the same text, refused alike.

use parindex_dossier::{
    assessment_in, read, read_assessment, sha256_hex, verify, write, Attached, Dossier, Found,
    Pieces, LIMITS,
};
use proptest::prelude::*;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

fn assessment_naming(files: &[Attached]) -> String {
    let mut self_entries = serde_json::Map::new();
    for f in files {
        let entry = self_entries
            .entry(f.code.clone())
            .or_insert_with(|| serde_json::json!({ "evidence": [] }));
        entry["evidence"].as_array_mut().unwrap().push(serde_json::json!({
            "title": f.name,
            "file": { "name": f.name, "sha256": sha256_hex(&f.bytes), "size": f.bytes.len(), "type": f.media_type }
        }));
    }
    serde_json::json!({ "format": 1, "framework": "mau-xa@2024", "unit": "UBND xã A", "year": 2024,
        "self": self_entries })
    .to_string()
}

fn sample() -> Dossier {
    let files = vec![
        Attached {
            code: "1.1.1".into(),
            name: "ke-hoach.pdf".into(),
            media_type: "application/pdf".into(),
            bytes: b"%PDF-1.4 ke hoach".to_vec(),
        },
        Attached {
            code: "1.1.1".into(),
            name: "anh chụp.png".into(),
            media_type: "image/png".into(),
            bytes: vec![0x89, b'P', b'N', b'G', 0, 1, 2],
        },
        Attached {
            code: "2.1.3".into(),
            name: "bao-cao.docx".into(),
            media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                .into(),
            bytes: vec![7; 3000],
        },
    ];
    Dossier {
        assessment: assessment_naming(&files),
        files,
        history: vec![serde_json::json!({ "role": "unit", "at": "2026-12-02T10:00:00Z" })],
        ..Dossier::default()
    }
}

/// An archive made by hand, entry by entry (names as raw bytes allowed through `&str`).
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        z.start_file(*name, SimpleFileOptions::default()).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// The assessment read as the pages read a dossier (`web/static/dossier.js`): each part
/// of the file `assessment_in` asks for, `step` bytes at a time. Also gives how many bytes
/// were read, in how many reads.
fn in_pieces(bytes: &[u8], step: u64) -> (Result<String, Vec<String>>, usize, usize) {
    let mut pieces = Pieces::with_step(bytes.len() as u64, step);
    let (mut fetched, mut reads) = (0, 0);
    loop {
        match assessment_in(&mut pieces) {
            Ok(Found::Assessment(text)) => return (Ok(text), fetched, reads),
            Err(ps) => {
                return (
                    Err(ps.iter().map(|p| p.line(true)).collect()),
                    fetched,
                    reads,
                )
            }
            Ok(Found::Needs { from, to }) => {
                let (from, to) = (from as usize, to as usize);
                assert!(
                    from <= to && to <= bytes.len(),
                    "asked for {from}..{to} of {}",
                    bytes.len()
                );
                assert!(reads < 10, "the whole file was not enough");
                pieces.add(from as u64, bytes[from..to].to_vec());
                fetched += to - from;
                reads += 1;
            }
        }
    }
}

/// The problems of a refused dossier read whole. The assessment read alone — from a
/// reader, and in pieces — is refused too, for problems among these (it does not unpack
/// the evidence files, so it cannot find their damage).
fn refused(bytes: &[u8]) -> Vec<String> {
    let lines: Vec<String> = match read(bytes) {
        Ok(_) => panic!("accepted"),
        Err(ps) => ps.iter().map(|p| p.line(true)).collect(),
    };
    let alone: Vec<String> = match read_assessment(Cursor::new(bytes)) {
        Ok(_) => panic!("the assessment alone accepted"),
        Err(ps) => ps.iter().map(|p| p.line(true)).collect(),
    };
    assert!(
        !alone.is_empty() && alone.iter().all(|l| lines.contains(l)),
        "{alone:?} ⊄ {lines:?}"
    );
    for step in [64, 64 * 1024] {
        match in_pieces(bytes, step).0 {
            Ok(_) => panic!("accepted in pieces"),
            Err(pieces) => assert_eq!(pieces, alone),
        }
    }
    lines
}

#[test]
fn a_written_dossier_reads_back_and_verifies() {
    let d = sample();
    let bytes = write(&d).expect("written");
    let back = read(&bytes).expect("read");
    assert_eq!(back.assessment, d.assessment);
    assert_eq!(back.files, d.files);
    assert_eq!(back.history, d.history);
    assert_eq!(back.manifest.len(), 3);
    assert_eq!(back.manifest[0].path, "tai-lieu/1.1.1/ke-hoach.pdf");
    assert_eq!(back.manifest[0].sha256, sha256_hex(b"%PDF-1.4 ke hoach"));
    assert!(verify(&back).is_empty(), "{:?}", verify(&back));
    // The same dossier gives the same bytes.
    assert_eq!(write(&d).unwrap(), bytes);
}

#[test]
fn a_file_altered_missing_or_unlisted_is_named() {
    let d = sample();
    let bytes = write(&d).unwrap();
    let mut back = read(&bytes).unwrap();
    back.files[0].bytes[0] = b'X';
    let removed = back.files.remove(2);
    back.files.push(Attached {
        code: "3.1.1".into(),
        name: "them.txt".into(),
        media_type: String::new(),
        bytes: b"x".to_vec(),
    });
    let lines: Vec<String> = verify(&back).iter().map(|p| p.line(true)).collect();
    assert!(lines.contains(&"tai-lieu/1.1.1/ke-hoach.pdf: tệp đã bị thay đổi: mã SHA-256 hoặc kích thước không khớp".to_string()), "{lines:?}");
    assert!(
        lines.contains(&format!(
            "{}: thiếu tệp tài liệu kiểm chứng này trong hồ sơ",
            removed.path()
        )),
        "{lines:?}"
    );
    assert!(
        lines.contains(
            &"tai-lieu/3.1.1/them.txt: tệp không có trong danh mục (manifest.json)".to_string()
        ),
        "{lines:?}"
    );
    assert_eq!(lines.len(), 3, "{lines:?}");
}

#[test]
fn unsafe_names_are_refused() {
    let a: &[u8] = b"{}";
    let m: &[u8] = br#"{"kind":"parindex-dossier","format":1,"files":[]}"#;
    for (name, why) in [
        ("tai-lieu/../../etc/passwd", "\"..\""),
        ("/tmp/x", "tuyệt đối"),
        ("C:/Windows/x", "ổ đĩa"),
        ("tai-lieu\\1.1.1\\x.pdf", "dấu \\"),
        ("tai-lieu/1.1.1//x.pdf", "\"//\""),
        ("tai-lieu/1.1.1/a\u{1}b", "điều khiển"),
        ("khac.txt", "tệp lạ"),
    ] {
        let lines = refused(&zip_of(&[
            ("ho-so.json", a),
            ("manifest.json", m),
            (name, b"x"),
        ]));
        assert!(lines.iter().any(|l| l.contains(why)), "{name}: {lines:?}");
    }
    // The same name twice, or twice up to case (one file on Windows or macOS).
    let lines = refused(&zip_of(&[
        ("ho-so.json", a),
        ("manifest.json", m),
        ("tai-lieu/1/a.pdf", b"1"),
        ("tai-lieu/1/A.pdf", b"2"),
    ]));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("tai-lieu/1/A.pdf: trùng tên")),
        "{lines:?}"
    );
    // Without the assessment or the manifest.
    let lines = refused(&zip_of(&[("manifest.json", m)]));
    assert!(
        lines.iter().any(|l| l.contains("thiếu ho-so.json")),
        "{lines:?}"
    );
    let lines = refused(&zip_of(&[("ho-so.json", a)]));
    assert!(
        lines.iter().any(|l| l.contains("thiếu manifest.json")),
        "{lines:?}"
    );
}

#[test]
fn a_name_that_is_not_utf8_is_refused() {
    // Patch a written archive: the entry name's bytes in both headers.
    let mut bytes = zip_of(&[("ho-so.json", b"{}"), ("tai-lieu/1/ab.pdf", b"x")]);
    let at: Vec<usize> = bytes
        .windows(6)
        .enumerate()
        .filter(|(_, w)| w == b"ab.pdf")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(at.len(), 2);
    for i in at {
        bytes[i] = 0xff;
    }
    let lines = refused(&bytes);
    assert!(
        lines.iter().any(|l| l.contains("không phải UTF-8")),
        "{lines:?}"
    );
}

#[test]
fn truncated_corrupted_and_foreign_files_are_refused() {
    let bytes = write(&sample()).unwrap();
    for cut in [0, 10, bytes.len() / 2, bytes.len() - 1] {
        let lines = refused(&bytes[..cut]);
        assert!(
            lines[0].contains("tệp hỏng hoặc bị cắt cụt"),
            "{cut}: {lines:?}"
        );
    }
    // A byte changed in the packed assessment: its checksum fails.
    let mut damaged = bytes.clone();
    let i = damaged
        .windows(10)
        .position(|w| w == b"ho-so.json")
        .unwrap()
        + 10
        + 4;
    damaged[i] ^= 0xff;
    assert!(read(&damaged).is_err());
    let lines = refused(b"{\"format\":1}");
    assert!(lines[0].contains("không phải là hồ sơ .zip"), "{lines:?}");
    let lines = refused(&zip_of(&[
        ("ho-so.json", b"{}"),
        ("manifest.json", b"[1,2]"),
    ]));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("manifest.json: không phải danh mục")),
        "{lines:?}"
    );
}

#[test]
fn zip_bombs_and_oversized_dossiers_are_refused_before_unpacking() {
    // 60 MiB of zeros packs to ~60 KiB: too large a file, and far over the ratio.
    let zeros = vec![0u8; 60 * 1024 * 1024];
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    z.start_file("ho-so.json", SimpleFileOptions::default())
        .unwrap();
    z.write_all(b"{}").unwrap();
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    z.start_file("tai-lieu/1/bom.bin", deflated).unwrap();
    z.write_all(&zeros).unwrap();
    let bomb = z.finish().unwrap().into_inner();
    assert!(bomb.len() < 1024 * 1024);
    let lines = refused(&bomb);
    assert!(
        lines
            .iter()
            .any(|l| l
                .starts_with("tai-lieu/1/bom.bin: tệp quá lớn (60,0 MB; tối đa 50 MB một tệp)")),
        "{lines:?}"
    );
    // 5 MiB of zeros: within a file's bound, over the ratio.
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    z.start_file("tai-lieu/1/bom.bin", deflated).unwrap();
    z.write_all(&zeros[..5 * 1024 * 1024]).unwrap();
    let lines = refused(&z.finish().unwrap().into_inner());
    assert!(lines.iter().any(|l| l.contains("bom zip")), "{lines:?}");
    // Too many entries.
    let names: Vec<String> = (0..LIMITS.entries + 1)
        .map(|i| format!("tai-lieu/1/{i}.txt"))
        .collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let lines = refused(&zip_of(&entries));
    assert!(lines[0].contains("2.001 mục"), "{lines:?}");
    // Writing refuses what reading would.
    let mut d = sample();
    d.files[0].bytes = vec![1; (LIMITS.per_file + 1) as usize];
    assert!(write(&d).unwrap_err().line(true).contains("tệp quá lớn"));
    let mut d = sample();
    d.files[0].name = "../x".into();
    assert!(write(&d).is_err());
}

#[test]
fn the_assessment_alone_reads_little_of_a_large_dossier() {
    let mut d = sample();
    d.files[2].bytes = (0..40 * 1024 * 1024u32)
        .map(|i| ((i * 7) >> 3) as u8)
        .collect();
    let bytes = write(&d).unwrap();
    let (text, fetched, reads) = in_pieces(&bytes, 64 * 1024);
    assert_eq!(text.unwrap(), d.assessment);
    // The directory at the end, the assessment at the start: two reads.
    assert_eq!((fetched, reads), (128 * 1024, 2), "{fetched} bytes read");
    let (_, fetched, reads) = in_pieces(&bytes, parindex_dossier::STEP);
    assert_eq!(
        (fetched, reads),
        (2 * parindex_dossier::STEP as usize, 2),
        "as the pages read"
    );
    // Damage in an evidence file is verify's to find: the scores still read.
    let mut damaged = bytes.clone();
    let n = damaged.len();
    damaged[n / 2] ^= 0xff;
    assert!(read(&damaged).is_err());
    assert_eq!(
        read_assessment(Cursor::new(&damaged)).unwrap(),
        d.assessment
    );
    // A dossier too large is refused before anything is read.
    let mut pieces = Pieces::new(LIMITS.archive + 1);
    let lines = match assessment_in(&mut pieces) {
        Err(ps) => ps[0].line(true),
        other => panic!("{other:?}"),
    };
    assert!(lines.starts_with("hồ sơ quá lớn (200,0 MB"), "{lines}");
}

fn arb_file() -> impl Strategy<Value = Attached> {
    (
        "[0-9]{1,2}(\\.[0-9]{1,2}){0,2}",
        "[a-zA-Z0-9 _àáạđêươ-]{1,20}\\.(pdf|png|docx|xlsx|jpg)",
        proptest::collection::vec(any::<u8>(), 0..2000),
    )
        .prop_map(|(code, name, bytes)| Attached {
            code,
            name,
            media_type: "application/octet-stream".into(),
            bytes,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn any_dossier_round_trips(files in proptest::collection::vec(arb_file(), 0..8), unit in "\\PC{0,40}") {
        // Names equal up to case are one file on an office computer: keep the first.
        let mut kept: Vec<Attached> = Vec::new();
        for f in files {
            if !kept.iter().any(|k| k.path().to_lowercase() == f.path().to_lowercase()) {
                kept.push(f);
            }
        }
        let mut d = Dossier { files: kept, ..Dossier::default() };
        d.assessment = assessment_naming(&d.files).replace("UBND xã A", &unit.replace(['"', '\\'], ""));
        let bytes = write(&d).expect("written");
        let back = read(&bytes).expect("read");
        prop_assert_eq!(&back.assessment, &d.assessment);
        prop_assert_eq!(&read_assessment(Cursor::new(&bytes)).expect("alone"), &d.assessment);
        for step in [1, 300, 64 * 1024] {
            prop_assert_eq!(&in_pieces(&bytes, step).0.expect("in pieces"), &d.assessment);
        }
        prop_assert_eq!(&back.files, &d.files);
        prop_assert!(verify(&back).is_empty());
    }
}
