// `llct batch <folder>`: check every dossier in a folder; summary on stdout, or every output file in --out.

import { availableParallelism } from 'node:os';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { discoverUnlisted } from '../batch/discover.js';
import type { DossierDecisions, EvaluateContext } from '../batch/evaluate.js';
import { loadDecisionsFile } from '../decisions/load.js';
import { isSpreadsheetName, loadSpreadsheetLibrary } from '../transcript/spreadsheet.js';
import { decisionError } from '../decisions/messages.js';
import type { DecisionOrigin } from '../decisions/types.js';
import { batchMessages, fileList } from '../batch/messages.js';
import { openOutDir, stdoutSink, type FinishingSink } from '../batch/outputs.js';
import { BatchInterrupted, runBatch, type Progress } from '../batch/run-batch.js';
import { scanBatchTop } from '../batch/scan.js';
import { batchLevels } from '../batch/summary.js';
import { UsageError } from '../errors.js';
import { num } from '../report/format.js';
import type { Lang } from '../lang.js';
import { ruleCacheFromEnv } from '../rules/cache.js';
import { loadRuleSet } from '../rules/load.js';
import { parseLevels } from './check.js';
import { EXIT } from './exit-code.js';
import type { Io } from './io.js';
import { cliMessages } from './messages.js';
import { addCheckingOptions, sameTarget, asOfFrom, checkOptionsFrom, parseNumber, readOptionsFrom, type CheckingOptionValues } from './options.js';
import { JSON_FORMS, OUTPUT_FORMATS, type JsonForm, type OutputFormat } from '../report/formats.js';
import { DOSSIER_FILE_FORMATS, type DossierFileFormat } from '../batch/types.js';
import { toolVersion } from './version.js';

export interface BatchCommandOptions extends CheckingOptionValues {
  out?: string;
  force?: boolean;
  format: OutputFormat;
  excel?: boolean;
  jobs?: string;
  quiet?: boolean;
  decisions?: string;
  reports?: string;
  jsonForm: JsonForm;
}

const HELP: Record<Lang, { description: string; folder: string; out: string; reports: string; jsonForm: string; force: string; format: string; jobs: string; quiet: string; decisions: string; examples: string }> = {
  vi: {
    description:
      'Kiểm tra cả một thư mục hồ sơ: mỗi thư mục con là một hồ sơ (một hoặc nhiều bảng điểm và tệp metadata.json tùy chọn), mỗi tệp bảng điểm nằm trực tiếp trong thư mục cũng là một hồ sơ.',
    folder: 'thư mục chứa các hồ sơ',
    out: 'ghi mọi kết quả vào thư mục này (--out cũng được): summary.csv, summary.json, summary.xlsx, index.html, reports.jsonl (báo cáo JSON của mọi hồ sơ, mỗi dòng một hồ sơ), statistics.csv, statistics.txt, statistics.xlsx, unmatched.csv, review.csv, review.xlsx',
    reports: 'ghi thêm tệp báo cáo riêng cho từng hồ sơ vào reports/: json, text, html (cách nhau bằng dấu phẩy, ví dụ text,html; mặc định: không)',
    jsonForm: 'dạng báo cáo JSON trong reports.jsonl: lean (gọn, mã tham chiếu bộ quy tắc, schemaVersion 3) hoặc full (đầy đủ tên và lời, schemaVersion 2)',
    decisions: 'áp dụng quyết định của cán bộ trong tệp này (review.csv đã điền, mỗi dòng ghi hồ sơ); tệp decisions.csv trong thư mục hồ sơ cũng được đọc',
    force: 'cho phép ghi vào thư mục --out đã có dữ liệu (thay các tệp kết quả cũ)',
    format: 'định dạng bảng tổng hợp in ra màn hình khi không có --out',
    jobs: 'số luồng xử lý song song (mặc định: số nhân CPU)',
    quiet: 'không in tiến độ và thông báo trên stderr',
    examples: `
Ví dụ:
  $ llct batch ho-so-2019 --out ket-qua
  $ llct batch ho-so-2019 --out ket-qua --excel --force
  $ llct batch ho-so-2019 --format csv > tong-hop.csv
  $ llct batch ho-so-2019 --level so-cap --as-of 2020-12-31 --jobs 2

Tệp metadata.json của một hồ sơ (mọi trường đều tùy chọn):
  { "id": "CB-001", "fullName": "Nguyễn Văn A", "applicationDate": "2019-05-20",
    "category": "lãnh đạo, quản lý", "partyMember": "có", "secondDegreePlace": null,
    "process": "theo đợt", "confirmingBody": "trung tâm huyện" }

Mã thoát:
  0    mọi hồ sơ đều được đánh giá (dù đạt hay không)
  2    có hồ sơ không đánh giá được (các tệp kết quả vẫn được ghi đủ, hồ sơ lỗi có lý do ở cột error),
       hoặc lỗi tham số / bộ quy tắc, hoặc không tìm thấy hồ sơ nào
  130  đã dừng bằng Ctrl-C (thư mục --out giữ nguyên như trước khi chạy)
`,
  },
  en: {
    description:
      'Check a whole folder of dossiers: each sub-folder is one dossier (one or more transcripts and an optional metadata.json); each transcript file directly in the folder is a dossier too.',
    folder: 'the folder holding the dossiers',
    out: 'write every output into this folder (--out works too): summary.csv, summary.json, summary.xlsx, index.html, reports.jsonl (every dossier\'s JSON report, one line each), statistics.csv, statistics.txt, statistics.xlsx, unmatched.csv, review.csv, review.xlsx',
    reports: 'also write a report file per dossier into reports/: json, text, html (comma-separated, e.g. text,html; default: none)',
    jsonForm: 'form of the JSON reports in reports.jsonl: lean (ids that refer to the rule set, schemaVersion 3) or full (every name and message written out, schemaVersion 2)',
    decisions: 'apply the officer decisions in this file (a filled-in review.csv, each line naming its dossier); a decisions.csv in a dossier folder is read too',
    force: 'allow writing into a non-empty --out folder (the batch files in it are replaced)',
    format: 'format of the summary printed on stdout when there is no --out',
    jobs: 'number of dossiers evaluated in parallel (default: the number of CPU cores)',
    quiet: 'no progress line or messages on stderr',
    examples: `
Examples:
  $ llct batch dossiers-2019 --out results --lang en
  $ llct batch dossiers-2019 --out results --excel --force
  $ llct batch dossiers-2019 --format csv > summary.csv
  $ llct batch dossiers-2019 --level so-cap --as-of 2020-12-31 --jobs 2

A dossier's metadata.json (every field optional):
  { "id": "CB-001", "fullName": "Nguyễn Văn A", "applicationDate": "2019-05-20",
    "category": "lanh-dao-quan-ly", "partyMember": true, "secondDegreePlace": null,
    "process": "theo-dot", "confirmingBody": "trung-tam-huyen" }

Exit codes:
  0    every dossier was evaluated (whatever its verdict)
  2    some dossier could not be evaluated (all outputs are still written; its row gives the reason),
       or a usage / rule-set error, or no dossier was found
  130  stopped by Ctrl-C (the --out folder is left as it was before the run)
`,
  },
};

