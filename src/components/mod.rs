//! Reusable pieces of the pages, one component per file.

pub mod ad_slot;
pub mod attr;
pub mod body;
pub mod crash_notice;
pub mod edition_switch;
pub mod error_box;
pub mod figure;
pub mod icons;
pub mod live;
pub mod live_marker;
pub mod loading;
pub mod new_stories;
pub mod picture;
pub mod published;
pub mod section_feed;
pub mod share_bar;
pub mod social_links;
pub mod story_card;
pub mod telegram_follow;
pub mod text_size;
pub mod theme_toggle;
pub mod title;
