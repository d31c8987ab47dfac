import { describe, expect, it } from 'vitest';
import { requiredPassed } from '../../src/coverage/required.js';
import type { SubjectEvaluation } from '../../src/coverage/types.js';

const subject = (required: boolean, pass: boolean | null): SubjectEvaluation => ({ required, pass }) as SubjectEvaluation;

describe('requiredPassed', () => {
  it('counts the required subjects and those of them passed, leaving optional subjects out', () => {
    const subjects = [subject(true, true), subject(true, false), subject(false, true), subject(true, null), subject(true, true)];
    expect(requiredPassed({ subjects })).toEqual({ passed: 2, required: 4 });
  });

  it('is 0 of 0 without required subjects', () => {
    expect(requiredPassed({ subjects: [subject(false, true)] })).toEqual({ passed: 0, required: 0 });
    expect(requiredPassed({ subjects: [] })).toEqual({ passed: 0, required: 0 });
  });
});
