//! Entry point of the app binary: mount the app (the service worker is registered by
//! `web/static/boot.js`, which loads this module).

/// Talc instead of the default allocator: the same service in fewer bytes of the first
/// visit (measured by `cargo xtask bench`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    parindex_app::mount(None);
}