/** `lang` sets the language of the help text; the cli wiring passes the language found on the command line. */
export function registerBatch(program: Command, io: Io, lang: Lang = 'vi'): void {
  const h = HELP[lang];
  const m = cliMessages(lang).check;
  const cmd = program
    .command('batch')
    .description(h.description)
    .argument('<folder>', h.folder)
    .option('-o, --output <dir>', h.out)
    // the same option under the name earlier versions used: both commands take -o/--output and --out
    .addOption(new Option('--out <dir>').hideHelp())
    .option('--reports <formats>', h.reports)
    .addOption(new Option('--json-form <form>', h.jsonForm).choices(JSON_FORMS).default('lean'))
    .option('--force', h.force)
    .addOption(new Option('-f, --format <format>', h.format).choices(OUTPUT_FORMATS).default('text'))
    .option('--excel', m.excel)
    .option('-j, --jobs <n>', h.jobs)
    .option('-q, --quiet', h.quiet)
    .option('--decisions <file>', h.decisions);
  addCheckingOptions(cmd, lang, `; ${lang === 'vi' ? 'ngày nộp hồ sơ trong metadata.json được ưu tiên' : 'a dossier’s applicationDate wins'}`)
    .option('--no-color', m.noColor)
    .option('--debug', m.debug)
    .addHelpText('after', h.examples)
    .action(async (folder: string, opts: BatchCommandOptions & { output?: string }, cmd: Command) => {
      opts.out = sameTarget(opts.output, opts.out, '--out');
      // as in `check`: --excel alone (on the command line, not from a config default) implies CSV on stdout
      if (opts.excel && cmd.getOptionValueSource('excel') === 'cli' && opts.out === undefined && opts.format !== 'csv') {
        if (cmd.getOptionValueSource('format') === 'default') opts.format = 'csv';
        else throw new UsageError({ code: 'excel-batch', args: {} });
      }
      io.exitCode = await runBatchCommand(folder, opts, io);
    });
}

