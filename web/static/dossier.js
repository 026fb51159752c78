// The dossier's browser side (docs/formats.md §6), imported by boot.js only when a file is
// attached, shown, exported or opened, so a first visit downloads none of it:
// - evidence files kept in IndexedDB (database `parindex`, store `files`: a file's bytes as
//   a Blob, keyed by their SHA-256, so the same document attached twice is kept once);
// - their SHA-256 (the browser's own digest; the dossier module's where there is none);
// - the space they use, and a request that the browser keep it (persistent storage);
// - the dossier .zip, written and read by the parindex-zip module beside this file (the
//   same Rust code as `parindex dossier`), itself loaded only then.
// Problems are thrown as the JSON text [{"entry", "vi", "en"}] the app shows in the
// person's language (web/src/dossier.rs).

const FILES = "files";

const problem = (vi, en, entry = null) => JSON.stringify([{ entry, vi, en }]);

// The dossier's limits (crates/parindex-dossier/src/limits.rs: change both together),
// checked before a file is read, so a file the dossier could not hold is refused at once.
const MIB = 1024 * 1024;
const PER_FILE = 50 * MIB;
const ARCHIVE = 200 * MIB;
const mib = (bytes, sep) => (bytes / MIB).toFixed(1).replace(".", sep);

// A failed store call as the person is told it: a full store, or storage refused.
function storeProblem(err) {
  if (err && err.name === "QuotaExceededError") {
    return problem(
      "bộ nhớ trình duyệt đã đầy: tệp chưa được lưu (những gì đã lưu vẫn còn). Hãy xuất hồ sơ (.zip) ngay, rồi giải phóng bộ nhớ hoặc dùng máy khác",
      "browser storage is full: the file was not kept (what was kept is still there). Export the dossier (.zip) now, then free space or use another computer",
    );
  }
  return problem(
    `trình duyệt không cho lưu tệp (${err && err.name}). Hãy xuất hồ sơ (.zip) để giữ những gì đã nhập`,
    `the browser refused to keep the file (${err && err.name}). Export the dossier (.zip) to keep what was entered`,
  );
}

// The page's database connection (opened by boot.js, shared with the app).
function database() {
  return globalThis.parindexDatabase().catch((err) => {
    throw storeProblem(err);
  });
}

// Runs `work(store)` in one transaction; resolves with what it returns once committed.
async function transaction(mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    let tx;
    try {
      tx = db.transaction(FILES, mode);
    } catch (err) {
      reject(storeProblem(err));
      return;
    }
    let out;
    try {
      out = work(tx.objectStore(FILES));
    } catch (err) {
      tx.abort();
      reject(storeProblem(err));
      return;
    }
    tx.oncomplete = () => resolve(typeof out === "function" ? out() : out);
    tx.onerror = tx.onabort = () => reject(storeProblem(tx.error));
  });
}

let zip;
// The dossier module (parindex-zip), loaded once.
function zipModule() {
  zip ??= import(new URL("./parindex-zip.js", import.meta.url).href)
    .then(async (m) => {
      await m.default();
      return m;
    })
    .catch((err) => {
      zip = undefined;
      throw problem(
        "không tải được bộ đọc/ghi hồ sơ .zip (mất kết nối mạng?). Hãy mở trang này một lần khi có mạng",
        "the dossier reader/writer could not be loaded (offline?). Open this page once while online",
      );
    });
  return zip;
}

