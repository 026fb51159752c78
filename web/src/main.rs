//! Entry point of the app binary: mount the app (the service worker is registered by
//! `web/static/boot.js`, which loads this module).

fn main() {
    parindex_app::mount(None);
}
