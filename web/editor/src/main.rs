//! Entry point of the framework editor page: mount the editor (`web/editor/boot.js`
//! loads this module).

/// The same allocator as the other pages.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    parindex_editor::mount();
}
