// Rendering `rules show`: the rule-set view as text for people, or as CSV (one row per lesson) and JSON for tools.

import type { DateRange, Provenance } from '../rules/types.js';
import type { RuleSetView } from '../rules/show.js';
import type { CsvCell } from './csv.js';
import { date, num, table } from './format.js';
import type { Lang } from '../lang.js';

const SHOW_JSON_VERSION = 1;

function range(lang: Lang, r: DateRange): string {
  const d = (s: string) => date(lang, s);
  if (lang === 'vi') return r.from && r.to ? `từ ${d(r.from)} đến hết ${d(r.to)}` : r.from ? `từ ${d(r.from)}` : r.to ? `đến hết ${d(r.to)}` : 'không giới hạn';
  return r.from && r.to ? `${r.from} to ${r.to}` : r.from ? `from ${r.from}` : r.to ? `up to ${r.to}` : 'unbounded';
}

const mark = (lang: Lang, p: Provenance) => (p.verified ? (lang === 'vi' ? '[đã đối chiếu]' : '[verified]') : lang === 'vi' ? '[tái dựng]' : '[reconstructed]');
/** A lesson whose title is published but whose periods are not. */
const lessonMark = (lang: Lang, l: { provenance: Provenance; titleVerified: boolean }) =>
  !l.provenance.verified && l.titleVerified ? (lang === 'vi' ? '[tên đã đối chiếu, số tiết tái dựng]' : '[title verified, periods reconstructed]') : mark(lang, l.provenance);
const prov = (lang: Lang, p: Provenance) => `${mark(lang, p)} ${lang === 'vi' ? 'nguồn' : 'source'}: ${p.source}`;

