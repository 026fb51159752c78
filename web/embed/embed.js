// The embedding example: import the wasm-pack package (web target) with a plain module
// script, load an assessment, render a live score widget. Every URL is relative to this
// file, so the folder works when served from any path.
import init, { score } from "./pkg/parindex_wasm.js";

const $ = (sel) => document.querySelector(sel);
// Vietnamese number format: decimal comma ("81,12").
const vi = (s) => String(s).replace(".", ",");

let assessment;

function render(card) {
  $("[data-testid=unit]").textContent = `${card.unit} — ${card.year}`;
  $("[data-testid=framework]").textContent = card.framework;
  $("[data-testid=total-points]").textContent = vi(card.total.points);
  $("[data-testid=total-max]").textContent = vi(card.total.max);
  $("[data-testid=total-index]").textContent = card.total.index === null ? "—" : `${vi(card.total.index)}%`;
  $("[data-testid=total-band]").textContent = card.total.band ? `${card.total.band.vi} / ${card.total.band.en}` : "—";
  const list = $("[data-testid=fields]");
  list.replaceChildren();
  for (const node of card.nodes.filter((n) => !n.code.includes("."))) {
    const share = Number(node.max) > 0 ? (Number(node.points) / Number(node.max)) * 100 : 0;
    const li = document.createElement("li");
    li.dataset.code = node.code;
    const label = document.createElement("span");
    label.className = "field-title";
    label.textContent = `${node.code}. ${node.title.vi}`;
    const value = document.createElement("span");
    value.className = "field-points";
    value.textContent = `${vi(node.points)} / ${vi(node.max)}`;
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.setAttribute("role", "img");
    bar.setAttribute("aria-label", `${Math.round(share)}%`);
    const fill = document.createElement("span");
    fill.className = "fill";
    fill.style.width = `${share.toFixed(1)}%`;
    bar.append(fill);
    li.append(label, value, bar);
    list.append(li);
  }
}

function showError(err) {
  const box = $("[data-testid=error]");
  if (!err) {
    box.hidden = true;
    box.textContent = "";
    return;
  }
  box.hidden = false;
  box.textContent = (err.diagnostics ?? [String(err)]).join("\n");
}

// Writes a form value into the assessment: "3.3.3.numerator" or "survey:8.1.1.percent".
function apply(name, raw) {
  const [section, path] = name.startsWith("survey:") ? ["survey", name.slice(7)] : ["self", name];
  const dot = path.lastIndexOf(".");
  const code = path.slice(0, dot);
  const field = path.slice(dot + 1);
  const entry = (assessment[section][code] ??= {});
  const text = raw.trim();
  // Counts stay as typed text: the engine validates them and names the field if wrong.
  entry[field] = text;
}

function rescore() {
  try {
    render(score(assessment));
    showError(null);
  } catch (err) {
    showError(err);
  }
}

async function main() {
  await init();
  const response = await fetch("./data/tra-cu-2022.json");
  assessment = await response.json();
  for (const input of document.querySelectorAll("form input")) {
    const name = input.name;
    const [section, path] = name.startsWith("survey:") ? ["survey", name.slice(7)] : ["self", name];
    const dot = path.lastIndexOf(".");
    input.value = assessment[section]?.[path.slice(0, dot)]?.[path.slice(dot + 1)] ?? "";
    input.addEventListener("input", () => {
      apply(name, input.value);
      rescore();
    });
  }
  rescore();
  document.body.dataset.ready = "true";
}

main().catch((err) => showError(err));
