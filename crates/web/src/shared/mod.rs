//! What several features show and none owns alone: the programme structure kept between requests,
//! a lab session's summary, what a viewer may see of the library (reading lists, documents, theme
//! names), the world map with some countries marked, the organisations a person writes for, and
//! the invitation email. Features import from here and from the generic modules (`state`,
//! `http`, `session`, `templates`, `kept`), never from one another, so that each can change
//! inside without reaching into the others.

pub(crate) mod authors;
pub(crate) mod invitations;
pub(crate) mod library;
pub(crate) mod map;
pub(crate) mod sessions;
pub(crate) mod structure;
