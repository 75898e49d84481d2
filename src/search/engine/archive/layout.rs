//! What the builder and the query agree on: file names, the entry's directories and
//! the keys of the typo lists.

use super::codec::{FrontCoder, Reader, put_varint};

/// The first bytes of the entry: the format's version.
pub const MAGIC: &[u8; 4] = b"NFA1";
pub const ENTRY: &str = "entry.bin";
/// Bytes of a file's name hash (48 bits: no two files of an archive share one).
pub const HASH_BYTES: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Postings,
    Words,
    Typos,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Postings, Kind::Words, Kind::Typos];

    fn letter(self) -> char {
        match self {
            Kind::Postings => 'p',
            Kind::Words => 'w',
            Kind::Typos => 't',
        }
    }
}

/// A file's name below the edition's folder.
pub fn file_name(kind: Kind, hash: &[u8]) -> String {
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}{hex}.bin", kind.letter())
}

/// A story's file below the edition's folder.
pub fn story_name(id: u32) -> String {
    format!("s/{id}.json")
}

/// A story's words file: a line a field (title, lead, body), its words once each.
pub fn words_name(id: u32) -> String {
    format!("v/{id}.txt")
}

/// A story's file (`story_name`): what a result shows.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StoryFile {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub lead: Option<String>,
    /// The section's slug.
    pub section: String,
    #[serde(default)]
    pub published_at: Option<crate::logic::dates::Timestamp>,
}

/// One directory: the first key each file holds, in order, and its name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Directory {
    pub first: Vec<Vec<u8>>,
    pub names: Vec<String>,
}

impl Directory {
    /// The files that hold keys in `lo..hi` (`hi` excluded; no key is in two files).
    pub fn covering(&self, lo: &[u8], hi: &[u8]) -> std::ops::Range<usize> {
        // From the file of `lo`: the last whose first key is at most `lo`.
        let start = self
            .first
            .partition_point(|f| f.as_slice() <= lo)
            .saturating_sub(1);
        let end = self.first.partition_point(|f| f.as_slice() < hi);
        start..end.max(start)
    }

    /// The file that holds `key`, if any could.
    pub fn holding(&self, key: &[u8]) -> Option<&str> {
        let at = self.first.partition_point(|f| f.as_slice() <= key);
        Some(self.names.get(at.checked_sub(1)?)?.as_str())
    }
}

/// The end of the range of keys that begin with `prefix`.
pub fn after_prefix(prefix: &[u8]) -> Vec<u8> {
    let mut hi = prefix.to_vec();
    hi.push(0xff);
    hi
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// Story ids are below this.
    pub ids: u32,
    pub postings: Directory,
    pub words: Directory,
    pub typos: Directory,
}