/** The exit code of a batch stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it). */
const EXIT_INTERRUPTED = 130;

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  return parseNumber(value, '--jobs', (n) => Number.isInteger(n) && n >= 1 && n <= 256, 'jobs');
}

/** `--reports text,html`: the per-dossier report files asked for, in the one order they are listed in. */
function parseReportFiles(value: string | undefined): DossierFileFormat[] {
  if (value === undefined) return [];
  const asked = value.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== '');
  const alias: Record<string, DossierFileFormat> = { txt: 'text', htm: 'html' };
  const wanted = new Set<DossierFileFormat>();
  for (const a of asked) {
    const f = alias[a] ?? a;
    if (!(DOSSIER_FILE_FORMATS as readonly string[]).includes(f)) {
      throw new UsageError({ code: 'bad-report-format', args: { value, given: a, choices: [...DOSSIER_FILE_FORMATS] } });
    }
    wanted.add(f as DossierFileFormat);
  }
  return DOSSIER_FILE_FORMATS.filter((f) => wanted.has(f));
}

function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const mm = Math.floor(s / 60);
  return `${mm}:${String(s % 60).padStart(2, '0')}`;
}

/** The progress line's text: numbers written the report's way for the language (3,3 in Vietnamese). */
export function progressText(p: Progress, lang: Lang): string {
  const rate = num(lang, p.rate >= 10 ? Math.round(p.rate) : p.rate);
  return batchMessages(lang).progress({ done: p.done, total: p.total, rate, left: p.etaMs === null ? null : formatDuration(p.etaMs) });
}

/** A progress line on stderr, redrawn at most ten times a second, erased at the end. */
function progressPrinter(io: Io, lang: Lang): { update(p: Progress): void; clear(): void } {
  const clock = () => Date.now();
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const t = clock();
      if (t - last < 100 && p.done < p.total) return;
      last = t;
      shown = true;
      io.stderr.write(`\r\u001b[K${progressText(p, lang)}`);
    },
    clear() {
      if (shown) io.stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}

/**
 * The batch-wide decisions file, by dossier. A line naming no dossier, or one not in the batch, stops the batch
 * (exit 2); a line that cannot be read fails only its dossier. The file is never an output: one inside --out
 * would be replaced by the new worklist, so it is refused.
 */
function readBatchDecisions(path: string, shownAs: string, outDir: string | null, out: string | undefined, names: readonly string[]): Record<string, DossierDecisions> {
  if (outDir !== null && !relative(outDir, path).startsWith('..') && !isAbsolute(relative(outDir, path))) {
    throw new UsageError({ code: 'decisions-inside-out', args: { file: shownAs, out: String(out) }, file: shownAs });
  }
  const read = loadDecisionsFile(path, shownAs, { keyed: true });
  const known = new Set(names);
  const byDossier: Record<string, DossierDecisions> = {};
  const entry = (d: string) => (byDossier[d] ??= { decisions: [], problem: null });
  for (const p of read.problems) {
    if (p.dossier === null) throw decisionError(p);
    if (!known.has(p.dossier)) throw unknownDossier(p.dossier, p.origin, names);
    entry(p.dossier).problem ??= p;
  }
  for (const { dossier, decision } of read.decisions) {
    if (!known.has(dossier!)) throw unknownDossier(dossier!, decision.origin, names);
    entry(dossier!).decisions.push(decision);
  }
  return byDossier;
}

function unknownDossier(dossier: string, origin: DecisionOrigin, names: readonly string[]): UsageError {
  const place = origin.line !== undefined ? { line: origin.line } : origin.path !== undefined ? { path: origin.path } : undefined;
  return new UsageError({
    code: 'decision-unknown-dossier',
    args: { dossier, shown: names.slice(0, 5), more: names.length > 5 },
    file: origin.file,
    ...(place ? { place } : {}),
  });
}

