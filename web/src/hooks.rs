//! The app's hooks: the shared context every component reads, and the root's effects —
//! restoring the stored draft at start, autosave (debounced, and at once when the page
//! is hidden), the address following the screen, and the mark of the first usable
//! assessment view (for the speed figures).

use crate::components::Ctx;
use crate::i18n::tr;
use crate::open::framework_of;
use crate::platform;
use crate::state::{Action, Notice, SaveState, Screen, Session};
use crate::storage;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The state and its dispatcher, from the root's context.
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("every component sits inside the app's context")
}

/// Reads the stored draft once, at start: restores it, or sets unreadable data aside
/// and says so. A framework that cannot be loaded (offline, never cached) leaves the
/// draft stored and says why.
#[hook]
pub fn use_restore(state: &Ctx) {
    let state = state.clone();
    use_effect_with((), move |_| {
        // The screen the address names (`#bao-cao`): a reload or a printer lands on it.
        // Read now, before the address starts following the screen.
        let wanted = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .and_then(|h| Screen::from_hash(&h));
        yew::platform::spawn_local(async move { restore(&state, wanted).await });
    });
}

async fn restore(state: &Ctx, wanted: Option<Screen>) {
    let Some(raw) = storage::load_raw() else {
        if wanted == Some(Screen::Rank) {
            state.dispatch(Action::Show(Screen::Rank));
        }
        return;
    };
    let stored = match storage::decode(&raw) {
        Ok(s) => s,
        Err(reason) => {
            let key = storage::set_aside(&raw);
            state.dispatch(Action::Notify(Notice::CorruptSetAside {
                key,
                raw: raw.into(),
                reason,
            }));
            return;
        }
    };
    match framework_of(&stored.framework).await {
        Ok(framework) => {
            let saved_at = stored.saved_at.clone();
            let session = Session::new(framework, stored.framework, stored.assessment);
            state.dispatch(Action::Open {
                session,
                notice: Some(Notice::Restored { saved_at }),
            });
            if let Some(screen) = wanted {
                state.dispatch(Action::Show(screen));
            }
        }
        Err(messages) => state.dispatch(Action::Notify(Notice::OpenFailed {
            file: tr(state.lang, "bản nháp đã lưu", "the saved draft").into(),
            messages,
        })),
    }
}

/// Autosave: the newest envelope is kept ready; it is written 400 ms after the last
/// change, and at once when the page is hidden or closed.
#[hook]
pub fn use_autosave(state: &Ctx) {
    let latest = use_mut_ref(|| None::<String>);
    let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    {
        let state = state.clone();
        let latest = latest.clone();
        let key = state
            .session
            .as_ref()
            .map(|s| (s.revision, Rc::as_ptr(&s.score) as usize));
        use_effect_with(key, move |key| {
            if let (Some(_), Some(s)) = (key, state.session.as_ref()) {
                let text = storage::encode(&s.origin, &s.tree(), &platform::iso_now());
                *latest.borrow_mut() = Some(text);
                let latest = latest.clone();
                let state = state.clone();
                *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(400, move || {
                    flush(&latest, &state)
                }));
            }
        });
    }
    let state = state.clone();
    use_effect_with((), move |_| {
        // The reducer applies an edit at once, before the next render runs the effect
        // above: a page hidden right after a keystroke encodes the current tree itself,
        // so that keystroke is not lost.
        let listener = on_page_hide(move || {
            if let Some(s) = state.session.as_ref() {
                let text = storage::encode(&s.origin, &s.tree(), &platform::iso_now());
                *latest.borrow_mut() = Some(text);
            }
            flush(&latest, &state)
        });
        move || drop(listener)
    });
}

/// Writes the newest envelope now, if one waits.
fn flush(latest: &Rc<RefCell<Option<String>>>, state: &Ctx) {
    let Some(text) = latest.borrow_mut().take() else {
        return;
    };
    match storage::save(&text) {
        Ok(()) => state.dispatch(Action::Saved(platform::local_time())),
        Err(e) => {
            // The first failure downloads a backup at once, so nothing is lost even if
            // the page is closed before the person reads the warning.
            if !matches!(state.save, SaveState::Failed(_)) {
                if let Some(s) = state.session.as_ref() {
                    let tree = s.tree();
                    let (unit, year) = crate::model::unit_and_year(&tree);
                    let name =
                        crate::model::export_name(&unit, year).replace(".json", "-sao-luu.json");
                    let _ = crate::files::download(
                        &name,
                        "application/json",
                        &crate::model::export_text(&tree),
                    );
                }
            }
            // Keep it: the next change or page hide tries again.
            *latest.borrow_mut() = Some(text);
            state.dispatch(Action::SaveFailed(e));
        }
    }
}

/// Calls `f` on `pagehide` and when the page becomes hidden; the returned value keeps
/// the listeners alive.
fn on_page_hide(f: impl Fn() + 'static) -> Option<impl Drop> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    struct Listener {
        target: web_sys::EventTarget,
        closure: Closure<dyn Fn()>,
    }
    impl Drop for Listener {
        fn drop(&mut self) {
            for event in ["pagehide", "visibilitychange"] {
                let _ = self.target.remove_event_listener_with_callback(
                    event,
                    self.closure.as_ref().unchecked_ref(),
                );
            }
        }
    }
    let window = web_sys::window()?;
    let closure = Closure::<dyn Fn()>::new(f);
    for event in ["pagehide", "visibilitychange"] {
        window
            .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
            .ok()?;
    }
    Some(Listener {
        target: window.into(),
        closure,
    })
}

/// The address follows the screen (`#bao-cao`), so a reload or a printer lands on it.
#[hook]
pub fn use_address(screen: Screen) {
    use_effect_with(screen, move |screen| {
        if let Some(w) = web_sys::window() {
            let path = w.location().pathname().unwrap_or_default();
            let url = format!("{path}{}", screen.hash());
            let _ = w.history().and_then(|h| {
                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            });
        }
    });
}

/// Marks the moment the assessment view is first usable (`parindex:usable`), for the
/// reload figure of `cargo xtask bench`.
#[hook]
pub fn use_usable_mark(usable: bool) {
    use_effect_with(usable, move |usable| {
        if *usable {
            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                if p.get_entries_by_name("parindex:usable").length() == 0 {
                    let _ = p.mark("parindex:usable");
                }
            }
        }
    });
}
