//! The checked URL types of the contract (`contract::url`) as attribute values, so a
//! view writes `href=link` or `src=image.src` with the type that proves the check.
//! Each renders exactly as its string would.

use std::sync::Arc;

use leptos::attr::AttributeValue;
use leptos::tachys::renderer::types::Element;

use crate::contract::url::{Link, MediaUrl, SrcSet};

macro_rules! as_attribute {
    ($ty:ty) => {
        impl AttributeValue for $ty {
            type AsyncOutput = String;
            type State = <String as AttributeValue>::State;
            type Cloneable = Arc<str>;
            type CloneableOwned = Arc<str>;

            fn html_len(&self) -> usize {
                self.as_str().len()
            }

            fn to_html(self, key: &str, buf: &mut String) {
                self.as_str().to_html(key, buf);
            }

            fn to_template(key: &str, buf: &mut String) {
                <String as AttributeValue>::to_template(key, buf);
            }

            fn hydrate<const FROM_SERVER: bool>(self, key: &str, el: &Element) -> Self::State {
                self.as_str().to_string().hydrate::<FROM_SERVER>(key, el)
            }

            fn build(self, el: &Element, key: &str) -> Self::State {
                self.as_str().to_string().build(el, key)
            }

            fn rebuild(self, key: &str, state: &mut Self::State) {
                self.as_str().to_string().rebuild(key, state);
            }

            fn into_cloneable(self) -> Self::Cloneable {
                self.as_str().into()
            }

            fn into_cloneable_owned(self) -> Self::CloneableOwned {
                self.as_str().into()
            }

            fn dry_resolve(&mut self) {}

            async fn resolve(self) -> Self::AsyncOutput {
                self.as_str().to_string()
            }
        }
    };
}

as_attribute!(Link);
as_attribute!(MediaUrl);
as_attribute!(SrcSet);
