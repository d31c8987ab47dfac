// The compiled rule set: immutable values the core reads. Produced by the loader from the JSON files in rules/.

export interface Localized {
  vi: string;
  en: string;
}

/** Where a piece of rule data comes from, and whether it was checked against the official text. */
export interface Provenance {
  verified: boolean;
  /** citation: a document, URL or note such as "reconstruction (domain spec §3.1)" */
  source: string;
}

export interface DateRange {
  /** ISO date (YYYY-MM-DD), inclusive; absent = open */
  from?: string;
  /** ISO date (YYYY-MM-DD), inclusive; absent = open */
  to?: string;
}

export interface Lesson {
  id: string;
  title: Localized;
  periods: number;
  subjectId: string;
  /** true for the one lesson of a subject that has no lesson list (id = subject id) */
  implicit: boolean;
  /** the title is published even when the periods are not (`provenance.verified` covers the periods) */
  titleVerified?: boolean;
  provenance: Provenance;
}

/** The published split of a subject's periods (lên lớp, thảo luận, tự nghiên cứu, kiểm tra): recorded, not counted. */
export interface PeriodSplit {
  lecture: number;
  discussion: number;
  selfStudy: number;
  exam: number;
  provenance: Provenance;
}

/** A named part (phần, khối) grouping subjects of a program; for reports and reviewers, not used in counting. */
export interface ProgramPart {
  id: string;
  name: Localized;
  subjectIds: string[];
  nameVerified: boolean;
  provenance: Provenance;
}

export interface Subject {
  id: string;
  name: Localized;
  periods: number;
  /** per-subject policy: whether the program needs this subject to pass */
  required: boolean;
  /** per-subject policy: the share of `periods` needed (e.g. 0.8) */
  minRatio: number;
  lessons: Lesson[];
  split?: PeriodSplit;
  provenance: Provenance;
}

export type CountingPolicy =
  | { kind: 'course'; minPeriods: number; minLessons: number; provenance: Provenance }
  | { kind: 'per-subject'; provenance: Provenance };

export interface Program {
  id: string;
  /** ordering of levels: higher passes lead the report (sơ cấp 1, trung cấp 2, cao cấp 3) */
  rank: number;
  name: Localized;
  /** for narrow column titles (the statistics table on screen); absent: the full name */
  shortName?: Localized;
  totalPeriods: number;
  policy: CountingPolicy;
  subjects: Subject[];
  /** named parts grouping the subjects (may be absent) */
  parts?: ProgramPart[];
  /** every lesson of every subject, in curriculum order */
  lessons: Lesson[];
  effective: DateRange;
  legalBasis: string[];
  provenance: Provenance;
}

/** How a rule recognises a course. Names and keywords are already in matching-key form. */
export interface RuleMatch {
  names: string[];
  codes: string[];
  /** each entry: all words of `all` present (whole words) and none of `none` */
  keywords: { all: string[]; none: string[] }[];
  /**
   * Words a keyword-matched name may hold without being a near match: the words of the rule's names, keyword
   * phrases and declared optional words (matching-key form). Absent = every keyword match is a full match.
   */
  vocabulary?: ReadonlySet<string>;
}

export interface RuleTarget {
  lessonId: string;
  /** explicit share of the row's periods within that lesson's program; absent = proportional */
  share?: number;
}

export interface MappingRule {
  id: string;
  /** position in the mapping file; earlier wins a remaining tie */
  order: number;
  label: Localized;
  match: RuleMatch;
  targets: RuleTarget[];
  /** periods assumed in the optimistic reading for a row whose periods are unknown (domain spec §6.6) */
  typicalPeriods?: number;
  /** content tags: rules sharing one overlap; absent = overlaps every rule feeding the same lesson */
  covers?: readonly string[];
  provenance: Provenance;
}

export interface Abbreviation {
  /** matching-key form of the abbreviation, e.g. "nlcb" or "tt hcm" */
  from: string;
  /** matching-key form of its expansion */
  to: string;
}

/** Part markers, all in matching-key form. */
export interface PartMarkers {
  /** last word of a key → part number ("2" → 2, "ii" → 2) */
  numbers: ReadonlyMap<string, number>;
  /** a word before the number that belongs to it ("phan") */
  before: ReadonlySet<string>;
  /** a word after which the number is not a part ("lan", "ky") */
  notAfter: ReadonlySet<string>;
}

