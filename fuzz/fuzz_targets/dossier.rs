//! Reading a dossier (`.zip`) from arbitrary bytes: never a panic; what reads is checked
//! (hashes, references) without a panic, and written again reads back to the same files.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = parindex_dossier::read(data) {
        let _ = parindex_dossier::verify(&d);
        if let Ok(bytes) = parindex_dossier::write(&d) {
            let back = parindex_dossier::read(&bytes).expect("a written dossier reads back");
            assert_eq!(back.files, d.files);
            assert_eq!(back.assessment, d.assessment);
        }
    }
});
