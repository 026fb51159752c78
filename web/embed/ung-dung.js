// The example host's side of the embedding protocol (docs/embedding.md, version 1): it
// frames the app's nhung/ page, listens to that origin only, and sends commands to it.
// `?app=URL` names the app (default: ../nhung/ on this origin's parent folder).
const PROTOCOL = 1;
const appUrl = new URL(new URLSearchParams(location.search).get("app") ?? "../nhung/", location.href);
const appOrigin = appUrl.origin;
const frame = document.querySelector("[data-testid=app-frame]");
const $ = (id) => document.querySelector(`[data-testid=${id}]`);
$("app-url").textContent = appUrl.href;

// Every message received, newest last (what this page shows comes from them).
globalThis.received = [];
let nextId = 1;
let lang = "vi";
let readonly = false;
const waiting = new Map();

/** Sends a command with an `id`; returns the id. */
function post(type, fields = {}) {
  const id = nextId++;
  frame.contentWindow.postMessage({ parindex: PROTOCOL, type, id, ...fields }, appOrigin);
  return id;
}

/**
 * Sends a command that is answered (`get-assessment`, `get-scorecard`, or any that may
 * fail): resolves with the message carrying its `id` back.
 */
function send(type, fields = {}) {
  return new Promise((resolve) => waiting.set(post(type, fields), resolve));
}
globalThis.post = post;
globalThis.send = send;

const number = (points) => (points ?? "—").replace(".", ",");

window.addEventListener("message", (event) => {
  // Only the app's frame, from the app's origin, speaking this version.
  if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
  const m = event.data;
  if (!m || m.parindex !== PROTOCOL) return;
  received.push(m);
  if (m.id != null && waiting.has(m.id)) {
    waiting.get(m.id)(m);
    waiting.delete(m.id);
  }
  switch (m.type) {
    case "resize":
      frame.style.height = `${m.height}px`;
      break;
    case "change":
      $("host-unit").textContent = m.assessment ? `${m.assessment.unit} — ${m.assessment.year}` : "—";
      $("host-total").textContent = m.total ? `${number(m.total.points)} / ${number(m.total.max)}` : "—";
      $("host-index").textContent = m.total?.index ? `${number(m.total.index)}%` : "—";
      break;
    case "saved":
      $("host-saved").textContent = m.saved_at;
      break;
    case "error":
      $("host-error").hidden = false;
      $("host-error").textContent = `${m.code}: ${m.message?.[lang] ?? ""}${m.details?.[0]?.path ? ` (${m.details[0].path})` : ""}`;
      break;
  }
  if (m.type !== "error" && m.type !== "resize") $("host-error").hidden = true;
});

$("host-load-example").addEventListener("click", async () => {
  const assessment = await (await fetch("data/tra-cu-2022.json")).json();
  post("load", { assessment });
});
$("host-new").addEventListener("click", () => post("load", { framework: "mau-xa@2024", unit: "UBND xã A", year: 2025 }));
$("host-keep").addEventListener("click", async () => {
  // A portal would send these to its server; this example shows what it would keep.
  const [a, card] = [await send("get-assessment"), await send("get-scorecard")];
  const kept = $("host-kept");
  kept.hidden = false;
  kept.textContent =
    a.type === "assessment" && card.type === "scorecard"
      ? `Đã nhận kết quả tự đánh giá (${JSON.stringify(a.assessment).length} byte) và bảng điểm (${card.json.length} byte, chỉ số ${card.scorecard.total.index}). / Received the assessment and the scorecard.`
      : "Chưa có kết quả để lưu. / Nothing to keep yet.";
});
$("host-readonly").addEventListener("click", (e) => {
  readonly = !readonly;
  e.currentTarget.setAttribute("aria-pressed", String(readonly));
  post("set-readonly", { readonly });
});
$("host-lang").addEventListener("click", (e) => {
  lang = lang === "vi" ? "en" : "vi";
  e.currentTarget.textContent = lang === "vi" ? "English" : "Tiếng Việt";
  post("set-lang", { lang });
});

frame.src = appUrl.href;
