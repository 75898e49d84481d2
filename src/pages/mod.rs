//! One module per page of the reading path; what a path shows is `logic::routes`.
//! The search results page lives with search (`search::results_page`), the partner
//! widgets with their frame (`widget`).

pub mod article;
pub mod front;
pub mod live_updates;
pub mod not_found;
pub mod section;
