// /api/users: Users. Behaviour from the spec: CRUD, validation, access, lists, relations.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from './helpers/context.js';
import { Fixtures, MISSING_ID, expectProblem, registerInput } from './helpers/factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const f = new Fixtures(() => t);


describe('users: accounts', () => {
  it('GET returns an user with its role and never a password hash', async () => {
    const member = await f.member();
    const res = await request(t.app).get(`/api/users/${member.id}`).set(member.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: member.id, role: member.role });
    expect(JSON.stringify(res.body)).not.toMatch(/password/i);
  });

  it('PATCH lets an user change their own profile', async () => {
    const member = await f.member();
    const n = 90_000 + Math.floor(Math.random() * 9_000);
    const change = { name: `name new ${n}` };
    const res = await request(t.app).patch(`/api/users/${member.id}`).set(member.auth).send(change);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject(change);
    void n;
  });

  it('answers 422 for a PATCH of the email, the role or unknown fields', async () => {
    const member = await f.member();
    const errors = expectProblem(
      await request(t.app).patch(`/api/users/${member.id}`).set(member.auth).send({ email: 'x@example.com', role: "admin", notAField: 1 }),
      422,
    );
    expect(Object.keys(errors).sort()).toEqual(['email', 'notAField', 'role'].sort());
  });

  it('answers 403 when an user changes someone else', async () => {
    const member = await f.member();
    const other = await f.other();
    expectProblem(await request(t.app).patch(`/api/users/${other.id}`).set(member.auth).send({}), 403);
  });

  it('only admins delete users (403 for others)', async () => {
    const member = await f.member();
    const victim = await f.createUser();
    expectProblem(await request(t.app).delete(`/api/users/${victim.id}`).set(member.auth), 403);
    const admin = await f.admin();
    expect((await request(t.app).delete(`/api/users/${victim.id}`).set(admin.auth)).status).toBe(204);
    expectProblem(await request(t.app).get(`/api/users/${victim.id}`).set(admin.auth), 404);
  });

  it('answers 404 for a missing or malformed id', async () => {
    const admin = await f.admin();
    expectProblem(await request(t.app).get(`/api/users/${MISSING_ID}`).set(admin.auth), 404);
    expectProblem(await request(t.app).get('/api/users/not-a-uuid').set(admin.auth), 404);
  });
});

describe('users: access', () => {
  it('answers 401 without a token', async () => {
    expectProblem(await request(t.app).get('/api/users'), 401);
    expectProblem(await request(t.app).get(`/api/users/${MISSING_ID}`), 401);

  });








  it('lets an admin read every user', async () => {
    const admin = await f.admin();
    const created = await f.createUser();
    expect((await request(t.app).get(`/api/users/${created.id}`).set(admin.auth)).status).toBe(200);
  });
});

describe('users: list, pagination, sort, filter', () => {
  it('paginates with page/limit and reports the total', async () => {
    const admin = await f.admin();
    for (let i = 0; i < 3; i++) await f.createUser();
    const page1 = await request(t.app).get('/api/users?limit=2').set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2 });
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await request(t.app).get('/api/users?limit=2&page=2').set(admin.auth);
    expect(page2.body.page).toBe(2);
    expect(page2.body.data.length).toBeGreaterThanOrEqual(1);
    const defaults = await request(t.app).get('/api/users').set(admin.auth);
    expect(defaults.body).toMatchObject({ page: 1, limit: 20 });
  });


  it('filters by exact match on name', async () => {
    const admin = await f.admin();
    const created = await f.createUser();
    const value = created['name'] as string | number;
    const res = await request(t.app)
      .get(`/api/users?limit=100&name=${encodeURIComponent(String(value))}`)
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(created.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['name'] === value)).toBe(true);
  });

  it('answers 400 with field errors for invalid query parameters', async () => {
    const admin = await f.admin();
    const errors = expectProblem(
      await request(t.app).get('/api/users?page=0&limit=1000&sort=notAField&notAFilter=1').set(admin.auth),
      400,
    );
    expect(Object.keys(errors).sort()).toEqual(['limit', 'notAFilter', 'page', 'sort']);
  });
});

describe('users: relations', () => {


  it('GET /api/users/:id/posts reads the Posts of an user', async () => {
    const admin = await f.admin();
    const owner = await f.member();
    const parentId = owner.id;
    const child = await f.createPost(owner);

    const res = await request(t.app).get(`/api/users/${parentId}/posts`).set(admin.auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(child.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['authorId'] === parentId)).toBe(true);
    expectProblem(await request(t.app).get(`/api/users/${MISSING_ID}/posts`).set(admin.auth), 404);
  });


  it('GET /api/users/:id/comments reads the Comments of an user', async () => {
    const admin = await f.admin();
    const owner = await f.member();
    const parentId = owner.id;
    const child = await f.createComment(owner);

    const res = await request(t.app).get(`/api/users/${parentId}/comments`).set(admin.auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(child.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['authorId'] === parentId)).toBe(true);
    expectProblem(await request(t.app).get(`/api/users/${MISSING_ID}/comments`).set(admin.auth), 404);
  });




});

describe('users: unique fields', () => {
  it('answers 409 when email is already in use', async () => {
    const first = await f.createUser();
    expectProblem(await request(t.app).post('/auth/register').send(registerInput({ email: first['email'] })), 409);

  });

});
