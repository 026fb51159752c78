//! The ranking screen (*xếp hạng*): several units' assessment files of one framework,
//! dropped or opened together, ranked as `docs/formats.md` §4 says (by index, equal
//! indices share a rank); a table, a bar chart by index in band colours, and exports.
//! It needs no open assessment: the appraising body ranks the files units sent in.

use super::Ctx;
use crate::files;
use crate::hooks::use_ctx;
use crate::i18n::{index, num, tr};
use crate::state::Action;
use parindex_core::framework::Band;
use parindex_core::rank::Ranking;
use parindex_core::render::ranking_csv;
use parindex_core::{Decimal, Scorecard};
use web_sys::{DragEvent, FileList, HtmlInputElement};
use yew::prelude::*;

/// Scores every file and adds it to the ranking. Framework files (`.toml`) among them —
/// a province's own framework, sent beside the units' dossiers — are opened first, so the
/// files naming them are scored by them.
fn add_files(state: &Ctx, list: FileList) {
    let (frameworks, list): (Vec<_>, Vec<_>) = files::files_of(&list)
        .into_iter()
        .partition(crate::open::is_framework);
    let state = state.clone();
    yew::platform::spawn_local(async move {
        let mut custom = state.custom_frameworks.clone();
        for file in frameworks {
            if let Some((f, tree)) = crate::open::open_framework(&state, file).await {
                crate::state::add_framework(&mut custom, f, tree);
            }
        }
        let mut opened = Vec::new();
        for file in list {
            opened.push(crate::open::scored(file, &custom).await);
        }
        state.dispatch(Action::AddRanked(opened));
    });
}

/// The framework and year of every scored file, with how many files share them, in the
/// order the files came.
fn groups_of(state: &Ctx) -> Vec<((String, i32), usize)> {
    let mut groups: Vec<((String, i32), usize)> = Vec::new();
    for c in state.ranked.iter().filter_map(|o| o.result.as_ref().ok()) {
        let key = (c.framework.clone(), c.year);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => groups.push((key, 1)),
        }
    }
    groups
}

/// The bands (*xếp loại*) of the ranking's framework, best first.
fn bands_of(ranking: &Ranking, state: &Ctx) -> Vec<Band> {
    crate::frameworks::at_hand(&state.custom_frameworks, &ranking.framework)
        .map(|f| f.bands.clone())
        .unwrap_or_default()
}

/// The band's place in its framework's list (0 = best), for its colour.
fn band_class(bands: &[Band], band: Option<&parindex_core::Text>) -> String {
    match band.and_then(|b| bands.iter().position(|g| &g.label == b)) {
        Some(i) => format!("band-{}", i.min(4)),
        None => "band-none".into(),
    }
}

