// Zod schemas of every rule-file kind: the single source of truth for the rule format and its JSON Schemas.

import { z } from 'zod';

const isoDate = z.iso.date().describe('ISO date YYYY-MM-DD (inclusive)');

const schemaRef = z
  .string()
  .describe('Relative path of the JSON Schema this file follows, so editors validate it (e.g. "./schema/ruleset.schema.json")');

const localizedSchema = z
  .strictObject({
    vi: z.string().min(1).describe('Vietnamese text (shown by default)'),
    en: z.string().min(1).describe('English text (shown with --lang en)'),
  })
  .describe('A text in Vietnamese and English');

const verified = z
  .boolean()
  .describe('true when checked against the official text or a cited source; false for reconstructions (reports then say so)');
const source = z
  .string()
  .min(1)
  .describe('Citation: a document, URL or note such as "reconstruction (domain spec §3.1)"');

const dateRangeSchema = z
  .strictObject({
    from: isoDate.optional().describe('First day in force (inclusive); absent = open'),
    to: isoDate.optional().describe('Last day in force (inclusive); absent = open'),
  })
  .describe('Effective period');

const positive = z.number().positive();
const ratio = z.number().gt(0).lte(1);

// ---------------------------------------------------------------------------------------------- ruleset.json

const legalInstrumentSchema = z
  .strictObject({
    id: z.string().min(1).describe('Short, stable name of the instrument, e.g. "256-QĐ/TW"; programs cite it by this id'),
    date: isoDate.describe('Date the instrument was issued'),
    title: z.string().min(1).describe('Full title as issued, e.g. "Quy định 256-QĐ/TW của Ban Bí thư …"'),
    effect: localizedSchema.describe('What it means for equivalence checks'),
    source: z.string().min(1).describe('Where the text or a report of it can be found (URL or document)'),
    verified,
  })
  .describe('One legal instrument of the timeline');

export const ruleSetFileSchema = z
  .strictObject({
    $schema: schemaRef.optional(),
    id: z.string().min(1).describe('Stable identifier of the rule set, e.g. "vn-llct-256"'),
    name: localizedSchema.describe('Name of the rule set shown in reports'),
    version: z.string().min(1).describe('Version of the rule data, e.g. "2024.1"; reports quote it'),
    description: localizedSchema.optional().describe('What this rule set encodes'),
    effective: dateRangeSchema.describe('Period in which the rule set as a whole was in force'),
    legalBasis: z.array(legalInstrumentSchema).describe('Legal timeline: the instruments programs cite by id'),
    periodsPerUnit: z
      .strictObject({
        credit: positive.describe('Periods (tiết) counted per credit (tín chỉ)'),
        dvht: positive.describe('Periods counted per đơn vị học trình (ĐVHT)'),
        verified,
        source,
      })
      .describe('Conversion of credits to periods when a transcript gives no periods'),
    grading: z
      .strictObject({
        tenPointPass: z.number().min(0).max(10).describe('10-point scale: a grade at or above this passes'),
        tenPointUncertainBelow: z
          .number()
          .min(0)
          .max(10)
          .describe('10-point grades in [tenPointPass, this) are uncertain unless the officer sets a pass mark'),
        fourPointPass: z.number().min(0).max(4).describe('4-point scale: a grade at or above this passes'),
        passLetters: z.array(z.string().min(1)).describe('Letter grades that pass, e.g. A+ A B+ B C+ C D+ D'),
        failLetters: z.array(z.string().min(1)).describe('Letter grades that fail, e.g. F'),
        passWords: z.array(z.string().min(1)).describe('Grade texts meaning passed, e.g. "P", "Đạt" (compared in matching-key form)'),
        failWords: z.array(z.string().min(1)).describe('Grade texts meaning failed, e.g. "Không đạt"'),
        exemptWords: z
          .array(z.string().min(1))
          .describe('Grade texts meaning exempt with credit recognised, e.g. "R", "Miễn" (counted, and reported)'),
        verified,
        source,
      })
      .describe('How grades are read'),
    programs: z
      .array(z.string().min(1))
      .min(1)
      .describe('Program files, relative to this file, e.g. "programs/so-cap.json"'),
    mapping: z.string().min(1).describe('Mapping file, relative to this file, e.g. "mapping.json"'),
    dossierFields: z
      .string()
      .min(1)
      .optional()
      .describe('Dossier metadata vocabulary file, relative to this file, e.g. "dossier-fields.json"; absent = the shipped one'),
    statistics: z
      .string()
      .min(1)
      .optional()
      .describe('Statistics table layout file, relative to this file, e.g. "statistics.json"; absent = the shipped one'),
  })
  .describe('Root of an llct rule set: metadata, legal basis, conversions, grading, and the files it consists of');

