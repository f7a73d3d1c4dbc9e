//! The pieces of the `ponte` binary that tests and tools reuse: settings and the demo data.

pub mod config;
pub mod demo;
pub mod demo_calls;
pub mod demo_community;
pub mod demo_directory;
pub mod demo_labs;
pub mod demo_library;
mod demo_library_docs;
pub mod demo_minutes;
pub mod demo_network;
pub mod demo_news;
pub mod demo_products;
pub mod demo_proposal;
pub mod demo_tables;