async function sha256(bytes) {
  if (globalThis.crypto && crypto.subtle) {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  return (await zipModule()).sha256(new Uint8Array(bytes));
}

// A chosen file's bytes (or those of `part`, a slice of it), or its problem.
async function bytesOf(file, part = file) {
  try {
    return await part.arrayBuffer();
  } catch {
    throw problem("không đọc được tệp", "the file cannot be read", file.name);
  }
}

let persistAsked = false;
// Asks once a visit that the browser not evict what is kept; whether it agreed is shown
// beside the space used (space()).
function askToPersist() {
  if (persistAsked || !navigator.storage || !navigator.storage.persist) return;
  persistAsked = true;
  navigator.storage.persist().catch(() => undefined);
}

// Keeps a chosen file: its description `{name, sha256, size, type}` as JSON text.
export async function attach(file) {
  if (file.size > PER_FILE) {
    throw problem(
      `tệp quá lớn (${mib(file.size, ",")} MB; tối đa 50 MB một tệp): hãy nén hoặc chia nhỏ`,
      `file too large (${mib(file.size, ".")} MB; at most 50 MB a file): compress or split it`,
    );
  }
  askToPersist();
  const bytes = await bytesOf(file);
  const digest = await sha256(bytes);
  const type = file.type || "application/octet-stream";
  await transaction("readwrite", (store) => {
    store.put(new Blob([bytes], { type }), digest);
  });
  return JSON.stringify({ name: file.name, sha256: digest, size: bytes.byteLength, type });
}

// A blob: URL of a kept file, or "" when this browser does not hold it. One address per
// document for the page's life: opening a document again, or on another
// leaf, reuses it instead of making another the browser would hold until the page closes.
const urls = new Map();

export async function url(sha) {
  if (urls.has(sha)) return urls.get(sha);
  const blob = await transaction("readonly", (store) => {
    const req = store.get(sha);
    return () => req.result;
  });
  if (!(blob instanceof Blob)) return "";
  urls.set(sha, URL.createObjectURL(blob));
  return urls.get(sha);
}

// The space used and left for this site (bytes), and whether the browser keeps it for
// good: JSON `{"used", "quota", "persisted"}`, or "" when the browser does not say.
export async function space() {
  if (!navigator.storage || !navigator.storage.estimate) return "";
  const { usage, quota } = await navigator.storage.estimate();
  const persisted = navigator.storage.persisted ? await navigator.storage.persisted() : false;
  return JSON.stringify({ used: usage || 0, quota: quota || 0, persisted });
}

// Writes the dossier and offers it as a download. `request` is JSON text: `{"name",
// "assessment" (text), "files": [{"code", "name", "type", "sha256"}], "history": [...]}`.
// A file this browser does not hold is left out (a reader finds it missing); their paths
// are returned as a JSON array.
export async function save(request) {
  const { name, assessment, files, history } = JSON.parse(request);
  const module = zipModule();
  const blobs = await transaction("readonly", (store) => {
    const reqs = files.map((f) => store.get(f.sha256));
    return () => reqs.map((r) => r.result);
  });
  const kept = [];
  const bytes = [];
  const left = [];
  for (const [i, blob] of blobs.entries()) {
    if (blob instanceof Blob) {
      kept.push(files[i]);
      bytes.push(new Uint8Array(await blob.arrayBuffer()));
    } else {
      left.push(`tai-lieu/${files[i].code}/${files[i].name}`);
    }
  }
  const zipped = (await module).write(assessment, JSON.stringify(kept), bytes, JSON.stringify(history));
  const href = URL.createObjectURL(new Blob([zipped], { type: "application/zip" }));
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60000);
  return JSON.stringify(left);
}

async function readZip(file) {
  if (file.size > ARCHIVE) {
    throw problem(
      `hồ sơ quá lớn (${mib(file.size, ",")} MB; tối đa 200 MB)`,
      `the dossier is too large (${mib(file.size, ".")} MB; at most 200 MB)`,
    );
  }
  const module = zipModule();
  const bytes = new Uint8Array(await bytesOf(file));
  return (await module).read(bytes);
}

// The assessment's text in a dossier .zip (a File), for ranking and comparing: its files
// are neither read nor hashed. The module says which part of the file to read next — the
// end (the archive's directory), then the start (the assessment), the whole file only
// for an archive laid out otherwise (crates/parindex-dossier/src/pieces.rs) — and refuses
// a file too large before any is read.
export async function assessment(file) {
  const module = await zipModule();
  const pieces = [];
  for (;;) {
    const found = module.assessment(pieces, file.size);
    if (typeof found === "string") return found;
    const [from, to] = found;
    pieces.push(from, new Uint8Array(await bytesOf(file, file.slice(from, to))));
  }
}

// Reads a dossier .zip (a File), keeps its files, and gives what the app needs as JSON
// text: `{"assessment", "history", "files": [{"code", "name", "type", "sha256", "size"}],
// "problems": [...]}` (files missing, altered or not listed; docs/formats.md §6).
export async function open(file) {
  const [meta, ...contents] = await readZip(file);
  const read = JSON.parse(meta);
  await transaction("readwrite", (store) => {
    read.files.forEach((f, i) => {
      store.put(new Blob([contents[i]], { type: f.type || "application/octet-stream" }), f.sha256);
    });
  });
  return meta;
}

// Erases every kept file whose SHA-256 is not in `keep` (a JSON array): run when the bin
// of drafts is emptied, with every file the remaining drafts name.
export async function keepOnly(keep) {
  const wanted = new Set(JSON.parse(keep));
  const keys = await transaction("readonly", (store) => {
    const req = store.getAllKeys();
    return () => req.result;
  });
  const gone = keys.filter((k) => !wanted.has(k));
  if (gone.length) {
    await transaction("readwrite", (store) => gone.forEach((k) => store.delete(k)));
  }
  return String(gone.length);
}
