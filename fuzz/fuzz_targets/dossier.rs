//! Reading a dossier (`.zip`) from arbitrary bytes: never a panic; what reads is checked
//! (hashes, references) without a panic, and written again reads back to the same files.
//! The assessment read alone — through a reader, and in pieces as the pages read it —
//! never panics either, and is the same text wherever the whole dossier reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parindex_dossier::{assessment_in, read_assessment, Found, Pieces};

/// The assessment in pieces, each part `assessment_in` asks for, 100 bytes at a time — as
/// `web/static/dossier.js` reads, in smaller steps.
fn in_pieces(data: &[u8]) -> Option<String> {
    let mut pieces = Pieces::with_step(data.len() as u64, 100);
    for _ in 0..12 {
        match assessment_in(&mut pieces) {
            Ok(Found::Assessment(text)) => return Some(text),
            Err(_) => return None,
            Ok(Found::Needs { from, to }) => {
                let (from, to) = (from as usize, to as usize);
                assert!(
                    from <= to && to <= data.len(),
                    "more asked than the file holds"
                );
                pieces.add(from as u64, data[from..to].to_vec());
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
