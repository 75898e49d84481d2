//! The reader's context: which edition they are reading, shared by every view. The
//! reader-preference controls (theme, text size) join it here.

use leptos::prelude::*;

use crate::edition::Edition;
use crate::i18n::{self, Text};

#[derive(Clone, Copy)]
pub struct Reader {
    pub edition: Memo<Edition>,
}

impl Reader {
    pub fn provide(edition: Memo<Edition>) {
        provide_context(Reader { edition });
    }

    pub fn get() -> Reader {
        expect_context::<Reader>()
    }

    /// The interface text of the current edition (not reactive: call it inside a
    /// reactive closure where the edition can change under the view).
    pub fn text(&self) -> &'static Text {
        i18n::text(self.edition.get())
    }
}
