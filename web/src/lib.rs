//! # parindex-app
//!
//! The offline self-assessment app: a PAR officer picks a framework, fills in the
//! criteria tree, sees the score and its reasons live, and never loses work. Built with
//! Trunk from `index.html` at the repository root; scoring is a direct call of
//! `parindex-core` (Rust to Rust) on every change.
//!
//! - `state.rs`: the one reducer; `model.rs`: edits of the assessment file as data
//!   (`Edit`, applied by `model::apply`), and the pages' JSON helpers (`read_json`,
//!   `object`);
//! - `hooks.rs`: the context, restore, autosave and the address; `open.rs`: opening
//!   files (async);
//! - `storage.rs`: the stored draft; `files.rs`: import/export; `frameworks.rs`: built-in
//!   frameworks loaded on first use; `platform.rs`: the browser's storage, clock and
//!   dialogs (the one place with native stand-ins);
//! - `embed.rs`: the embedded mode's commands and messages (docs/embedding.md);
//! - `components/`: the screens.
//!
//! One crate, three pages: the units' app (`index.html`), with the `desk` feature the
//! appraising body's desk (`tham-dinh/index.html`) — see [`DESK`] — and with the `embed`
//! feature the units' app for other sites' frames (`nhung/index.html`, [`EMBED`]).

/// Whether this build is the appraising body's desk (`--features desk`, the `tham-dinh/`
/// page): appraisal entry, bonus and penalty, compare and ranking. The units' app leaves
/// them out; the branches they sit behind are constant, so their code is not linked.
pub const DESK: bool = cfg!(feature = "desk");

/// Whether this build is the embedded page (`--features embed`, the `nhung/` page): the
/// units' app driven by the site that frames it (docs/embedding.md). Elsewhere the
/// protocol's code is not linked.
pub const EMBED: bool = cfg!(feature = "embed");

pub mod components;
pub mod dossier;
pub mod embed;
pub mod files;
pub mod frameworks;
pub mod hooks;
pub mod i18n;
pub mod model;
pub mod open;
pub mod platform;
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