// ------------------------------------------------------------------------------------------ programs/<id>.json

const lessonSchema = z
  .strictObject({
    id: z.string().min(1).describe('Lesson id, unique in the whole rule set (e.g. "SC01"); mapping targets use it'),
    title: localizedSchema,
    periods: positive.describe('Periods (tiết) of the lesson in the program'),
    titleVerified: z
      .boolean()
      .optional()
      .describe('true when the title is published (cited in `source`) even though the periods or grouping are not (`verified`)'),
    verified,
    source,
  })
  .describe('One lesson (bài) of a subject');

const periodSplitSchema = z
  .strictObject({
    lecture: z.number().min(0).describe('Lên lớp: lecture periods'),
    discussion: z.number().min(0).describe('Thảo luận: discussion periods'),
    selfStudy: z.number().min(0).describe('Tự nghiên cứu: self-study periods (part of the total)'),
    exam: z.number().min(0).describe('Kiểm tra: exam periods'),
    verified,
    source,
  })
  .describe(
    "The published split of a subject's periods; must add up to the subject's periods. Coverage is compared with the total (the split is recorded, not used)",
  );

const programPartSchema = z
  .strictObject({
    id: z.string().min(1).describe('Part (phần / khối) id, e.g. "I" or "1"'),
    name: localizedSchema.describe('Published name of the part'),
    subjects: z.array(z.string().min(1)).describe('Ids of the subjects of this part, in curriculum order (may be empty)'),
    nameVerified: z.boolean().optional().describe('true when the name is published even though the grouping is not (`verified`)'),
    verified,
    source,
  })
  .describe('A named part of a program grouping some of its subjects (for reports and reviewers; not used in counting)');

const subjectSchema = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .describe('Subject id, unique in the whole rule set; a subject without lessons is itself the target lesson'),
    name: localizedSchema,
    periods: positive.describe('Periods of the subject; must equal the sum of its lessons when lessons are listed'),
    required: z.boolean().default(true).describe('per-subject policy: whether the program needs this subject (default true)'),
    minRatio: ratio
      .optional()
      .describe("per-subject policy: share of the subject's periods needed; overrides the policy's minRatio"),
    verified,
    source,
    split: periodSplitSchema.optional(),
    lessons: z
      .array(lessonSchema)
      .min(1)
      .optional()
      .describe('Lessons in curriculum order; absent = one implicit lesson with the subject id and periods'),
  })
  .describe('One subject (môn / phần) of a program');

const policySchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('course').describe('Whole-program counting: periods and lessons against absolute minimums'),
        minPeriods: positive.describe('Pass needs at least this many counted periods (e.g. 144)'),
        minLessons: z.number().int().positive().describe('Pass needs at least this many covered lessons (e.g. 13)'),
        verified,
        source,
      })
      .describe('course: counted periods = sum over counted rows; a lesson is covered when any counted row maps to it'),
    z
      .strictObject({
        kind: z.literal('per-subject').describe('Subject-by-subject counting; surplus never makes up a shortage'),
        minRatio: ratio.describe('Default share of each subject\'s periods needed (e.g. 0.8)'),
        verified,
        source,
      })
      .describe('per-subject: every required subject must reach its share of periods'),
  ])
  .describe('How coverage of this program is counted (domain spec §6.5)');

export const programFileSchema = z
  .strictObject({
    $schema: schemaRef.optional(),
    id: z.string().min(1).describe('Program id, e.g. "so-cap"'),
    rank: z.number().int().positive().describe('Level order: 1 sơ cấp, 2 trung cấp, 3 cao cấp; the highest pass leads the report'),
    name: localizedSchema,
    shortName: localizedSchema
      .optional()
      .describe('Short name for narrow column titles (the statistics table on screen), e.g. "Sơ cấp"; absent = the full name'),
    totalPeriods: positive.describe('Periods of the whole program; must equal the sum of the subject periods'),
    effective: dateRangeSchema,
    legalBasis: z.array(z.string().min(1)).describe('Ids of instruments in ruleset.json legalBasis'),
    verified,
    source,
    policy: policySchema,
    parts: z
      .array(programPartSchema)
      .optional()
      .describe('Named parts (phần, khối) grouping the subjects; every subject at most once'),
    subjects: z.array(subjectSchema).min(1).describe('Subjects in curriculum order'),
  })
  .describe('One target program (sơ cấp / trung cấp / cao cấp or another scheme)');

// ---------------------------------------------------------------------------------------------- mapping.json

const keywordSetSchema = z
  .strictObject({
    all: z
      .array(z.string())
      .describe('Phrases that must all occur as consecutive whole words of the matching key'),
    none: z.array(z.string()).optional().describe('Phrases none of which may occur'),
  })
  .describe('A keyword set; specificity = number of words in `all`');

