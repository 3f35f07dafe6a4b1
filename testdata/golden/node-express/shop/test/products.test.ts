// /api/products: Products. Behaviour from the spec: CRUD, validation, access, lists, relations.
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

describe('products: CRUD', () => {
  it('POST creates a product (201 + Location) and GET returns it', async () => {
    const by = await f.admin();
    const input = await f.productInput();
    const res = await request(t.app).post('/api/products').set(by.auth).send(input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers['location']).toBe(`/api/products/${res.body.id}`);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.name).toEqual(input['name']);
    expect(res.body.sku).toEqual(input['sku']);
    expect(res.body.description).toEqual(input['description']);
    expect(res.body.price).toEqual(input['price']);
    expect(res.body.stock).toEqual(input['stock']);
    expect(res.body.imageUrl).toEqual(input['imageUrl']);
    expect(res.body.active).toEqual(input['active']);
    expect(res.body.categoryId).toEqual(input['categoryId'] ?? null);

    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    expect(res.body.updatedAt).toBe(res.body.createdAt);
    const got = await request(t.app).get(`/api/products/${res.body.id}`).set(by.auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('applies defaults and leaves unset optional fields null', async () => {
    const by = await f.admin();
    const full = await f.productInput();
    const minimal = pick(full, ['name', 'sku', 'price']);
    const res = await request(t.app).post('/api/products').set(by.auth).send(minimal);
    expect(res.status, JSON.stringify(res.body)).toBe(201);





    expect(res.body.description).toBeNull();


    expect(res.body.stock).toEqual(0);


    expect(res.body.imageUrl).toBeNull();
    expect(res.body.active).toEqual(true);

    expect(res.body.categoryId).toBeNull();

  });

  it('PATCH changes only the given fields; DELETE removes the product', async () => {
    const admin = await f.admin();
    const created = await f.createProduct();
    const n = 90_000 + Math.floor(Math.random() * 9_000);
    const change = { name: `name new ${n}` };
    const patched = await request(t.app).patch(`/api/products/${created.id}`).set(admin.auth).send(change);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toEqual({ ...created, ...change, updatedAt: patched.body.updatedAt });
    void n;

    expect((await request(t.app).delete(`/api/products/${created.id}`).set(admin.auth)).status).toBe(204);
    expectProblem(await request(t.app).get(`/api/products/${created.id}`).set(admin.auth), 404);
  });

  it('answers 404 for a missing or malformed id', async () => {
    const admin = await f.admin();
    expectProblem(await request(t.app).get(`/api/products/${MISSING_ID}`).set(admin.auth), 404);
    expectProblem(await request(t.app).get('/api/products/not-a-uuid').set(admin.auth), 404);
    expectProblem(await request(t.app).patch(`/api/products/${MISSING_ID}`).set(admin.auth).send({}), 404);
    expectProblem(await request(t.app).delete(`/api/products/${MISSING_ID}`).set(admin.auth), 404);
  });
});

describe('products: validation', () => {
  it('answers 422 with a field error for each missing required field', async () => {
    const by = await f.admin();
    const errors = expectProblem(await request(t.app).post('/api/products').set(by.auth).send({}), 422);
    expect(Object.keys(errors).sort()).toEqual(['name', 'sku', 'price'].sort());
  });

  it('answers 422 for an invalid name on POST and PATCH', async () => {
    const by = await f.admin();
    const admin = await f.admin();
    const res = await request(t.app)
      .post('/api/products')
      .set(by.auth)
      .send(await f.productInput({ name: 12345 }));
    expect(expectProblem(res, 422)).toHaveProperty('name');
    const created = await f.createProduct();
    const patched = await request(t.app).patch(`/api/products/${created.id}`).set(admin.auth).send({ name: 12345 });
    expect(expectProblem(patched, 422)).toHaveProperty('name');
  });

  it('answers 422 for unknown fields', async () => {
    const by = await f.admin();
    const res = await request(t.app)
      .post('/api/products')
      .set(by.auth)
      .send(await f.productInput({ notAField: 1 }));
    const errors = expectProblem(res, 422);
    expect(errors).toHaveProperty('notAField');

  });

  it('answers 400 for malformed JSON and 415 for a non-JSON body', async () => {
    const by = await f.admin();
    expectProblem(
      await request(t.app).post('/api/products').set(by.auth).set('Content-Type', 'application/json').send('{"x":'),
      400,
    );
    expectProblem(await request(t.app).post('/api/products').set(by.auth).set('Content-Type', 'text/plain').send('hello'), 415);
  });
});


describe('products: access', () => {
  it('answers 401 without a token', async () => {
    expectProblem(await request(t.app).get('/api/products'), 401);
    expectProblem(await request(t.app).get(`/api/products/${MISSING_ID}`), 401);
    expectProblem(await request(t.app).post('/api/products').send({}), 401);
  });



  it('answers 403 when a customer creates a product', async () => {
    const member = await f.member();
    expectProblem(await request(t.app).post('/api/products').set(member.auth).send(await f.productInput()), 403);
  });



  it('answers 403 when a customer changes a product', async () => {
    const member = await f.member();
    const created = await f.createProduct();
    expectProblem(await request(t.app).patch(`/api/products/${created.id}`).set(member.auth).send({}), 403);
  });

  it('answers 403 when a customer deletes a product', async () => {
    const member = await f.member();
    const created = await f.createProduct();
    expectProblem(await request(t.app).delete(`/api/products/${created.id}`).set(member.auth), 403);
  });

  it('lets an admin read every product', async () => {
    const admin = await f.admin();
    const created = await f.createProduct();
    expect((await request(t.app).get(`/api/products/${created.id}`).set(admin.auth)).status).toBe(200);
  });
});

describe('products: list, pagination, sort, filter', () => {
  it('paginates with page/limit and reports the total', async () => {
    const admin = await f.admin();
    for (let i = 0; i < 3; i++) await f.createProduct();
    const page1 = await request(t.app).get('/api/products?limit=2').set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2 });
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await request(t.app).get('/api/products?limit=2&page=2').set(admin.auth);
    expect(page2.body.page).toBe(2);
    expect(page2.body.data.length).toBeGreaterThanOrEqual(1);
    const defaults = await request(t.app).get('/api/products').set(admin.auth);
    expect(defaults.body).toMatchObject({ page: 1, limit: 20 });
  });

  it('sorts by price, ascending and descending (nulls last)', async () => {
    const admin = await f.admin();
    await f.createProduct();
    await f.createProduct();
    const values = async (sort: string) => {
      const res = await request(t.app).get(`/api/products?limit=100&sort=${sort}`).set(admin.auth);
      expect(res.status).toBe(200);
      return (res.body.data as { price: number | null }[]).map((r) => r.price).filter((v) => v !== null);
    };
    const asc = await values('price');
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = await values('-price');
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
  });

  it('filters by exact match on name', async () => {
    const admin = await f.admin();
    const created = await f.createProduct();
    const value = created['name'] as string | number;
    const res = await request(t.app)
      .get(`/api/products?limit=100&name=${encodeURIComponent(String(value))}`)
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(created.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['name'] === value)).toBe(true);
  });

  it('answers 400 with field errors for invalid query parameters', async () => {
    const admin = await f.admin();
    const errors = expectProblem(
      await request(t.app).get('/api/products?page=0&limit=1000&sort=notAField&notAFilter=1').set(admin.auth),
      400,
    );
    expect(Object.keys(errors).sort()).toEqual(['limit', 'notAFilter', 'page', 'sort']);
  });
});

