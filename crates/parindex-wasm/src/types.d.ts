/** A text in Vietnamese and English. */
export interface Text { vi: string; en: string }

/** A decimal written as a string, exact: "0.5", "98.6". */
export type DecimalString = string;

/** An attached document's file (docs/formats.md §2, kept in the dossier's `tai-lieu/CODE/`). */
export interface EvidenceFile { name: string; sha256: string; size: number; type: string }

/** Evidence (tài liệu kiểm chứng): document number, date (YYYY-MM-DD), title, attached file. */
export interface Evidence { ref?: string; date?: string; title?: string; file?: EvidenceFile }

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

/** A scorecard's warning, as the contract writes it. */
export interface Diagnostic { severity: "error" | "warning"; path: string; message: Text }

/**
 * The stable code of a diagnostic (`crates/parindex-core/src/codes.rs`): switch on it,
 * never on a message's wording, which may be improved at any time.
 */
export type DiagnosticCode =
  | "json.syntax"
  | "toml.syntax"
  | "format.unsupported"
  | "key.missing"
  | "key.unknown"
  | "value.wrong-type"
  | "value.empty"
  | "keyword.unknown"
  | "date.not-real"
  | "decimal.malformed"
  | "decimal.float"
  | "number.negative"
  | "number.too-large"
  | "number.too-many-places"
  | "count.not-whole"
  | "framework.id-invalid"
  | "framework.edition-invalid"
  | "framework.scale-not-sum"
  | "framework.unknown"
  | "framework.unavailable"
  | "rounding.places-invalid"
  | "band.above-100"
  | "band.not-decreasing"
  | "criterion.none"
  | "criterion.code-malformed"
  | "criterion.code-duplicate"
  | "criterion.parent-missing"
  | "criterion.rule-on-parent"
  | "criterion.rule-missing"
  | "criterion.may-not-apply-on-parent"
  | "criterion.max-not-sum"
  | "rule.outcome-above-max"
  | "rule.best-below-max"
  | "items.none"
  | "items.key-duplicate"
  | "checklist.sum-not-max"
  | "deadline.due-not-real"
  | "deadline.offset-invalid"
  | "threshold.none"
  | "threshold.bound-count"
  | "threshold.out-of-reach"
  | "threshold.mixed-directions"
  | "threshold.unreachable"
  | "threshold.points-increase"
  | "threshold.otherwise-above-last"
  | "manual.step-zero"
  | "manual.max-off-step"
  | "assessment.framework-invalid"
  | "assessment.framework-mismatch"
  | "assessment.year-invalid"
  | "entry.unknown-criterion"
  | "entry.not-a-leaf"
  | "entry.wrong-section"
  | "entry.not-applicable-not-allowed"
  | "entry.not-applicable-with-input"
  | "entry.foreign-input"
  | "evidence.empty"
  | "evidence.file-invalid"
  | "choice.unknown-option"
  | "checklist.unknown-item"
  | "checklist.item-repeated"
  | "deadline.done-without-date"
  | "deadline.date-and-not-done"
  | "ratio.denominator-missing"
  | "ratio.numerator-missing"
  | "ratio.numerator-above-denominator"
  | "manual.above-max"
  | "manual.off-step"
  | "survey.percent-out-of-range"
  | "appraisal.comment-owed"
  | "adjustment.over-cap"
  | "rank.empty"
  | "rank.framework-mismatch"
  | "file.unreadable"
  | "argument.invalid";

/** Where a problem is, as data. */
export interface Location {
  /** Position of the assessment among those given to `rank`. */
  file?: number;
  /** `self`, `appraisal`, `survey`, `bonus`, `penalty`, `criterion`, `band`. */
  section?: string;
  /** The criterion code. */
  criterion?: string;
  /** The position in `bonus`, `penalty` or `band`. */
  item?: number;
  /** The field: `numerator`, `evidence[0].date`, `rule.bands[1].points`, `year`. */
  field?: string;
}

/** A thrown diagnostic: what, where (as text and as data), and its code. */
export interface DiagnosticDetail extends Diagnostic {
  code: DiagnosticCode;
  location: Location;
}

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
  official: boolean; source: Text; title: Text; scale: DecimalString;
  criteria: number; leaves: number;
}

