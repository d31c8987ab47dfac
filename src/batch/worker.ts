// Worker-thread entry of a batch: loads the rule set once, then evaluates the dossiers the main thread sends.

import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleSet } from '../rules/load.js';
import {
  fatalReply,
  fullCollector,
  lineSettings,
  NOT_ON_A_DOSSIER,
  processDossier,
  WORKER_COLLECT_EVERY,
  type WorkerData,
  type WorkerReply,
  type WorkerRequest,
} from './run-batch.js';
import type { BatchResult } from './types.js';

const setup = workerData as WorkerData;
const port = parentPort!;
const reply = (r: WorkerReply) => port.postMessage(r);

// the handler is attached before the rule set is loaded, so no request is lost; each one awaits the load
const ready = loadRuleSet(setup.rulesDir, { cache: setup.ruleCache }).then((ruleSet) => {
  const context = { ...setup.context, ruleSet };
  return { context, lines: lineSettings(setup.lines, context) };
});
ready.catch((e: unknown) => reply(fatalReply(e)));

// one chunk at a time, its dossiers in the order sent: if the worker dies, `on` tells the main thread which dossier
// it was on
let queue: Promise<unknown> = ready;
// a full collection now and then keeps the heap from growing over a long batch (see run-batch.ts); the main thread
// has made V8's gc available before this worker started
const collect = fullCollector(false);
let checked = 0;
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    const { context, lines } = await ready;
    const results: BatchResult[] = [];
    let collectDue = false;
    for (const dossier of request.dossiers) {
      Atomics.store(setup.on, 0, dossier.index);
      try {
        results.push(await processDossier(setup.root, dossier, context, setup.reportsDir, lines));
      } catch (e) {
        // not the dossier's fault (the output disk is full…): the batch stops with this error
        reply(fatalReply(e));
        return;
      }
      if (++checked % WORKER_COLLECT_EVERY === 0) collectDue = true;
    }
    reply({ type: 'results', results });
    Atomics.store(setup.on, 0, NOT_ON_A_DOSSIER);
    // after the reply, on no dossier: a worker that dies collecting blames no dossier it has already checked
    if (collectDue) collect();
  });
});
