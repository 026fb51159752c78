//! The start page: the drafts on this device (`drafts.rs`), start a new assessment on a built-in or
//! opened framework, open an assessment file, or open the Trà Cú example.

use super::joined;
use crate::files;
use crate::hooks::use_ctx;
use crate::i18n::tr;
use crate::open::{open_as_draft, open_new};
use crate::platform;
use crate::state::{Action, Screen, Session};
use crate::storage::FrameworkOrigin;
use parindex_core::framework::Level;
use parindex_core::keyword::Keyword;
use parindex_core::{blank_assessment, Framework};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The first file chosen in a file input.
fn chosen_file(e: &Event) -> Option<web_sys::File> {
    e.target_unchecked_into::<HtmlInputElement>()
        .files()?
        .get(0)
}

/// A framework the start page offers.
#[derive(Clone)]
struct Choice {
    reference: String,
    title: String,
    level: &'static str,
    official: bool,
    leaves: usize,
    source: String,
    /// A framework file at hand (opened, or kept with a draft): the framework and its text.
    file: Option<(Rc<Framework>, Rc<str>)>,
}

/// The steps of a year, in short: who fills in what, why the total may be out of less than
/// 100, what to do after exporting. Static text, written as markup once per language.
const GUIDE: (&str, &str) = (
    r#"<summary>Hướng dẫn: các bước tự đánh giá trong năm</summary><ol><li>Chọn bộ chỉ số UBND tỉnh ban hành cho năm đánh giá (hoặc mở tệp bộ chỉ số Sở Nội vụ gửi), nhập tên cơ quan và năm, bấm "Bắt đầu đánh giá".</li><li>Đơn vị tự chấm từng tiêu chí thành phần, ghi số, ký hiệu, ngày, trích yếu của tài liệu kiểm chứng và đính kèm tệp (PDF, ảnh chụp, Word, Excel). Kết quả điều tra xã hội học (ĐTXHH), điểm thưởng, điểm trừ do cơ quan thẩm định nhập.</li><li>Khi chưa có kết quả điều tra XHH, phần điểm đó chưa được tính: tổng điểm tính trên phần còn lại (ví dụ trên 70 thay vì 100) và chỉ số được quy đổi như bộ chỉ số quy định.</li><li>Mọi thay đổi được tự động lưu trên máy này và dùng được khi mất mạng (dòng trên cùng báo khi máy đã sẵn sàng); mỗi hồ sơ là một bản nháp ở trang đầu. Nên xuất tệp dự phòng thường xuyên.</li><li>Nhập xong: xem "Tổng hợp", in "Báo cáo" để ký, bấm "Xuất hồ sơ (.zip)" và gửi tệp đó (kết quả tự đánh giá cùng các tệp tài liệu kiểm chứng) cho cơ quan thẩm định (Phòng Nội vụ, Sở Nội vụ) qua thư điện tử hoặc hệ thống quản lý văn bản.</li><li>Nhận lại kết quả thẩm định: mở tệp được gửi lại, xem các tiêu chí bị điều chỉnh và nhận xét, ghi giải trình nếu chưa đồng ý, rồi xuất tệp gửi lại.</li></ol>"#,
    r#"<summary>Guide: the steps of a year's self-assessment</summary><ol><li>Choose the framework the province issued for the year (or open the framework file the Sở Nội vụ sent), enter the unit and the year, press "Start".</li><li>The unit scores each leaf, writes down its evidence (number, date, title) and attaches the files (PDF, scans, Word, Excel). Survey results (ĐTXHH), bonus and penalty are entered by the appraising body.</li><li>Until the survey results are in, their points are not counted: the total is out of the rest (for example out of 70 instead of 100) and the index is scaled as the framework says.</li><li>Every change is saved on this device automatically and works offline (the top bar says when this device is ready); each assessment is a draft on the start page. Export a backup now and then.</li><li>When done: check the "Summary", print the "Report" to sign, press "Export dossier (.zip)" and send that file (the assessment with its evidence files) to the appraising body (Phòng/Sở Nội vụ) by e-mail or the document system.</li><li>When the appraisal comes back: open the file, see what was changed and why, write an explanation (giải trình) where you disagree, and send the file back.</li></ol>"#,
);