#[function_component(Rank)]
pub fn rank() -> Html {
    let state = use_ctx();
    let lang = state.lang;
    let dragging = use_state(|| false);
    let chosen = use_state(|| None::<(String, i32)>);

    let on_pick = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(list) = input.files() {
                add_files(&state, list);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let (state, dragging) = (state.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                add_files(&state, list);
            }
        })
    };
    let on_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };

    // Only files of one framework and one year are ranked together: the group chosen,
    // else the largest (the first of equals); the others are listed with the reason.
    let groups = groups_of(&state);
    let group = chosen
        .as_ref()
        .filter(|g| groups.iter().any(|(k, _)| k == *g))
        .or_else(|| {
            let largest = groups.iter().map(|g| g.1).max();
            groups.iter().find(|g| Some(g.1) == largest).map(|(k, _)| k)
        })
        .cloned();
    let cards: Vec<Scorecard> = state
        .ranked
        .iter()
        .filter_map(|o| o.result.as_ref().ok())
        .filter(|c| group.as_ref() == Some(&(c.framework.clone(), c.year)))
        .map(|c| (**c).clone())
        .collect();
    let ranking = (!cards.is_empty()).then(|| parindex_core::rank(&cards));
    let excluded: Vec<Html> = state
        .ranked
        .iter()
        .filter_map(|o| {
            let c = o.result.as_ref().ok()?;
            let (framework, year) = group.as_ref()?;
            let why = if &c.framework != framework {
                format!("{} {} ({} {framework})", tr(lang, "khác bộ chỉ số:", "another framework:"), c.framework, tr(lang, "bảng xếp hạng dùng", "the ranking uses"))
            } else if c.year != *year {
                format!("{} {} ({} {year})", tr(lang, "khác năm:", "another year:"), c.year, tr(lang, "bảng xếp hạng năm", "the ranking is of"))
            } else {
                return None;
            };
            Some(html! { <li><span class="file-name">{ &o.file }</span>{ format!(" — {why}") }</li> })
        })
        .collect();
    let group_choice = (groups.len() > 1).then(|| {
        let options = groups.iter().map(|((framework, year), count)| {
            let selected = group.as_ref() == Some(&(framework.clone(), *year));
            let value = format!("{framework}|{year}");
            html! { <option {value} {selected}>{ format!("{framework}, {} {year} ({count} {})", tr(lang, "năm", "year"), tr(lang, "hồ sơ", "files")) }</option> }
        });
        let onchange = {
            let chosen = chosen.clone();
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                if let Some((f, y)) = v.rsplit_once('|') {
                    chosen.set(y.parse().ok().map(|y| (f.to_string(), y)));
                }
            })
        };
        html! {
            <div class="excluded no-print" role="status" data-testid="rank-excluded">
                <p>{ tr(lang, "Chỉ xếp hạng cùng nhau các hồ sơ cùng bộ chỉ số và cùng năm. Không xếp hạng trong bảng này:",
                    "Only files of one framework and one year are ranked together. Not in this ranking:") }</p>
                <ul>{ for excluded.iter().cloned() }</ul>
                <label>{ tr(lang, "Xếp hạng nhóm ", "Rank the group ") }
                    <select {onchange} data-testid="rank-group">{ for options }</select></label>
            </div>
        }
    });

    let remove = |i: Option<usize>| super::send(&state, move || Action::RemoveRanked(i));
    let files_list = state.ranked.iter().enumerate().map(|(i, o)| {
        let (status, errors) = match &o.result {
            Ok(c) => (format!("{} — {}", c.unit, c.year), Vec::new()),
            Err(ds) => (
                tr(lang, "không xếp hạng được", "cannot be ranked").to_string(),
                ds.iter().map(|d| crate::i18n::placed(d, None, lang)).collect(),
            ),
        };
        html! {
            <li class={classes!(o.result.is_err().then_some("bad"))}>
                <span class="file-name">{ &o.file }</span>{ format!(": {status} ") }
                <button type="button" class="small" onclick={remove(Some(i))} aria-label={format!("{} {}", tr(lang, "Bỏ tệp", "Remove file"), o.file)}>{ "×" }</button>
                if !errors.is_empty() { <ul class="field-error">{ for errors.iter().map(|m| html! { <li>{ m }</li> }) }</ul> }
            </li>
        }
    });

    let table = match &ranking {
        None => html! {},
        Some(Err(ds)) => html! {
            <ul class="field-error" role="alert" data-testid="rank-error">{ for ds.iter().map(|d| html! { <li>{ crate::i18n::placed(d, None, lang) }</li> }) }</ul>
        },
        Some(Ok(r)) => ranking_view(&state, r),
    };

    html! {
        <div class="rank" data-testid="rank">
            <h1>{ tr(lang, "Xếp hạng các đơn vị", "Ranking of units") }</h1>
            if state.session.is_none() {
                <button type="button" class="small no-print" onclick={super::send(&state, || Action::Show(crate::state::Screen::Start))}>
                    { tr(lang, "← Trang đầu", "← Start page") }</button>
            }
            <p class="hint no-print">{ tr(lang,
                "Mở hoặc kéo thả các tệp hồ sơ (.zip, .json) của các đơn vị cùng một bộ chỉ số, kèm tệp bộ chỉ số (.toml) nếu đó không phải bộ chỉ số có sẵn. Tệp chỉ được đọc trên máy này.",
                "Open or drop the units' assessment files (.zip, .json) of one framework, with the framework file (.toml) if it is not built in. Files are read on this device only.") }</p>
            <div class={classes!("drop", "no-print", dragging.then_some("over"))} ondragover={on_over} ondragleave={on_leave} ondrop={on_drop}>
                <label class="file">{ tr(lang, "Chọn các tệp hồ sơ", "Choose assessment files") }
                    <input type="file" multiple=true accept=".json,.zip,.toml,application/json,application/zip" onchange={on_pick} data-testid="rank-files" /></label>
                <span>{ tr(lang, " hoặc kéo thả vào đây", " or drop them here") }</span>
            </div>
            if !state.ranked.is_empty() {
                <ul class="files no-print" data-testid="rank-list">{ for files_list }</ul>
                <button type="button" class="small" onclick={remove(None)}>{ tr(lang, "Bỏ tất cả", "Remove all") }</button>
            }
            { for group_choice }
            { table }
        </div>
    }
}

