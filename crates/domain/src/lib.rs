//! Pure types and rules of Ponte, one module per feature. No I/O, no async: everything here is
//! tested without a database.

pub mod accounts;
pub mod audit;
pub mod calls;
pub mod codes;
pub mod community;
pub mod directory;
pub mod files;
pub mod labs;
pub mod library;
pub mod locale;
pub mod network;
pub mod news;
pub mod notifications;
pub mod organisations;
pub mod platform;
pub mod policy;
pub mod products;
pub mod programme;
pub mod roles;
pub mod tables;
pub mod validation;

#[cfg(test)]
pub(crate) mod test_data;
