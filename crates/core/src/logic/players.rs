//! The player a social post plays in once the reader asks for it: from the post's
//! address to the provider's embeddable page. Only addresses of a shape we know become
//! frames, on a fixed host per provider (the ones the Content-Security-Policy's
//! `frame-src` lists); anything else stays a link.

use crate::contract::Provider;
use crate::contract::url::{Link, MediaUrl};
use crate::logic::uri::encode_component;

/// How the player frame is sized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// 16:9, as wide as the column.
    Video,
    /// A post of about this many CSS pixels high.
    Post(u16),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Player {
    pub src: MediaUrl,
    pub shape: Shape,
}

/// A player as the builders below make it.
struct Frame {
    src: String,
    shape: Shape,
}

/// The parts of an absolute http(s) URL a player needs. `None` for anything with
/// credentials, a port, or another scheme.
struct Parsed<'a> {
    host: String,
    segments: Vec<&'a str>,
    query: &'a str,
}

fn parse(url: &str) -> Option<Parsed<'_>> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return None;
    }
    let rest = rest.split('#').next().unwrap_or_default();
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.contains(['@', ':']) || authority.is_empty() {
        return None;
    }
    let host = authority.to_ascii_lowercase();
    let host = ["www.", "m.", "mobile."]
        .iter()
        .find_map(|p| host.strip_prefix(p))
        .map(str::to_string)
        .unwrap_or(host);
    let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
    Some(Parsed {
        host,
        segments: path.split('/').filter(|s| !s.is_empty()).collect(),
        query,
    })
}

fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find_map(|(k, v)| (k == name).then_some(v))
}

fn is_token(s: &str, min: usize, max: usize, extra: &[char]) -> bool {
    (min..=max).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || extra.contains(&c))
}

fn youtube(u: &Parsed) -> Option<Frame> {
    let id = match (u.host.as_str(), u.segments.as_slice()) {
        ("youtu.be", [id]) => *id,
        ("youtube.com" | "youtube-nocookie.com", ["watch"]) => query_param(u.query, "v")?,
        ("youtube.com" | "youtube-nocookie.com", ["embed" | "shorts" | "live", id]) => *id,
        _ => return None,
    };
    is_token(id, 11, 11, &['-', '_']).then(|| Frame {
        src: format!("https://www.youtube-nocookie.com/embed/{id}"),
        shape: Shape::Video,
    })
}

fn twitter(u: &Parsed, dark: bool) -> Option<Frame> {
    let id = match (u.host.as_str(), u.segments.as_slice()) {
        ("twitter.com" | "x.com", [_, "status" | "statuses", id, ..]) => *id,
        _ => return None,
    };
    let theme = if dark { "dark" } else { "light" };
    (is_token(id, 1, 20, &[]) && id.bytes().all(|b| b.is_ascii_digit())).then(|| Frame {
        src: format!(
            "https://platform.twitter.com/embed/Tweet.html?id={id}&dnt=true&theme={theme}"
        ),
        shape: Shape::Post(560),
    })
}

fn telegram(u: &Parsed, dark: bool) -> Option<Frame> {
    let (channel, post) = match (u.host.as_str(), u.segments.as_slice()) {
        ("t.me" | "telegram.me", ["s", channel, post] | [channel, post]) => (*channel, *post),
        _ => return None,
    };
    let ok = is_token(channel, 4, 32, &['_'])
        && is_token(post, 1, 12, &[])
        && post.bytes().all(|b| b.is_ascii_digit());
    let dark = if dark { "&dark=1" } else { "" };
    ok.then(|| Frame {
        src: format!("https://t.me/{channel}/{post}?embed=1{dark}"),
        shape: Shape::Post(480),
    })
}

fn instagram(u: &Parsed) -> Option<Frame> {
    let code = match (u.host.as_str(), u.segments.as_slice()) {
        ("instagram.com", ["p" | "reel" | "tv", code, ..]) => *code,
        _ => return None,
    };
    is_token(code, 5, 64, &['-', '_']).then(|| Frame {
        src: format!("https://www.instagram.com/p/{code}/embed/"),
        shape: Shape::Post(720),
    })
}

fn facebook(u: &Parsed) -> Option<Frame> {
    if u.host != "facebook.com" || u.segments.is_empty() {
        return None;
    }
    let video = u.segments.contains(&"videos") || u.segments[0] == "watch";
    let path_ok = u
        .segments
        .iter()
        .all(|s| is_token(s, 1, 100, &['.', '-', '_']));
    let query_ok = u
        .query
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "=&_-.".contains(c));
    if !path_ok || !query_ok {
        return None;
    }
    let mut post = format!("https://www.facebook.com/{}", u.segments.join("/"));
    if !u.query.is_empty() {
        post = format!("{post}?{}", u.query);
    }
    let (plugin, shape) = if video {
        ("video", Shape::Video)
    } else {
        ("post", Shape::Post(560))
    };
    Some(Frame {
        src: format!(
            "https://www.facebook.com/plugins/{plugin}.php?href={}&show_text=true",
            encode_component(&post)
        ),
        shape,
    })
}

/// The player for a post, or `None` when the address is not one we know how to play.
pub fn player(provider: Provider, url: &Link, dark: bool) -> Option<Player> {
    let u = parse(url.as_str())?;
    let frame = match provider {
        Provider::Youtube => youtube(&u),
        Provider::Twitter => twitter(&u, dark),
        Provider::Telegram => telegram(&u, dark),
        Provider::Instagram => instagram(&u),
        Provider::Facebook => facebook(&u),
        Provider::Other => None,
    }?;
    Some(Player {
        src: MediaUrl::check(&frame.src, "")?,
        shape: frame.shape,
    })
}

