//! `parindex dossier verify|unpack` and dossiers given to `score`, `validate` and
//! `rank`, on the real binary: the Trà Cú example with three evidence files attached —
//! good, with one file altered, with a hostile name.

use parindex_dossier::{sha256_hex, write, Attached, Dossier};
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

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).expect("UTF-8")
}

/// A folder of its own under target/, emptied.
fn workdir(name: &str) -> PathBuf {
    let dir = repo().join("target/tmp/dossier-cli").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a work folder");
    dir
}

fn files() -> Vec<Attached> {
    vec![
        Attached {
            code: "1.1.1".into(),
            name: "ke-hoach-cchc-2022.pdf".into(),
            media_type: "application/pdf".into(),
            bytes: b"%PDF-1.4\n% ke hoach CCHC 2022\n".to_vec(),
        },
        Attached {
            code: "1.1.1".into(),
            name: "anh-niem-yet.png".into(),
            media_type: "image/png".into(),
            bytes: vec![0x89, b'P', b'N', b'G', 13, 10, 26, 10, 1, 2, 3],
        },
        Attached {
            code: "3.1.2".into(),
            name: "bao-cao.docx".into(),
            media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                .into(),
            bytes: b"PK\x03\x04 word".to_vec(),
        },
    ]
}

/// The example with `files` named in its evidence (as the app writes them).
fn assessment_naming(files: &[Attached]) -> String {
    let text =
        std::fs::read_to_string(repo().join("examples/tra-cu-2022.json")).expect("the example");
    let mut tree: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    for f in files {
        let list = tree["self"][f.code.as_str()]["evidence"]
            .as_array_mut()
            .expect("evidence");
        list.push(serde_json::json!({ "title": f.name,
            "file": { "name": f.name, "sha256": sha256_hex(&f.bytes), "size": f.bytes.len(), "type": f.media_type } }));
    }
    serde_json::to_string_pretty(&tree).expect("JSON")
}

fn dossier_at(dir: &Path, name: &str, assessment: String, files: Vec<Attached>) -> String {
    let d = Dossier {
        assessment,
        files,
        ..Dossier::default()
    };
    let path = dir.join(name);
    std::fs::write(&path, write(&d).expect("written")).expect("saved");
    path.to_string_lossy().into_owned()
}

#[test]
fn a_good_dossier_verifies_scores_like_its_json_and_unpacks() {
    let dir = workdir("good");
    let assessment = assessment_naming(&files());
    let json = dir.join("ho-so.json");
    std::fs::write(&json, &assessment).unwrap();
    let zip = dossier_at(&dir, "tra-cu.zip", assessment, files());

    let o = parindex(&["dossier", "verify", &zip]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).ends_with(
            "hợp lệ — 3 tệp tài liệu kiểm chứng (50 byte), mã SHA-256 khớp, 0 lần xuất\n"
        ),
        "{}",
        text(&o.stdout)
    );

    // score, validate and rank read the dossier's ho-so.json: the same bytes as its JSON.
    let from_zip = parindex(&["score", &zip, "--format", "json"]);
    let from_json = parindex(&["score", json.to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        from_zip.status.code(),
        Some(0),
        "{}",
        text(&from_zip.stderr)
    );
    assert_eq!(from_zip.stdout, from_json.stdout);
    assert_eq!(parindex(&["validate", &zip]).status.code(), Some(0));
    let ranked = parindex(&[
        "rank",
        &zip,
        "examples/tra-cu-2022.json",
        "--format",
        "json",
    ]);
    assert_eq!(ranked.status.code(), Some(0), "{}", text(&ranked.stderr));

    let out = dir.join("mo-ra");
    let o = parindex(&["dossier", "unpack", &zip, out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    for f in files() {
        assert_eq!(
            std::fs::read(out.join(f.path())).expect("unpacked"),
            f.bytes
        );
    }
    assert!(out.join("manifest.json").is_file() && out.join("ho-so.json").is_file());
    // Never over what is there.
    let again = parindex(&["dossier", "unpack", &zip, out.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("thư mục đã có tệp"),
        "{}",
        text(&again.stderr)
    );
}

#[test]
fn the_example_dossier_is_what_the_writer_makes() {
    // tests/dossier/tra-cu-2022.zip: the example with the three files above, as written
    // by parindex_dossier::write (a fuzz seed, and a dossier to try the app with).
    let dir = workdir("example");
    let made = dossier_at(&dir, "tra-cu.zip", assessment_naming(&files()), files());
    let stored = repo().join("tests/dossier/tra-cu-2022.zip");
    assert_eq!(
        std::fs::read(made).unwrap(),
        std::fs::read(&stored).unwrap()
    );
    let o = parindex(&["dossier", "verify", "tests/dossier/tra-cu-2022.zip"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

#[test]
fn an_altered_file_fails_verification_and_is_named() {
    let dir = workdir("altered");
    let assessment = assessment_naming(&files());
    let mut changed = files();
    changed[2].bytes.extend_from_slice(b" sua sau khi ky");
    let zip = dossier_at(&dir, "tra-cu-sua.zip", assessment, changed);
    let o = parindex(&["dossier", "verify", &zip]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = text(&o.stderr);
    assert_eq!(
        err,
        format!("{zip}: tai-lieu/3.1.2/bao-cao.docx: tệp đã bị thay đổi: mã SHA-256 hoặc kích thước không khớp\n")
    );
    let en = parindex(&["--lang", "en", "dossier", "verify", &zip]);
    assert!(
        text(&en.stderr).contains("the file was altered"),
        "{}",
        text(&en.stderr)
    );
    // Scoring does not depend on the files: it still works.
    assert_eq!(parindex(&["score", &zip]).status.code(), Some(0));
}

#[test]
fn a_hostile_or_broken_archive_is_refused_everywhere() {
    let dir = workdir("hostile");
    let mut bad = files();
    bad[0].name = "ke-hoach.pdf".into();
    let zip = dossier_at(&dir, "ok.zip", assessment_naming(&bad), bad);
    // A name with "..": patch the written archive (same length as the real name).
    let mut bytes = std::fs::read(&zip).unwrap();
    let from = b"tai-lieu/1.1.1/ke-hoach.pdf";
    let to = b"tai-lieu/../../ke-hoach.pdf";
    assert_eq!(from.len(), to.len());
    let mut at = 0;
    while let Some(i) = bytes[at..].windows(from.len()).position(|w| w == from) {
        bytes[at + i..at + i + from.len()].copy_from_slice(to);
        at += i + from.len();
    }
    let hostile = dir.join("hostile.zip");
    std::fs::write(&hostile, &bytes).unwrap();
    let hostile = hostile.to_str().unwrap();
    for args in [
        vec!["dossier", "verify", hostile],
        vec!["score", hostile],
        vec!["validate", hostile],
    ] {
        let o = parindex(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(
            text(&o.stderr).contains("tai-lieu/../../ke-hoach.pdf: đường dẫn có \"..\""),
            "{}",
            text(&o.stderr)
        );
    }
    let cut = dir.join("cut.zip");
    std::fs::write(&cut, &std::fs::read(&zip).unwrap()[..200]).unwrap();
    let o = parindex(&["dossier", "verify", cut.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("tệp hỏng hoặc bị cắt cụt"),
        "{}",
        text(&o.stderr)
    );
    // Wrong usage.
    assert_eq!(
        parindex(&["dossier", "open", hostile]).status.code(),
        Some(2)
    );
}
