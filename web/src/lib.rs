//! # parindex-app
//!
//! The offline self-assessment app: a PAR officer picks a framework, fills in the
//! criteria tree, sees the score and its reasons live, and never loses work. Built with
//! Trunk from `index.html` at the repository root; scoring is a direct call of
//! `parindex-core` (Rust to Rust) on every change.
//!
//! - `state.rs`: the one reducer; `model.rs`: edits of the assessment file;
//! - `storage.rs`: autosave and recovery; `files.rs`: import/export;
//! - `components/`: the screens.

pub mod components;
pub mod files;
pub mod i18n;
pub mod model;
pub mod state;
pub mod storage;

use components::App;

/// Mounts the app into `<body>` (the binary) or into a given element (tests).
pub fn mount(root: Option<web_sys::Element>) -> yew::AppHandle<App> {
    match root {
        Some(el) => yew::Renderer::<App>::with_root(el).render(),
        None => yew::Renderer::<App>::new().render(),
    }
}
