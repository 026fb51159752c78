// Must NOT compile: the declarations describe real shapes, not `any`.
import { score, rank } from "../../../../target/pkg/web/parindex_wasm";
import type { ParindexError } from "../../../../target/pkg/web/parindex_wasm";

score(42);
const points: number = score("{}").total.points;
rank("not an array");
score("{}").nodes[0].status === "done";
declare const e: ParindexError;
e.details[0].code === "json.syntaxe";