fn ranking_view(state: &Ctx, r: &Ranking) -> Html {
    let lang = state.lang;
    let bands = bands_of(r, state);
    let legend = bands.iter().enumerate().map(|(i, g)| {
        html! { <li><span class={classes!("chip", format!("band-{}", i.min(4)))}>{ g.label.get(lang) }</span>{ format!(" ≥ {}", num(g.min, lang)) }</li> }
    });
    let band_text = |b: Option<&parindex_core::Text>| {
        b.map(|b| b.get(lang).to_string())
            .unwrap_or_else(|| "—".into())
    };
    let rows = r.rows.iter().map(|row| {
        html! {
            <tr>
                <td class="num">{ row.rank }</td>
                <td>{ &row.unit }</td>
                <td class="num">{ row.year }</td>
                <td class="num">{ num(row.total.points, lang) }</td>
                <td class="num">{ num(row.total.max, lang) }</td>
                <td class="num">{ index(row.total.index, lang) }</td>
                <td><span class={classes!("chip", band_class(&bands, row.total.band.as_ref()))}>{ band_text(row.total.band.as_ref()) }</span></td>
                <td>{ if row.complete { tr(lang, "Đủ", "Yes") } else { tr(lang, "Chưa đủ", "No") } }</td>
            </tr>
        }
    });
    const ROW: usize = 26;
    const LABEL: usize = 230;
    const BAR: usize = 380;
    let height = ROW * r.rows.len() + 24;
    let bars = r.rows.iter().enumerate().map(|(i, row)| {
        let value = row.total.index.map_or(Decimal::ZERO, |x| x.value);
        let width = (value * Decimal::from(BAR) / Decimal::ONE_HUNDRED).round_dp(1);
        let y = i * ROW;
        let label = format!("{}. {}", row.rank, row.unit);
        let short = parindex_core::report::cut(&label, 32);
        html! {
            <g>
                <title>{ format!("{label}: {}", index(row.total.index, lang)) }</title>
                <text x="0" y={(y + 17).to_string()} class="bar-label">{ short }</text>
                <rect x={LABEL.to_string()} y={(y + 5).to_string()} width={width.to_string()} height="16" rx="3"
                    class={classes!("bar-band", band_class(&bands, row.total.band.as_ref()))} />
                <text x={(LABEL + BAR + 8).to_string()} y={(y + 17).to_string()} class="bar-value">{ index(row.total.index, lang) }</text>
            </g>
        }
    });
    // Grid lines at 0, 50 and 100 %.
    let grid = [0usize, 50, 100].into_iter().map(|p| {
        let x = (LABEL + BAR * p / 100).to_string();
        html! { <>
            <line x1={x.clone()} x2={x.clone()} y1="0" y2={(height - 18).to_string()} class="grid" />
            <text x={x} y={(height - 4).to_string()} class="bar-value" text-anchor="middle">{ format!("{p}%") }</text>
        </> }
    });
    let csv = {
        let (r, lang) = (r.clone(), lang);
        Callback::from(move |_| {
            let _ = files::download_csv(
                &format!("xep-hang-{}.csv", r.framework.replace('@', "-")),
                &ranking_csv(&r, lang),
            );
        })
    };
    let json = {
        let r = r.clone();
        Callback::from(move |_| {
            let _ = files::download(
                &format!("xep-hang-{}.json", r.framework.replace('@', "-")),
                "application/json",
                &r.to_json(),
            );
        })
    };
    let print = Callback::from(|_| files::print());
    // Printed, the ranking is a paper of the appraising body: letterhead, signatures.
    let (head, foot) = {
        let (mut head, mut foot) = (String::new(), String::new());
        parindex_core::report::letterhead(&mut head, "……………………………", lang);
        let _ = std::fmt::Write::write_fmt(
            &mut head,
            format_args!(
                "<h1 class=\"paper-title\">{} {}</h1>",
                tr(
                    lang,
                    "BẢNG XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM",
                    "RANKING OF THE PUBLIC ADMINISTRATION REFORM INDEX"
                ),
                r.rows.first().map(|row| row.year).unwrap_or_default()
            ),
        );
        parindex_core::report::signatures(
            &mut foot,
            tr(lang, "NGƯỜI LẬP BIỂU", "PREPARED BY"),
            tr(
                lang,
                "THỦ TRƯỞNG CƠ QUAN THẨM ĐỊNH",
                "HEAD OF THE APPRAISING BODY",
            ),
            lang,
        );
        (head, foot)
    };
    html! {
        <section class="ranking" data-testid="ranking">
            <div class="print-only" data-testid="rank-letterhead">{ Html::from_html_unchecked(head.into()) }</div>
            <h2>{ format!("{} {} ({} {})", tr(lang, "Bảng xếp hạng —", "Ranking —"), r.framework, r.rows.len(), tr(lang, "đơn vị", "units")) }</h2>
            <div class="wide-table"><table data-testid="rank-table">
                <thead><tr>
                    <th>{ tr(lang, "Hạng", "Rank") }</th><th>{ tr(lang, "Đơn vị", "Unit") }</th><th>{ tr(lang, "Năm", "Year") }</th>
                    <th>{ tr(lang, "Điểm", "Points") }</th><th>{ tr(lang, "Tối đa", "Max") }</th><th>{ tr(lang, "Chỉ số", "Index") }</th>
                    <th>{ tr(lang, "Xếp loại", "Band") }</th><th>{ tr(lang, "Đủ hồ sơ", "Complete") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
            <svg class="bars rank-chart" role="img" viewBox={format!("0 0 {} {height}", LABEL + BAR + 80)} width="100%"
                aria-label={tr(lang, "Biểu đồ chỉ số các đơn vị", "Chart of the units' indices")}>
                { for grid }{ for bars }
            </svg>
            <ul class="legend" aria-label={tr(lang, "Chú giải xếp loại", "Bands")}>{ for legend }</ul>
            <p class="no-print">
                <button type="button" onclick={csv} data-testid="rank-csv">{ tr(lang, "Xuất CSV", "Export CSV") }</button>{ " " }
                <button type="button" onclick={json} data-testid="rank-json">{ tr(lang, "Xuất JSON", "Export JSON") }</button>{ " " }
                <button type="button" onclick={print} data-testid="rank-print">{ tr(lang, "In", "Print") }</button>
            </p>
            <div class="print-only" data-testid="rank-signatures">{ Html::from_html_unchecked(foot.into()) }</div>
        </section>
    }
}