export function renderShow(view: RuleSetView, lang: Lang): string {
  const vi = lang === 'vi';
  const out: string[] = [];
  out.push(`${vi ? 'Bộ quy tắc' : 'Rule set'}: ${view.name[lang]} (${view.id}, ${vi ? 'phiên bản' : 'version'} ${view.version})`);
  out.push(`${vi ? 'Hiệu lực' : 'Effective'}: ${range(lang, view.effective)}`);
  out.push(
    vi
      ? `Quy đổi: 1 tín chỉ = ${num(lang, view.periodsPerUnit.credit)} tiết; 1 ĐVHT = ${num(lang, view.periodsPerUnit.dvht)} tiết`
      : `Conversion: 1 credit = ${num(lang, view.periodsPerUnit.credit)} periods; 1 ĐVHT = ${num(lang, view.periodsPerUnit.dvht)} periods`,
  );
  const cited = new Set(view.programs.flatMap((p) => p.legalBasis.map((l) => l.id)));
  const legal = view.legalBasis.filter((l) => view.programs.length > 1 || cited.has(l.id));
  if (legal.length) {
    out.push('', `${vi ? 'Căn cứ pháp lý' : 'Legal basis'}:`);
    for (const l of legal) {
      out.push(`  ${l.id} (${date(lang, l.date)}) — ${l.title}`);
      out.push(`    ${l.effect[lang]}`);
      out.push(`    ${prov(lang, l.provenance)}`);
    }
  }
  for (const p of view.programs) {
    out.push('', `${p.name[lang].toUpperCase()} (${p.id}, ${vi ? 'bậc' : 'rank'} ${p.rank})`);
    out.push(vi ? `  Tổng: ${num(lang, p.totalPeriods)} tiết, ${p.lessonCount} bài` : `  Total: ${num(lang, p.totalPeriods)} periods, ${p.lessonCount} lessons`);
    const pol = p.policy;
    const policyText =
      pol.kind === 'course'
        ? vi
          ? `theo cả chương trình (course) — đạt khi tính được ít nhất ${num(lang, pol.minPeriods)} tiết và ${pol.minLessons}/${p.lessonCount} bài`
          : `whole program (course) — passes with at least ${num(lang, pol.minPeriods)} periods and ${pol.minLessons}/${p.lessonCount} lessons`
        : vi
          ? 'theo từng môn (per-subject) — mỗi môn bắt buộc phải đạt tỉ lệ số tiết tối thiểu của môn'
          : "per subject (per-subject) — every required subject must reach its minimum share of periods";
    out.push(`  ${vi ? 'Cách tính' : 'Policy'}: ${policyText}`);
    out.push(`    ${prov(lang, pol.provenance)}`);
    out.push(`  ${vi ? 'Hiệu lực' : 'Effective'}: ${range(lang, p.effective)}; ${vi ? 'áp dụng khi kiểm tra (giao với bộ quy tắc)' : 'applied by check (with the rule set)'}: ${range(lang, p.effectiveApplied)}`);
    if (p.legalBasis.length) out.push(`  ${vi ? 'Căn cứ pháp lý' : 'Legal basis'}: ${p.legalBasis.map((l) => l.id).join(', ')}`);
    out.push(`  ${vi ? 'Chương trình' : 'Program'}: ${prov(lang, p.provenance)}`);
    out.push(
      vi
        ? `  Dữ liệu: ${p.verifiedCount.verified} mục đã đối chiếu, ${p.verifiedCount.reconstructed} mục tái dựng (chưa đối chiếu văn bản chính thức)`
        : `  Data: ${p.verifiedCount.verified} items verified, ${p.verifiedCount.reconstructed} reconstructed (not checked against the official text)`,
    );
    if (p.parts.length) {
      out.push('', `  ${vi ? 'Các phần' : 'Parts'}:`);
      for (const part of p.parts) {
        const named = part.nameVerified ? '' : vi ? ' [tên tái dựng]' : ' [name reconstructed]';
        out.push(`    ${part.id}  ${part.name[lang]}${named} — ${part.subjectIds.join(', ') || '—'}`);
      }
    }
    out.push('', `  ${vi ? 'Môn / phần' : 'Subjects'}:`);
    for (const s of p.subjects) {
      const need =
        s.minRatio !== null
          ? vi
            ? `, ${s.required ? 'bắt buộc' : 'không bắt buộc'}, tối thiểu ${num(lang, s.minRatio * 100)}%`
            : `, ${s.required ? 'required' : 'optional'}, minimum ${num(lang, s.minRatio * 100)}%`
          : '';
      out.push(`    ${s.id}  ${s.name[lang]} — ${num(lang, s.periods)} ${vi ? 'tiết' : 'periods'}${need}`);
      out.push(`      ${prov(lang, s.provenance)}`);
      if (s.split) {
        const sp = s.split;
        out.push(
          vi
            ? `      phân bổ: lên lớp ${num(lang, sp.lecture)}, thảo luận ${num(lang, sp.discussion)}, tự nghiên cứu ${num(lang, sp.selfStudy)}, kiểm tra ${num(lang, sp.exam)} ${mark(lang, sp.provenance)}`
            : `      split: lecture ${num(lang, sp.lecture)}, discussion ${num(lang, sp.discussion)}, self-study ${num(lang, sp.selfStudy)}, exam ${num(lang, sp.exam)} ${mark(lang, sp.provenance)}`,
        );
      }
      const lessons = s.lessons.filter((l) => !l.implicit);
      const implicit = s.lessons.find((l) => l.implicit);
      if (implicit) {
        out.push(`      ${vi ? 'không chia bài; quy tắc khớp' : 'no lesson list; fed by'}: ${implicit.rules.join(', ') || '—'}`);
        continue;
      }
      const rows = lessons.map((l) => [
        `      ${l.id}`,
        `${num(lang, l.periods)} ${vi ? 'tiết' : 'per.'}`,
        lessonMark(lang, l),
        l.title[lang],
        l.rules.length ? `← ${l.rules.join(', ')}` : vi ? '← (chưa quy tắc nào)' : '← (no rule)',
      ]);
      out.push(...table([{ header: '' }, { header: '', align: 'right' }, { header: '' }, { header: '' }, { header: '' }], rows).slice(1));
      const other = [...new Set(lessons.filter((l) => l.provenance.source !== s.provenance.source).map((l) => l.provenance.source))];
      for (const src of other) out.push(`      ${vi ? 'nguồn các bài' : 'lesson source'}: ${src}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export const SHOW_CSV_COLUMNS = [
  'program_id',
  'program_rank',
  'policy',
  'min_periods',
  'min_lessons',
  'effective_from',
  'effective_to',
  'subject_id',
  'subject',
  'subject_periods',
  'required',
  'min_ratio',
  'lesson_id',
  'lesson',
  'lesson_periods',
  'verified',
  'title_verified',
  'source',
  'rules',
] as const;

/** One row per lesson (a subject without lessons is its own lesson); titles in `lang`, ids in English. */
export function showCsvRows(view: RuleSetView, lang: Lang): CsvCell[][] {
  return view.programs.flatMap((p) =>
    p.subjects.flatMap((s) =>
      s.lessons.map((l): CsvCell[] => [
        p.id,
        p.rank,
        p.policy.kind,
        p.policy.kind === 'course' ? p.policy.minPeriods : null,
        p.policy.kind === 'course' ? p.policy.minLessons : null,
        p.effectiveApplied.from ?? null,
        p.effectiveApplied.to ?? null,
        s.id,
        s.name[lang],
        s.periods,
        s.required,
        s.minRatio,
        l.id,
        l.title[lang],
        l.periods,
        l.provenance.verified,
        l.titleVerified,
        l.provenance.source,
        l.rules.join(' '),
      ]),
    ),
  );
}

export function showJson(view: RuleSetView): unknown {
  return { schemaVersion: SHOW_JSON_VERSION, ...view };
}
