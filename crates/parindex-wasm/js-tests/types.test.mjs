// The package's TypeScript declarations describe the real shapes: the documented usage
// compiles with `tsc --strict`, and misuse (wrong argument types, wrong field types,
// an unknown status) does not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "../../..");
const tsc = (file) =>
  spawnSync(join(repo, "node_modules/.bin/tsc"), ["--noEmit", "--strict", "--target", "es2020", "--module", "es2020", "--moduleResolution", "node", join(here, "ts", file)], {
    encoding: "utf8",
  });

test("the documented usage type-checks", () => {
  const out = tsc("usage.ts");
  assert.equal(out.status, 0, out.stdout + out.stderr);
});

test("misuse is caught by the types", () => {
  const out = tsc("misuse.ts");
  assert.notEqual(out.status, 0);
  const errors = out.stdout.split("\n").filter((l) => l.includes("error TS"));
  assert.equal(errors.length, 5, out.stdout);
  assert.match(out.stdout, /misuse\.ts\(5,7\).*number.*not assignable/);
  assert.match(out.stdout, /misuse\.ts\(6,7\).*string.*not assignable to type 'number'/);
  assert.match(out.stdout, /misuse\.ts\(7,6\)/);
  assert.match(out.stdout, /misuse\.ts\(8,1\).*no overlap/);
  // A misspelt diagnostic code is no code at all.
  assert.match(out.stdout, /misuse\.ts\(10,1\).*no overlap/);
});

test("the embedding protocol's documented usage type-checks", () => {
  const out = tsc("embed-usage.ts");
  assert.equal(out.status, 0, out.stdout + out.stderr);
});

test("misuse of the embedding protocol is caught by the types", () => {
  const out = tsc("embed-misuse.ts");
  assert.notEqual(out.status, 0);
  const errors = out.stdout.split("\n").filter((l) => l.includes("error TS"));
  // A wrong version, a blank load with no framework, an unknown language, a flag that
  // is not a boolean, a field another message has, a misspelt message type.
  for (const line of [5, 6, 7, 8, 9, 10]) {
    assert.ok(errors.some((e) => e.includes(`embed-misuse.ts(${line},`)), `line ${line}: ${out.stdout}`);
  }
  assert.equal(errors.length, 6, out.stdout);
});
