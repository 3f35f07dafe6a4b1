// /api/order-items: Order Items. Behaviour from the spec: CRUD, validation, access, lists, relations.
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

describe('order items: CRUD', () => {
  it('POST creates an order item (201 + Location) and GET returns it', async () => {
    const by = await f.member();
    const input = await f.orderItemInput();
    const res = await request(t.app).post('/api/order-items').set(by.auth).send(input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers['location']).toBe(`/api/order-items/${res.body.id}`);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.quantity).toEqual(input['quantity']);
    expect(res.body.unitPrice).toEqual(input['unitPrice']);
    expect(res.body.orderId).toEqual(input['orderId'] ?? null);
    expect(res.body.productId).toEqual(input['productId'] ?? null);

    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    expect(res.body.updatedAt).toBe(res.body.createdAt);
    const got = await request(t.app).get(`/api/order-items/${res.body.id}`).set(by.auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('applies defaults and leaves unset optional fields null', async () => {
    const by = await f.member();
    const full = await f.orderItemInput();
    const minimal = pick(full, ['quantity', 'unitPrice', 'orderId', 'productId']);
    const res = await request(t.app).post('/api/order-items').set(by.auth).send(minimal);
    expect(res.status, JSON.stringify(res.body)).toBe(201);







  });

  it('PATCH changes only the given fields; DELETE removes the order item', async () => {
    const admin = await f.admin();
    const created = await f.createOrderItem();
    const n = 90_000 + Math.floor(Math.random() * 9_000);
    const change = { quantity: 1000 };
    const patched = await request(t.app).patch(`/api/order-items/${created.id}`).set(admin.auth).send(change);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toEqual({ ...created, ...change, updatedAt: patched.body.updatedAt });
    void n;

    expect((await request(t.app).delete(`/api/order-items/${created.id}`).set(admin.auth)).status).toBe(204);
    expectProblem(await request(t.app).get(`/api/order-items/${created.id}`).set(admin.auth), 404);
  });

  it('answers 404 for a missing or malformed id', async () => {
    const admin = await f.admin();
    expectProblem(await request(t.app).get(`/api/order-items/${MISSING_ID}`).set(admin.auth), 404);
    expectProblem(await request(t.app).get('/api/order-items/not-a-uuid').set(admin.auth), 404);
    expectProblem(await request(t.app).patch(`/api/order-items/${MISSING_ID}`).set(admin.auth).send({}), 404);
    expectProblem(await request(t.app).delete(`/api/order-items/${MISSING_ID}`).set(admin.auth), 404);
  });
});

describe('order items: validation', () => {
  it('answers 422 with a field error for each missing required field', async () => {
    const by = await f.member();
    const errors = expectProblem(await request(t.app).post('/api/order-items').set(by.auth).send({}), 422);
    expect(Object.keys(errors).sort()).toEqual(['quantity', 'unitPrice', 'orderId', 'productId'].sort());
  });

  it('answers 422 for an invalid quantity on POST and PATCH', async () => {
    const by = await f.member();
    const admin = await f.admin();
    const res = await request(t.app)
      .post('/api/order-items')
      .set(by.auth)
      .send(await f.orderItemInput({ quantity: 'not-a-number' }));
    expect(expectProblem(res, 422)).toHaveProperty('quantity');
    const created = await f.createOrderItem();
    const patched = await request(t.app).patch(`/api/order-items/${created.id}`).set(admin.auth).send({ quantity: 'not-a-number' });
    expect(expectProblem(patched, 422)).toHaveProperty('quantity');
  });

  it('answers 422 for unknown fields', async () => {
    const by = await f.member();
    const res = await request(t.app)
      .post('/api/order-items')
      .set(by.auth)
      .send(await f.orderItemInput({ notAField: 1 }));
    const errors = expectProblem(res, 422);
    expect(errors).toHaveProperty('notAField');

  });

  it('answers 400 for malformed JSON and 415 for a non-JSON body', async () => {
    const by = await f.member();
    expectProblem(
      await request(t.app).post('/api/order-items').set(by.auth).set('Content-Type', 'application/json').send('{"x":'),
      400,
    );
    expectProblem(await request(t.app).post('/api/order-items').set(by.auth).set('Content-Type', 'text/plain').send('hello'), 415);
  });
});


describe('order items: access', () => {
  it('answers 401 without a token', async () => {
    expectProblem(await request(t.app).get('/api/order-items'), 401);
    expectProblem(await request(t.app).get(`/api/order-items/${MISSING_ID}`), 401);
    expectProblem(await request(t.app).post('/api/order-items').send({}), 401);
  });






  it('answers 403 when a customer changes an order item', async () => {
    const member = await f.member();
    const created = await f.createOrderItem();
    expectProblem(await request(t.app).patch(`/api/order-items/${created.id}`).set(member.auth).send({}), 403);
  });

  it('answers 403 when a customer deletes an order item', async () => {
    const member = await f.member();
    const created = await f.createOrderItem();
    expectProblem(await request(t.app).delete(`/api/order-items/${created.id}`).set(member.auth), 403);
  });

  it('lets an admin read every order item', async () => {
    const admin = await f.admin();
    const created = await f.createOrderItem();
    expect((await request(t.app).get(`/api/order-items/${created.id}`).set(admin.auth)).status).toBe(200);
  });
});

describe('order items: list, pagination, sort, filter', () => {
  it('paginates with page/limit and reports the total', async () => {
    const admin = await f.admin();
    for (let i = 0; i < 3; i++) await f.createOrderItem();
    const page1 = await request(t.app).get('/api/order-items?limit=2').set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2 });
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await request(t.app).get('/api/order-items?limit=2&page=2').set(admin.auth);
    expect(page2.body.page).toBe(2);
    expect(page2.body.data.length).toBeGreaterThanOrEqual(1);
    const defaults = await request(t.app).get('/api/order-items').set(admin.auth);
    expect(defaults.body).toMatchObject({ page: 1, limit: 20 });
  });

  it('sorts by quantity, ascending and descending (nulls last)', async () => {
    const admin = await f.admin();
    await f.createOrderItem();
    await f.createOrderItem();
    const values = async (sort: string) => {
      const res = await request(t.app).get(`/api/order-items?limit=100&sort=${sort}`).set(admin.auth);
      expect(res.status).toBe(200);
      return (res.body.data as { quantity: number | null }[]).map((r) => r.quantity).filter((v) => v !== null);
    };
    const asc = await values('quantity');
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = await values('-quantity');
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
  });

  it('filters by exact match on quantity', async () => {
    const admin = await f.admin();
    const created = await f.createOrderItem();
    const value = created['quantity'] as string | number;
    const res = await request(t.app)
      .get(`/api/order-items?limit=100&quantity=${encodeURIComponent(String(value))}`)
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(created.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['quantity'] === value)).toBe(true);
  });

  it('answers 400 with field errors for invalid query parameters', async () => {
    const admin = await f.admin();
    const errors = expectProblem(
      await request(t.app).get('/api/order-items?page=0&limit=1000&sort=notAField&notAFilter=1').set(admin.auth),
      400,
    );
    expect(Object.keys(errors).sort()).toEqual(['limit', 'notAFilter', 'page', 'sort']);
  });
});

describe('order items: relations', () => {
  it('answers 422 when orderId names no order', async () => {
    const admin = await f.admin();
    const created = await f.createOrderItem();
    const res = await request(t.app).patch(`/api/order-items/${created.id}`).set(admin.auth).send({ orderId: MISSING_ID });
    expect(expectProblem(res, 422)).toHaveProperty('orderId');
  });

  it('answers 422 when productId names no product', async () => {
    const admin = await f.admin();
    const created = await f.createOrderItem();
    const res = await request(t.app).patch(`/api/order-items/${created.id}`).set(admin.auth).send({ productId: MISSING_ID });
    expect(expectProblem(res, 422)).toHaveProperty('productId');
  });





});

