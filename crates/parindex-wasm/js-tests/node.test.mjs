// The Node.js package (wasm-pack --target nodejs): same bytes as the CLI, the same
// diagnostics as the CLI, and errors — never a WebAssembly trap — on hostile input.
// Run by `cargo xtask test`, which builds the package and the CLI first and passes
// their paths in PARINDEX_NODE_PKG and PARINDEX_BIN.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const pkgPath = process.env.PARINDEX_NODE_PKG ?? join(repo, "target/pkg/node/parindex_wasm.js");
const bin = process.env.PARINDEX_BIN ?? join(repo, "target/debug/parindex");
const parindex = createRequire(import.meta.url)(pkgPath);

const cli = (...args) => spawnSync(bin, args, { cwd: repo, encoding: "utf8", env: { ...process.env, PARINDEX_LANG: "vi" } });
const example = readFileSync(join(repo, "examples/tra-cu-2022.json"), "utf8");

test("scoring the Trà Cú example gives the CLI's bytes", () => {
  const out = cli("score", "examples/tra-cu-2022.json", "--format", "json");
  assert.equal(out.status, 0, out.stderr);
  assert.equal(parindex.scoreJson(example), out.stdout);
  const card = parindex.score(JSON.parse(example));
  assert.equal(JSON.stringify(card, null, 2) + "\n", out.stdout);
  assert.equal(card.total.points, "78.28");
  assert.equal(card.total.index, "81.12");
  assert.equal(card.total.band.vi, "Tốt");
});

test("malformed input throws an Error carrying the CLI's diagnostics", () => {
  const dir = join(repo, "tests/invalid/assessments");
  const frameworkFile = join(dir, "framework.toml");
  const toml = readFileSync(frameworkFile, "utf8");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  assert.ok(files.length >= 25);
  for (const f of files) {
    const rel = `tests/invalid/assessments/${f}`;
    const out = cli("validate", rel, "--framework", "tests/invalid/assessments/framework.toml");
    assert.equal(out.status, 1, `${f}: CLI accepted it`);
    const expected = out.stderr.trimEnd().split("\n").map((l) => l.slice(rel.length + 2));
    assert.throws(
      () => parindex.score(readFileSync(join(dir, f), "utf8"), toml),
      (e) => {
        assert.ok(e instanceof Error, `${f}: not an Error`);
        assert.equal(e.name, "ParindexError");
        assert.deepEqual(e.diagnostics, expected, `${f}: diagnostics differ from the CLI`);
        assert.equal(e.diagnosticsEn.length, expected.length);
        assert.equal(e.details[0].severity, "error");
        // Every `PATH | code` the fixture expects is in the details, as data.
        const wanted = readFileSync(join(dir, f.replace(/\.json$/, ".expect")), "utf8")
          .split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
          .map((l) => l.split("|").map((x) => x.trim()));
        for (const [path, code] of wanted) {
          assert.ok(e.details.some((d) => d.path === path && d.code === code), `${f}: no ${path} | ${code}`);
        }
        return true;
      },
    );
  }
});

test("frameworks, newAssessment, validateFramework and rank", () => {
  const list = parindex.frameworks();
  assert.deepEqual(list.map((f) => f.reference), ["mau-huyen@2022", "mau-xa@2024"]);
  assert.equal(list[0].official, false);
  const blank = parindex.newAssessment("mau-huyen@2022", "UBND huyện A", 2022);
  assert.equal(blank.framework, "mau-huyen@2022");
  assert.equal(parindex.score(blank).complete, false);
  const info = parindex.validateFramework(readFileSync(join(repo, "frameworks/mau-xa-2024.toml"), "utf8"));
  assert.equal(info.reference, "mau-xa@2024");
  assert.throws(() => parindex.validateFramework("format = 1\nid = 'X'"), (e) => e.diagnostics.length > 1);
  const other = { ...JSON.parse(example), unit: "UBND huyện B" };
  other.survey["8.1.1"] = { percent: "99" };
  const ranking = parindex.rank([example, other]);
  assert.deepEqual(ranking.rows.map((r) => [r.rank, r.unit]), [[1, "UBND huyện B"], [2, "UBND huyện Trà Cú"]]);
  const tie = parindex.rank([example, example]);
  assert.deepEqual(tie.rows.map((r) => r.rank), [1, 1]);
  assert.throws(() => parindex.newAssessment("mau-huyen@2022", "A", 20.5), /năm/);
});

test("hostile input never traps", () => {
  let seed = 12345;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const base = JSON.parse(example);
  const codes = Object.keys(base.self);
  const junk = [null, true, -1, 1e308, "x", "1e5", [], {}, "9".repeat(40), "<img src=x onerror=alert(1)>", 0.5];
  for (let i = 0; i < 2000; i++) {
    const a = structuredClone(base);
    const code = codes[rnd(codes.length)];
    const entry = a.self[code];
    const keys = Object.keys(entry);
    if (rnd(3) === 0) a.self[code] = junk[rnd(junk.length)];
    else entry[keys[rnd(keys.length)] ?? "numerator"] = junk[rnd(junk.length)];
    if (rnd(10) === 0) a.year = junk[rnd(junk.length)];
    try {
      parindex.score(a);
    } catch (e) {
      assert.ok(!(e instanceof WebAssembly.RuntimeError), `trap on case ${i}: ${e}`);
      assert.equal(e.name, "ParindexError");
    }
  }
  for (const text of ["", "{", "[".repeat(100000), "\u0000", JSON.stringify({ format: 1 })]) {
    assert.throws(() => parindex.score(text), (e) => e.name === "ParindexError");
  }
});
