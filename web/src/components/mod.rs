//! The screens of the app and the root component that owns the state, autosave and
//! recovery.

mod adjust;
mod compare;
mod header;
mod leaf;
mod notices;
mod rank;
mod report;
mod start;
mod summary;
mod survey;
mod tree;

use crate::i18n::tr;
// Storage is reached only in the browser; natively (for `cargo test`) some names go unused.
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
use crate::state::{Action, AppState, Notice, Screen, Session};
use crate::storage::{self, FrameworkOrigin};
use parindex_core::Framework;
use std::rc::Rc;
use yew::prelude::*;

/// What every component reaches through context: the state and its dispatcher.
pub type Ctx = UseReducerHandle<AppState>;

/// Builds the framework a stored or imported draft needs (a built-in one is loaded on
/// first use, see `frameworks.rs`).
pub async fn framework_of(origin: &FrameworkOrigin) -> Result<Rc<Framework>, Vec<String>> {
    match origin {
        FrameworkOrigin::Builtin(r) => crate::frameworks::load(r).await,
        FrameworkOrigin::File(toml) => crate::frameworks::parse(toml).map(Rc::new),
    }
}

/// Local time `HH:MM:SS` for the "saved" state.
fn local_time() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

fn iso_now() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// Reads the stored draft at start: restore it, or set unreadable data aside and say so.
/// A framework that cannot be loaded (offline, never cached) leaves the draft stored and
/// says why.
fn restore(state: &Ctx) {
    #[cfg(target_arch = "wasm32")]
    {
        // The screen the address names (`#bao-cao`): a reload or a printer lands on it.
        // Read now, before the address starts following the screen.
        let wanted = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .and_then(|h| Screen::from_hash(&h));
        let state = state.clone();
        yew::platform::spawn_local(async move { restore_now(&state, wanted).await });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = state;
}

#[cfg(target_arch = "wasm32")]
async fn restore_now(state: &Ctx, wanted: Option<Screen>) {
    {
        let Some(raw) = storage::load_raw() else {
            if wanted == Some(Screen::Rank) {
                state.dispatch(Action::Show(Screen::Rank));
            }
            return;
        };
        let decoded = match storage::decode(&raw) {
            Ok(s) => match framework_of(&s.framework).await {
                Ok(f) => Ok((s, f)),
                Err(messages) => {
                    state.dispatch(Action::Notify(Notice::OpenFailed {
                        file: tr(state.lang, "bản nháp đã lưu", "the saved draft").into(),
                        messages,
                    }));
                    return;
                }
            },
            Err(reason) => Err(reason),
        };
        match decoded {
            Ok((stored, framework)) => {
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
            Err(reason) => {
                let key = storage::set_aside(&raw);
                state.dispatch(Action::Notify(Notice::CorruptSetAside {
                    key,
                    raw: raw.into(),
                    reason,
                }));
            }
        }
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);

    // Restore once, at start.
    {
        let state = state.clone();
        use_effect_with((), move |_| restore(&state));
    }

    // Autosave: the newest envelope is kept ready; it is written 400 ms after the last
    // change, and at once when the page is hidden or closed.
    let latest = use_mut_ref(|| None::<String>);
    let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    {
        let state = state.clone();
        let latest = latest.clone();
        let timer = timer.clone();
        let key = state
            .session
            .as_ref()
            .map(|s| (s.revision, Rc::as_ptr(&s.score) as usize));
        use_effect_with(key, move |key| {
            if let (Some(_), Some(s)) = (key, state.session.as_ref()) {
                let text = storage::encode(&s.origin, &s.tree, &iso_now());
                *latest.borrow_mut() = Some(text);
                let latest = latest.clone();
                let state = state.clone();
                *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(400, move || {
                    flush(&latest, &state)
                }));
            }
        });
    }
    {
        let latest = latest.clone();
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = on_page_hide(move || flush(&latest, &state));
            move || drop(listener)
        });
    }

    // Marks the moment the assessment view is first usable, for the speed figures.
    {
        let usable = state.session.is_some() && state.screen == Screen::Assess;
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

    let lang = state.lang;
    // The address follows the screen (`#bao-cao`), so a reload or a printer lands on it.
    {
        let screen = state.screen;
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

    let body = match (state.screen, state.session.is_some()) {
        (Screen::Assess, true) => html! { <tree::CriteriaTree /> },
        (Screen::Summary, true) => html! { <summary::Summary /> },
        (Screen::Report, true) => html! { <report::Report /> },
        (Screen::Compare, true) if crate::DESK => html! { <compare::Compare /> },
        (Screen::Rank, _) if crate::DESK => html! { <rank::Rank /> },
        _ => html! { <start::Start /> },
    };
    html! {
        <ContextProvider<Ctx> context={state.clone()}>
            <a class="skip" href="#main">{ tr(lang, "Bỏ qua đến nội dung chính", "Skip to main content") }</a>
            <header::Header />
            <main id="main" tabindex="-1">
                <notices::Notices />
                { body }
            </main>
        </ContextProvider<Ctx>>
    }
}

/// Writes the newest envelope now, if one waits.
fn flush(latest: &Rc<std::cell::RefCell<Option<String>>>, state: &Ctx) {
    let Some(text) = latest.borrow_mut().take() else {
        return;
    };
    #[cfg(target_arch = "wasm32")]
    match storage::save(&text) {
        Ok(()) => state.dispatch(Action::Saved(local_time())),
        Err(e) => {
            // The first failure downloads a backup at once, so nothing is lost even if
            // the page is closed before the person reads the warning.
            if !matches!(state.save, crate::state::SaveState::Failed(_)) {
                if let Some(s) = state.session.as_ref() {
                    let (unit, year) = crate::model::unit_and_year(&s.tree);
                    let name =
                        crate::model::export_name(&unit, year).replace(".json", "-sao-luu.json");
                    let _ = crate::files::download(
                        &name,
                        "application/json",
                        &crate::model::export_text(&s.tree),
                    );
                }
            }
            // Keep it: the next change or page hide tries again.
            *latest.borrow_mut() = Some(text);
            state.dispatch(Action::SaveFailed(e));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (text, state, local_time());
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