async function runBatchCommand(folder: string, opts: BatchCommandOptions, io: Io): Promise<number> {
  const lang = opts.lang;
  const b = batchMessages(lang);
  const jobs = parseJobs(opts.jobs);
  const defaultAsOf = asOfFrom(opts, io);
  const read = readOptionsFrom(opts);
  const check = checkOptionsFrom(opts);

  const ruleCache = ruleCacheFromEnv(io.env, toolVersion());
  const ruleSet = await loadRuleSet(opts.rules !== undefined ? resolve(io.cwd, opts.rules) : undefined, { cache: ruleCache });
  if (opts.level !== undefined) check.programs = parseLevels(opts.level, ruleSet);
  const levels = batchLevels(ruleSet, check.programs);

  const root = resolve(io.cwd, folder);
  const outDir = opts.out !== undefined ? resolve(io.cwd, opts.out) : null;
  const decisionsPath = opts.decisions !== undefined ? resolve(io.cwd, opts.decisions) : null;
  // the decisions file inside the batch folder is not a dossier
  const skip = new Set(decisionsPath !== null && dirname(decisionsPath) === root ? [basename(decisionsPath)] : []);
  const dossiers = discoverUnlisted(scanBatchTop(root, folder), skip);
  if (dossiers.length === 0) throw new UsageError({ code: 'no-dossiers', args: { folder } });
  // a filled-in review.xlsx needs the spreadsheet library (loaded only then)
  if (decisionsPath !== null && isSpreadsheetName(decisionsPath)) await loadSpreadsheetLibrary();
  const batchDecisions = decisionsPath !== null ? readBatchDecisions(decisionsPath, opts.decisions!, outDir, opts.out, dossiers.map((d) => d.name)) : undefined;
  const reportFiles = parseReportFiles(opts.reports);
  if (reportFiles.length > 0 && outDir === null) {
    throw new UsageError({ code: 'reports-need-out', args: {} });
  }
  const settings = { ruleSet, levels, lang, excel: opts.excel === true, toolVersion: toolVersion(), reportFiles };
  const out =
    outDir !== null
      ? openOutDir(
          outDir,
          opts.out!,
          root,
          opts.force === true,
          dossiers.map((d) => d.name),
          settings,
          (pid) => {
            if (!opts.quiet) io.stderr.write(`${b.staleLock({ pid, dir: opts.out! })}\n`);
          },
        )
      : null;

  const context: EvaluateContext = {
    ruleSet,
    check,
    defaultAsOf,
    read,
    lang,
    reports: out !== null,
    fullJson: opts.jsonForm === 'full',
    files: reportFiles,
    toolVersion: toolVersion(),
    worklist: out !== null,
    ...(batchDecisions ? { decisions: batchDecisions } : {}),
  };
  // progress only on a terminal, and not when the summary itself is scrolling past on the same terminal
  const showProgress = !opts.quiet && io.stderrIsTTY && (out !== null || !io.stdoutIsTTY);
  const progress = showProgress ? progressPrinter(io, lang) : null;

  const sink: FinishingSink = out?.sink ?? stdoutSink(io.stdout, opts.format, settings);
  // dossiers whose nested folders hold transcript-like files: named again at the end, since they were not read
  const nested: string[] = [];
  const watched: FinishingSink = {
    write(o) {
      if (o.nested) nested.push(dossiers[o.index]!.name);
      return sink.write(o);
    },
    finish: () => sink.finish(),
  };

  // Ctrl-C / SIGTERM: stop cleanly (the output folder keeps what it had) and exit 130; a reader that closed
  // standard output (\`| head -1\`) stops the batch too, quietly
  const controller = new AbortController();
  let stdoutClosed = false;
  const onSignal = () => {
    stopListening();
    controller.abort();
  };
  const onStdoutError = (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') return;
    stdoutClosed = true;
    controller.abort();
  };
  const stdoutEvents = out === null && typeof (io.stdout as Partial<NodeJS.WriteStream>).on === 'function' ? (io.stdout as NodeJS.WriteStream) : null;
  const stopListening = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    stdoutEvents?.off('error', onStdoutError);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  stdoutEvents?.on('error', onStdoutError);

  let totals;
  try {
    totals = await runBatch({
      root,
      reportsDir: out?.reportsDir ?? null,
      dossiers,
      context,
      jobs,
      lines: out !== null ? { lang, excel: opts.excel === true, linked: reportFiles.includes('html') } : undefined,
      ruleCache,
      sink: watched,
      signal: controller.signal,
      ...(progress ? { onProgress: (p: Progress) => progress.update(p) } : {}),
    });
    await sink.finish();
    out?.publish();
  } catch (e) {
    out?.discard();
    progress?.clear();
    if (e instanceof BatchInterrupted) {
      if (stdoutClosed) return 0;
      io.stderr.write(`${b.interrupted(opts.out ?? null)}\n`);
      return EXIT_INTERRUPTED;
    }
    throw e;
  } finally {
    stopListening();
    out?.release();
    progress?.clear();
  }

  if (!opts.quiet) {
    if (outDir !== null) io.stderr.write(`${b.wrote({ dossiers: totals.dossiers, dir: opts.out! })}\n`);
    if (nested.length > 0) io.stderr.write(`${b.nestedSummary({ dossiers: nested.length, list: fileList(nested) })}\n`);
    if (totals.failed > 0) io.stderr.write(`${b.notEvaluated({ failed: totals.failed, dossiers: totals.dossiers, out: outDir !== null })}\n`);
  }
  return totals.failed > 0 ? EXIT.error : 0;
}
