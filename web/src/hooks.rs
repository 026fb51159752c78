//! The app's hooks: the shared context every component reads, and the root's effects —
//! reading the drafts and reopening the one left open at start, autosave (debounced, and
//! at once when the page is hidden), the address following the screen, and the mark of
//! the first usable assessment view (for the speed figures).

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

/// Reads the drafts once, at start (moving in what earlier builds kept), and reopens the
/// one that was open when the page was left, on the screen the address names. A draft
/// that cannot be read is not opened and the person is told; a framework that cannot be
/// loaded (offline, never cached) leaves the draft stored and says why. Meanwhile every
/// file the page may fetch later is kept for offline use, and the top bar told when all
/// are (`files::keep_for_offline`).
#[hook]
pub fn use_restore(state: &Ctx) {
    let state = state.clone();
    use_effect_with((), move |_| {
        // Read now, before the address and the open draft start following the state.
        let wanted = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .and_then(|h| Screen::from_hash(&h));
        let kept = state.clone();
        yew::platform::spawn_local(async move { restore(&state, wanted).await });
        yew::platform::spawn_local(crate::files::keep_for_offline(move |o| {
            kept.dispatch(Action::Offline(o))
        }));
    });
}

thread_local! {
    static RESTORED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the app mounted last has read its drafts and reopened the one left open (or
/// said why not): what the component tests wait for.
pub fn restored() -> bool {
    RESTORED.with(std::cell::Cell::get)
}

async fn restore(state: &Ctx, wanted: Option<Screen>) {
    RESTORED.with(|r| r.set(false));
    restore_drafts(state, wanted).await;
    RESTORED.with(|r| r.set(true));
}

async fn restore_drafts(state: &Ctx, wanted: Option<Screen>) {
    let drafts = match storage::load_all().await {
        Ok(d) => d,
        Err(e) => {
            state.dispatch(Action::Notify(Notice::OpenFailed {
                file: tr(state.lang, "các bản nháp đã lưu", "the saved drafts").into(),
                messages: vec![e.text()],
            }));
            Vec::new()
        }
    };
    // Read after `load_all`, which may have moved an earlier build's open draft in; the
    // start page forgets it only once the list is shown (`use_remember_open`).
    let last = storage::last_open()
        .and_then(|id| drafts.iter().find(|d| *d.id == *id && d.live()).cloned());
    // The list follows the reopened draft, so the draft open stays remembered meanwhile.
    let list = Action::Drafts(Rc::new(drafts));
    let Some(draft) = last else {
        state.dispatch(list);
        if wanted == Some(Screen::Rank) {
            state.dispatch(Action::Show(Screen::Rank));
        }
        return;
    };
    let stored = match &draft.stored {
        Ok(s) => s.clone(),
        Err(reason) => {
            state.dispatch(Action::Notify(Notice::Unreadable {
                raw: draft.text.clone(),
                reason: reason.clone(),
            }));
            state.dispatch(list);
            return;
        }
    };
    let reopened = reopen(state, &draft, Some(stored.saved_at.clone())).await;
    state.dispatch(list);
    match reopened {
        Ok(()) => {
            if let Some(screen) = wanted {
                state.dispatch(Action::Show(screen));
            }
        }
        Err(messages) => {
            let (unit, year) = crate::model::unit_and_year(&stored.assessment);
            state.dispatch(Action::Notify(Notice::OpenFailed {
                file: format!("{} — {unit} {year}", tr(state.lang, "bản nháp", "draft")),
                messages,
            }));
        }
    }
}

/// Opens a stored draft (`restored`: with the notice of an automatic restore, saved at
/// that time), or says why not (its framework cannot be loaded, it cannot be read).
pub async fn reopen(
    state: &Ctx,
    draft: &storage::Draft,
    restored: Option<String>,
) -> Result<(), Vec<parindex_core::Text>> {
    let stored = draft
        .stored
        .as_ref()
        .map_err(|e| vec![parindex_core::Text::new(e.clone(), e.clone())])?;
    let framework = framework_of(&stored.framework).await?;
    let session = Session::with_meta(
        framework,
        stored.framework.clone(),
        stored.assessment.clone(),
        draft.meta(),
    )
    .with_aside(stored.aside.clone());
    // A draft this build stored (its time, its totals for the list) is not written again
    // until it changes; an earlier build's is, in the current envelope.
    let current = stored.total.as_ref().is_some_and(|t| t.appraised.is_some());
    let session = match platform::local_date_time(&stored.saved_at) {
        Some(at) if current => session.stored(at),
        _ => session,
    };
    state.dispatch(Action::Open {
        session,
        notice: restored.map(|saved_at| Notice::Restored { saved_at }),
    });
    Ok(())
}

/// The embedded mode's messages (`embed.rs`): `ready`, `change`, `saved` as the state
/// moves; nothing at all without the embedding site's bridge.
#[hook]
pub fn use_embed(state: &Ctx) {
    let keys = crate::embed::effects(state);
    let before = use_mut_ref(|| None::<crate::embed::EmbedKeys>);
    let state = state.clone();
    use_effect_with(keys, move |keys| {
        crate::embed::follow(&state, before.borrow().as_ref(), keys);
        *before.borrow_mut() = Some(keys.clone());
    });
}

/// The draft that is open is remembered, so a reload reopens it; the start page
/// remembers none.
#[hook]
pub fn use_remember_open(state: &Ctx) {
    let id = state.session.as_ref().map(|s| s.meta.id.clone());
    let loaded = state.drafts.is_some();
    use_effect_with((id, loaded), |(id, loaded)| {
        // Before the drafts are read, the start page is only the page loading.
        if *loaded {
            storage::remember_open(id.as_deref());
        }
    });
}

/// What waits to be written: the session as it stood after the last change (encoded
/// only when written, so a burst of keystrokes is encoded once, and opening a draft
/// encodes nothing before it is shown), or a draft whose write failed.
enum Waiting {
    Session(Session),
    Draft(storage::Draft),
}

/// Autosave: the newest draft is written 400 ms after the last change, at once when the
/// page is hidden or closed, when the draft is closed, and when another is opened.
#[hook]
pub fn use_autosave(state: &Ctx) {
    let latest = use_mut_ref(|| None::<Waiting>);
    let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    {
        let state = state.clone();
        let latest = latest.clone();
        let key = state
            .session
            .as_ref()
            .map(|s| (s.revision, Rc::as_ptr(&s.score) as usize));
        use_effect_with(key, move |key| {
            match (key, state.session.as_ref()) {
                (Some(_), Some(s)) => {
                    // Another draft's changes still waiting are written first.
                    let other = matches!(&*latest.borrow(), Some(Waiting::Session(w)) if w.meta.id != s.meta.id);
                    if other {
                        timer.borrow_mut().take();
                        flush(&latest, &state);
                    }
                    // Opened from the store and not changed since: nothing to write.
                    if s.unchanged_since().is_some() {
                        return;
                    }
                    *latest.borrow_mut() = Some(Waiting::Session(s.clone()));
                    let latest = latest.clone();
                    let state = state.clone();
                    *timer.borrow_mut() =
                        Some(gloo_timers::callback::Timeout::new(400, move || {
                            flush(&latest, &state)
                        }));
                }
                // Closed: what waits is written now.
                _ => {
                    timer.borrow_mut().take();
                    flush(&latest, &state);
                }
            }
        });
    }
    let state = state.clone();
    use_effect_with((), move |_| {
        // The reducer applies an edit at once, before the next render runs the effect
        // above: a page hidden right after a keystroke writes the current tree itself,
        // so that keystroke is not lost.
        let listener = on_page_hide(move || {
            if let Some(s) = state
                .session
                .as_ref()
                .filter(|s| s.unchanged_since().is_none())
            {
                *latest.borrow_mut() = Some(Waiting::Session(s.clone()));
            }
            flush(&latest, &state)
        });
        move || drop(listener)
    });
}

/// Writes the newest draft now, if one waits: to the journal at once, then to the store.
fn flush(latest: &Rc<RefCell<Option<Waiting>>>, state: &Ctx) {
    let draft = match latest.borrow_mut().take() {
        None => return,
        Some(Waiting::Session(s)) => s.draft(),
        Some(Waiting::Draft(d)) => d,
    };
    let record = draft.record();
    storage::journal(&record);
    let (latest, state) = (latest.clone(), state.clone());
    yew::platform::spawn_local(async move {
        match storage::write(&draft).await {
            Ok(()) => {
                storage::journal_done(&record);
                state.dispatch(Action::Saved(platform::local_time(), draft));
            }
            Err(e) => {
                // The first failure downloads a backup at once, so nothing is lost even
                // if the page is closed before the person reads the warning.
                if !matches!(state.save, SaveState::Failed(_)) {
                    if let Ok(s) = &draft.stored {
                        let tree = &s.assessment;
                        let (unit, year) = crate::model::unit_and_year(tree);
                        let name = crate::model::export_name(&unit, year)
                            .replace(".json", "-sao-luu.json");
                        let _ = crate::files::download(
                            &name,
                            "application/json",
                            &crate::model::export_text(tree),
                        );
                    }
                }
                // Keep it, unless a newer one waits: the next change or page hide tries
                // again.
                latest.borrow_mut().get_or_insert(Waiting::Draft(draft));
                state.dispatch(Action::SaveFailed(e));
            }
        }
    });
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

/// The address follows the screen (`#bao-cao`), so a reload or a printer lands on it;
/// each new screen is shown from its top (not where the last one was scrolled to).
#[hook]
pub fn use_address(screen: Screen) {
    use_effect_with(screen, move |screen| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
            let path = w.location().pathname().unwrap_or_default();
            let url = format!("{path}{}", screen.hash());
            let _ = w.history().and_then(|h| {
                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            });
        }
    });
}

/// `false` for the first `ms` milliseconds of the component, then `true` (a timer, and
/// the redraw it causes).
#[hook]
pub fn use_later(ms: u32) -> bool {
    let passed = use_state(|| false);
    {
        let passed = passed.clone();
        use_effect_with((), move |_| {
            let later = gloo_timers::callback::Timeout::new(ms, move || passed.set(true));
            move || drop(later)
        });
    }
    *passed
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
