// /api/categories: Categories. Behaviour from the spec: CRUD, validation, access, lists, relations.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from './helpers/context.js';
import { Fixtures, MISSING_ID, expectProblem, pick } from './helpers/factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const f = new Fixtures(() => t);

describe('categories: CRUD', () => {
  it('POST creates a category (201 + Location) and GET returns it', async () => {
    const by = await f.admin();
    const input = await f.categoryInput();
    const res = await request(t.app).post('/api/categories').set(by.auth).send(input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers['location']).toBe(`/api/categories/${res.body.id}`);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.name).toEqual(input['name']);
    expect(res.body.slug).toEqual(input['slug']);
    expect(res.body.parentId).toEqual(input['parentId'] ?? null);

    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    expect(res.body.updatedAt).toBe(res.body.createdAt);
    const got = await request(t.app).get(`/api/categories/${res.body.id}`).set(by.auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('applies defaults and leaves unset optional fields null', async () => {
    const by = await f.admin();
    const full = await f.categoryInput();
    const minimal = pick(full, ['name', 'slug']);
    const res = await request(t.app).post('/api/categories').set(by.auth).send(minimal);
    expect(res.status, JSON.stringify(res.body)).toBe(201);




    expect(res.body.parentId).toBeNull();

  });

  it('PATCH changes only the given fields; DELETE removes the category', async () => {
    const admin = await f.admin();
    const created = await f.createCategory();
    const n = 90_000 + Math.floor(Math.random() * 9_000);
    const change = { name: `name new ${n}` };
    const patched = await request(t.app).patch(`/api/categories/${created.id}`).set(admin.auth).send(change);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toEqual({ ...created, ...change, updatedAt: patched.body.updatedAt });
    void n;

    expect((await request(t.app).delete(`/api/categories/${created.id}`).set(admin.auth)).status).toBe(204);
    expectProblem(await request(t.app).get(`/api/categories/${created.id}`).set(admin.auth), 404);
  });

  it('answers 404 for a missing or malformed id', async () => {
    const admin = await f.admin();
    expectProblem(await request(t.app).get(`/api/categories/${MISSING_ID}`).set(admin.auth), 404);
    expectProblem(await request(t.app).get('/api/categories/not-a-uuid').set(admin.auth), 404);
    expectProblem(await request(t.app).patch(`/api/categories/${MISSING_ID}`).set(admin.auth).send({}), 404);
    expectProblem(await request(t.app).delete(`/api/categories/${MISSING_ID}`).set(admin.auth), 404);
  });
});

describe('categories: validation', () => {
  it('answers 422 with a field error for each missing required field', async () => {
    const by = await f.admin();
    const errors = expectProblem(await request(t.app).post('/api/categories').set(by.auth).send({}), 422);
    expect(Object.keys(errors).sort()).toEqual(['name', 'slug'].sort());
  });

  it('answers 422 for an invalid name on POST and PATCH', async () => {
    const by = await f.admin();
    const admin = await f.admin();
    const res = await request(t.app)
      .post('/api/categories')
      .set(by.auth)
      .send(await f.categoryInput({ name: 12345 }));
    expect(expectProblem(res, 422)).toHaveProperty('name');
    const created = await f.createCategory();
    const patched = await request(t.app).patch(`/api/categories/${created.id}`).set(admin.auth).send({ name: 12345 });
    expect(expectProblem(patched, 422)).toHaveProperty('name');
  });

  it('answers 422 for unknown fields', async () => {
    const by = await f.admin();
    const res = await request(t.app)
      .post('/api/categories')
      .set(by.auth)
      .send(await f.categoryInput({ notAField: 1 }));
    const errors = expectProblem(res, 422);
    expect(errors).toHaveProperty('notAField');

  });

  it('answers 400 for malformed JSON and 415 for a non-JSON body', async () => {
    const by = await f.admin();
    expectProblem(
      await request(t.app).post('/api/categories').set(by.auth).set('Content-Type', 'application/json').send('{"x":'),
      400,
    );
    expectProblem(await request(t.app).post('/api/categories').set(by.auth).set('Content-Type', 'text/plain').send('hello'), 415);
  });
});


describe('categories: access', () => {
  it('answers 401 without a token', async () => {
    expectProblem(await request(t.app).get('/api/categories'), 401);
    expectProblem(await request(t.app).get(`/api/categories/${MISSING_ID}`), 401);
    expectProblem(await request(t.app).post('/api/categories').send({}), 401);
  });



  it('answers 403 when a customer creates a category', async () => {
    const member = await f.member();
    expectProblem(await request(t.app).post('/api/categories').set(member.auth).send(await f.categoryInput()), 403);
  });



  it('answers 403 when a customer changes a category', async () => {
    const member = await f.member();
    const created = await f.createCategory();
    expectProblem(await request(t.app).patch(`/api/categories/${created.id}`).set(member.auth).send({}), 403);
  });

  it('answers 403 when a customer deletes a category', async () => {
    const member = await f.member();
    const created = await f.createCategory();
    expectProblem(await request(t.app).delete(`/api/categories/${created.id}`).set(member.auth), 403);
  });

  it('lets an admin read every category', async () => {
    const admin = await f.admin();
    const created = await f.createCategory();
    expect((await request(t.app).get(`/api/categories/${created.id}`).set(admin.auth)).status).toBe(200);
  });
});

describe('categories: list, pagination, sort, filter', () => {
  it('paginates with page/limit and reports the total', async () => {
    const admin = await f.admin();
    for (let i = 0; i < 3; i++) await f.createCategory();
    const page1 = await request(t.app).get('/api/categories?limit=2').set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2 });
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await request(t.app).get('/api/categories?limit=2&page=2').set(admin.auth);
    expect(page2.body.page).toBe(2);
    expect(page2.body.data.length).toBeGreaterThanOrEqual(1);
    const defaults = await request(t.app).get('/api/categories').set(admin.auth);
    expect(defaults.body).toMatchObject({ page: 1, limit: 20 });
  });


  it('filters by exact match on name', async () => {
    const admin = await f.admin();
    const created = await f.createCategory();
    const value = created['name'] as string | number;
    const res = await request(t.app)
      .get(`/api/categories?limit=100&name=${encodeURIComponent(String(value))}`)
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(created.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['name'] === value)).toBe(true);
  });

  it('answers 400 with field errors for invalid query parameters', async () => {
    const admin = await f.admin();
    const errors = expectProblem(
      await request(t.app).get('/api/categories?page=0&limit=1000&sort=notAField&notAFilter=1').set(admin.auth),
      400,
    );
    expect(Object.keys(errors).sort()).toEqual(['limit', 'notAFilter', 'page', 'sort']);
  });
});

