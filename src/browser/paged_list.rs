//! The loading side of every list that arrives page by page: the section feed, the
//! search results page and the search overlay. One machine for all three: what it is
//! doing (`Status`), each story once (`logic::paged`), the next page as the reader nears
//! the end, and answers that come too late (the query changed, the list started
//! afresh) dropped.

use std::future::Future;
use std::pin::Pin;

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;

use crate::api::ApiError;
use crate::browser::near_end;
use newsfront_core::logic::paged::{Page, Paged};

/// What the list is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Idle,
    Loading,
    Failed(ApiError),
}

type Loading<P> = Pin<Box<dyn Future<Output = Result<P, ApiError>>>>;
type Load<P> = Box<dyn Fn(Option<<P as Page>::More>) -> Loading<P>>;
type AtHand<P> = Box<dyn Fn(Option<<P as Page>::More>) -> Option<P>>;

pub struct PagedList<P: Page + Send + Sync> {
    pub pages: RwSignal<Paged<P>>,
    pub status: RwSignal<Status>,
    /// Counts fresh starts: an answer for an earlier one is dropped.
    generation: StoredValue<u32>,
    load: StoredValue<Load<P>, LocalStorage>,
    at_hand: StoredValue<Option<AtHand<P>>, LocalStorage>,
    owner: StoredValue<Owner, LocalStorage>,
}

impl<P: Page + Send + Sync> Clone for PagedList<P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: Page + Send + Sync> Copy for PagedList<P> {}

impl<P: Page + Send + Sync> PagedList<P>
where
    P::More: Send + Sync,
{
    /// A list whose pages `load` fetches: the first for `None`, then from each page's
    /// `more`. Loads run under the owner of the component that made the list, not under
    /// whatever effect or handler asked: they end when the list leaves the page.
    pub fn new<F>(load: impl Fn(Option<P::More>) -> F + 'static) -> Self
    where
        F: Future<Output = Result<P, ApiError>> + 'static,
    {
        let load: Load<P> = Box::new(move |more| Box::pin(load(more)));
        PagedList {
            pages: RwSignal::new(Paged::default()),
            status: RwSignal::new(Status::Idle),
            generation: StoredValue::new(0),
            load: StoredValue::new_local(load),
            at_hand: StoredValue::new_local(None),
            owner: StoredValue::new_local(Owner::current().expect("a list lives in the app")),
        }
    }

    /// Pages that are at hand without waiting (cached, or handed over by a pre-rendered
    /// page) are shown in the same render that asks for them.
    pub fn with_at_hand(self, at_hand: impl Fn(Option<P::More>) -> Option<P> + 'static) -> Self {
        self.at_hand.set_value(Some(Box::new(at_hand)));
        self
    }

    /// Shows every page that is at hand, from the first; returns how many. (A
    /// pre-rendered list is its first page only.)
    pub fn restore(&self) -> usize {
        let mut shown = 0;
        while let Some(page) = self.next_place().and_then(|more| self.take_at_hand(more)) {
            self.pages.update(|p| {
                p.push_page(page);
            });
            shown += 1;
            if !cfg!(target_arch = "wasm32") {
                break;
            }
        }
        shown
    }

    fn take_at_hand(&self, more: Option<P::More>) -> Option<P> {
        self.at_hand
            .with_value(|f| f.as_ref().and_then(|f| f(more)))
    }

    /// Where the next page comes from: `Some(None)` for the first, `None` at the end.
    fn next_place(&self) -> Option<Option<P::More>> {
        self.pages.with_untracked(|p| match (p.pages, p.more()) {
            (0, _) => Some(None),
            (_, Some(more)) => Some(Some(more)),
            (_, None) => None,
        })
    }

    /// Forgets what is shown and drops answers still on the way.
    pub fn reset(&self) {
        self.generation.update_value(|g| *g += 1);
        self.pages.set(Paged::default());
        self.status.set(Status::Idle);
    }

    /// Loads the first page, or the next one; nothing while a page loads or after the
    /// last. Also Retry after a failure.
    pub fn load_next(&self) {
        if self.status.get_untracked() == Status::Loading {
            return;
        }
        let Some(more) = self.next_place() else {
            return;
        };
        if let Some(page) = self.take_at_hand(more.clone()) {
            self.pages.update(|p| {
                p.push_page(page);
            });
            self.status.set(Status::Idle);
            return;
        }
        let list = *self;
        let mine = self.generation.get_value();
        let loading = self.load.with_value(|load| load(more));
        self.status.set(Status::Loading);
        self.owner.with_value(|owner| {
            owner.with(|| {
                spawn_local_scoped_with_cancellation(async move {
                    let answer = loading.await;
                    if list.generation.get_value() != mine {
                        return;
                    }
                    match answer {
                        Ok(page) => {
                            list.pages.update(|p| {
                                p.push_page(page);
                            });
                            list.status.set(Status::Idle);
                        }
                        Err(e) => list.status.set(Status::Failed(e)),
                    }
                })
            })
        });
    }

    /// Loads the next page whenever `sentinel` (an empty element after the list) comes
    /// near the viewport, and keeps loading while it stays near (a short page fills up).
    /// `false` where the browser cannot tell: a button must do.
    pub fn load_near_end(&self, sentinel: NodeRef<Div>) -> bool {
        let Some(near) = near_end::watch(sentinel) else {
            return false;
        };
        let list = *self;
        Effect::new(move |_| {
            let more = list.pages.with(|p| p.pages > 0 && p.has_more());
            if near.get() && more && list.status.get() == Status::Idle {
                // The flag may predate the page that just arrived: look again once it
                // is laid out.
                request_animation_frame(move || {
                    if near_end::still_near(sentinel) && list.status.get_untracked() == Status::Idle
                    {
                        list.load_next();
                    }
                });
            }
        });
        true
    }

    /// Loads the first page once `sentinel` (an empty element after the still empty
    /// list) comes near the viewport; nothing where the browser cannot tell (the list
    /// then stays empty: it is one no reader needs).
    pub fn load_first_near(&self, sentinel: NodeRef<Div>) {
        let Some(near) = near_end::watch(sentinel) else {
            return;
        };
        let list = *self;
        Effect::new(move |_| {
            if near.get() && !list.started() && list.status.get() == Status::Idle {
                list.load_next();
            }
        });
    }

    /// Whether the first page is in.
    pub fn started(&self) -> bool {
        self.pages.with(|p| p.pages > 0)
    }

    pub fn has_more(&self) -> bool {
        self.pages.with(Paged::has_more)
    }
}
