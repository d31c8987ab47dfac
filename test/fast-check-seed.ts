// Property tests explore new random cases on every local run; CI runs a fixed seed so a submission is judged
// reproducibly (set FC_SEED to replay a local failure: fast-check prints the seed).
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261126' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
