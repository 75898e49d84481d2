//! Share links for an article: the networks' own share pages, with the article's URL
//! and title percent-encoded.

use crate::contract::Network;
use crate::logic::uri::encode_component;

/// The networks offered in the share bar, in order.
pub const NETWORKS: [Network; 3] = [Network::Twitter, Network::Facebook, Network::Telegram];

pub fn link(network: Network, url: &str, title: &str) -> Option<String> {
    let (u, t) = (encode_component(url), encode_component(title));
    match network {
        Network::Twitter => Some(format!("https://x.com/intent/tweet?url={u}&text={t}")),
        Network::Facebook => Some(format!("https://www.facebook.com/sharer/sharer.php?u={u}")),
        Network::Telegram => Some(format!("https://t.me/share/url?url={u}&text={t}")),
        Network::Youtube | Network::Instagram => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_and_title_are_encoded() {
        let url = "https://news.example/ru/world/a?x=1&y=2";
        let title = "Мир & «кавычки» #1";
        let x = link(Network::Twitter, url, title).unwrap();
        assert_eq!(
            x,
            "https://x.com/intent/tweet?url=https%3A%2F%2Fnews.example%2Fru%2Fworld%2Fa%3Fx%3D1%26y%3D2\
             &text=%D0%9C%D0%B8%D1%80%20%26%20%C2%AB%D0%BA%D0%B0%D0%B2%D1%8B%D1%87%D0%BA%D0%B8%C2%BB%20%231"
        );
        assert!(
            link(Network::Facebook, url, title)
                .unwrap()
                .ends_with("?u=https%3A%2F%2Fnews.example%2Fru%2Fworld%2Fa%3Fx%3D1%26y%3D2")
        );
        assert!(
            link(Network::Telegram, url, title)
                .unwrap()
                .starts_with("https://t.me/share/url?url=https%3A%2F%2F")
        );
        assert_eq!(link(Network::Youtube, url, title), None);
    }
}