#[function_component(Guide)]
fn guide() -> Html {
    let lang = use_ctx().lang;
    html! {
        <details class="card guide" data-testid="guide">{ Html::from_html_unchecked(tr(lang, GUIDE.0, GUIDE.1).into()) }</details>
    }
}

#[function_component(Start)]
pub fn start() -> Html {
    let state = use_ctx();
    let lang = state.lang;
    // Reopening the draft left open (a reload): the page is drawn hidden (`reopening`,
    // style.css), so it does not flash up before the draft replaces it; it shows after
    // 3 s if the browser's store has not answered by then.
    let start = classes!(
        "start",
        (state.drafts.is_none() && crate::storage::last_open().is_some()).then_some("reopening")
    );
    let chosen = use_state(|| {
        crate::frameworks::newest_first()
            .first()
            .map(|b| b.reference.to_string())
            .unwrap_or_default()
    });
    let unit = use_state(String::new);
    let year = use_state(|| platform::this_year().to_string());
    let problem = use_state(|| None::<String>);

    // Built-in frameworks are listed from the catalogue (loaded when one is used) and
    // framework files at hand (opened in this visit, or kept with drafts) from their text.
    let frameworks: Vec<Choice> = crate::frameworks::newest_first()
        .into_iter()
        .map(|l| Choice {
            reference: l.reference.to_string(),
            title: tr(lang, l.title_vi, l.title_en).to_string(),
            level: l.level,
            official: l.official,
            leaves: l.leaves,
            source: tr(lang, l.source_vi, l.source_en).to_string(),
            file: None,
        })
        .chain(state.custom_frameworks.iter().map(|(f, t)| Choice {
            reference: f.reference(),
            title: f.title.get(lang).to_string(),
            level: f.level.keyword(),
            official: f.official,
            leaves: f.leaves().count(),
            source: f.source.get(lang).to_string(),
            file: Some((f.clone(), t.clone())),
        }))
        .collect();

    let begin = {
        let state = state.clone();
        let (chosen, unit, year, problem) =
            (chosen.clone(), unit.clone(), year.clone(), problem.clone());
        let frameworks = frameworks.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let y = year
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y));
            let Some(y) = y else {
                problem.set(Some(
                    tr(
                        state.lang,
                        "Năm phải từ 1900 đến 2200.",
                        "The year must be from 1900 to 2200.",
                    )
                    .into(),
                ));
                return;
            };
            if unit.trim().is_empty() {
                problem.set(Some(
                    tr(
                        state.lang,
                        "Hãy nhập tên cơ quan, đơn vị.",
                        "Enter the unit's name.",
                    )
                    .into(),
                ));
                return;
            }
            let Some(choice) = frameworks.iter().find(|c| c.reference == *chosen) else {
                return;
            };
            problem.set(None);
            let (state, problem, file, reference, unit) = (
                state.clone(),
                problem.clone(),
                choice.file.clone(),
                choice.reference.clone(),
                unit.trim().to_string(),
            );
            yew::platform::spawn_local(async move {
                let (framework, origin) = match file {
                    Some((f, t)) => (Ok(f), FrameworkOrigin::Tree(t.to_string())),
                    None => (
                        crate::frameworks::load(&reference).await,
                        FrameworkOrigin::Builtin(reference.clone()),
                    ),
                };
                match framework {
                    Ok(f) => {
                        let text = blank_assessment(&f, &unit, y);
                        let tree = crate::model::read_json(&text).unwrap_or_default();
                        open_new(&state, Session::new(f, origin, tree));
                    }
                    Err(messages) => problem.set(Some(joined(&messages, state.lang))),
                }
            });
        })
    };

    // Why a file or the example could not be opened, shown beside those buttons.
    let open_problem = use_state(|| None::<String>);
    let open_json = {
        let (state, open_problem) = (state.clone(), open_problem.clone());
        Callback::from(move |e: Event| {
            let Some(file) = chosen_file(&e) else { return };
            let (state, open_problem) = (state.clone(), open_problem.clone());
            let name = file.name();
            open_problem.set(None);
            yew::platform::spawn_local(async move {
                if let Err(m) = crate::open::open_file(&state, file).await {
                    let why = format!(
                        "{} {name}: {}",
                        tr(state.lang, "Không mở được tệp", "Could not open"),
                        joined(&m, state.lang)
                    );
                    open_problem.set(Some(why));
                }
            });
        })
    };
    let open_toml = {
        let state = state.clone();
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let Some(file) = chosen_file(&e) else { return };
            let state = state.clone();
            let chosen = chosen.clone();
            yew::platform::spawn_local(async move {
                if let Some((f, _)) = crate::open::open_framework(&state, file).await {
                    chosen.set(f.reference());
                }
            });
        })
    };
    let open_example = {
        let (state, open_problem) = (state.clone(), open_problem.clone());
        Callback::from(move |_| {
            let (state, open_problem) = (state.clone(), open_problem.clone());
            open_problem.set(None);
            yew::platform::spawn_local(async move {
                let opened = match files::example_text().await {
                    Ok(text) => open_as_draft(&state, &text).await,
                    Err(m) => Err(vec![m]),
                };
                if let Err(m) = opened {
                    let why = format!(
                        "{}: {}",
                        tr(
                            state.lang,
                            "Không mở được hồ sơ mẫu",
                            "Could not open the example"
                        ),
                        joined(&m, state.lang)
                    );
                    open_problem.set(Some(why));
                }
            });
        })
    };

    let framework_cards = frameworks.iter().map(|f| {
        let reference = f.reference.clone();
        let checked = *chosen == reference;
        let onchange = {
            let chosen = chosen.clone();
            let r = reference.clone();
            Callback::from(move |_| chosen.set(r.clone()))
        };
        let badge = if f.official {
            html! { <span class="badge official">{ tr(lang, "Chính thức", "Official") }</span> }
        } else {
            html! { <span class="badge template">{ tr(lang, "Khung mẫu", "Template") }</span> }
        };
        let level = Level::from_keyword(f.level)
            .map_or_else(|| f.level.to_string(), |l| l.label().get(lang).to_string());
        let id = format!("fw-{}", reference.replace('@', "-"));
        html! {
            <li class={classes!("framework", checked.then_some("chosen"))}>
                <input type="radio" name="framework" id={id.clone()} value={reference.clone()} {checked} {onchange} />
                <label for={id}>
                    <span class="title">{ &f.title }</span>{ " " }{ badge }
                    <span class="meta">{ format!("{reference} · {level} · {} {}", f.leaves, tr(lang, "tiêu chí thành phần", "leaves")) }
                        { if f.file.is_some() { tr(lang, " · từ tệp", " · from a file") } else { "" } }</span>
                    <span class="source">{ &f.source }</span>
                </label>
            </li>
        }
    });

    let open_file = html! { <>
        <label class="file">{ if crate::DESK { tr(lang, "Mở hồ sơ đơn vị gửi (.zip, .json)", "Open a file a unit sent (.zip, .json)") } else { tr(lang, "Mở tệp hồ sơ (.zip, .json)", "Open an assessment file (.zip, .json)") } }
            <input type="file" accept=".json,.zip,application/json,application/zip" onchange={open_json} data-testid="open-assessment" /></label>
    </> };
    let problem_here = html! {
        if let Some(p) = (*open_problem).clone() { <p class="field-error" role="alert" data-testid="open-problem">{ p }</p> }
    };
    let example = html! { <>
        <p><button type="button" onclick={open_example} data-testid="open-example">
            { tr(lang, "Mở hồ sơ mẫu: UBND huyện Trà Cú năm 2022", "Open the example: Trà Cú district, 2022") }</button></p>
        <p class="hint">{ tr(lang,
            "Hồ sơ mẫu dùng số liệu thật trong báo cáo CCHC năm 2022 của huyện Trà Cú trên khung mẫu (không phải bộ chỉ số chính thức).",
            "The example uses real figures from Trà Cú district's 2022 PAR report, on a template framework (not an official one).") }</p>
    </> };
    let new_assessment = html! {
        <section class="card">
            <h2>{ if crate::DESK { tr(lang, "Tự đánh giá của cơ quan mình", "Your own body's self-assessment") } else { tr(lang, "Tạo hồ sơ tự đánh giá mới", "Start a new self-assessment") } }</h2>
            <form onsubmit={begin} novalidate=true>
                <fieldset>
                    <legend>{ tr(lang, "Bộ chỉ số", "Framework") }</legend>
                    <ul class="frameworks">{ for framework_cards }</ul>
                    <label class="file">{ tr(lang, "Hoặc mở tệp bộ chỉ số (.toml)", "Or open a framework file (.toml)") }
                        <input type="file" accept=".toml,text/plain" onchange={open_toml} data-testid="open-framework" /></label>
                </fieldset>
                <div class="row">
                    <label>{ tr(lang, "Cơ quan, đơn vị", "Unit") }
                        <input type="text" required=true value={(*unit).clone()} data-testid="new-unit"
                            oninput={let unit = unit.clone(); Callback::from(move |e: InputEvent| unit.set(input_value(&e)))} /></label>
                    <label>{ tr(lang, "Năm đánh giá", "Year") }
                        <input type="number" min="1900" max="2200" required=true value={(*year).clone()} data-testid="new-year"
                            oninput={let year = year.clone(); Callback::from(move |e: InputEvent| year.set(input_value(&e)))} /></label>
                </div>
                if let Some(p) = (*problem).clone() { <p class="field-error" role="alert" data-testid="begin-problem">{ p }</p> }
                <button type="submit" class="primary" data-testid="begin">{ tr(lang, "Bắt đầu đánh giá", "Start") }</button>
            </form>
        </section>
    };
    let privacy = html! {
        <p class="privacy">{ tr(lang,
            "Mọi dữ liệu ở lại trên máy này: ứng dụng chạy hoàn toàn trong trình duyệt, không gửi gì lên mạng.",
            "All data stays on this device: the app runs entirely in the browser and sends nothing over the network.") }</p>
    };
    let editor_link = html! {
        <p>{ tr(lang, "Sở Nội vụ soạn bộ chỉ số của tỉnh từ bảng phụ lục của quyết định (Word, Excel, PDF): ",
            "The Sở Nội vụ makes its province's framework from the decision's annex table (Word, Excel, PDF): ") }
            <a href={if crate::DESK { "../bo-chi-so/" } else { "bo-chi-so/" }} data-testid="to-editor">
                { tr(lang, "soạn bộ chỉ số", "framework editor") }</a></p>
    };

    if crate::DESK {
        // The appraiser's page: the files received first, opening one at their top.
        let top = html! { <div class="inbox-open">{ open_file }{ problem_here }</div> };
        return html! {
            <div class={start} data-testid="start">
                <super::drafts::Drafts {top} />
                <section class="card">
                    <h2>{ tr(lang, "So sánh, xếp hạng", "Compare and rank") }</h2>
                    <p>{ tr(lang, "Mở một hồ sơ để thẩm định hoặc so sánh với hồ sơ khác; xếp hạng các đơn vị từ các tệp đã nhận.",
                        "Open a file to appraise it or compare it with another; rank units from the files received.") }</p>
                    <button type="button" onclick={super::send(&state, || Action::Show(Screen::Rank))} data-testid="open-rank">
                        { tr(lang, "Xếp hạng các đơn vị", "Rank units") }</button>
                    { editor_link }
                </section>
                { new_assessment }
                <section class="card">
                    <h2>{ tr(lang, "Hồ sơ mẫu", "The example") }</h2>
                    { example }
                </section>
                { privacy }
            </div>
        };
    }
    html! {
        <div class={start} data-testid="start">
            <Guide />
            <super::drafts::Drafts />
            { new_assessment }
            <section class="card">
                <h2>{ tr(lang, "Mở hồ sơ có sẵn", "Open an assessment") }</h2>
                { open_file }
                { example }
                { problem_here }
            </section>
            <section class="card">
                <h2>{ tr(lang, "Dành cho cơ quan thẩm định", "For the appraising body") }</h2>
                <p>{ tr(lang, "Thẩm định hồ sơ của đơn vị (trang thẩm định mở tệp nhận được ở vai trò \"Thẩm định\"), so sánh hai hồ sơ, xếp hạng các đơn vị từ các tệp đã nhận.",
                    "Appraise a unit's file (the appraisal page opens a received file in the \"Appraiser\" role), compare two assessments, rank units from the files received.") }</p>
                <a class="button" href="tham-dinh/" data-testid="to-desk">{ tr(lang, "Mở trang thẩm định, so sánh, xếp hạng", "Open the appraisal, comparison and ranking page") }</a>
                { editor_link }
            </section>
            { privacy }
        </div>
    }
}
