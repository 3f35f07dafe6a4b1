import { describe, expect, it } from 'vitest';
import { operations } from '@/lib/project';
import { buildServices } from './model';

describe('services model', () => {
  it('groups endpoints into system, auth, entity and event services', () => {
    const doc = {
      paths: {
        '/health': { get: {} },
        '/auth/login': { post: {} },
        '/api/products': { get: { tags: ['Product'] }, post: { tags: ['Product'] } },
        '/api/products/{id}': { get: { tags: ['Product'] } },
        '/api/orders': { get: { tags: ['Order'] } },
        '/api/events': { get: {} },
      },
    };
    const s = buildServices(operations(doc));
    expect(s.map((x) => [x.name, x.kind, x.endpoints.length])).toEqual([
      ['System', 'system', 1],
      ['Auth', 'auth', 1],
      ['Order', 'entity', 1],
      ['Product', 'entity', 3],
      ['Events (SSE)', 'events', 1],
    ]);
  });
});
