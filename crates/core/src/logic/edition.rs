//! The language editions the app knows. Each has its own API tree (`{base}/{lang}/`) and
//! its own prefix in reader-facing URLs. The set is fixed at compile time because every
//! edition needs a full table of interface text (`i18n`).

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Edition {
    #[default]
    En,
    Ru,
    Hy,
}

impl Edition {
    pub const ALL: [Edition; 3] = [Edition::En, Edition::Ru, Edition::Hy];

    /// BCP 47 code: the API tree's folder and `<html lang>`.
    pub fn lang(self) -> &'static str {
        match self {
            Edition::En => "en",
            Edition::Ru => "ru",
            Edition::Hy => "hy",
        }
    }

    /// The first path segment of this edition's reader-facing URLs (`""` = none).
    pub fn prefix(self) -> &'static str {
        match self {
            Edition::En => "",
            Edition::Ru => "ru",
            Edition::Hy => "arm",
        }
    }

    pub fn from_prefix(segment: &str) -> Option<Edition> {
        Edition::ALL
            .into_iter()
            .find(|e| !e.prefix().is_empty() && e.prefix() == segment)
    }

    pub fn from_lang(lang: &str) -> Option<Edition> {
        Edition::ALL.into_iter().find(|e| e.lang() == lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_langs_round_trip() {
        for e in Edition::ALL {
            assert_eq!(Edition::from_lang(e.lang()), Some(e));
        }
        assert_eq!(Edition::from_prefix("ru"), Some(Edition::Ru));
        assert_eq!(Edition::from_prefix("arm"), Some(Edition::Hy));
        assert_eq!(Edition::from_prefix(""), None);
        assert_eq!(Edition::from_prefix("en"), None);
    }

    /// The edition prefixes are written again in the one script that cannot read this
    /// file: the partners' loader.
    #[test]
    fn the_partners_loader_knows_the_same_editions() {
        let loader = include_str!("../../../../public/embed.js");
        let line = loader
            .lines()
            .find(|l| l.contains("var EDITIONS"))
            .expect("embed.js lists the editions");
        for e in Edition::ALL {
            let folder = match e.prefix() {
                "" => String::new(),
                p => format!("{p}/"),
            };
            // By its language and, where it has one, by its prefix (`data-edition`).
            assert!(
                line.contains(&format!("{}: '{folder}'", e.lang())),
                "embed.js: {} -> '{folder}'",
                e.lang()
            );
            if !e.prefix().is_empty() {
                assert!(
                    line.contains(&format!("{}: '{folder}'", e.prefix())),
                    "embed.js: {} -> '{folder}'",
                    e.prefix()
                );
            }
        }
        let names: std::collections::HashSet<&str> = Edition::ALL
            .iter()
            .flat_map(|e| [e.lang(), e.prefix()])
            .collect();
        assert_eq!(
            line.matches(": '").count(),
            names.len(),
            "embed.js lists no other edition (and '' for the default): {line}"
        );
    }
}
