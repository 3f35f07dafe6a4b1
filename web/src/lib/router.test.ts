import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './router';

describe('router', () => {
  it('names the project and tab in the URL, both ways', () => {
    expect(parseRoute('/p/abc-1/tests')).toEqual({ name: 'project', projectId: 'abc-1', tab: 'tests' });
    expect(parseRoute('/p/abc-1/nonsense')).toEqual({ name: 'project', projectId: 'abc-1', tab: 'plan' });
    expect(routePath({ name: 'project', projectId: 'abc-1', tab: 'db-data' })).toBe('/p/abc-1/db-data');
    expect(parseRoute('/w/w1')).toEqual({ name: 'projects', workspaceId: 'w1' });
    expect(parseRoute('/signup')).toEqual({ name: 'signup' });
    expect(parseRoute('/')).toEqual({ name: 'projects' });
  });
});
