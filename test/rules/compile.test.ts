import { describe, expect, it } from 'vitest';
import { jsonPath } from '../../src/json-syntax.js';
import { compileRuleSet, listedRuleFiles, resolveRulePath } from '../../src/rules/compile.js';
import { formatRuleIssue, RuleFileError, type RuleIssue } from '../../src/errors.js';
import { wordFinding } from '../../src/findings/words.js';
import { courseProgram, defaultFiles, mappingFile, perSubjectProgram, rootFile, toMap, v, type Files } from './builders.js';

function issuesOf(files: Files): RuleIssue[] {
  try {
    compileRuleSet(toMap(files), 'rules');
  } catch (e) {
    if (e instanceof RuleFileError) return e.issues;
    throw e;
  }
  throw new Error('expected the rule set to be rejected');
}

/** An issue as [JSON path, code, args]: tests assert codes and arguments, not wording. */
const found = (i: RuleIssue) => [i.place.path, i.code, i.args];

function withMapping(over: Record<string, unknown>): Files {
  return { ...defaultFiles(), 'mapping.json': mappingFile(over) };
}

const rule = (over: Record<string, unknown>) => ({
  id: 'rx',
  label: { vi: 'x', en: 'x' },
  names: ['Môn X'],
  targets: ['L1'],
  ...v,
  ...over,
});

