// Compiles with `tsc --strict` against the package's declarations: the documented usage.
import init, { frameworks, newAssessment, rank, score, scoreJson, validateFramework } from "../../../../target/pkg/web/parindex_wasm";
import type { Assessment, ParindexError, Scorecard } from "../../../../target/pkg/web/parindex_wasm";

export async function use(frameworkToml: string): Promise<void> {
  await init();
  const a: Assessment = newAssessment("mau-huyen@2022", "UBND huyện A", 2022);
  a.self = { ...a.self, "3.3.2": { numerator: 6416, denominator: 6507, evidence: [{ ref: "05/KH-UBND" }] } };
  a.survey = { "8.1.1": { percent: "86.4" } };
  const card: Scorecard = score(a);
  const index: string | null = card.total.index;
  const band: string | undefined = card.total.band?.vi;
  const leafKinds = card.nodes.filter((n) => n.kind === "ratio").map((n) => n.explanation?.vi);
  const again: Scorecard = score(JSON.stringify(a), frameworkToml);
  const text: string = scoreJson(a);
  const ranking = rank([a, text], frameworkToml);
  const first: number = ranking.rows[0].rank;
  const level = frameworks()[0].level;
  const leaves: number = validateFramework(frameworkToml).leaves;
  try {
    score("{");
  } catch (e) {
    const messages: string[] = (e as ParindexError).diagnostics;
    const syntax: boolean = (e as ParindexError).details.some((d) => d.code === "json.syntax");
    const where: string | undefined = (e as ParindexError).details[0].location.criterion;
    console.log(messages, syntax, where, index, band, leafKinds, again.complete, first, level, leaves);
  }
}
