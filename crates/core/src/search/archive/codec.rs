//! The byte layout of the archive index's files: variable-length integers, sets of
//! story ids (gaps, or a bitmap when that is smaller: a word in half the archive costs
//! an eighth of a byte a story, at most), and sorted words sharing their prefixes.

/// Appends `v` in LEB128 (7 bits a byte, the high bit says more follows).
pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Appends `bytes` after their length.
pub fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

const GAPS: u8 = 0;
const BITMAP: u8 = 1;

/// Appends a sorted set of ids, in whichever form is smaller.
pub fn put_ids(out: &mut Vec<u8>, ids: &[u32]) {
    let mut gaps = Vec::with_capacity(ids.len() * 2 + 4);
    put_varint(&mut gaps, ids.len() as u64);
    let mut last = 0u32;
    for (i, &id) in ids.iter().enumerate() {
        put_varint(
            &mut gaps,
            u64::from(if i == 0 { id } else { id - last - 1 }),
        );
        last = id;
    }
    let (first, span) = match (ids.first(), ids.last()) {
        (Some(&a), Some(&b)) => (a, (b - a + 1) as usize),
        _ => (0, 0),
    };
    if span.div_ceil(8) + 8 < gaps.len() {
        out.push(BITMAP);
        put_varint(out, u64::from(first));
        put_varint(out, span as u64);
        let mut bits = vec![0u8; span.div_ceil(8)];
        for &id in ids {
            let at = (id - first) as usize;
            bits[at / 8] |= 1 << (at % 8);
        }
        out.extend_from_slice(&bits);
    } else {
        out.push(GAPS);
        out.extend_from_slice(&gaps);
    }
}

/// Reads what the `put_` functions wrote; `None` at a malformed or short file.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    pub fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// Bytes not yet read.
    pub fn left(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }

    pub fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    pub fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.varint()?).ok()?;
        self.take(n)
    }

    /// Passes over a set written by `put_ids` without reading its ids.
    pub fn skip_ids(&mut self) -> Option<()> {
        match self.byte()? {
            GAPS => {
                let n = self.varint()?;
                for _ in 0..n {
                    self.varint()?;
                }
            }
            BITMAP => {
                self.varint()?;
                let span = usize::try_from(self.varint()?).ok()?;
                self.take(span.div_ceil(8))?;
            }
            _ => return None,
        }
        Some(())
    }

    /// A set written by `put_ids`, sorted.
    pub fn ids(&mut self) -> Option<Vec<u32>> {
        match self.byte()? {
            GAPS => {
                let n = usize::try_from(self.varint()?).ok()?;
                // A count beyond what the file could hold is a broken file.
                if n > self.bytes.len() - self.at {
                    return None;
                }
                let mut ids = Vec::with_capacity(n);
                let mut last = 0u32;
                for i in 0..n {
                    let g = u32::try_from(self.varint()?).ok()?;
                    last = if i == 0 {
                        g
                    } else {
                        last.checked_add(g)?.checked_add(1)?
                    };
                    ids.push(last);
                }
                Some(ids)
            }
            BITMAP => {
                let first = u32::try_from(self.varint()?).ok()?;
                let span = usize::try_from(self.varint()?).ok()?;
                let bits = self.take(span.div_ceil(8))?;
                let mut ids = Vec::new();
                for (i, &b) in bits.iter().enumerate() {
                    let mut b = b;
                    while b != 0 {
                        let at = i * 8 + b.trailing_zeros() as usize;
                        if at < span {
                            ids.push(first.checked_add(u32::try_from(at).ok()?)?);
                        }
                        b &= b - 1;
                    }
                }
                Some(ids)
            }
            _ => None,
        }
    }
}

/// Sorted words written with the prefix each shares with the one before.
#[derive(Default)]
pub struct FrontCoder {
    last: Vec<u8>,
}

impl FrontCoder {
    pub fn put(&mut self, out: &mut Vec<u8>, word: &[u8]) {
        let shared = self
            .last
            .iter()
            .zip(word)
            .take_while(|(a, b)| a == b)
            .count();
        put_varint(out, shared as u64);
        put_bytes(out, &word[shared..]);
        self.last.clear();
        self.last.extend_from_slice(word);
    }

    /// The next word from `r` (after the one before it).
    pub fn get(&mut self, r: &mut Reader) -> Option<Vec<u8>> {
        let shared = usize::try_from(r.varint()?).ok()?;
        let rest = r.bytes()?;
        if shared > self.last.len() {
            return None;
        }
        self.last.truncate(shared);
        self.last.extend_from_slice(rest);
        Some(self.last.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(ids: &[u32]) -> (Vec<u32>, usize) {
        let mut out = Vec::new();
        put_ids(&mut out, ids);
        (Reader::new(&out).ids().expect("decodes"), out.len())
    }

    #[test]
    fn id_sets_round_trip_in_both_forms() {
        for ids in [
            vec![],
            vec![0],
            vec![7, 8, 9, 1000, 70_000],
            (0..5000).collect::<Vec<u32>>(),
            (10..20_000).step_by(3).collect(),
        ] {
            assert_eq!(round_trip(&ids).0, ids);
            let mut out = Vec::new();
            put_ids(&mut out, &ids);
            out.push(42);
            let mut r = Reader::new(&out);
            assert_eq!(r.skip_ids(), Some(()));
            assert_eq!(r.byte(), Some(42), "skipped to the byte after the set");
        }
        // Dense: a bitmap, an eighth of a byte a story.
        assert!(round_trip(&(0..80_000).step_by(2).collect::<Vec<_>>()).1 < 10_010);
        // Sparse: gaps.
        assert!(round_trip(&[5, 100_000, 200_000]).1 < 12);
    }

    #[test]
    fn words_share_their_prefixes() {
        let words: [&[u8]; 4] = [b"econ", b"economy", b"ecosystem", b"z"];
        let mut out = Vec::new();
        let mut w = FrontCoder::default();
        for word in words {
            w.put(&mut out, word);
        }
        let mut r = Reader::new(&out);
        let mut w = FrontCoder::default();
        for word in words {
            assert_eq!(w.get(&mut r).as_deref(), Some(word));
        }
        assert!(r.done());
    }

    #[test]
    fn broken_input_is_none_not_a_panic() {
        assert_eq!(Reader::new(&[GAPS, 200]).ids(), None);
        assert_eq!(Reader::new(&[GAPS, 5, 1]).ids(), None);
        assert_eq!(Reader::new(&[9]).ids(), None);
        assert_eq!(Reader::new(&[0xff; 12]).varint(), None);
        let mut w = FrontCoder::default();
        assert_eq!(w.get(&mut Reader::new(&[3, 1, b'a'])), None);
    }
}
