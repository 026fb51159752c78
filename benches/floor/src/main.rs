//! A yew counter: the smallest app built like the parindex app, to measure the floor.
use yew::prelude::*;

#[function_component(Counter)]
fn counter() -> Html {
    let count = use_state(|| 0u32);
    let add = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! { <button onclick={add}>{ format!("+1 → {}", *count) }</button> }
}

fn main() {
    yew::Renderer::<Counter>::new().render();
}
