//! The bounds every reader keeps: what a real annex needs, with room, and no more.

use crate::{ReadError, Table};

/// A file larger than this is refused before it is read.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// An annex has a few hundred rows; more is not an annex.
pub const MAX_ROWS: usize = 20_000;
/// The most a zip part (the Word document, a worksheet) may unpack to.
pub const MAX_UNPACKED: u64 = 64 * 1024 * 1024;

pub fn size(bytes: &[u8]) -> Result<(), ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::new(
            format!(
                "tệp quá lớn ({} byte; tối đa {} MB)",
                bytes.len(),
                MAX_BYTES / 1024 / 1024
            ),
            format!(
                "file too large ({} bytes; at most {} MB)",
                bytes.len(),
                MAX_BYTES / 1024 / 1024
            ),
        ));
    }
    Ok(())
}

pub fn rows(table: &Table) -> Result<(), ReadError> {
    if table.rows.len() > MAX_ROWS {
        return Err(ReadError::new(
            format!("bảng có {} dòng, quá {MAX_ROWS} dòng", table.rows.len()),
            format!(
                "the table has {} rows, more than {MAX_ROWS}",
                table.rows.len()
            ),
        ));
    }
    Ok(())
}

/// UTF-8 text (a byte-order mark is dropped).
pub fn utf8(bytes: &[u8]) -> Result<&str, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        ReadError::new(
            format!(
                "tệp không phải văn bản UTF-8 (byte {}): hãy lưu lại với mã UTF-8 (Excel: \"CSV UTF-8\")",
                e.valid_up_to()
            ),
            format!(
                "the file is not UTF-8 text (byte {}): save it again as UTF-8 (Excel: \"CSV UTF-8\")",
                e.valid_up_to()
            ),
        )
    })
}

/// Reads one part of a zip file (an Office document), refusing what unpacks too large.
pub fn zip_part(bytes: &[u8], name: &str) -> Result<Option<String>, ReadError> {
    use std::io::Read;
    let not_zip = |e: String| {
        ReadError::new(
            format!("tệp không phải là tài liệu Office hợp lệ ({e})"),
            format!("the file is not a valid Office document ({e})"),
        )
    };
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not_zip(e.to_string()))?;
    let mut file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(not_zip(e.to_string())),
    };
    let mut out = Vec::new();
    let read = (&mut file)
        .take(MAX_UNPACKED + 1)
        .read_to_end(&mut out)
        .map_err(|e| not_zip(e.to_string()))?;
    if read as u64 > MAX_UNPACKED {
        return Err(ReadError::new(
            format!(
                "{name} giải nén ra quá {} MB: tệp bị từ chối",
                MAX_UNPACKED / 1024 / 1024
            ),
            format!(
                "{name} unpacks to more than {} MB: the file is refused",
                MAX_UNPACKED / 1024 / 1024
            ),
        ));
    }
    String::from_utf8(out)
        .map(Some)
        .map_err(|_| not_zip(format!("{name}: not UTF-8")))
}

/// Refuses a zip whose parts declare more than [`MAX_UNPACKED`] in all, or unpack more
/// than 200 times their packed size (a zip bomb), before anything is unpacked.
pub fn zip_sizes(bytes: &[u8]) -> Result<(), ReadError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        ReadError::new(
            format!("tệp không phải là tài liệu Office hợp lệ ({e})"),
            format!("the file is not a valid Office document ({e})"),
        )
    })?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(i) else {
            continue;
        };
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        total = total.saturating_add(part.size());
        let ratio_bomb =
            part.size() > 1024 * 1024 && part.size() / part.compressed_size().max(1) > 200;
        if total > MAX_UNPACKED || ratio_bomb {
            return Err(ReadError::new(
                format!(
                    "tệp giải nén ra quá lớn ({} giải nén {} byte): tệp bị từ chối",
                    name,
                    part.size()
                ),
                format!(
                    "the file unpacks too large ({} unpacks to {} bytes): refused",
                    name,
                    part.size()
                ),
            ));
        }
    }
    Ok(())
}