/// Every host a player may come from: the Content-Security-Policy's `frame-src`
/// (`newsfront_publish::shell` writes it there).
pub const FRAME_HOSTS: &[&str] = &[
    "https://www.youtube-nocookie.com",
    "https://platform.twitter.com",
    "https://t.me",
    "https://www.instagram.com",
    "https://www.facebook.com",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn play(p: Provider, url: &str, dark: bool) -> Option<Player> {
        player(p, &Link::check(url, "")?, dark)
    }

    fn src(p: Provider, url: &str) -> Option<String> {
        play(p, url, false).map(|p| p.src.as_str().to_string())
    }

    #[test]
    fn youtube_plays_without_cookies_from_every_address_form() {
        let want = Some("https://www.youtube-nocookie.com/embed/abcDEF12_-x".to_string());
        for url in [
            "https://www.youtube.com/watch?v=abcDEF12_-x",
            "https://youtube.com/watch?feature=share&v=abcDEF12_-x#t=3",
            "https://youtu.be/abcDEF12_-x",
            "https://m.youtube.com/shorts/abcDEF12_-x",
            "http://www.youtube.com/embed/abcDEF12_-x",
            "https://www.youtube.com/live/abcDEF12_-x",
        ] {
            assert_eq!(src(Provider::Youtube, url), want, "{url}");
        }
        assert_eq!(
            play(Provider::Youtube, "https://youtu.be/abcDEF12_-x", false)
                .unwrap()
                .shape,
            Shape::Video
        );
    }

    #[test]
    fn each_provider_has_its_player() {
        assert_eq!(
            src(Provider::Twitter, "https://x.com/desk/status/1234567890").as_deref(),
            Some(
                "https://platform.twitter.com/embed/Tweet.html?id=1234567890&dnt=true&theme=light"
            )
        );
        assert_eq!(
            play(
                Provider::Twitter,
                "https://twitter.com/desk/status/42",
                true
            )
            .unwrap()
            .src
            .as_str(),
            "https://platform.twitter.com/embed/Tweet.html?id=42&dnt=true&theme=dark"
        );
        assert_eq!(
            src(Provider::Telegram, "https://t.me/newsdesk/1024").as_deref(),
            Some("https://t.me/newsdesk/1024?embed=1")
        );
        assert_eq!(
            src(Provider::Telegram, "https://t.me/s/newsdesk/7").as_deref(),
            Some("https://t.me/newsdesk/7?embed=1")
        );
        assert_eq!(
            src(
                Provider::Instagram,
                "https://www.instagram.com/reel/Cx12_ab-Z/"
            )
            .as_deref(),
            Some("https://www.instagram.com/p/Cx12_ab-Z/embed/")
        );
        assert_eq!(
            src(
                Provider::Facebook,
                "https://www.facebook.com/newsdesk/posts/123"
            )
            .as_deref(),
            Some(
                "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fnewsdesk%2Fposts%2F123&show_text=true"
            )
        );
        let video = play(Provider::Facebook, "https://facebook.com/watch?v=99", false).unwrap();
        assert!(
            video
                .src
                .as_str()
                .starts_with("https://www.facebook.com/plugins/video.php?href=")
        );
        assert_eq!(video.shape, Shape::Video);
    }

    #[test]
    fn unknown_or_hostile_addresses_never_become_frames() {
        for (p, url) in [
            (
                Provider::Other,
                "https://www.youtube.com/watch?v=abcDEF12_-x",
            ),
            (
                Provider::Youtube,
                "https://evil.example/watch?v=abcDEF12_-x",
            ),
            (
                Provider::Youtube,
                "https://youtube.com.evil.example/embed/abcDEF12_-x",
            ),
            (
                Provider::Youtube,
                "https://user@youtube.com/embed/abcDEF12_-x",
            ),
            (
                Provider::Youtube,
                "https://youtube.com:8443/embed/abcDEF12_-x",
            ),
            (Provider::Youtube, "javascript://youtube.com/%0aalert(1)"),
            (Provider::Youtube, "https://youtu.be/short"),
            (Provider::Youtube, "https://youtu.be/abc\"DEF12_x"),
            (Provider::Twitter, "https://x.com/desk/status/12ab"),
            (Provider::Twitter, "https://x.com/desk"),
            (Provider::Telegram, "https://t.me/newsdesk"),
            (Provider::Telegram, "https://t.me/a/1"),
            (Provider::Telegram, "https://t.me/news<desk>/1"),
            (Provider::Instagram, "https://instagram.com/desk/"),
            (Provider::Facebook, "https://facebook.com/"),
            (
                Provider::Facebook,
                "https://facebook.com/a/posts/1?x=\"><script>",
            ),
            (
                Provider::Facebook,
                "https://evil.example/facebook.com/posts/1",
            ),
            (Provider::Youtube, ""),
            (Provider::Youtube, "youtube.com/watch?v=abcDEF12_-x"),
        ] {
            assert_eq!(play(p, url, false), None, "{p:?} {url}");
        }
    }

    #[test]
    fn every_player_comes_from_a_listed_frame_host() {
        for (p, url) in [
            (Provider::Youtube, "https://youtu.be/abcDEF12_-x"),
            (Provider::Twitter, "https://x.com/a/status/1"),
            (Provider::Telegram, "https://t.me/newsdesk/1"),
            (Provider::Instagram, "https://instagram.com/p/abcdef"),
            (Provider::Facebook, "https://facebook.com/a/posts/1"),
        ] {
            let src = play(p, url, false).unwrap().src;
            assert!(
                FRAME_HOSTS
                    .iter()
                    .any(|h| src.as_str().starts_with(&format!("{h}/"))),
                "{}",
                src.as_str()
            );
        }
    }
}
