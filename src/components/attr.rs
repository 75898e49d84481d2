//! The checked URL types of the contract (`contract::url`) as attribute values, so a
//! view writes `href=Checked(link)` or `src=Checked(image.src)` with the type that
//! proves the check. Each renders exactly as its string would. A wrapper, because the
//! types live in the core crate and Leptos's trait in another (Rust's orphan rule).

use std::sync::Arc;

use leptos::attr::AttributeValue;
use leptos::tachys::renderer::types::Element;

use newsfront_core::contract::url::{Link, MediaUrl, SrcSet};

/// A checked URL as an attribute value.
pub struct Checked<T>(pub T);

/// The contract's checked URL types, and only those.
pub trait CheckedUrl: Send + 'static {
    fn as_str(&self) -> &str;
}

macro_rules! checked_url {
    ($ty:ty) => {
        impl CheckedUrl for $ty {
            fn as_str(&self) -> &str {
                <$ty>::as_str(self)
            }
        }
    };
}

checked_url!(Link);
checked_url!(MediaUrl);
checked_url!(SrcSet);

impl<T: CheckedUrl> AttributeValue for Checked<T> {
    type AsyncOutput = String;
    type State = <String as AttributeValue>::State;
    type Cloneable = Arc<str>;
    type CloneableOwned = Arc<str>;

    fn html_len(&self) -> usize {
        self.0.as_str().len()
    }

    fn to_html(self, key: &str, buf: &mut String) {
        self.0.as_str().to_html(key, buf);
    }

    fn to_template(key: &str, buf: &mut String) {
        <String as AttributeValue>::to_template(key, buf);
    }

    fn hydrate<const FROM_SERVER: bool>(self, key: &str, el: &Element) -> Self::State {
        self.0.as_str().to_string().hydrate::<FROM_SERVER>(key, el)
    }

    fn build(self, el: &Element, key: &str) -> Self::State {
        self.0.as_str().to_string().build(el, key)
    }

    fn rebuild(self, key: &str, state: &mut Self::State) {
        self.0.as_str().to_string().rebuild(key, state);
    }

    fn into_cloneable(self) -> Self::Cloneable {
        self.0.as_str().into()
    }

    fn into_cloneable_owned(self) -> Self::CloneableOwned {
        self.0.as_str().into()
    }

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        self.0.as_str().to_string()
    }
}
