//! What the builder and the query agree on: file names, the entry's directories and
//! the keys of the typo lists.

use sha2::{Digest, Sha256};

use super::codec::{FrontCoder, Reader, put_ids, put_varint};

/// The first bytes of the entry: the format's version.
pub const MAGIC: &[u8; 4] = b"NFA2";
pub const ENTRY: &str = "entry.bin";
/// Bytes of a file's name hash (48 bits: no two files of an archive share one).
pub const HASH_BYTES: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Postings,
    Words,
    Typos,
    /// A page of a directory of one of the others.
    Page,
}

impl Kind {
    /// The kinds a segment has a directory of.
    pub const LISTED: [Kind; 3] = [Kind::Postings, Kind::Words, Kind::Typos];

    fn letter(self) -> char {
        match self {
            Kind::Postings => 'p',
            Kind::Words => 'w',
            Kind::Typos => 't',
            Kind::Page => 'd',
        }
    }

    fn of_letter(letter: u8) -> Option<Kind> {
        Kind::LISTED
            .into_iter()
            .find(|k| k.letter() as u8 == letter)
    }
}

/// A file's name below the edition's folder.
pub fn file_name(kind: Kind, hash: &[u8]) -> String {
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}{hex}.bin", kind.letter())
}

/// A file's name from its content: its kind and the first bytes of its SHA-256.
pub fn content_name(kind: Kind, bytes: &[u8]) -> String {
    file_name(kind, &Sha256::digest(bytes)[..HASH_BYTES])
}

/// Whether `bytes` are what the file `name` (below the edition's folder, a segment's
/// file or page: not the entry or a story's) holds: a CDN's error page or a damaged
/// copy is not read as an index.
pub fn holds(name: &str, bytes: &[u8]) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    let kind = [Kind::Postings, Kind::Words, Kind::Typos, Kind::Page]
        .into_iter()
        .find(|k| base.starts_with(k.letter()));
    kind.is_some_and(|k| content_name(k, bytes) == base)
}

/// A story's file below the edition's folder: what a result shows, as an entry of
/// the one-file index has it (`contract::IndexedArticle`).
pub fn story_name(id: u32) -> String {
    format!("s/{id}.json")
}

/// Whether a file below the edition's folder is a story's (`story_name`,
/// `words_name`), which is named by its id, not by its content.
pub fn is_story(name: &str) -> bool {
    name.starts_with("s/") || name.starts_with("v/")
}

/// A story's words file: a line a field (title, lead, body), its words once each.
pub fn words_name(id: u32) -> String {
    format!("v/{id}.txt")
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

    fn encode(&self, out: &mut Vec<u8>) {
        put_varint(out, self.first.len() as u64);
        let mut coder = FrontCoder::default();
        for (first, name) in self.first.iter().zip(&self.names) {
            coder.put(out, first);
            let hex = &name[1..1 + HASH_BYTES * 2];
            for i in 0..HASH_BYTES {
                out.push(u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).unwrap_or(0));
            }
        }
    }

    fn decode(r: &mut Reader, kind: Kind) -> Option<Directory> {
        let n = usize::try_from(r.varint()?).ok()?;
        let mut dir = Directory::default();
        let mut coder = FrontCoder::default();
        for _ in 0..n.min(r.left()) {
            dir.first.push(coder.get(r)?);
            dir.names.push(file_name(kind, r.take(HASH_BYTES)?));
        }
        Some(dir)
    }

    /// A page file (`Kind::Page`): this directory of `kind`'s files.
    pub fn page(&self, kind: Kind) -> Vec<u8> {
        let mut out = vec![kind.letter() as u8];
        self.encode(&mut out);
        out
    }

    /// A page file's directory, and the kind of the files it names.
    pub fn of_page(bytes: &[u8]) -> Option<(Kind, Directory)> {
        let (&letter, rest) = bytes.split_first()?;
        let kind = Kind::of_letter(letter)?;
        Some((kind, Directory::decode(&mut Reader::new(rest), kind)?))
    }
}

/// One index of stories: for each kind, a directory of the pages of its directory
/// (an archive's directories in the entry would be most of a first query's bytes).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Segment {
    pub postings: Directory,
    pub words: Directory,
    pub typos: Directory,
    /// Where its files are below the edition's folder: "" for the base, `RECENT`.
    pub folder: &'static str,
}

/// The recent segment's folder: its files are replaced at every publish, the base's
/// only by a whole build.
pub const RECENT: &str = "r/";

impl Segment {
    /// A file's path below the edition's folder.
    pub fn path(&self, name: &str) -> String {
        format!("{}{name}", self.folder)
    }

    pub fn directory(&self, kind: Kind) -> &Directory {
        match kind {
            Kind::Words => &self.words,
            Kind::Typos => &self.typos,
            _ => &self.postings,
        }
    }
}

