//! How the store keeps a value: its JSON, compressed with a fixed dictionary.
//!
//! Format 1 (releases before #18) kept each value as JSON: a budget line's envelope took about
//! 234 bytes, three times over (`records`, `history`, `outbox`). Format 2 keeps the same JSON
//! compressed by zstd with a dictionary trained on Rasid's own records
//! (`dictionary-1.zdict`, committed and never changed: every store written since depends on
//! it): about 40 bytes for that line. A compact value is the tag byte [`COMPACT_1`], then the
//! zstd frame without its 4 magic bytes (no checksum: sled checks its pages; no dictionary id:
//! the tag names the dictionary).
//!
//! The wire stays JSON, and so does what is compressed: whatever serde writes and reads today
//! is what the store holds, with every `#[serde]` attribute of the model as it is, and a value is
//! read whichever format it was written in. JSON never begins with the byte 0x01, so the two
//! cannot be confused; that is what lets a store be migrated in place a chunk at a time
//! (`migrate.rs`), and read at every moment of it.

use serde::{Serialize, de::DeserializeOwned};
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::OnceLock;
use zstd::bulk::{Compressor, Decompressor};
use zstd::dict::{DecoderDictionary, EncoderDictionary};

/// The tag of a value compressed with dictionary 1.
pub(super) const COMPACT_1: u8 = 0x01;

/// Dictionary 1: trained by `write_dictionary` (below) on the demo's records of every kind and
/// on batch answers and rejections. Never to be changed: a new dictionary takes a new tag.
static DICTIONARY_1: &[u8] = include_bytes!("dictionary-1.zdict");

/// zstd's level: 3 compresses a budget line as small as 9 does, four times faster.
const LEVEL: i32 = 3;

/// The magic number every zstd frame begins with (little endian 0xFD2FB528), left out on disk.
const MAGIC: [u8; 4] = [0x28, 0xB5, 0x2F, 0xFD];

/// The most a compact value may decompress to: more than the largest value the store writes (a
/// relayed batch in flight, about 1 MB), so a damaged entry claiming more is refused, not
/// allocated.
const MAX_VALUE_BYTES: u64 = 64 * 1024 * 1024;

fn encoder_dictionary() -> &'static EncoderDictionary<'static> {
    static D: OnceLock<EncoderDictionary<'static>> = OnceLock::new();
    D.get_or_init(|| EncoderDictionary::copy(DICTIONARY_1, LEVEL))
}

fn decoder_dictionary() -> &'static DecoderDictionary<'static> {
    static D: OnceLock<DecoderDictionary<'static>> = OnceLock::new();
    D.get_or_init(|| DecoderDictionary::copy(DICTIONARY_1))
}

thread_local! {
    static COMPRESSOR: RefCell<Option<Compressor<'static>>> = const { RefCell::new(None) };
    static DECOMPRESSOR: RefCell<Option<Decompressor<'static>>> = const { RefCell::new(None) };
}

fn new_compressor() -> std::io::Result<Compressor<'static>> {
    let mut c = Compressor::with_prepared_dictionary(encoder_dictionary())?;
    c.include_checksum(false)?;
    c.include_dictid(false)?;
    c.include_contentsize(true)?;
    Ok(c)
}

/// `json` as the store keeps it: compact, or `json` itself should zstd fail (it reads back
/// either way).
pub(super) fn compact(json: &[u8]) -> Vec<u8> {
    let frame = COMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = new_compressor().ok();
        }
        slot.as_mut().and_then(|c| c.compress(json).ok())
    });
    match frame {
        Some(frame) if frame.starts_with(&MAGIC) => {
            let mut out = Vec::with_capacity(frame.len() - MAGIC.len() + 1);
            out.push(COMPACT_1);
            out.extend_from_slice(&frame[MAGIC.len()..]);
            out
        }
        _ => json.to_vec(),
    }
}

/// True when `stored` is in the compact format (of any dictionary this release knows).
pub(super) fn is_compact(stored: &[u8]) -> bool {
    stored.first() == Some(&COMPACT_1)
}

/// The JSON of a stored value, whichever format it is in; why not, for a damaged one.
pub(super) fn json_of(stored: &[u8]) -> Result<Cow<'_, [u8]>, String> {
    if !is_compact(stored) {
        return Ok(Cow::Borrowed(stored));
    }
    let mut frame = Vec::with_capacity(stored.len() + MAGIC.len() - 1);
    frame.extend_from_slice(&MAGIC);
    frame.extend_from_slice(&stored[1..]);
    let size = match zstd::zstd_safe::get_frame_content_size(&frame) {
        Ok(Some(size)) if size <= MAX_VALUE_BYTES => size as usize,
        Ok(Some(size)) => return Err(format!("a compact value claims {size} bytes")),
        Ok(None) | Err(_) => return Err("a compact value without a readable size".into()),
    };
    DECOMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(
                Decompressor::with_prepared_dictionary(decoder_dictionary())
                    .map_err(|e| e.to_string())?,
            );
        }
        let d = slot.as_mut().ok_or("no decompressor")?;
        let mut out = Vec::with_capacity(size);
        d.decompress_to_buffer(&frame, &mut out)
            .map_err(|e| format!("a compact value that does not decompress: {e}"))?;
        Ok(Cow::Owned(out))
    })
}

/// `value` as the store keeps it.
pub(super) fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Serialising our own plain data types to JSON cannot fail (no maps with non-string keys).
    compact(&serde_json::to_vec(value).unwrap_or_default())
}

/// A stored value read back, or why it cannot be.
pub(super) fn decode<T: DeserializeOwned>(stored: &[u8]) -> Result<T, String> {
    let json = json_of(stored)?;
    serde_json::from_slice(&json).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
