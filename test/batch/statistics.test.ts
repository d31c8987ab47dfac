import { describe, expect, it } from 'vitest';
import type { Metadata } from '../../src/batch/metadata.js';
import { buildStatistics, statisticsCsv } from '../../src/batch/statistics.js';
import type { StatsEntry } from '../../src/batch/types.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { program, subject } from '../coverage/builders.js';

/** The shipped layout (rules/statistics.json). */
const layout = (await loadRuleSet()).statistics!;
const STATISTICS_ROWS = layout.rows;

const levels = [
  program('so-cap', 1, [subject('S', 180, null)], { kind: 'course', minPeriods: 144, minLessons: 13, provenance: { verified: true, source: 't' } }),
  program('trung-cap', 2, [subject('T', 100, null)], { kind: 'per-subject', provenance: { verified: true, source: 't' } }),
  program('cao-cap', 3, [subject('C', 100, null)], { kind: 'per-subject', provenance: { verified: true, source: 't' } }),
];

const entry = (metadata: Metadata | null, highestPassed: string | null, extra: Partial<StatsEntry> = {}): StatsEntry => ({
  metadata,
  evaluated: true,
  highestPassed,
  review: false,
  ...extra,
});

const leaderMember: Metadata = { category: 'lanh-dao-quan-ly', partyMember: true, process: 'theo-dot', confirmingBody: 'trung-tam-huyen' };

describe('buildStatistics', () => {
  const table = buildStatistics(
    [
      entry(leaderMember, 'so-cap'),
      entry(leaderMember, 'trung-cap'),
      entry({ ...leaderMember, partyMember: false, secondDegreePlace: 'hv-bao-chi', confirmingBody: 'hv-bao-chi' }, 'cao-cap'),
      entry({ category: 'quy-hoach', partyMember: true, process: 'theo-yeu-cau', confirmingBody: 'truong-tinh' }, null, { review: true }),
      entry({ category: 'khac', process: 'ca-nhan', confirmingBody: 'hv-khu-vuc-2', secondDegreePlace: null }, 'so-cap', { review: true }),
      entry({ category: 'khac', process: 'co-so-dao-tao' }, null, { evaluated: false }),
      entry(null, 'so-cap'),
    ],
    levels,
    layout,
  );
  const cells = (id: string) => table.rows.find((r) => r.id === id)!.cells;
  const row = (dossiers: number, confirmed: number, so: number, trung: number, cao: number, review: number, notEvaluated: number) => ({
    dossiers,
    confirmed,
    so_cap: so,
    trung_cap: trung,
    cao_cap: cao,
    review,
    decided: 0,
    not_evaluated: notEvaluated,
  });

  it('has stable column ids, one per level between the totals and review', () => {
    expect(table.columns.map((c) => c.id)).toEqual(['dossiers', 'confirmed', 'so_cap', 'trung_cap', 'cao_cap', 'review', 'decided', 'not_evaluated']);
    expect(table.columns[1]!.label.vi).toBe('Tổng số người được xác nhận');
  });

  it('counts section 1 by category × Party membership, a person once at the highest level passed', () => {
    expect(cells('category')).toEqual(row(7, 5, 3, 1, 1, 2, 1));
    expect(cells('category.leader')).toEqual(row(3, 3, 1, 1, 1, 0, 0));
    expect(cells('category.leader.party-member')).toEqual(row(2, 2, 1, 1, 0, 0, 0));
    expect(cells('category.leader.not-party-member')).toEqual(row(1, 1, 0, 0, 1, 0, 0));
    expect(cells('category.leader.party-not-stated')).toEqual(row(0, 0, 0, 0, 0, 0, 0));
    expect(cells('category.planned')).toEqual(row(1, 0, 0, 0, 0, 1, 0));
    expect(cells('category.planned.party-member')).toEqual(row(1, 0, 0, 0, 0, 1, 0));
    expect(cells('category.other')).toEqual(row(2, 1, 1, 0, 0, 1, 1));
    expect(cells('category.not-stated')).toEqual(row(1, 1, 1, 0, 0, 0, 0));
  });

  it('counts section 2 only for dossiers that declare a second-degree place', () => {
    expect(cells('second-degree')).toEqual(row(1, 1, 0, 0, 1, 0, 0));
    expect(cells('second-degree.journalism-academy')).toEqual(row(1, 1, 0, 0, 1, 0, 0));
    expect(cells('second-degree.outside')).toEqual(row(0, 0, 0, 0, 0, 0, 0));
  });

  it('counts sections 3 and 4, with a subtotal for the commission and a not-stated row', () => {
    expect(cells('process')).toEqual(row(7, 5, 3, 1, 1, 2, 1));
    expect(cells('process.commission')).toEqual(row(4, 3, 1, 1, 1, 1, 0));
    expect(cells('process.commission.batch')).toEqual(row(3, 3, 1, 1, 1, 0, 0));
    expect(cells('process.commission.on-request')).toEqual(row(1, 0, 0, 0, 0, 1, 0));
    expect(cells('process.training-institution')).toEqual(row(1, 0, 0, 0, 0, 0, 1));
    expect(cells('process.self')).toEqual(row(1, 1, 1, 0, 0, 1, 0));
    expect(cells('process.not-stated')).toEqual(row(1, 1, 1, 0, 0, 0, 0));
    expect(cells('confirming-body.district-centre')).toEqual(row(2, 2, 1, 1, 0, 0, 0));
    expect(cells('confirming-body.provincial-school')).toEqual(row(1, 0, 0, 0, 0, 1, 0));
    expect(cells('confirming-body.regional-academy-2')).toEqual(row(1, 1, 1, 0, 0, 1, 0));
    expect(cells('confirming-body.journalism-academy')).toEqual(row(1, 1, 0, 0, 1, 0, 0));
    expect(cells('confirming-body.not-stated')).toEqual(row(2, 1, 1, 0, 0, 0, 1));
  });

  it('keeps every section total equal to the sum of its leaves', () => {
    for (const section of ['category', 'process', 'confirming-body']) {
      const leaves = STATISTICS_ROWS.filter(
        (r) => r.id.startsWith(`${section}.`) && !STATISTICS_ROWS.some((o) => o.id.startsWith(`${r.id}.`)),
      );
      for (const col of table.columns) {
        const sum = leaves.reduce((n, l) => n + cells(l.id)[col.id]!, 0);
        expect(sum, `${section} ${col.id}`).toBe(cells(section)[col.id]);
      }
    }
  });

  it('writes CSV with ids in the header and the row labels in the chosen language', () => {
    const csv = statisticsCsv(table, 'en');
    expect(csv.header).toEqual(['row', 'label', 'dossiers', 'confirmed', 'so_cap', 'trung_cap', 'cao_cap', 'review', 'decided', 'not_evaluated']);
    expect(csv.records[0]).toEqual(['category', '1. Category at the time of confirmation', 7, 5, 3, 1, 1, 2, 0, 1]);
  });
});
