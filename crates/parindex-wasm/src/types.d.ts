/** A text in Vietnamese and English. */
export interface Text { vi: string; en: string }

/** A decimal written as a string, exact: "0.5", "98.6". */
export type DecimalString = string;

/** Evidence (tài liệu kiểm chứng): document number, date (YYYY-MM-DD), title. */
export interface Evidence { ref?: string; date?: string; title?: string }

/** One leaf's entry: the input keys of its rule, or not_applicable, plus notes. */
export interface Entry {
  /** choice */ choice?: string;
  /** deadline: the date it was done, or done = false */ date?: string; done?: boolean;
  /** ratio, proportional */ numerator?: number | string; denominator?: number | string;
  /** count */ value?: number | string;
  /** checklist */ checked?: string[];
  /** manual */ points?: DecimalString;
  /** survey (survey section only) */ percent?: DecimalString | number;
  not_applicable?: boolean;
  evidence?: Evidence[];
  note?: string;
  /** appraisal and survey sections only */
  comment?: string;
}

/** Bonus (điểm thưởng) or penalty (điểm trừ). */
export interface Adjustment { points: DecimalString; reason: string }

/** An assessment file (docs/formats.md §2). */
export interface Assessment {
  format: 1;
  /** "id@edition" */
  framework: string;
  unit: string;
  year: number;
  self?: Record<string, Entry>;
  appraisal?: Record<string, Entry>;
  survey?: Record<string, Entry>;
  bonus?: Adjustment[];
  penalty?: Adjustment[];
}

export type Status = "scored" | "not-applicable" | "missing" | "survey-pending";
export type RuleKind = "choice" | "deadline" | "ratio" | "proportional" | "count" | "checklist" | "manual" | "survey";

export interface Total {
  points: DecimalString;
  max: DecimalString;
  /** Written with the framework's rounding places ("83.00"); null when max is 0. */
  index: DecimalString | null;
  band: Text | null;
}

export interface ScoreNode {
  code: string;
  title: Text;
  max: DecimalString;
  points: DecimalString;
  self_points: DecimalString;
  status: Status;
  /** Leaves only. */
  kind?: RuleKind;
  self_status?: Status;
  appraised?: true;
  explanation?: Text;
  advice?: Text;
}

export interface Gap { code: string; lost: DecimalString; status: Status; advice?: Text }

export interface Diagnostic { severity: "error" | "warning"; path: string; message: Text }

export interface Summary {
  leaves: number; scored: number; not_applicable: number; missing: number;
  survey_pending: number; appraised: number;
}

/** A scorecard (docs/formats.md §3), identical to `parindex score --format json`. */
export interface Scorecard {
  format: 1;
  framework: string;
  unit: string;
  year: number;
  complete: boolean;
  total: Total;
  self_total: Total;
  bonus: DecimalString;
  penalty: DecimalString;
  summary: Summary;
  nodes: ScoreNode[];
  gaps: Gap[];
  /** Warnings only (errors are thrown). */
  diagnostics: Diagnostic[];
}

export interface RankRow {
  rank: number; unit: string; year: number; points: DecimalString; max: DecimalString;
  index: DecimalString | null; band: Text | null; complete: boolean;
}

export interface Ranking { format: 1; framework: string; rows: RankRow[] }

export interface FrameworkInfo {
  reference: string; id: string; edition: string;
  level: "ministry" | "province" | "department" | "district" | "commune" | "other";
  official: boolean; source: string; title: Text; scale: DecimalString;
  criteria: number; leaves: number;
}

/** What every function throws on bad input. */
export interface ParindexError extends Error {
  /** The messages `parindex` prints, in Vietnamese: "path: message". */
  diagnostics: string[];
  /** The same in English. */
  diagnosticsEn: string[];
  details: Diagnostic[];
}

/**
 * Scores an assessment (object or JSON text) against `frameworkToml`, or against the
 * built-in framework the assessment names. Throws a `ParindexError` on bad input.
 */
export function score(assessment: Assessment | string, frameworkToml?: string): Scorecard;

/** As `score`, but the scorecard JSON text: byte for byte what `parindex score --format json` prints. */
export function scoreJson(assessment: Assessment | string, frameworkToml?: string): string;

/** Ranks assessments of one framework (ties share a rank: 1, 2, 2, 4). */
export function rank(assessments: Array<Assessment | string>, frameworkToml?: string): Ranking;