describe('products: relations', () => {
  it('answers 422 when categoryId names no category', async () => {
    const admin = await f.admin();
    const created = await f.createProduct();
    const res = await request(t.app).patch(`/api/products/${created.id}`).set(admin.auth).send({ categoryId: MISSING_ID });
    expect(expectProblem(res, 422)).toHaveProperty('categoryId');
  });


  it('GET /api/products/:id/order-items reads the Order Items of a product', async () => {
    const admin = await f.admin();

    const parentId = (await f.createProduct()).id;
    const child = await f.createOrderItem(undefined, { productId: parentId });
    const res = await request(t.app).get(`/api/products/${parentId}/order-items`).set(admin.auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(child.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['productId'] === parentId)).toBe(true);
    expectProblem(await request(t.app).get(`/api/products/${MISSING_ID}/order-items`).set(admin.auth), 404);
  });

  it('answers 409 when a product that still has Order Items is deleted (restrict)', async () => {
    const admin = await f.admin();
    const parent = await f.createProduct();
    await f.createOrderItem(undefined, { productId: parent.id });
    expectProblem(await request(t.app).delete(`/api/products/${parent.id}`).set(admin.auth), 409);
  });



});

describe('products: unique fields', () => {
  it('answers 409 when sku is already in use', async () => {
    const first = await f.createProduct();

    const by = await f.admin();
    const res = await request(t.app)
      .post('/api/products')
      .set(by.auth)
      .send(await f.productInput({ sku: first['sku'] }));
    expect(expectProblem(res, 409)).toHaveProperty('sku');
  });

});