/// The end of the range of keys that begin with `prefix`.
pub fn after_prefix(prefix: &[u8]) -> Vec<u8> {
    let mut hi = prefix.to_vec();
    hi.push(0xff);
    hi
}

/// An edition's index as a reader's query starts from it. Publishing adds to an
/// archive all day: the stories changed since the archive was last indexed whole are
/// indexed again, alone, in a second, small segment (`recent`), and their ids (and
/// those of stories taken down) are `masked` in the first (`base`), as a search
/// engine's segments and deletions; the next whole build folds them in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// Story ids are below this.
    pub ids: u32,
    pub base: Segment,
    pub recent: Option<Segment>,
    /// Ids whose stories in `base` are out of date or gone, in order.
    pub masked: Vec<u32>,
}

impl Entry {
    /// The segments, oldest first.
    pub fn segments(&self) -> impl Iterator<Item = &Segment> {
        std::iter::once(&self.base).chain(self.recent.as_ref())
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        put_varint(&mut out, u64::from(self.ids));
        put_ids(&mut out, &self.masked);
        put_varint(&mut out, self.segments().count() as u64);
        for segment in self.segments() {
            for kind in Kind::LISTED {
                segment.directory(kind).encode(&mut out);
            }
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Option<Entry> {
        let mut r = Reader::new(bytes.strip_prefix(MAGIC)?);
        let ids = u32::try_from(r.varint()?).ok()?;
        let masked = r.ids()?;
        let count = r.varint()?;
        if !(1..=2).contains(&count) {
            return None;
        }
        let mut segments = Vec::new();
        for folder in ["", RECENT].into_iter().take(count as usize) {
            let mut dir = || Directory::decode(&mut r, Kind::Page);
            segments.push(Segment {
                postings: dir()?,
                words: dir()?,
                typos: dir()?,
                folder,
            });
        }
        let recent = (count == 2).then(|| segments.pop()).flatten();
        Some(Entry {
            ids,
            base: segments.pop()?,
            recent,
            masked,
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

/// The key under which a word is listed for suggestions: its first and last letters
/// and its length. A word two edits away inside it (a reader's "hrbor" for "harbour")
/// shares it at a length two apart at most. Words under three letters have none.
pub fn near_key(word: &str, len: usize) -> Option<Vec<u8>> {
    let first = word.chars().next()?;
    let last = word.chars().last()?;
    if word.chars().count() < 3 {
        return None;
    }
    let mut k = vec![b'c'];
    let mut buf = [0u8; 4];
    k.extend_from_slice(first.encode_utf8(&mut buf).as_bytes());
    k.extend_from_slice(last.encode_utf8(&mut buf).as_bytes());
    k.push(u8::try_from(len.min(250)).unwrap_or(250));
    Some(k)
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
            masked: vec![3, 199_999],
            ..Entry::default()
        };
        e.base.postings.first = vec![b"".to_vec(), b"mango".to_vec()];
        e.base.postings.names = vec![file_name(Kind::Page, &hash); 2];
        let mut recent = Segment {
            folder: RECENT,
            ..Segment::default()
        };
        recent.typos.first = vec![b"a\xd0".to_vec()];
        recent.typos.names = vec![file_name(Kind::Page, &hash)];
        e.recent = Some(recent);
        assert_eq!(Entry::decode(&e.encode()), Some(e.clone()));
        e.recent = None;
        assert_eq!(Entry::decode(&e.encode()), Some(e));
        assert_eq!(Entry::decode(b"NFA0"), None);
        assert_eq!(Entry::decode(b"NFA2\x05\x00\x00\x01\x09"), None);
    }

    #[test]
    fn a_file_is_known_by_its_name() {
        let name = content_name(Kind::Postings, b"postings");
        assert!(holds(&name, b"postings"));
        assert!(holds(&format!("{RECENT}{name}"), b"postings"));
        assert!(!holds(&name, b"postingz"));
        assert!(!holds(&name, b""));
        assert!(!holds("s/1.json", b"{}"));
    }

    #[test]
    fn a_page_names_files_of_its_kind() {
        let d = Directory {
            first: vec![b"ab".to_vec(), b"ac".to_vec()],
            names: vec![
                file_name(Kind::Words, &[9; 6]),
                file_name(Kind::Words, &[7; 6]),
            ],
        };
        assert_eq!(
            Directory::of_page(&d.page(Kind::Words)),
            Some((Kind::Words, d))
        );
        assert_eq!(Directory::of_page(b"x\x00"), None);
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
        assert_eq!(near_key("harbour", 5), near_key("hrbor", 5));
        assert_ne!(near_key("harbour", 7), near_key("harbours", 7));
        assert!(near_key("at", 2).is_none());
    }
}
