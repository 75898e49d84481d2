//! An article's body: one component per block type of the contract, chosen here.
//! Blocks of a type this build does not know were already skipped by the decoder.

mod embed;
mod html;
mod inline;
mod list;
mod quote;

use leptos::prelude::*;

use crate::components::figure::Figure;
use newsfront_core::contract::Block;

pub use inline::Inlines;

/// The blocks in order. A plain function, not a component: a story and each post of a
/// live story use it, and the props machinery cost more than the call.
pub fn body(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(block).collect_view()
}

fn block(b: Block) -> AnyView {
    match b {
        Block::Paragraph(p) => view! { <p><Inlines content=p.content/></p> }.into_any(),
        Block::Heading(h) if h.level >= 3 => {
            view! { <h3><Inlines content=h.content/></h3> }.into_any()
        }
        Block::Heading(h) => view! { <h2><Inlines content=h.content/></h2> }.into_any(),
        Block::Quote(q) => view! { <quote::Quote content=q.content cite=q.cite/> }.into_any(),
        Block::List(l) => view! { <list::List ordered=l.ordered items=l.items/> }.into_any(),
        Block::Image(image) => view! { <Figure image/> }.into_any(),
        Block::Embed(e) => {
            view! { <embed::EmbedCard provider=e.provider url=e.url title=e.title/> }.into_any()
        }
        Block::Html(h) => view! { <html::HtmlBlock nodes=h.nodes/> }.into_any(),
        Block::Unknown => ().into_any(),
    }
}
