//! Reading a dossier (`.zip`) from arbitrary bytes: never a panic; what reads is checked
//! (hashes, references) without a panic, and written again reads back to the same files.
//! The assessment read alone — through a reader, and in pieces as the pages read it —
//! never panics either, and is the same text wherever the whole dossier reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parindex_dossier::{assessment_in, read_assessment, Found, Pieces};

/// The assessment in pieces: the last 64 bytes, then 100 bytes wherever more is needed,
/// then (after eight rounds) everything — as `web/static/dossier.js` does, smaller.
fn in_pieces(data: &[u8]) -> Option<String> {
    let mut pieces = Pieces::new(data.len() as u64);
    let from = data.len().saturating_sub(64);
    pieces.add(from as u64, data[from..].to_vec());
    for round in 0..10 {
        match assessment_in(&mut pieces) {
            Ok(Found::Assessment(text)) => return Some(text),
            Err(_) => return None,
            Ok(Found::Needs(at)) => {
                let at = usize::try_from(at).expect("an offset within the file");
                assert!(at < data.len(), "more asked beyond the file's end");
                let (at, end) = if round < 8 {
                    (at, (at + 100).min(data.len()))
                } else {
                    (0, data.len())
                };
                pieces.add(at as u64, data[at..end].to_vec());
            }
        }
    }
    panic!("the whole file was not enough");
}

fuzz_target!(|data: &[u8]| {
    let alone = read_assessment(std::io::Cursor::new(data)).ok();
    assert_eq!(in_pieces(data), alone, "in pieces as read through a reader");
    if let Ok(d) = parindex_dossier::read(data) {
        assert_eq!(alone.as_deref(), Some(d.assessment.as_str()));
        let _ = parindex_dossier::verify(&d);
        if let Ok(bytes) = parindex_dossier::write(&d) {
            let back = parindex_dossier::read(&bytes).expect("a written dossier reads back");
            assert_eq!(back.files, d.files);
            assert_eq!(back.assessment, d.assessment);
        }
    }
});
