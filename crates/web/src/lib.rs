//! Ponte's web interface: the axum router with one module per feature, the request pipeline
//! (session, language, cross-origin check, policy), templates, translations and embedded assets.

pub mod accounts;
pub mod assets;
pub mod audit;
pub mod calls;
pub mod community;
pub mod directory;
pub mod http;
pub mod i18n;
pub mod jobs;
pub mod kept;
pub mod labs;
pub mod library;
pub mod mail;
pub mod network;
pub mod news;
pub mod notifications;
pub mod organisations;
pub mod platform;
pub mod products;
pub mod programme;
pub mod route;
pub mod routes;
pub mod session;
pub(crate) mod shared;
pub mod state;
pub mod tables;
pub mod templates;

pub use routes::{app, RouteInfo};
pub use state::{AppState, Config, SmtpConfig, SmtpTls};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