const targetSchema = z
  .union([
    z.string().min(1).describe('Lesson id; the row\'s periods are split in proportion to lesson periods'),
    z
      .strictObject({
        lesson: z.string().min(1).describe('Lesson id'),
        share: ratio.describe("Explicit share of the row's periods within that lesson's program"),
      })
      .describe('Lesson with an explicit share; within one program all targets of a rule have shares summing to 1, or none'),
  ])
  .describe('A lesson this rule feeds');

const mappingRuleSchema = z
  .strictObject({
    id: z.string().min(1).describe('Rule id, unique in the mapping'),
    label: localizedSchema.describe('What the rule recognises, shown in reports'),
    names: z.array(z.string().min(1)).optional().describe('Exact course names (compared as matching keys); beat keywords'),
    codes: z.array(z.string().min(1)).optional().describe('Course codes (letters and digits only are compared); beat keywords'),
    keywords: z.array(keywordSetSchema).optional().describe('Keyword sets; the most specific matching set across rules wins'),
    targets: z.array(targetSchema).min(1).describe('Lessons fed by a matched row, in any program'),
    typicalPeriods: positive
      .optional()
      .describe(
        'Periods assumed, in the optimistic reading only, for a row whose periods are unknown: the largest size the module had in any era (domain spec §6.6); absent = the periods of the lessons it feeds',
      ),
    covers: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Content tags (e.g. "philosophy"): modules of rules sharing a tag overlap and count once, the larger, in the pessimistic reading; absent = overlaps every module feeding the same lesson',
      ),
    optional: z
      .array(z.string().min(1))
      .optional()
      .describe('Words a matching name may hold besides the keywords and names without making it a near match (e.g. "của", "basic")'),
    verified,
    source,
    examples: z
      .array(z.string().min(1))
      .optional()
      .describe('Course names that MUST match this rule (fully, never as a near match); checked at every load'),
    lookalikes: z
      .array(z.string().min(1))
      .optional()
      .describe('Names that resemble this module but are not it: they must match no rule fully (no match, or a near match); checked at every load'),
    note: z.string().optional().describe('Free note for reviewers'),
  })
  .describe('One mapping rule: how a transcript module is recognised and which lessons it covers');

export const mappingFileSchema = z
  .strictObject({
    $schema: schemaRef.optional(),
    normalization: z
      .strictObject({
        dropTokenPattern: z
          .string()
          .optional()
          .describe('Regex (JavaScript syntax); each word of a name matching it is dropped before matching, e.g. course codes'),
        parts: z
          .strictObject({
            numbers: z
              .record(z.string().min(1), z.number().int().positive())
              .describe('Words that end a name as a part number, and the number: {"1": 1, "ii": 2, …}'),
            before: z.array(z.string().min(1)).describe('Words that may stand before the part number and belong to it, e.g. "phần", "part"'),
            notAfter: z
              .array(z.string().min(1))
              .describe('Words after which a number counts attempts, terms or groups, never a part, e.g. "lần", "học kỳ"'),
          })
          .optional()
          .describe('Numbered parts of one module ("Triết học 1", "Triết học 2") add up; other modules feeding the same lessons do not'),
        attempts: z
          .strictObject({
            markers: z.array(z.string().min(1)).describe('Phrases marking another attempt, e.g. "học lại", "thi lại", "cải thiện", "retake"'),
            numbered: z
              .array(z.string().min(1))
              .describe('Phrases followed by an attempt number, e.g. "lần" ("lần 2"); the number goes with them'),
            note: z.string().optional(),
          })
          .optional()
          .describe('Attempt markers (domain spec §6.3): removed from names before matching; never part numbers'),
        filler: z
          .array(z.string().min(1))
          .optional()
          .describe('Words a keyword match may leave in a name without being a near match, e.g. "học phần", "môn" (domain spec §6.2)'),
      })
      .describe('Extra normalisation of course names before matching'),
    abbreviations: z
      .array(
        z
          .strictObject({
            from: z.string().min(1).describe('Abbreviation as written, e.g. "NLCB", "TT HCM"; compared as whole words'),
            to: z.string().describe('Its expansion, e.g. "những nguyên lý cơ bản"'),
            note: z.string().optional(),
          })
          .describe('Whole-word abbreviation; the longest applies first, in one left-to-right pass'),
      )
      .describe('Abbreviations expanded in course names and in rule names/keywords alike'),
    rules: z.array(mappingRuleSchema).describe('Mapping rules; earlier rules win a remaining tie'),
    mustNotMatch: z
      .array(z.string().min(1))
      .describe('Lookalike course names that must match no rule; checked at every load'),
  })
  .describe('Mapping of transcript modules to program lessons');

// ------------------------------------------------------------------------------------------ dossier-fields.json