describe('categories: relations', () => {
  it('answers 422 when parentId names no category', async () => {
    const admin = await f.admin();
    const created = await f.createCategory();
    const res = await request(t.app).patch(`/api/categories/${created.id}`).set(admin.auth).send({ parentId: MISSING_ID });
    expect(expectProblem(res, 422)).toHaveProperty('parentId');
  });


  it('GET /api/categories/:id/children reads the Children of a category', async () => {
    const admin = await f.admin();

    const parentId = (await f.createCategory()).id;
    const child = await f.createCategory(undefined, { parentId: parentId });
    const res = await request(t.app).get(`/api/categories/${parentId}/children`).set(admin.auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(child.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['parentId'] === parentId)).toBe(true);
    expectProblem(await request(t.app).get(`/api/categories/${MISSING_ID}/children`).set(admin.auth), 404);
  });


  it('GET /api/categories/:id/products reads the Products of a category', async () => {
    const admin = await f.admin();

    const parentId = (await f.createCategory()).id;
    const child = await f.createProduct(undefined, { categoryId: parentId });
    const res = await request(t.app).get(`/api/categories/${parentId}/products`).set(admin.auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(child.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['categoryId'] === parentId)).toBe(true);
    expectProblem(await request(t.app).get(`/api/categories/${MISSING_ID}/products`).set(admin.auth), 404);
  });




});

describe('categories: unique fields', () => {
  it('answers 409 when slug is already in use', async () => {
    const first = await f.createCategory();

    const by = await f.admin();
    const res = await request(t.app)
      .post('/api/categories')
      .set(by.auth)
      .send(await f.categoryInput({ slug: first['slug'] }));
    expect(expectProblem(res, 409)).toHaveProperty('slug');
  });

});
