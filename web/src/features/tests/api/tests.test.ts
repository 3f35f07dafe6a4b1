import { describe, expect, it } from 'vitest';
import { summary } from './tests';

describe('test summary', () => {
  it('reads like "12 passed, 0 failed"', () => {
    expect(summary({ passed: 12, failed: 0, skipped: 0 })).toBe('12 passed, 0 failed');
    expect(summary({ passed: 3, failed: 9, skipped: 1 })).toBe('3 passed, 9 failed, 1 skipped');
  });
});
