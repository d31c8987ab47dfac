// Deterministic generator of synthetic dossier folders for benchmarks: `--count N --out DIR --seed S`.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: a small seeded PRNG, so the same seed always gives the same folder. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** One political module as it may appear on a transcript: name variants and size. */
interface Module {
  names: string[];
  size: number;
}

const ERAS: Record<'pre2008' | 'credit' | 'post2019', { unit: 'ĐVHT' | 'Số tín chỉ'; modules: Module[] }> = {
  pre2008: {
    unit: 'ĐVHT',
    modules: [
      { names: ['Triết học Mác-Lênin', 'TRIẾT HỌC MÁC - LÊNIN', 'Triết học Mác – Lê-nin', 'Triết học'], size: 6 },
      { names: ['Kinh tế chính trị Mác-Lênin', 'KINH TẾ CHÍNH TRỊ', 'Kinh tế chính trị Mác – Lê-nin'], size: 5 },
      { names: ['Chủ nghĩa xã hội khoa học', 'CNXH khoa học', 'CHỦ NGHĨA XÃ HỘI KHOA HỌC'], size: 4 },
      { names: ['Lịch sử Đảng Cộng sản Việt Nam', 'Lịch sử ĐCSVN', 'LỊCH SỬ ĐẢNG CỘNG SẢN VIỆT NAM'], size: 4 },
      { names: ['Tư tưởng Hồ Chí Minh', 'TT HCM', 'TƯ TƯỞNG HỒ CHÍ MINH'], size: 3 },
    ],
  },
  credit: {
    unit: 'Số tín chỉ',
    modules: [
      { names: ['Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin 1', 'NLCB của CN Mác-Lênin 1', 'Những NLCB của chủ nghĩa Mác – Lênin (phần 1)', 'Basic Principles of Marxism-Leninism 1'], size: 2 },
      { names: ['Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin 2', 'NLCB của CN Mác-Lênin 2', 'Những NLCB của chủ nghĩa Mác – Lênin (phần 2)', 'Basic Principles of Marxism-Leninism 2'], size: 3 },
      { names: ['Tư tưởng Hồ Chí Minh', 'TT HCM', 'Ho Chi Minh Ideology', "Ho Chi Minh's Thought"], size: 2 },
      { names: ['Đường lối cách mạng của Đảng Cộng sản Việt Nam', 'Đường lối CM của ĐCSVN', 'ĐLCM của ĐCSVN', 'Revolutionary Lines of the Communist Party of Vietnam'], size: 3 },
    ],
  },
  post2019: {
    unit: 'Số tín chỉ',
    modules: [
      { names: ['Triết học Mác-Lênin', 'Triết học Mác - Lênin', 'Marxist-Leninist Philosophy'], size: 3 },
      { names: ['Kinh tế chính trị Mác-Lênin', 'KTCT Mác-Lênin', 'Political Economy of Marxism-Leninism'], size: 2 },
      { names: ['Chủ nghĩa xã hội khoa học', 'CNXHKH', 'Scientific Socialism'], size: 2 },
      { names: ['Lịch sử Đảng Cộng sản Việt Nam', 'Lịch sử ĐCSVN', 'History of the Communist Party of Vietnam'], size: 2 },
      { names: ['Tư tưởng Hồ Chí Minh', 'TT HCM', 'Ho Chi Minh Ideology'], size: 2 },
    ],
  },
};

const TRANSFER: Module[] = [
  { names: ['Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin', 'NLCB của CN Mác-Lênin'], size: 5 },
  { names: ['Tư tưởng Hồ Chí Minh', 'TT HCM'], size: 2 },
];