describe('compileRuleSet: a valid rule set', () => {
  const rs = compileRuleSet(toMap(defaultFiles()), 'rules');

  it('sorts programs by rank and keeps curriculum order of lessons', () => {
    expect(rs.programs.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(rs.programs[0]!.lessons.map((l) => l.id)).toEqual(['L1', 'L2', 'S2']);
    expect(rs.dir).toBe('rules');
  });

  it('gives a subject without lessons one implicit lesson with its id and periods', () => {
    const s2 = rs.programs[0]!.subjects[1]!;
    expect(s2.lessons).toEqual([
      { id: 'S2', title: s2.name, periods: 20, subjectId: 'S2', implicit: true, provenance: { verified: true, source: 'test' } },
    ]);
    expect(rs.programs[0]!.subjects[0]!.lessons[0]!.implicit).toBe(false);
  });

  it('applies defaults: required = true, minRatio from the policy unless the subject overrides it', () => {
    const [t1, t2] = rs.programs[1]!.subjects;
    expect(t1).toMatchObject({ required: true, minRatio: 0.8 });
    expect(t2).toMatchObject({ required: false, minRatio: 0.5 });
    expect(rs.programs[1]!.policy).toEqual({ kind: 'per-subject', provenance: { verified: true, source: 'test' } });
    expect(rs.programs[0]!.policy).toMatchObject({ kind: 'course', minPeriods: 30, minLessons: 2 });
  });

  it('indexes every lesson with its program and subject', () => {
    expect([...rs.lessonIndex.keys()].sort()).toEqual(['L1', 'L2', 'S2', 'T1', 'T2']);
    expect(rs.lessonIndex.get('T2')!.program.id).toBe('p2');
    expect(rs.lessonIndex.get('L2')!.subject.id).toBe('S1');
  });

  it('stores names, keywords and abbreviations in matching-key form and codes as letters+digits', () => {
    const [r1, r2] = rs.rules;
    expect(r1!.order).toBe(0);
    expect(r2!.order).toBe(1);
    expect(r1!.match).toEqual({
      names: ['triet hoc'],
      codes: ['phi1004'],
      keywords: [{ all: ['triet hoc', 'mac lenin'], none: ['phuong dong'] }],
      // the words a keyword match may hold without being a near match: those of its names and keywords
      vocabulary: new Set(['triet', 'hoc', 'mac', 'lenin']),
    });
    expect(rs.abbreviations).toEqual([{ from: 'tt hcm', to: 'tu tuong ho chi minh' }]);
    expect(r2!.match.keywords).toEqual([{ all: ['tu tuong ho chi minh'], none: [] }]);
    expect(r2!.targets).toEqual([
      { lessonId: 'S2', share: 1 },
      { lessonId: 'T1', share: 0.25 },
      { lessonId: 'T2', share: 0.75 },
    ]);
    expect(rs.dropToken!.test('mln111')).toBe(true);
    expect(rs.mustNotMatch).toEqual(['Triết học phương Đông']);
  });

  it('reads grading words in matching-key form and letters in upper case', () => {
    expect(rs.grading).toMatchObject({ passLetters: ['A', 'B+'], passWords: ['p', 'dat'], failWords: ['khong dat'], exemptWords: ['mien'] });
  });

  it('keeps the legal timeline and conversions', () => {
    expect(rs.legalBasis![0]).toMatchObject({ id: 'L1', date: '2009-09-16' });
    expect(rs.periodsPerUnit).toEqual({ credit: 15, dvht: 15 });
    expect(rs.programs[0]!.legalBasis).toEqual(['L1']);
  });

  it('accepts a byte-order mark and "./" in listed paths', () => {
    const files = toMap(defaultFiles());
    files.set('ruleset.json', `\uFEFF${JSON.stringify(rootFile({ programs: ['./programs/p1.json', 'programs/p2.json'] }))}`);
    expect(compileRuleSet(files, '').programs).toHaveLength(2);
  });

  it('has no dropToken when the pattern is absent', () => {
    const rs2 = compileRuleSet(toMap(withMapping({ normalization: {}, rules: [rule({})], mustNotMatch: [] })), 'rules');
    expect(rs2.dropToken).toBeNull();
  });
});

describe('compileRuleSet: issues', () => {
  it('reports several issues of several files at once, each with file, JSON path and line:column', () => {
    const files = defaultFiles();
    const p1 = courseProgram();
    (p1.subjects as Record<string, unknown>[])[0]!.colour = 'red';
    files['programs/p1.json'] = p1;
    files['programs/p2.json'] = perSubjectProgram({ totalPeriods: -5 });
    files['ruleset.json'] = rootFile({ version: 3 });
    const issues = issuesOf(files);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'rules/ruleset.json', code: 'schema', place: { path: '$.version', line: 8, column: 3 } }),
        expect.objectContaining({ file: 'rules/programs/p1.json', code: 'unknown-key', args: { key: 'colour' } }),
        expect.objectContaining({ file: 'rules/programs/p2.json', code: 'schema', place: expect.objectContaining({ path: '$.totalPeriods' }) }),
      ]),
    );
    for (const i of issues) expect(i.place.line).toBeGreaterThan(0);
    const colour = issues.find((i) => i.place.path === '$.subjects[0].colour')!;
    const text = JSON.stringify(p1, null, 2).split('\n');
    expect(text[colour.place.line! - 1]!.slice(colour.place.column! - 1)).toMatch(/^"colour"/);
  });

  it('rejects unknown keys at the top level and deep inside, naming the path', () => {
    const files = defaultFiles();
    files['mapping.json'] = mappingFile({ extra: 1 });
    const m = mappingFile();
    const issues = issuesOf(files);
    expect(issues.map(found)).toEqual([['$.extra', 'unknown-key', { key: 'extra' }]]);
    (m.rules as Record<string, unknown>[])[1]!.targets = [{ lesson: 'S2', share: 1, weight: 2 }];
    files['mapping.json'] = m;
    expect(issuesOf(files)[0]!.place.path).toMatch(/^\$\.rules\[1\]\.targets\[0\]/);
  });

  it('reports a JSON syntax error with line:column', () => {
    const files = defaultFiles();
    files['programs/p2.json'] = '{\n  "id": "p2",\n  "rank": 2,,\n}';
    const [issue] = issuesOf(files);
    expect(issue).toMatchObject({ file: 'rules/programs/p2.json', place: { path: '$', line: 3, column: 13 }, code: 'json-syntax' });
    expect(issue!.args).toEqual({ reason: { kind: 'parser', code: 'PropertyNameExpected' } });
  });

  it('rejects comments (rule files are plain JSON)', () => {
    const files = defaultFiles();
    files['mapping.json'] = `// note\n${JSON.stringify(mappingFile())}`;
    expect(issuesOf(files)[0]).toMatchObject({ file: 'rules/mapping.json', code: 'json-syntax', place: { line: 1, column: 1 } });
  });

  it('reports a missing ruleset.json', () => {
    const files = defaultFiles();
    delete files['ruleset.json'];
    expect(issuesOf(files)[0]).toMatchObject({ file: 'rules/ruleset.json', code: 'root-missing', place: { path: '$' } });
  });

  it('reports a listed file that is missing, at its place in ruleset.json, and a missing mapping', () => {
    const files = defaultFiles();
    delete files['programs/p2.json'];
    delete files['mapping.json'];
    const issues = issuesOf(files);
    expect(issues.map(found)).toEqual([
      ['$.programs[1]', 'listed-missing', { listed: 'programs/p2.json', shown: 'rules/programs/p2.json' }],
      ['$.mapping', 'listed-missing', { listed: 'mapping.json', shown: 'rules/mapping.json' }],
    ]);
    expect(issues.every((i) => i.file === 'rules/ruleset.json')).toBe(true);
    expect(issues[0]!.place.line).toBeGreaterThan(1);
  });

  it('says why a listed file could not be read when the loader knows', () => {
    const files = toMap(defaultFiles());
    files.delete('programs/p2.json');
    try {
      compileRuleSet(files, 'rules', new Map([['programs/p2.json', { kind: 'not-utf8' }]]));
      expect.unreachable();
    } catch (e) {
      expect((e as RuleFileError).issues[0]).toMatchObject({ code: 'listed-unreadable', args: { reason: { kind: 'not-utf8' } } });
    }
  });

  it('reports a program file listed twice', () => {
    const files = { ...defaultFiles(), 'ruleset.json': rootFile({ programs: ['programs/p1.json', 'programs/p2.json', './programs/p1.json'] }) };
    expect(issuesOf(files).map(found)).toEqual([['$.programs[2]', 'listed-twice', { listed: './programs/p1.json' }]]);
  });

  it('reports duplicate program, subject and lesson ids across files', () => {
    const files = defaultFiles();
    files['programs/p2.json'] = perSubjectProgram({
      id: 'p1',
      subjects: [
        { id: 'S1', name: { vi: 'a', en: 'a' }, periods: 30, ...v },
        { id: 'T2', name: { vi: 'b', en: 'b' }, periods: 30, ...v, lessons: [{ id: 'L2', title: { vi: 'c', en: 'c' }, periods: 30, ...v }] },
      ],
    });
    files['mapping.json'] = mappingFile({ rules: [rule({ id: 'r1', targets: ['L1'] })], mustNotMatch: [] });
    const issues = issuesOf(files);
    expect(issues.every((i) => i.file === 'rules/programs/p2.json')).toBe(true);
    expect(issues.map(found)).toEqual([
      ['$.id', 'duplicate-id', { kind: 'program-id', id: 'p1', first: 'rules/programs/p1.json $.id' }],
      ['$.subjects[0].id', 'duplicate-id', { kind: 'subject-id', id: 'S1', first: 'rules/programs/p1.json $.subjects[0].id' }],
      ['$.subjects[1].lessons[0].id', 'duplicate-id', { kind: 'lesson-id', id: 'L2', first: 'rules/programs/p1.json $.subjects[0].lessons[1].id' }],
    ]);
  });

  it('reports a lesson id that collides with the implicit lesson of a subject', () => {
    const files = defaultFiles();
    files['programs/p2.json'] = perSubjectProgram({
      subjects: [
        { id: 'T1', name: { vi: 'a', en: 'a' }, periods: 30, ...v },
        { id: 'T2', name: { vi: 'b', en: 'b' }, periods: 30, ...v, lessons: [{ id: 'S2', title: { vi: 'c', en: 'c' }, periods: 30, ...v }] },
      ],
    });
    expect(issuesOf(files).map(found)).toContainEqual([
      '$.subjects[1].lessons[0].id',
      'duplicate-id',
      { kind: 'lesson-id', id: 'S2', first: 'rules/programs/p1.json $.subjects[1].id' },
    ]);
  });

  it('reports duplicate program ranks', () => {
    const files = { ...defaultFiles(), 'programs/p2.json': perSubjectProgram({ rank: 1 }) };
    expect(issuesOf(files).map(found)).toEqual([['$.rank', 'duplicate-id', { kind: 'program-rank', id: 1, first: 'rules/programs/p1.json $.rank' }]]);
  });

  it('reports duplicate mapping rule ids', () => {
    const issues = issuesOf(withMapping({ rules: [rule({}), rule({ names: ['Môn Y'] })], mustNotMatch: [] }));
    expect(issues.map(found)).toEqual([['$.rules[1].id', 'duplicate-rule-id', { id: 'rx', first: 0 }]]);
  });

  it('reports an unknown lesson id in a target, with a hint when it names a subject with lessons', () => {
    const issues = issuesOf(withMapping({ rules: [rule({ targets: ['L1', 'NOPE', 'S1'] })], mustNotMatch: [] }));
    expect(issues.map(found)).toEqual([
      ['$.rules[0].targets[1]', 'target-unknown', { lesson: 'NOPE' }],
      ['$.rules[0].targets[2]', 'target-unknown', { lesson: 'S1', lessons: ['L1', 'L2'] }],
    ]);
  });

  it('reports a lesson targeted twice by one rule', () => {
    const issues = issuesOf(withMapping({ rules: [rule({ targets: ['L1', 'L1'] })], mustNotMatch: [] }));
    expect(issues.map(found)).toEqual([['$.rules[0].targets[1]', 'target-twice', { lesson: 'L1' }]]);
  });

  it('requires shares on all targets of a program or none', () => {
    const issues = issuesOf(withMapping({ rules: [rule({ targets: [{ lesson: 'L1', share: 0.5 }, 'L2', 'T1'] })], mustNotMatch: [] }));
    expect(issues.map(found)).toEqual([['$.rules[0].targets[1]', 'shares-partial', { rule: 'rx', program: 'p1' }]]);
  });

  it('requires the shares within a program to sum to 1', () => {
    const ok = withMapping({
      rules: [rule({ targets: [{ lesson: 'L1', share: 0.1 }, { lesson: 'L2', share: 0.2 }, { lesson: 'S2', share: 0.7 }] })],
      mustNotMatch: [],
    });
    expect(() => compileRuleSet(toMap(ok), 'rules')).not.toThrow(); // 0.1 + 0.2 + 0.7 is not exactly 1 in floating point
    const issues = issuesOf(withMapping({ rules: [rule({ targets: [{ lesson: 'L1', share: 0.5 }, { lesson: 'L2', share: 0.4 }] })], mustNotMatch: [] }));
    expect(issues.map(found)).toEqual([['$.rules[0].targets[0]', 'shares-sum', { rule: 'rx', program: 'p1', sum: 0.9 }]]);
  });

  it('reports a rule that matches nothing and a keyword set with an empty "all"', () => {
    const issues = issuesOf(
      withMapping({
        rules: [
          rule({ id: 'empty', names: undefined }),
          rule({ id: 'k', names: undefined, keywords: [{ all: [], none: ['x'] }] }),
          rule({ id: 'blank', names: ['–'], keywords: [{ all: ['  '] }] }),
        ],
        mustNotMatch: [],
      }),
    );
    expect(issues.map(found)).toEqual([
      ['$.rules[0].id', 'rule-matches-nothing', { rule: 'empty' }],
      ['$.rules[1].keywords[0].all', 'keywords-all-empty', {}],
      ['$.rules[2].names[0]', 'name-empty', { name: '–' }],
      ['$.rules[2].keywords[0].all[0]', 'phrase-empty', { phrase: '  ' }],
      ['$.rules[2].keywords[0].all', 'keywords-all-empty', {}],
    ]);
  });

  it('reports a name or code claimed by two rules', () => {
    const issues = issuesOf(
      withMapping({
        rules: [rule({ id: 'a', names: ['Môn X'], codes: ['AB 123'] }), rule({ id: 'b', names: ['MÔN X'], codes: ['ab123'] })],
        mustNotMatch: [],
      }),
    );
    expect(issues.map(found)).toEqual([
      ['$.rules[1].names[0]', 'name-claimed', { name: 'MÔN X', key: 'mon x', owner: 'a' }],
      ['$.rules[1].codes[0]', 'code-claimed', { code: 'ab123', owner: 'a' }],
    ]);
  });

  it('reports subject periods that differ from the sum of their lessons, and program totals that differ from the subjects', () => {
    const p1 = courseProgram({ totalPeriods: 50 });
    (p1.subjects as Record<string, unknown>[])[0]!.periods = 25;
    const issues = issuesOf({ ...defaultFiles(), 'programs/p1.json': p1 });
    expect(issues.map(found)).toEqual([
      ['$.subjects[0].periods', 'subject-lessons-sum', { subject: 'S1', periods: 25, sum: 20 }],
      ['$.totalPeriods', 'program-subjects-sum', { program: 'p1', periods: 50, sum: 45 }],
    ]);
  });

  it('reports course-policy minimums above the program totals', () => {
    const p1 = courseProgram({ policy: { kind: 'course', minPeriods: 41, minLessons: 4, ...v } });
    const issues = issuesOf({ ...defaultFiles(), 'programs/p1.json': p1 });
    expect(issues.map(found)).toEqual([
      ['$.policy.minPeriods', 'min-periods-above', { minPeriods: 41, total: 40 }],
      ['$.policy.minLessons', 'min-lessons-above', { minLessons: 4, total: 3 }],
    ]);
  });

  it('reports a per-subject program with no required subject (an empty transcript would pass it)', () => {
    const p2 = perSubjectProgram();
    (p2.subjects as Record<string, unknown>[])[0]!.required = false;
    const issues = issuesOf({ ...defaultFiles(), 'programs/p2.json': p2 });
    expect(issues.map(found)).toEqual([['$.subjects', 'no-required-subject', { program: 'p2' }]]);
  });

  it('reports an invalid dropTokenPattern', () => {
    const issues = issuesOf(withMapping({ normalization: { dropTokenPattern: '[a-' } }));
    expect(issues[0]).toMatchObject({ place: { path: '$.normalization.dropTokenPattern' }, code: 'bad-regex' });
  });

  it('reports an example that does not match its own rule, and a lookalike that matches', () => {
    const m = mappingFile({ mustNotMatch: ['Triết học Mác-Lênin phương Tây', 'Triết học phương Đông'] });
    const rules = m.rules as Record<string, unknown>[];
    rules[0]!.examples = ['Triết học Mác-Lênin', 'Tư tưởng Hồ Chí Minh', 'Văn học'];
    const issues = issuesOf({ ...defaultFiles(), 'mapping.json': m });
    expect(issues.map(found)).toEqual([
      ['$.rules[0].examples[1]', 'example-other-rule', { example: 'Tư tưởng Hồ Chí Minh', rule: 'r1', got: 'r2', by: 'keywords' }],
      ['$.rules[0].examples[2]', 'example-no-match', { example: 'Văn học', rule: 'r1' }],
      ['$.mustNotMatch[0]', 'must-not-match', { name: 'Triết học Mác-Lênin phương Tây', got: 'r1', by: 'keywords' }],
    ]);
  });

  it('reports an example that is only a near match, and a lookalike that matches fully (rules v2)', () => {
    const m = mappingFile();
    const rules = m.rules as Record<string, unknown>[];
    rules[0]!.examples = ['Triết học Mác-Lênin', 'Triết học Mác-Lênin nâng cao'];
    // a near match is what a lookalike may be; a full match is not
    rules[0]!.lookalikes = ['Triết học Mác-Lênin - Chuyên đề', 'Triết học Mác-Lênin', 'Triết học phương Đông'];
    const issues = issuesOf({ ...defaultFiles(), 'mapping.json': m });
    expect(issues.map(found)).toEqual([
      ['$.rules[0].examples[1]', 'example-near', { example: 'Triết học Mác-Lênin nâng cao', rule: 'r1', leftover: ['nang', 'cao'] }],
      ['$.rules[0].lookalikes[1]', 'lookalike-full', { name: 'Triết học Mác-Lênin', got: 'r1', by: 'keywords' }],
    ]);
  });

  it('accepts optional words, filler and attempt markers as rule data', () => {
    const m = mappingFile({
      normalization: { filler: ['học phần'], attempts: { markers: ['thi lại'], numbered: ['lần'] } },
    });
    const rules = m.rules as Record<string, unknown>[];
    rules[0]!.optional = ['nâng cao'];
    rules[0]!.examples = ['Triết học Mác-Lênin nâng cao', 'Học phần Triết học Mác-Lênin', 'Triết học Mác-Lênin (thi lại)', 'Triết học Mác-Lênin lần 2'];
    const rs = compileRuleSet(toMap({ ...defaultFiles(), 'mapping.json': m }), 'rules');
    expect(rs.attempts).toEqual({ markers: ['thi lai'], numbered: ['lan'] });
    expect([...rs.filler!]).toEqual(['hoc', 'phan']);
    expect([...rs.rules[0]!.match.vocabulary!]).toEqual(expect.arrayContaining(['nang', 'cao', 'triet', 'mac', 'lenin']));
  });

  it('reports a period split that does not add up and parts naming unknown or repeated subjects', () => {
    const p2 = perSubjectProgram({
      parts: [
        { id: 'I', name: { vi: 'Phần I', en: 'Part I' }, subjects: ['T1', 'T9'], ...v },
        { id: 'II', name: { vi: 'Phần II', en: 'Part II' }, subjects: ['T1'], nameVerified: true, ...v },
      ],
    });
    (p2.subjects as Record<string, unknown>[])[0]!.split = { lecture: 10, discussion: 5, selfStudy: 5, exam: 5, ...v };
    const issues = issuesOf({ ...defaultFiles(), 'programs/p2.json': p2 });
    expect(issues.map(found)).toEqual([
      ['$.subjects[0].split', 'split-sum', { subject: 'T1', periods: 30, sum: 25 }],
      ['$.parts[0].subjects[1]', 'part-unknown-subject', { subject: 'T9', part: 'I' }],
      ['$.parts[1].subjects[0]', 'part-subject-twice', { subject: 'T1', part: 'I' }],
    ]);
  });

  it('reports an example decided only by a tie', () => {
    const issues = issuesOf(
      withMapping({
        rules: [
          rule({ id: 'a', names: undefined, keywords: [{ all: ['lịch sử'] }], examples: ['Lịch sử'] }),
          rule({ id: 'b', names: undefined, keywords: [{ all: ['lịch sử'] }] }),
        ],
        mustNotMatch: [],
      }),
    );
    expect(issues.map(found)).toEqual([['$.rules[0].examples[0]', 'example-tie', { example: 'Lịch sử', rule: 'a', tiedWith: ['b'] }]]);
  });

  it('reports an unknown legal basis id, an inverted effective period, and clashing grade words', () => {
    const files = defaultFiles();
    files['programs/p1.json'] = courseProgram({ legalBasis: ['L1', 'L9'], effective: { from: '2021-01-01', to: '2020-01-01' } });
    const root = rootFile();
    (root.grading as Record<string, unknown>).failWords = ['dat'];
    (root.grading as Record<string, unknown>).tenPointUncertainBelow = 3;
    files['ruleset.json'] = root;
    expect(issuesOf(files).map(found)).toEqual([
      ['$.grading.tenPointUncertainBelow', 'uncertain-below-pass', { uncertainBelow: 3, pass: 4 }],
      ['$.grading.failWords[0]', 'grade-clash', { value: 'dat', clash: 'fail-pass-word' }],
      ['$.effective.to', 'range-inverted', { from: '2021-01-01', to: '2020-01-01' }],
      ['$.legalBasis[1]', 'unknown-legal-basis', { id: 'L9', root: 'ruleset.json' }],
    ]);
  });

  it('validates dates as YYYY-MM-DD', () => {
    const files = { ...defaultFiles(), 'programs/p2.json': perSubjectProgram({ effective: { from: '16/09/2009' } }) };
    expect(issuesOf(files)).toEqual([expect.objectContaining({ code: 'schema', place: expect.objectContaining({ path: '$.effective.from' }) })]);
  });

  it('reports a policy of unknown kind', () => {
    const files = { ...defaultFiles(), 'programs/p2.json': perSubjectProgram({ policy: { kind: 'average', ...v } }) };
    expect(issuesOf(files)[0]!.place.path).toMatch(/^\$\.policy/);
  });
});