const spellings = z
  .array(z.string().min(1))
  .describe('Accepted spellings besides the id, compared as keys (case, diacritics and punctuation ignored); a leading "do" is optional');

const choiceFieldSchema = z
  .strictObject({
    name: localizedSchema.describe('What the field is called in error messages, e.g. "category" / "đối tượng"'),
    values: z
      .array(
        z
          .strictObject({
            id: z.string().min(1).describe('Canonical value stored and reported, e.g. "lanh-dao-quan-ly"'),
            spellings,
          })
          .describe('One accepted value'),
      )
      .min(1)
      .describe('The values of the field, in the order error messages list them'),
  })
  .describe('A metadata field that takes one of a fixed set of values');

export const dossierFieldsFileSchema = z
  .strictObject({
    $schema: schemaRef.optional(),
    description: localizedSchema.optional(),
    category: choiceFieldSchema.describe('category: who the person is at the time of confirmation'),
    secondDegreePlace: choiceFieldSchema
      .extend({
        none: z.array(z.string().min(1)).describe('Spellings meaning "no second degree" (stored as null), e.g. "không"'),
      })
      .describe('secondDegreePlace: where a second degree or postgraduate study was done'),
    process: choiceFieldSchema.describe('process: how the confirmation was requested'),
    confirmingBody: choiceFieldSchema.describe('confirmingBody: who confirmed the level'),
    partyMember: z
      .strictObject({
        yes: z.array(z.string().min(1)).describe('Spellings meaning a Party member, e.g. "có", "đảng viên"'),
        no: z.array(z.string().min(1)).describe('Spellings meaning not a Party member, e.g. "không", "chưa"'),
      })
      .describe('partyMember: besides true and false'),
  })
  .describe('The vocabulary of a dossier’s metadata.json: values and accepted spellings of each field');

// ---------------------------------------------------------------------------------------------- statistics.json

const conditionSchema = z
  .union([
    z
      .array(z.string().min(1).nullable())
      .min(1)
      .describe('Any of these values; null = the field is not stated (absent or null)'),
    z.literal('stated').describe('Any stated value'),
  ])
  .describe('What a metadata field must hold for a dossier to count in the row');

const statisticsRowSchema = z
  .strictObject({
    id: z.string().min(1).describe('Stable row id, the `row` column of statistics.csv, e.g. "category.leader"'),
    depth: z.number().int().min(0).max(2).describe('0 = a section total, 1 and 2 = its parts (indented)'),
    label: localizedSchema.describe('The row label as the official table words it'),
    when: z
      .strictObject({
        category: conditionSchema.optional(),
        secondDegreePlace: conditionSchema.optional(),
        process: conditionSchema.optional(),
        confirmingBody: conditionSchema.optional(),
        partyMember: z
          .array(z.boolean().nullable())
          .min(1)
          .optional()
          .describe('true, false, or null = not stated'),
      })
      .optional()
      .describe('Which dossiers the row counts (every condition must hold); absent = every dossier'),
  })
  .describe('One row of the table');

const statisticsColumnSchema = z
  .union([
    z
      .strictObject({
        counts: z.literal('levels').describe('One column per program of the rule set (highest level passed only)'),
      })
      .describe('The level columns: id, title and short title come from each program (id, name, shortName)'),
    z
      .strictObject({
        id: z.string().min(1).describe('Stable column id (statistics.csv header), e.g. "confirmed"'),
        counts: z
          .enum(['dossiers', 'confirmed', 'review', 'decided', 'not-evaluated'])
          .describe(
            'What the column counts: every dossier, those confirmed at some level, those with a higher level under review, final verdicts an officer decided, those not evaluated',
          ),
        label: localizedSchema.describe('The official column title (statistics.csv, summary.json)'),
        short: localizedSchema.optional().describe('Short title for the screen table; absent = the official title'),
      })
      .describe('A counting column'),
  ])
  .describe('One column of the table');

export const statisticsFileSchema = z
  .strictObject({
    $schema: schemaRef.optional(),
    source: z.string().min(1).optional().describe('Where the table layout comes from'),
    columns: z.array(statisticsColumnSchema).min(1).describe('Columns, left to right; exactly one "levels" entry'),
    rows: z.array(statisticsRowSchema).min(1).describe('Rows, top to bottom; the first is a section (depth 0)'),
  })
  .describe('The layout of the batch statistics table (statistics.csv, .txt, .xlsx)');

export type RuleSetFile = z.infer<typeof ruleSetFileSchema>;
export type ProgramFile = z.infer<typeof programFileSchema>;
export type MappingFile = z.infer<typeof mappingFileSchema>;
export type DossierFieldsFile = z.infer<typeof dossierFieldsFileSchema>;
export type StatisticsFile = z.infer<typeof statisticsFileSchema>;
