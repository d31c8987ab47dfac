// Overlapping content (domain spec §6.6): which units of content may add up on a lesson in the pessimistic reading.

/** A unit of content as the pessimistic reading sees it: its periods per lesson, studied or exempt, and its tags. */
export interface ContentUnit {
  studied: ReadonlyMap<string, number>;
  exempted: ReadonlyMap<string, number>;
  /** the content tags of its rule (`covers`); absent = overlaps every unit feeding the same lesson */
  covers?: readonly string[];
}

/** Two units overlap when they share a content tag; a unit without tags overlaps every other. */
export function overlaps(a: { covers?: readonly string[] }, b: { covers?: readonly string[] }): boolean {
  if (!a.covers || !b.covers) return true;
  return a.covers.some((c) => b.covers!.includes(c));
}

/**
 * Pessimistic periods per lesson: the feeders of a lesson are taken largest first, a unit only when it overlaps
 * none already taken, so overlapping content counts once (the larger) while complementary modules (Triết học and
 * Tư tưởng Hồ Chí Minh both feeding the first sơ cấp lesson) add up. Exempt units come after every studied one:
 * credit recognised often stands for a module listed on another transcript.
 */
export function pessimisticLessons(units: readonly ContentUnit[]): Map<string, number> {
  // every lesson fed, in the order the units name them (the map's order)
  const out = new Map<string, number>();
  for (const u of units) {
    for (const k of u.studied.keys()) out.set(k, 0);
    for (const k of u.exempted.keys()) out.set(k, 0);
  }
  const taken: ContentUnit[] = [];
  const feeders: ContentUnit[] = [];
  const values: number[] = [];
  for (const lesson of out.keys()) {
    taken.length = 0;
    // studied units first, then exempt ones: an exemption adds only where nothing taken overlaps it
    let sum = takeFeeders(units, lesson, false, taken, feeders, values, 0);
    sum = takeFeeders(units, lesson, true, taken, feeders, values, sum);
    out.set(lesson, sum);
  }
  return out;
}

/**
 * The units feeding a lesson (their studied or their exempt shares), largest first — equal ones in the units'
 * order, as a stable sort leaves them — each added to `sum` unless it overlaps a unit already taken.
 */
function takeFeeders(
  units: readonly ContentUnit[],
  lesson: string,
  exempt: boolean,
  taken: ContentUnit[],
  feeders: ContentUnit[],
  values: number[],
  sum: number,
): number {
  feeders.length = 0;
  values.length = 0;
  for (const u of units) {
    const v = (exempt ? u.exempted : u.studied).get(lesson);
    if (v === undefined) continue;
    // insertion in place: after every value at least as large (stable, largest first)
    let i = values.length;
    feeders.push(u);
    values.push(v);
    while (i > 0 && values[i - 1]! < v) {
      feeders[i] = feeders[i - 1]!;
      values[i] = values[i - 1]!;
      i--;
    }
    feeders[i] = u;
    values[i] = v;
  }
  for (let i = 0; i < feeders.length; i++) {
    const u = feeders[i]!;
    if (overlapsAny(taken, u)) continue;
    taken.push(u);
    sum += values[i]!;
  }
  return sum;
}

function overlapsAny(taken: readonly ContentUnit[], u: ContentUnit): boolean {
  for (const t of taken) if (overlaps(t, u)) return true;
  return false;
}


/** For each lesson fed by two overlapping units: those units (the rows of an overlap notice). */
export function overlappingFeeders<U extends { covers?: readonly string[] }>(feeders: readonly U[]): U[] {
  return feeders.filter((a, i) => feeders.some((b, j) => i !== j && overlaps(a, b)));
}
