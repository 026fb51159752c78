//! The bounds of a dossier, checked from the archive's directory before anything is
//! unpacked: what a year's evidence needs (scans of plans, reports, decisions), with room,
//! and no more — so a zip bomb or a runaway folder is refused with a message, not
//! unpacked.

use crate::Problem;
use std::io::{Read, Seek};

/// The bounds (bytes, except `entries` and `ratio`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The `.zip` file itself.
    pub archive: u64,
    /// Entries in the archive (files and folders).
    pub entries: usize,
    /// One file, unpacked.
    pub per_file: u64,
    /// Every file, unpacked.
    pub total: u64,
    /// Unpacked ÷ packed size of one entry larger than 1 MiB.
    pub ratio: u64,
}

const MIB: u64 = 1024 * 1024;

/// The dossier's bounds: 200 MiB packed or unpacked, 50 MiB a file, 2,000 entries, and no
/// entry over 1 MiB that unpacks to more than 100 times its packed size (scans and PDFs
/// hardly compress; text compresses ~10×).
pub const LIMITS: Limits = Limits {
    archive: 200 * MIB,
    entries: 2_000,
    per_file: 50 * MIB,
    total: 200 * MIB,
    ratio: 100,
};

/// Megabytes to one decimal place, rounded half up, as each language writes them: "1,5"
/// in Vietnamese, "1.5" in English (whole numbers exactly, no floating point).
fn mib_in(bytes: u64, vi: bool) -> String {
    let tenths = (u128::from(bytes) * 10 + u128::from(MIB) / 2) / u128::from(MIB);
    format!(
        "{}{}{}",
        count_in(tenths / 10, vi),
        if vi { ',' } else { '.' },
        tenths % 10
    )
}

/// A whole number with its thousands grouped: "12.345" in Vietnamese, "12,345" in English.
fn count_in(n: impl Into<u128>, vi: bool) -> String {
    let digits = n.into().to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(if vi { '.' } else { ',' });
        }
        out.push(d);
    }
    out
}

fn mib(bytes: u64) -> (String, String) {
    (mib_in(bytes, true), mib_in(bytes, false))
}

pub(crate) fn too_large_archive(size: u64) -> Problem {
    Problem::new(
        None,
        format!(
            "hồ sơ quá lớn ({} MB; tối đa {} MB)",
            mib(size).0,
            LIMITS.archive / MIB
        ),
        format!(
            "the dossier is too large ({} MB; at most {} MB)",
            mib(size).1,
            LIMITS.archive / MIB
        ),
    )
}

pub(crate) fn too_large_file(entry: &str, size: u64) -> Problem {
    Problem::new(
        Some(entry),
        format!(
            "tệp quá lớn ({} MB; tối đa {} MB một tệp)",
            mib(size).0,
            LIMITS.per_file / MIB
        ),
        format!(
            "file too large ({} MB; at most {} MB a file)",
            mib(size).1,
            LIMITS.per_file / MIB
        ),
    )
}

pub(crate) fn too_large_whole(total: u64, entries: usize) -> Problem {
    Problem::new(
        None,
        format!(
            "hồ sơ quá lớn khi giải nén ({} MB, {} mục; tối đa {} MB, {} mục)",
            mib(total).0,
            count_in(entries as u64, true),
            LIMITS.total / MIB,
            count_in(LIMITS.entries as u64, true)
        ),
        format!(
            "the dossier unpacks too large ({} MB, {} entries; at most {} MB, {} entries)",
            mib(total).1,
            count_in(entries as u64, false),
            LIMITS.total / MIB,
            count_in(LIMITS.entries as u64, false)
        ),
    )
}

/// Checks the archive's directory: entry count, each entry's declared size and ratio, the
/// total. Every entry is checked; the first problem of each kind is reported. Reads
/// nothing beyond the directory.
pub(crate) fn check_archive<R: Read + Seek>(
    archive: &zip::ZipArchive<R>,
) -> Result<(), Vec<Problem>> {
    if archive.len() > LIMITS.entries {
        return Err(vec![too_large_whole(0, archive.len())]);
    }
    let mut problems = Vec::new();
    let mut total = 0u64;
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index_data(i) else {
            continue;
        };
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let (size, packed) = (entry.size(), entry.compressed_size());
        total = total.saturating_add(size);
        if size > LIMITS.per_file {
            problems.push(too_large_file(&name, size));
        } else if size > MIB && size / packed.max(1) > LIMITS.ratio {
            problems.push(Problem::new(
                Some(&name),
                format!(
                    "giải nén ra {} MB từ {} byte (hơn {} lần): nghi là \"bom zip\", hồ sơ bị từ chối",
                    mib(size).0,
                    count_in(packed, true),
                    LIMITS.ratio
                ),
                format!(
                    "unpacks to {} MB from {} bytes (over {} times): a likely zip bomb, the dossier is refused",
                    mib(size).1,
                    count_in(packed, false),
                    LIMITS.ratio
                ),
            ));
        }
    }
    if total > LIMITS.total {
        problems.push(too_large_whole(total, archive.len()));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_counts_are_written_as_each_language_writes_numbers() {
        assert_eq!(mib(MIB * 3 / 2), ("1,5".to_string(), "1.5".to_string()));
        assert_eq!(mib(0).0, "0,0");
        assert_eq!(mib(MIB * 1235).1, "1,235.0");
        assert_eq!(mib(MIB * 1235).0, "1.235,0");
        // Rounded to the nearest tenth: 0.96 MB and 1.04 MB.
        assert_eq!(mib(MIB * 96 / 100).1, "1.0");
        assert_eq!(mib(MIB * 104 / 100).1, "1.0");
        assert_eq!(count_in(1_234_567u64, true), "1.234.567");
        assert_eq!(count_in(999u64, false), "999");
        assert_eq!(count_in(1000u64, false), "1,000");
        assert_eq!(
            too_large_file("tai-lieu/1/a.pdf", 51 * MIB).en,
            "file too large (51.0 MB; at most 50 MB a file)"
        );
    }
}
