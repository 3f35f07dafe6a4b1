import { describe, expect, it } from 'vitest';
import { toPreviewState } from './preview';

describe('toPreviewState', () => {
  it('maps the server states to the UI view', () => {
    expect(toPreviewState({ state: 'starting', url: '/preview/p1' })).toMatchObject({ status: 'starting', url: '/preview/p1' });
    expect(toPreviewState({ state: 'healthy', url: '/preview/p1' })).toMatchObject({ status: 'running', health: 'up' });
    expect(toPreviewState({ state: 'unhealthy', reason: 'GET /health answered 500' })).toMatchObject({ status: 'running', health: 'down', message: 'GET /health answered 500' });
  });
  it('tells a stopped preview from one that died', () => {
    expect(toPreviewState({ state: 'stopped', reason: 'stopped by a user' })?.status).toBe('stopped');
    expect(toPreviewState({ state: 'stopped', reason: 'the process exited with code 1' })?.status).toBe('failed');
  });
  it('has nothing to show before the first answer', () => {
    expect(toPreviewState(undefined)).toBeUndefined();
    expect(toPreviewState({})).toBeUndefined();
  });
});
