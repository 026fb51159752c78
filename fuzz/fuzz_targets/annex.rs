//! Reading an annex from arbitrary bytes, as each kind of file (HTML too), and importing the table:
//! never a panic; a draft that validates is written as TOML that reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parindex_annex::{read, Kind};
use parindex_core::annex::{import, Options};

fuzz_target!(|data: &[u8]| {
    for kind in [Kind::Csv, Kind::Text, Kind::Html, Kind::Docx, Kind::Xlsx] {
        if let Ok(table) = read(kind, data) {
            let result = import(&table, &Options::default());
            if result.framework.is_some() {
                let text = parindex_core::framework_toml::write_toml(&result.tree);
                assert!(parindex_core::Framework::from_toml(&text).is_ok(), "{text}");
            }
        }
    }
});