impl Entry {
    pub fn directory(&self, kind: Kind) -> &Directory {
        match kind {
            Kind::Postings => &self.postings,
            Kind::Words => &self.words,
            Kind::Typos => &self.typos,
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        put_varint(&mut out, u64::from(self.ids));
        for kind in Kind::ALL {
            let dir = self.directory(kind);
            put_varint(&mut out, dir.first.len() as u64);
            let mut coder = FrontCoder::default();
            for (first, name) in dir.first.iter().zip(&dir.names) {
                coder.put(&mut out, first);
                let hex = &name[1..1 + HASH_BYTES * 2];
                for i in 0..HASH_BYTES {
                    out.push(u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).unwrap_or(0));
                }
            }
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Option<Entry> {
        let mut r = Reader::new(bytes.strip_prefix(MAGIC)?);
        let ids = u32::try_from(r.varint()?).ok()?;
        let mut dirs = Vec::with_capacity(3);
        for kind in Kind::ALL {
            let n = usize::try_from(r.varint()?).ok()?;
            let mut dir = Directory::default();
            let mut coder = FrontCoder::default();
            for _ in 0..n.min(bytes.len()) {
                dir.first.push(coder.get(&mut r)?);
                dir.names.push(file_name(kind, r.take(HASH_BYTES)?));
            }
            dirs.push(dir);
        }
        let typos = dirs.pop()?;
        let words = dirs.pop()?;
        let postings = dirs.pop()?;
        Some(Entry {
            ids,
            postings,
            words,
            typos,
        })
    }
}

/// The keys under which a word is listed for typos: a word one edit away from it
/// (not in its first letter, which readers seldom mistype) shares at least one of
/// them. `a`: its first letter and last two, for an edit from the second letter to the
/// third from the end; `b`: its first two letters and last, for one from the third
/// letter to the second from the end. With the length (an edit changes it by one at
/// most), so that a common ending (Russian "-ся") does not make one huge list. Words
/// under four letters have none: they get no typos.
pub fn typo_keys(word: &str, len: usize) -> Option<[Vec<u8>; 2]> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 4 {
        return None;
    }
    let key = |family: u8, head: &[char], tail: &[char]| {
        let mut k = vec![family];
        for c in head.iter().chain(tail) {
            let mut buf = [0u8; 4];
            k.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        k.push(u8::try_from(len.min(250)).unwrap_or(250));
        k
    };
    Some([
        key(b'a', &chars[..1], &chars[n - 2..]),
        key(b'b', &chars[..2], &chars[n - 1..]),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(keys: &[&str]) -> Directory {
        Directory {
            first: keys.iter().map(|k| k.as_bytes().to_vec()).collect(),
            names: keys.iter().map(|k| format!("p{k}")).collect(),
        }
    }

    #[test]
    fn a_key_is_in_the_last_file_that_starts_at_or_before_it() {
        let d = dir(&["a", "f", "m"]);
        assert_eq!(d.holding(b"b"), Some("pa"));
        assert_eq!(d.holding(b"f"), Some("pf"));
        assert_eq!(d.holding(b"zz"), Some("pm"));
        assert_eq!(dir(&["b"]).holding(b"a"), None);
        assert_eq!(d.covering(b"f", &after_prefix(b"f")), 1..2);
        assert_eq!(d.covering(b"e", &after_prefix(b"e")), 0..1);
        assert_eq!(d.covering(b"c", b"n"), 0..3);
        assert_eq!(Directory::default().covering(b"a", b"b"), 0..0);
    }

    #[test]
    fn the_entry_round_trips() {
        let hash = [1, 2, 3, 4, 5, 6];
        let mut e = Entry {
            ids: 200_000,
            ..Entry::default()
        };
        e.postings.first = vec![b"".to_vec(), b"mango".to_vec()];
        e.postings.names = vec![file_name(Kind::Postings, &hash); 2];
        e.typos.first = vec![b"a\xd0".to_vec()];
        e.typos.names = vec![file_name(Kind::Typos, &hash)];
        assert_eq!(Entry::decode(&e.encode()), Some(e));
        assert_eq!(Entry::decode(b"NFA0"), None);
        assert_eq!(Entry::decode(b"NFA1\x05\x09"), None);
    }

    #[test]
    fn a_typo_inside_a_word_keeps_one_of_its_keys() {
        // A word is listed at its length; the typed word is looked up at the lengths
        // one edit makes (here, the listed word's).
        let shares = |listed: &str, typed: &str| {
            let n = listed.chars().count();
            let (a, b) = (typo_keys(listed, n), typo_keys(typed, n));
            a.zip(b)
                .is_some_and(|(a, b)| a.iter().any(|k| b.contains(k)))
        };
        assert!(shares("economy", "ekonomy"));
        assert!(shares("economy", "econimy"));
        assert!(shares("economy", "econoy"));
        assert!(shares("экономика", "эканомика"));
        assert!(shares("տնտեսություն", "տնտեսութուն"));
        assert!(typo_keys("cat", 3).is_none());
    }
}
