//! The screens of the app and the root component that owns the state; its effects
//! (restore, autosave, address) are in `hooks.rs`.

mod adjust;
mod appraise;
mod compare;
mod dossier;
mod drafts;
mod header;
mod leaf;
mod notices;
mod rank;
mod report;
mod start;
mod summary;
mod survey;
mod tree;

use crate::hooks::{
    use_address, use_autosave, use_embed, use_remember_open, use_restore, use_usable_mark,
};
use crate::i18n::tr;
use crate::state::{AppState, Screen};
use yew::prelude::*;

/// What every component reaches through context: the state and its dispatcher.
pub type Ctx = UseReducerHandle<AppState>;

/// A callback that sends the action `make` builds (buttons, switches).
pub(crate) fn send<E>(
    state: &Ctx,
    make: impl Fn() -> crate::state::Action + 'static,
) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(make()))
}

/// Brings a criterion into view once the assessment screen is drawn: a leaf with its
/// first field focused, or a field (*lĩnh vực*) or criterion opened. The screen draws its
/// first field first and the others after a frame, so a criterion not drawn yet is looked
/// for again a little later.
pub(crate) fn go_to(code: &str) {
    go_to_within(code.to_string(), 0, 10);
}

fn go_to_within(code: String, delay_ms: u32, tries: u32) {
    gloo_timers::callback::Timeout::new(delay_ms, move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(el) = doc.get_element_by_id(&format!("leaf-{code}")) {
            el.scroll_into_view();
            if let Ok(Some(field)) = el.query_selector("input, select, textarea") {
                if let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field) {
                    let _ = field.focus();
                }
            }
        } else if let Some(el) = doc.get_element_by_id(&format!("node-{code}")) {
            let _ = el.set_attribute("open", "");
            el.scroll_into_view();
        } else if tries > 1 {
            go_to_within(code, 50, tries - 1);
        }
    })
    .forget();
}

/// The open draft and its full scorecard (words included, built once per change), or
/// what a screen that needs them shows instead: nothing without a draft, `why` (in both
/// languages) while the draft cannot be scored.
pub(crate) fn scored<'a>(
    state: &'a Ctx,
    why: (&'static str, &'static str),
) -> Result<(&'a crate::state::Session, &'a parindex_core::Scorecard), Html> {
    let Some(session) = state.session.as_ref() else {
        return Err(Html::default());
    };
    match session.score.full(&session.framework) {
        Some(card) => Ok((session, card)),
        None => Err(html! { <p>{ tr(state.lang, why.0, why.1) }</p> }),
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    use_restore(&state);
    use_autosave(&state);
    use_remember_open(&state);
    use_embed(&state);
    use_usable_mark(state.session.is_some() && state.screen == Screen::Assess);
    use_address(state.screen);

    let lang = state.lang;
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
                <drafts::ConflictDialog />
            </main>
        </ContextProvider<Ctx>>
    }
}

/// Messages in the chosen language, one line.
pub(crate) fn joined(messages: &[parindex_core::Text], lang: crate::i18n::Lang) -> String {
    messages
        .iter()
        .map(|m| m.get(lang))
        .collect::<Vec<_>>()
        .join("; ")
}
