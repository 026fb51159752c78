//! A dossier read in pieces: what a browser does with a `File` it cannot seek in without
//! waiting. The page asks [`assessment_in`] for the assessment and reads the part of the
//! file it is told — the end first (the archive's directory), then wherever the reader
//! stopped: in a dossier parindex writes, `ho-so.json`'s few kilobytes at the start — so
//! ranking a hundred dossiers does not unpack and hash a hundred sets of scans. How much
//! is read at a time, and when to read the whole file instead, is decided here once, for
//! the page and the tests alike.

use crate::Problem;
use std::io::{self, Read, Seek, SeekFrom};

/// How much of the file is read at a time.
pub const STEP: u64 = 256 * 1024;

/// Reads after which the whole file is asked for: an archive laid out otherwise than
/// parindex writes them.
const ROUNDS: usize = 8;

/// Parts of a file of known length, each at its offset: a reader over them that records
/// the first place it was asked for bytes it does not hold.
#[derive(Debug, Default)]
pub struct Pieces {
    len: u64,
    pieces: Vec<(u64, Vec<u8>)>,
    pos: u64,
    missed: Option<u64>,
    step: u64,
}

impl Pieces {
    /// No part yet of a file of `len` bytes, read [`STEP`] bytes at a time.
    pub fn new(len: u64) -> Pieces {
        Pieces::with_step(len, STEP)
    }

    /// The same, `step` bytes at a time (tests read in small steps, to go through every
    /// round).
    pub fn with_step(len: u64, step: u64) -> Pieces {
        Pieces {
            len,
            step: step.max(1),
            ..Pieces::default()
        }
    }

    /// Adds the bytes read at `offset` (cut at the file's end).
    pub fn add(&mut self, offset: u64, mut bytes: Vec<u8>) {
        let room = self.len.saturating_sub(offset);
        bytes.truncate(usize::try_from(room).unwrap_or(usize::MAX));
        self.pieces.push((offset, bytes));
    }

    /// The piece holding the byte at `pos`, and where in it.
    fn at(&self, pos: u64) -> Option<(&[u8], usize)> {
        self.pieces.iter().find_map(|(start, bytes)| {
            let within = pos.checked_sub(*start)?;
            (within < bytes.len() as u64).then_some((bytes.as_slice(), within as usize))
        })
    }
}

impl Read for Pieces {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.len || buf.is_empty() {
            return Ok(0);
        }
        let Some((bytes, from)) = self.at(self.pos) else {
            self.missed.get_or_insert(self.pos);
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "this part of the file is not read yet",
            ));
        };
        let n = buf.len().min(bytes.len() - from);
        buf[..n].copy_from_slice(&bytes[from..from + n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Pieces {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let pos = match to {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        let pos = pos.ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        self.pos = pos;
        Ok(pos)
    }
}

/// What [`assessment_in`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// The assessment's text.
    Assessment(String),
    /// The part of the file to read next (`from..to`), to [`Pieces::add`] before asking
    /// again.
    Needs { from: u64, to: u64 },
}

/// The assessment of a dossier from the pieces read so far ([`crate::read_assessment`]),
/// or the part of the file to read next: with no piece yet, its last [`STEP`] bytes;
/// then [`STEP`] bytes from where the reader stopped; after eight reads, the whole file —
/// so asking again after each read always ends. Problems are those of a dossier read
/// whole (a file too large is refused before anything is read); a piece missing is never
/// reported as damage.
pub fn assessment_in(pieces: &mut Pieces) -> Result<Found, Vec<Problem>> {
    crate::check_size(pieces.len).map_err(|p| vec![p])?;
    let len = pieces.len;
    if pieces.pieces.is_empty() {
        let from = len.saturating_sub(pieces.step);
        return Ok(Found::Needs { from, to: len });
    }
    pieces.missed = None;
    pieces.pos = 0;
    let read = crate::read_assessment(&mut *pieces);
    match (pieces.missed, read) {
        (Some(_), _) if pieces.pieces.len() >= ROUNDS => Ok(Found::Needs { from: 0, to: len }),
        (Some(at), _) => Ok(Found::Needs {
            from: at,
            to: len.min(at.saturating_add(pieces.step)),
        }),
        (None, Ok(text)) => Ok(Found::Assessment(text)),
        (None, Err(problems)) => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_within_its_pieces_and_records_the_first_miss() {
        let mut p = Pieces::new(10);
        p.add(6, b"6789xyz".to_vec());
        p.add(0, b"012".to_vec());
        let mut buf = [0u8; 8];
        assert_eq!(p.seek(SeekFrom::End(-4)).unwrap(), 6);
        assert_eq!(p.read(&mut buf).unwrap(), 4, "cut at the file's end");
        assert_eq!(&buf[..4], b"6789");
        assert_eq!(p.read(&mut buf).unwrap(), 0);
        p.seek(SeekFrom::Start(1)).unwrap();
        assert_eq!(p.read(&mut buf).unwrap(), 2);
        assert_eq!(&buf[..2], b"12");
        assert!(p.read(&mut buf).is_err());
        p.seek(SeekFrom::Start(4)).unwrap();
        assert!(p.read(&mut buf).is_err());
        assert_eq!(p.missed, Some(3), "the first miss is kept");
        assert!(p.seek(SeekFrom::Current(-20)).is_err());
    }
}