/** Other courses of a transcript: they exercise matching (lookalikes included) and parsing, and never count. */
const FILLER = [
  'Giải tích 1', 'Giải tích 2', 'Đại số tuyến tính', 'Xác suất thống kê', 'Tiếng Anh 1', 'Tiếng Anh 2', 'Tiếng Anh 3',
  'Tin học cơ sở', 'Vật lý đại cương', 'Hoá học đại cương', 'Pháp luật đại cương', 'Kinh tế vi mô', 'Kinh tế vĩ mô',
  'Lịch sử Việt Nam', 'Lịch sử văn minh thế giới', 'Triết học phương Đông', 'Tâm lý học đại cương', 'Xã hội học đại cương',
  'Giáo dục thể chất 1', 'Giáo dục quốc phòng - an ninh', 'Nguyên lý kế toán', 'Marketing căn bản', 'Quản trị học',
  'Tài chính công', 'Luật hành chính', 'Cơ sở dữ liệu', 'Lập trình hướng đối tượng', 'Kỹ năng mềm', 'Phương pháp nghiên cứu khoa học',
  'Kinh tế phát triển', 'Quản lý nhà nước', 'Thống kê kinh tế', 'Kế toán tài chính', 'Soạn thảo văn bản',
];

const CATEGORIES = ['lãnh đạo, quản lý', 'lanh-dao-quan-ly', 'quy hoạch', 'quy-hoach', 'khác', 'đối tượng khác'];
const PROCESSES = ['theo đợt', 'theo-dot', 'theo yêu cầu', 'theo-yeu-cau', 'cá nhân', 'co-so-dao-tao'];
const BODIES = ['trung tâm huyện', 'trung-tam-huyen', 'trường chính trị tỉnh', 'hv-quoc-gia', 'HV CT khu vực II', 'hv-bao-chi'];
const PLACES = [null, null, null, 'ngoài hệ thống', 'trong-he-thong', 'hv-bao-chi'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vi', 'Lương', 'Nông', 'Hà', 'Đinh', 'Triệu', 'Lăng'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Đức', 'Thu', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Hạnh', 'Hùng', 'Lan', 'Mai', 'Sơn', 'Thành', 'Tuấn', 'Yến'];

function grade10(r: Rand): string {
  const x = r();
  // mostly passes; a few fails (retaken later) and a few in the uncertain 4.0–5.0 band
  const g = x < 0.04 ? 2 + r() * 1.9 : x < 0.07 ? 4 + r() * 0.9 : 5 + r() * 5;
  return g.toFixed(1);
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

interface Row {
  code: string;
  name: string;
  size: number | null;
  grade: string;
}

function transcriptRows(r: Rand, era: keyof typeof ERAS | 'transfer' | 'vocational'): Row[] {
  const rows: Row[] = [];
  const code = () => `${pick(r, ['PHI', 'POL', 'HIS', 'MAT', 'ECO', 'LAW', 'INT'])}${int(r, 1000, 9999)}`;
  const modules = era === 'transfer' ? TRANSFER : era === 'vocational' ? [] : ERAS[era].modules;
  for (const m of modules) {
    const name = pick(r, m.names);
    const size = chance(r, 0.03) ? null : m.size; // credits missing: the row is uncertain
    const g = grade10(r);
    if (Number(g) < 4) rows.push({ code: code(), name, size, grade: g }, { code: code(), name, size, grade: (5 + r() * 4).toFixed(1) });
    else rows.push({ code: code(), name, size, grade: g });
  }
  if (era === 'vocational') rows.push({ code: 'MH01', name: 'Giáo dục chính trị', size: 75, grade: grade10(r) });
  const fillers = int(r, 8, 30);
  for (let i = 0; i < fillers; i++) rows.push({ code: code(), name: pick(r, FILLER), size: int(r, 2, 4), grade: grade10(r) });
  // shuffle so political modules are spread through the transcript
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows;
}

function transcriptFile(r: Rand, era: keyof typeof ERAS | 'transfer' | 'vocational', person: string): { ext: string; text: string } {
  const rows = transcriptRows(r, era);
  if (era !== 'vocational' && chance(r, 0.2)) {
    const courses = rows.map((x) => ({ code: x.code, name: x.name, ...(x.size !== null ? { credits: x.size } : {}), grade: Number(x.grade) }));
    return { ext: 'json', text: `${JSON.stringify({ person: { name: person }, courses }, null, 2)}\n` };
  }
  const unit = era === 'vocational' ? 'Số tiết' : era === 'transfer' ? 'Số tín chỉ' : ERAS[era].unit;
  const lines = [`STT,Mã HP,Tên học phần,${unit},Điểm hệ 10`];
  rows.forEach((x, i) => lines.push([String(i + 1), x.code, csvCell(x.name), x.size === null ? '' : String(x.size), x.grade].join(',')));
  return { ext: 'csv', text: `${lines.join('\n')}\n` };
}

export interface GeneratedFile {
  path: string;
  data: string | Uint8Array;
}

/** The files of dossier number `i` (1-based); every dossier draws from its own seeded stream. */
export function generateDossier(i: number, seed: number): GeneratedFile[] {
  const r = prng((seed * 1_000_003 + i) >>> 0);
  const person = `${pick(r, FAMILY)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`;
  const id = `d${String(i).padStart(6, '0')}`;
  const eraDraw = r();
  const era = eraDraw < 0.2 ? 'pre2008' : eraDraw < 0.6 ? 'credit' : eraDraw < 0.85 ? 'post2019' : eraDraw < 0.93 ? 'transfer' : 'vocational';
  const broken = r();
  if (broken < 0.003) return [{ path: `${id}/don-de-nghi.pdf`, data: '%PDF-1.4 placeholder\n' }]; // no transcript
  if (chance(r, 0.1)) {
    const t = transcriptFile(r, era, person);
    return [{ path: `${id}.${t.ext}`, data: t.text }]; // a lone transcript file at the top level
  }
  const files: GeneratedFile[] = [];
  const t = transcriptFile(r, era, person);
  files.push({ path: `${id}/bang-diem.${t.ext}`, data: t.text });
  if (era === 'transfer' && chance(r, 0.5)) {
    const second = transcriptFile(r, 'credit', person); // a second degree completing a transfer program
    files.push({ path: `${id}/bang-diem-van-bang-2.${second.ext}`, data: second.text });
  }
  if (broken < 0.006) files[0] = { path: files[0]!.path.replace(/\.json$/, '.csv'), data: 'STT,Tên học phần,Số tín chỉ,Điểm\n1,"Triết học,3,7\n' };
  else if (broken < 0.009) files[0] = { path: files[0]!.path.replace(/\.json$/, '.csv'), data: Uint8Array.from([0x54, 0xea, 0x6e, 0x2c, 0xff, 0xfe, 0x0a]) };
  if (chance(r, 0.85)) {
    const metadata: Record<string, unknown> = {
      id: id.toUpperCase(),
      fullName: person,
      applicationDate: `${int(r, 2014, 2021)}-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`,
      category: pick(r, CATEGORIES),
      partyMember: pick(r, [true, false, 'có', 'không']),
      secondDegreePlace: files.length > 1 ? pick(r, PLACES.filter(Boolean)) : pick(r, PLACES),
      process: pick(r, PROCESSES),
      confirmingBody: pick(r, BODIES),
    };
    if (broken >= 0.009 && broken < 0.012) metadata.category = 'giám đốc sở'; // invalid metadata
    files.push({ path: `${id}/metadata.json`, data: `${JSON.stringify(metadata, null, 2)}\n` });
  }
  return files;
}

/** Write `count` dossiers into `dir` (created if needed). */
export async function generateFolder(dir: string, count: number, seed: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const made = new Map<string, Promise<unknown>>();
  const BATCH = 64;
  for (let start = 1; start <= count; start += BATCH) {
    const writes: Promise<void>[] = [];
    for (let i = start; i < Math.min(start + BATCH, count + 1); i++) {
      for (const f of generateDossier(i, seed)) {
        const folder = f.path.includes('/') ? join(dir, f.path.slice(0, f.path.indexOf('/'))) : null;
        writes.push(
          (async () => {
            if (folder) {
              // one mkdir per folder, awaited by every file of that folder
              if (!made.has(folder)) made.set(folder, mkdir(folder, { recursive: true }));
              await made.get(folder);
            }
            await writeFile(join(dir, f.path), f.data);
          })(),
        );
      }
    }
    await Promise.all(writes);
  }
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const count = Number(argValue(args, '--count') ?? '100');
  const out = argValue(args, '--out');
  const seed = Number(argValue(args, '--seed') ?? '1');
  if (!out || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    process.stderr.write('usage: node dist/bench/generate.js --count N --out DIR [--seed S]\n');
    process.exitCode = 2;
  } else {
    await generateFolder(out, count, seed);
    process.stderr.write(`generated ${count} dossiers in ${out} (seed ${seed})\n`);
  }
}
