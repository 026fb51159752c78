// The embedded mode's side of the message protocol (docs/embedding.md), imported by
// boot.js only when the page was asked for it (`?nhung=1`) inside the frame of a site
// that nhung.json trusts. It talks to that one site: a message from any other window or
// origin is ignored, and every message goes to that origin only, never to "*". The app
// (web/src/embed.rs) answers the commands through `globalThis.parindexEmbed`.
const VERSION = 1;
// `change` follows edits once they have settled for this long.
const CHANGE_DEBOUNCE_MS = 300;

/** An `error` message: the diagnostics as data, the first one's code and message. */
function problem(id, code, vi, en, field) {
  const location = field ? { field } : {};
  return errorOf({ type: "error", id, details: [{ severity: "error", code, path: field ?? "", location, message: { vi, en } }] });
}

function errorOf(message) {
  const first = message.details[0];
  return { ...message, id: message.id ?? null, code: first?.code ?? null, message: first?.message ?? null };
}

const COMMANDS = ["load", "get-assessment", "get-scorecard", "set-lang", "set-readonly"];

/** What is wrong with a command's fields (the app checks what they say), or null. */
function badField(m) {
  const text = (v) => typeof v === "string";
  switch (m.type) {
    case "load":
      if (m.toml !== undefined && !text(m.toml))
        return ["value.wrong-type", "toml", "phải là nội dung tệp bộ chỉ số (văn bản TOML)", "must be the framework file's text (TOML)"];
      if (m.assessment !== undefined && m.assessment !== null) {
        if (text(m.assessment) || (typeof m.assessment === "object" && !Array.isArray(m.assessment))) return null;
        return ["value.wrong-type", "assessment", "phải là kết quả tự đánh giá (đối tượng JSON hoặc văn bản của nó)", "must be an assessment (a JSON object or its text)"];
      }
      if (!text(m.unit) || !m.unit.trim())
        return ["value.empty", "unit", "hãy gửi kết quả tự đánh giá (assessment), hoặc tên cơ quan, đơn vị (unit) và năm (year)", "send an assessment, or the unit's name (unit) and the year (year)"];
      if (!Number.isInteger(m.year) || m.year < 1900 || m.year > 2200)
        return ["value.wrong-type", "year", "năm phải là số nguyên từ 1900 đến 2200", "the year must be a whole number from 1900 to 2200"];
      if (!text(m.framework) && !text(m.toml))
        return ["key.missing", "framework", "hãy gửi bộ chỉ số: mã có sẵn (framework) hoặc nội dung tệp (toml)", "send the framework: a built-in reference (framework) or its file's text (toml)"];
      return null;
    case "set-lang":
      return m.lang === "vi" || m.lang === "en" ? null : ["keyword.unknown", "lang", 'ngôn ngữ phải là "vi" hoặc "en"', 'the language must be "vi" or "en"'];
    case "set-readonly":
      return typeof m.readonly === "boolean" ? null : ["value.wrong-type", "readonly", "phải là true hoặc false", "must be true or false"];
    default:
      return null;
  }
}

/** Starts the protocol with the framing site's `origin` (one of nhung.json's). */
export function start(origin) {
  const send = (message) => window.parent.postMessage({ parindex: VERSION, ...message }, origin);
  // Commands that arrive before the app has read its drafts, answered once it has.
  const waiting = [];
  let settle = 0;
  const run = (m) => {
    const reply = bridge.app(JSON.stringify(m));
    if (reply === "") send(problem(m.id, "embed.no-assessment", "chưa mở kết quả tự đánh giá nào (hãy gửi load)", "no assessment is open (send load)"));
    else if (reply) bridge.post(reply);
  };
  const bridge = {
    // Set by the app (web/src/embed.rs): answers one command, given as JSON text, with
    // its reply's JSON text, "" when no assessment is open, or nothing.
    app: null,
    post(text) {
      const message = JSON.parse(text);
      if (message.type === "error") return send(errorOf(message));
      // The scorecard as data too, beside its exact bytes (`json`).
      if (message.type === "scorecard") message.scorecard = JSON.parse(message.json);
      send(message);
    },
    changed() {
      clearTimeout(settle);
      settle = setTimeout(() => bridge.app && run({ type: "snapshot" }), CHANGE_DEBOUNCE_MS);
    },
    ready(text) {
      bridge.post(text);
      for (const m of waiting.splice(0)) run(m);
      // What is open now (a draft reopened, or nothing), whatever happened before.
      bridge.changed();
    },
  };
  globalThis.parindexEmbed = bridge;

  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || event.origin !== origin) return;
    const m = event.data;
    if (m === null || typeof m !== "object" || !("parindex" in m)) return;
    if (m.parindex !== VERSION) {
      send(problem(m.id, "embed.version", `ứng dụng dùng giao thức phiên bản ${VERSION}`, `the app speaks protocol version ${VERSION}`));
      return;
    }
    if (!COMMANDS.includes(m.type)) {
      send(problem(m.id, "embed.unknown-type", `không có lệnh "${m.type}"`, `no command "${m.type}"`, "type"));
      return;
    }
    const bad = badField(m);
    if (bad) {
      const [code, field, vi, en] = bad;
      send(problem(m.id, code, vi, en, field));
      return;
    }
    try {
      JSON.stringify(m);
    } catch {
      send(problem(m.id, "value.wrong-type", "tin nhắn không chuyển được sang JSON", "the message cannot be written as JSON"));
      return;
    }
    if (bridge.app) run(m);
    else waiting.push(m);
  });

  // The content's height, whenever it changes, so the site can size the frame with no
  // scroll bar. The root element's box holds every margin (its own never collapse).
  let height = -1;
  const measure = () => {
    const now = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (now !== height) {
      height = now;
      send({ type: "resize", height });
    }
  };
  new ResizeObserver(measure).observe(document.documentElement);
}