/** Attempt markers, in matching-key form. */
export interface AttemptMarkers {
  /** phrases removed as they stand ("hoc lai", "retake") */
  markers: readonly string[];
  /** phrases removed together with the number after them ("lan" in "lan 2") */
  numbered: readonly string[];
}

export interface GradePolicy {
  /** 10-point scale: pass at or above */
  tenPointPass: number;
  /** 10-point grades in [tenPointPass, tenPointUncertainBelow) are uncertain unless a pass mark is set */
  tenPointUncertainBelow: number;
  fourPointPass: number;
  /** letter grades that pass, upper case, e.g. A+, A, B+ … D */
  passLetters: string[];
  failLetters: string[];
  /** texts (matching-key form) that mean passed, e.g. "p", "dat" */
  passWords: string[];
  failWords: string[];
  /** texts (matching-key form) that mean exempt with credit recognised, e.g. "r", "mien" */
  exemptWords: string[];
  provenance: Provenance;
}

/** One instrument of the legal timeline (ruleset.json `legalBasis`); programs cite it by `id`. */
export interface LegalInstrument {
  /** e.g. "256-QĐ/TW" */
  id: string;
  /** ISO date issued */
  date: string;
  title: string;
  effect: Localized;
  provenance: Provenance;
}

export interface RuleSet {
  id: string;
  name: Localized;
  version: string;
  /** folder the rule set was loaded from */
  dir: string;
  effective: DateRange;
  periodsPerUnit: { credit: number; dvht: number };
  grading: GradePolicy;
  programs: Program[];
  abbreviations: Abbreviation[];
  /** tokens dropped from a name before matching (course codes typed into the name cell), or null */
  dropToken: RegExp | null;
  /** how a numbered part of a module is recognised at the end of a matching key, or null (no parts) */
  parts: PartMarkers | null;
  /** attempt markers ("học lại", "lần 2") removed from names before matching (absent: none) */
  attempts?: AttemptMarkers;
  /** words a keyword match may leave without being a near match (matching-key form; absent: none) */
  filler?: ReadonlySet<string>;
  rules: MappingRule[];
  /** lookup tables built by the loader */
  lessonIndex: ReadonlyMap<string, { program: Program; subject: Subject; lesson: Lesson }>;
  /** names (as written) that must match no rule: shipped lookalikes, re-checked at load */
  mustNotMatch: string[];
  /** the legal timeline of ruleset.json; `Program.legalBasis` holds ids into it (added by the rules helper) */
  legalBasis?: LegalInstrument[];
  /** the vocabulary of a dossier's metadata.json (a loaded rule set always has it: its own, else the shipped one) */
  dossierFields?: DossierFields;
  /** the layout of the batch statistics table (a loaded rule set always has it: its own, else the shipped one) */
  statistics?: StatisticsLayout;
}

/** A metadata field holding one of a fixed set of values, in any accepted spelling. */
export interface ChoiceField {
  /** what the field is called in error messages */
  name: Localized;
  /** canonical ids, in file order */
  ids: string[];
  /** `baseKey` of every accepted spelling (the id included) → id */
  lookup: ReadonlyMap<string, string>;
}

/** The values of a dossier's metadata fields (rules/dossier-fields.json). */
export interface DossierFields {
  category: ChoiceField;
  /** `none`: keys of the spellings meaning "no second degree" */
  secondDegreePlace: ChoiceField & { none: ReadonlySet<string> };
  process: ChoiceField;
  confirmingBody: ChoiceField;
  /** keys of the spellings of yes and no */
  partyMember: ReadonlyMap<string, boolean>;
}

export type ChoiceFieldId = 'category' | 'secondDegreePlace' | 'process' | 'confirmingBody';

/** A row condition on one metadata field: any of the values (null: not stated), or any stated value. */
export type StatisticsCondition = readonly (string | boolean | null)[] | 'stated';

export interface StatisticsRowDef {
  id: string;
  /** 0 is a section total, deeper rows are its parts */
  depth: number;
  label: Localized;
  /** every condition must hold (none: every dossier) */
  when: Partial<Record<ChoiceFieldId | 'partyMember', StatisticsCondition>>;
}

export type StatisticsCount = 'dossiers' | 'confirmed' | 'review' | 'decided' | 'not-evaluated';

export type StatisticsColumnDef =
  | { counts: 'levels' }
  | { id: string; counts: StatisticsCount; label: Localized; short?: Localized };

/** The batch statistics table (rules/statistics.json): rows by metadata, columns by outcome. */
export interface StatisticsLayout {
  columns: StatisticsColumnDef[];
  rows: StatisticsRowDef[];
}