describe('path helpers', () => {
  it('formats JSON paths', () => {
    expect(jsonPath(['subjects', 2, 'lessons', 0, 'periods'])).toBe('$.subjects[2].lessons[0].periods');
    expect(jsonPath(['$schema', 'a b'])).toBe('$.$schema["a b"]');
  });

  it('lists the files a root names, tolerating a broken root', () => {
    expect(listedRuleFiles(JSON.stringify(rootFile({ mapping: './m.json' })))).toEqual(['programs/p1.json', 'programs/p2.json', 'm.json']);
    expect(listedRuleFiles('{ "programs": [1, "a.json"')).toEqual(['a.json']);
    expect(listedRuleFiles('nonsense')).toEqual([]);
    expect(resolveRulePath('programs\\x.json')).toBe('programs/x.json');
  });
});

describe('compileRuleSet: issues in Vietnamese and English', () => {
  const both = (i: RuleIssue | undefined) => [i!.place.path, wordFinding(i!, 'vi'), wordFinding(i!, 'en')];
  const vi = (i: RuleIssue) => wordFinding(i, 'vi');

  it('words a cross-reference problem in both languages', () => {
    const issues = issuesOf(withMapping({ rules: [rule({ targets: ['L1', 'NOPE', 'S1'] })], mustNotMatch: [] }));
    expect(issues.map(both)).toEqual([
      ['$.rules[0].targets[1]', 'không có bài mã "NOPE"', 'unknown lesson id "NOPE"'],
      [
        '$.rules[0].targets[2]',
        'không có bài mã "S1" ("S1" là mã môn có chia bài: hãy ghi mã bài L1, L2)',
        'unknown lesson id "S1" (it is a subject with lessons: target L1, L2)',
      ],
    ]);
    const shares = issuesOf(withMapping({ rules: [rule({ targets: [{ lesson: 'L1', share: 0.5 }, { lesson: 'L2', share: 0.4 }] })], mustNotMatch: [] }));
    expect(vi(shares[0]!)).toBe('quy tắc "rx": tỷ lệ chia (share) trong chương trình "p1" cộng lại bằng 0.9; tỷ lệ chia phải cộng lại bằng 1');
    const p1 = courseProgram({ policy: { kind: 'course', minPeriods: 41, minLessons: 4, ...v } });
    expect(issuesOf({ ...defaultFiles(), 'programs/p1.json': p1 }).map(vi)).toEqual([
      'minPeriods 41 lớn hơn tổng số tiết của chương trình (40 tiết)',
      'minLessons 4 lớn hơn số bài của chương trình (3 bài)',
    ]);
  });

  it('words examples and lookalikes in Vietnamese', () => {
    const m = mappingFile({ mustNotMatch: ['Triết học Mác-Lênin phương Tây'] });
    (m.rules as Record<string, unknown>[])[0]!.examples = ['Tư tưởng Hồ Chí Minh', 'Văn học'];
    expect(issuesOf({ ...defaultFiles(), 'mapping.json': m }).map(vi)).toEqual([
      'ví dụ "Tư tưởng Hồ Chí Minh" không khớp quy tắc của chính nó "r1" mà khớp quy tắc "r2" (theo từ khóa)',
      'ví dụ "Văn học" không khớp quy tắc nào; ví dụ này phải khớp quy tắc của chính nó "r1"',
      'tên dễ nhầm "Triết học Mác-Lênin phương Tây" lại khớp quy tắc "r1" (theo từ khóa); tên này không được khớp quy tắc nào',
    ]);
  });

  it('words JSON syntax errors with the names of what is missing, not parser codes', () => {
    const files = defaultFiles();
    files['programs/p2.json'] = '{\n  "id": "p2",\n  "rank": 2,,\n}';
    const [issue] = issuesOf(files);
    expect(issue!.place).toMatchObject({ line: 3, column: 13 });
    expect(both(issue)).toEqual([
      '$',
      'lỗi cú pháp JSON: thiếu tên thuộc tính trong ngoặc kép',
      'JSON syntax error: a property name in double quotes is expected',
    ]);
    files['programs/p2.json'] = '{ "id": "p2" "rank": 2 }';
    expect(both(issuesOf(files)[0])).toEqual(['$', "lỗi cú pháp JSON: thiếu dấu ','", "JSON syntax error: ',' is expected"]);
    files['programs/p2.json'] = '{ "id": "p2"';
    expect(vi(issuesOf(files)[0]!)).toBe("lỗi cú pháp JSON: thiếu dấu '}'");
    for (const i of issuesOf(files)) expect(vi(i)).not.toMatch(/Expected|Invalid/);
  });

  it('words schema problems (unknown key, wrong type, missing key, too small, bad kind) in Vietnamese', () => {
    const files = defaultFiles();
    const p1 = courseProgram({ totalPeriods: 0, rank: 'một' });
    (p1.subjects as Record<string, unknown>[])[0]!.colour = 'red';
    delete (p1 as Record<string, unknown>).source;
    files['programs/p1.json'] = p1;
    files['programs/p2.json'] = perSubjectProgram({ policy: { kind: 'average', ...v } });
    const byPath = new Map(issuesOf(files).map((i) => [`${i.file} ${i.place.path}`, i]));
    const at = (key: string) => {
      const i = byPath.get(key);
      expect(i, key).toBeDefined();
      return [wordFinding(i!, 'vi'), wordFinding(i!, 'en')];
    };
    expect(at('rules/programs/p1.json $.subjects[0].colour')).toEqual([
      'không có trường "colour" ở vị trí này (gõ sai tên trường?)',
      'unknown key "colour"',
    ]);
    expect(at('rules/programs/p1.json $.rank')).toEqual([
      'sai kiểu dữ liệu: cần số, nhưng đang là văn bản (trong dấu ngoặc kép)',
      'Invalid input: expected number, received string',
    ]);
    expect(at('rules/programs/p1.json $.source')[0]).toBe('thiếu trường bắt buộc (cần văn bản (trong dấu ngoặc kép))');
    expect(at('rules/programs/p1.json $.totalPeriods')[0]).toBe('phải là số lớn hơn 0');
    expect(at('rules/programs/p2.json $.policy.kind')[0]).toBe('"kind" phải là một trong: "course", "per-subject"');
  });

  it('formatRuleIssue picks the language: Vietnamese by default, English with "en"', () => {
    const [issue] = issuesOf(withMapping({ rules: [rule({ targets: ['NOPE'] })], mustNotMatch: [] }));
    const place = `rules/mapping.json:${issue!.place.line}:${issue!.place.column}: $.rules[0].targets[0]: `;
    expect(formatRuleIssue(issue!)).toBe(`${place}không có bài mã "NOPE"`);
    expect(formatRuleIssue(issue!, 'vi')).toBe(`${place}không có bài mã "NOPE"`);
    expect(formatRuleIssue(issue!, 'en')).toBe(`${place}unknown lesson id "NOPE"`);
  });
});
