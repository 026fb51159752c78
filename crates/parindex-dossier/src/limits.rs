//! The bounds of a dossier, checked from the archive's directory before anything is
//! unpacked: what a year's evidence needs (scans of plans, reports, decisions), with room,
//! and no more — so a zip bomb or a runaway folder is refused with a message, not
//! unpacked.

use crate::Problem;
use std::io::Cursor;

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

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / MIB as f64)
}

pub(crate) fn too_large_archive(size: u64) -> Problem {
    Problem::new(
        None,
        format!(
            "hồ sơ quá lớn ({} MB; tối đa {} MB)",
            mib(size),
            LIMITS.archive / MIB
        ),
        format!(
            "the dossier is too large ({} MB; at most {} MB)",
            mib(size),
            LIMITS.archive / MIB
        ),
    )
}

pub(crate) fn too_large_file(entry: &str, size: u64) -> Problem {
    Problem::new(
        Some(entry),
        format!(
            "tệp quá lớn ({} MB; tối đa {} MB một tệp)",
            mib(size),
            LIMITS.per_file / MIB
        ),
        format!(
            "file too large ({} MB; at most {} MB a file)",
            mib(size),
            LIMITS.per_file / MIB
        ),
    )
}

pub(crate) fn too_large_whole(total: u64, entries: usize) -> Problem {
    Problem::new(
        None,
        format!(
            "hồ sơ quá lớn khi giải nén ({} MB, {entries} mục; tối đa {} MB, {} mục)",
            mib(total),
            LIMITS.total / MIB,
            LIMITS.entries
        ),
        format!(
            "the dossier unpacks too large ({} MB, {entries} entries; at most {} MB, {} entries)",
            mib(total),
            LIMITS.total / MIB,
            LIMITS.entries
        ),
    )
}

/// Checks the archive's directory: entry count, each entry's declared size and ratio, the
/// total. Every entry is checked; the first problem of each kind is reported.
pub(crate) fn check_archive(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
) -> Result<(), Vec<Problem>> {
    if archive.len() > LIMITS.entries {
        return Err(vec![too_large_whole(0, archive.len())]);
    }
    let mut problems = Vec::new();
    let mut total = 0u64;
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(i) else {
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
                    mib(size),
                    packed,
                    LIMITS.ratio
                ),
                format!(
                    "unpacks to {} MB from {} bytes (over {} times): a likely zip bomb, the dossier is refused",
                    mib(size),
                    packed,
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