/** What every function throws on bad input. */
export interface ParindexError extends Error {
  /** The messages `parindex` prints, in Vietnamese: "path: message". */
  diagnostics: string[];
  /** The same in English. */
  diagnosticsEn: string[];
  /** The same diagnostics as data, each with its stable `code`. */
  details: DiagnosticDetail[];
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

/*
 * Embedding the units' app in a frame (docs/embedding.md): the messages between the site
 * that frames the app's `nhung/` page and the app, protocol version 1. Types only: the
 * site posts `EmbedHostMessage`s to the app's origin and reads `EmbedAppMessage`s from it.
 */

/** The version of the embedding protocol these types describe. */
export type EmbedProtocol = 1;

interface EmbedCommand<T extends string> {
  parindex: EmbedProtocol;
  type: T;
  /** Carried back by the command's reply or error. */
  id?: string | number;
}

/**
 * Opens an assessment (`assessment`: the object or its JSON text; its framework a built-in
 * one, or the one in `toml`), or a blank one of `unit` and `year` (framework `framework`
 * or the one in `toml`). Answered by `change`, or by `error` with this command's id.
 */
export type EmbedLoad = EmbedCommand<"load"> &
  (
    | { assessment: Assessment | string; toml?: string }
    | { assessment?: undefined; unit: string; year: number; framework: string; toml?: string }
    | { assessment?: undefined; unit: string; year: number; framework?: string; toml: string }
  );

/** What the framing site sends the app. */
export type EmbedHostMessage =
  | EmbedLoad
  /** Answered by `assessment`. */
  | EmbedCommand<"get-assessment">
  /** Answered by `scorecard`, or `error` while the assessment has typing errors. */
  | EmbedCommand<"get-scorecard">
  | (EmbedCommand<"set-lang"> & { lang: "vi" | "en" })
  /** Shown only: the leaves' fields disabled, edits refused. */
  | (EmbedCommand<"set-readonly"> & { readonly: boolean });

/** The codes of the protocol's own problems, beside the engine's. */
export type EmbedErrorCode =
  | DiagnosticCode
  | "embed.version"
  | "embed.unknown-type"
  | "embed.no-assessment"
  | "embed.not-saved";

export interface EmbedErrorDetail extends Diagnostic {
  code: EmbedErrorCode;
  location: Location;
}

interface EmbedEvent<T extends string> {
  parindex: EmbedProtocol;
  type: T;
}

/** The id of the command a reply answers (`null` when it had none). */
export type EmbedReplyId = string | number | null;

/** What the app sends the framing site (to its origin only). */
export type EmbedAppMessage =
  /** The app has read its drafts and takes commands; what is open, if anything. */
  | (EmbedEvent<"ready"> & {
      lang: "vi" | "en";
      readonly: boolean;
      open: { unit: string; year: number; framework: string } | null;
    })
  /**
   * After every edit (once edits settle), after `load` and after `ready`: the assessment
   * as exported and its totals — the CLI's for the same file when `errors` is empty.
   */
  | (EmbedEvent<"change"> & {
      assessment: Assessment | null;
      total: Total | null;
      self_total: Total | null;
      complete: boolean;
      errors: DiagnosticDetail[];
    })
  | (EmbedEvent<"assessment"> & { id: EmbedReplyId; assessment: Assessment })
  /** `json`: byte for byte what `parindex score --format json` prints; `scorecard`: the same, parsed. */
  | (EmbedEvent<"scorecard"> & { id: EmbedReplyId; json: string; scorecard: Scorecard })
  /** The draft was stored in the browser (autosave), at this local time ("10:32:05"). */
  | (EmbedEvent<"saved"> & { saved_at: string })
  | (EmbedEvent<"error"> & { id: EmbedReplyId; code: EmbedErrorCode; message: Text; details: EmbedErrorDetail[] })
  /** The content's height in CSS pixels: size the frame to it for no scroll bar. */
  | (EmbedEvent<"resize"> & { height: number });
