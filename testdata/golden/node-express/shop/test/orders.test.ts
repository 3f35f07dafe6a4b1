// /api/orders: Orders. Behaviour from the spec: CRUD, validation, access, lists, relations.
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

describe('orders: CRUD', () => {
  it('POST creates an order (201 + Location) and GET returns it', async () => {
    const by = await f.member();
    const input = await f.orderInput();
    const res = await request(t.app).post('/api/orders').set(by.auth).send(input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers['location']).toBe(`/api/orders/${res.body.id}`);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.status).toEqual(input['status']);
    expect(res.body.total).toEqual(input['total']);
    expect(res.body.placedAt).toEqual(input['placedAt']);
    expect(res.body.shippingAddress).toEqual(input['shippingAddress']);

    expect(res.body.customerId).toBe(by.id);
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    expect(res.body.updatedAt).toBe(res.body.createdAt);
    const got = await request(t.app).get(`/api/orders/${res.body.id}`).set(by.auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('applies defaults and leaves unset optional fields null', async () => {
    const by = await f.member();
    const full = await f.orderInput();
    const minimal = pick(full, ['total', 'placedAt', 'shippingAddress']);
    const res = await request(t.app).post('/api/orders').set(by.auth).send(minimal);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toEqual("pending");









  });

  it('PATCH changes only the given fields; DELETE removes the order', async () => {
    const admin = await f.admin();
    const created = await f.createOrder();
    const n = 90_000 + Math.floor(Math.random() * 9_000);
    const change = { status: "paid" };
    const patched = await request(t.app).patch(`/api/orders/${created.id}`).set(admin.auth).send(change);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toEqual({ ...created, ...change, updatedAt: patched.body.updatedAt });
    void n;

    expect((await request(t.app).delete(`/api/orders/${created.id}`).set(admin.auth)).status).toBe(204);
    expectProblem(await request(t.app).get(`/api/orders/${created.id}`).set(admin.auth), 404);
  });

  it('answers 404 for a missing or malformed id', async () => {
    const admin = await f.admin();
    expectProblem(await request(t.app).get(`/api/orders/${MISSING_ID}`).set(admin.auth), 404);
    expectProblem(await request(t.app).get('/api/orders/not-a-uuid').set(admin.auth), 404);
    expectProblem(await request(t.app).patch(`/api/orders/${MISSING_ID}`).set(admin.auth).send({}), 404);
    expectProblem(await request(t.app).delete(`/api/orders/${MISSING_ID}`).set(admin.auth), 404);
  });
});

describe('orders: validation', () => {
  it('answers 422 with a field error for each missing required field', async () => {
    const by = await f.member();
    const errors = expectProblem(await request(t.app).post('/api/orders').set(by.auth).send({}), 422);
    expect(Object.keys(errors).sort()).toEqual(['total', 'placedAt', 'shippingAddress'].sort());
  });

  it('answers 422 for an invalid status on POST and PATCH', async () => {
    const by = await f.member();
    const admin = await f.admin();
    const res = await request(t.app)
      .post('/api/orders')
      .set(by.auth)
      .send(await f.orderInput({ status: 'not-a-valid-option' }));
    expect(expectProblem(res, 422)).toHaveProperty('status');
    const created = await f.createOrder();
    const patched = await request(t.app).patch(`/api/orders/${created.id}`).set(admin.auth).send({ status: 'not-a-valid-option' });
    expect(expectProblem(patched, 422)).toHaveProperty('status');
  });

  it('answers 422 for unknown fields, including customerId (the customer comes from the token)', async () => {
    const by = await f.member();
    const res = await request(t.app)
      .post('/api/orders')
      .set(by.auth)
      .send(await f.orderInput({ notAField: 1, customerId: by.id }));
    const errors = expectProblem(res, 422);
    expect(errors).toHaveProperty('notAField');
    expect(errors).toHaveProperty('customerId');
  });

  it('answers 400 for malformed JSON and 415 for a non-JSON body', async () => {
    const by = await f.member();
    expectProblem(
      await request(t.app).post('/api/orders').set(by.auth).set('Content-Type', 'application/json').send('{"x":'),
      400,
    );
    expectProblem(await request(t.app).post('/api/orders').set(by.auth).set('Content-Type', 'text/plain').send('hello'), 415);
  });
});


describe('orders: access', () => {
  it('answers 401 without a token', async () => {
    expectProblem(await request(t.app).get('/api/orders'), 401);
    expectProblem(await request(t.app).get(`/api/orders/${MISSING_ID}`), 401);
    expectProblem(await request(t.app).post('/api/orders').send({}), 401);
  });




  it('lets the customer change an order, and answers 403 to others', async () => {
    const owner = await f.member();
    const other = await f.other();
    const created = await f.createOrder(owner);
    expectProblem(await request(t.app).patch(`/api/orders/${created.id}`).set(other.auth).send({}), 403);
    expect((await request(t.app).patch(`/api/orders/${created.id}`).set(owner.auth).send({})).status).toBe(200);
  });

  it('lets the customer delete an order, and answers 403 to others', async () => {
    const owner = await f.member();
    const other = await f.other();
    const created = await f.createOrder(owner);
    expectProblem(await request(t.app).delete(`/api/orders/${created.id}`).set(other.auth), 403);
    expect((await request(t.app).delete(`/api/orders/${created.id}`).set(owner.auth)).status).toBe(204);
  });



  it('lets an admin read every order', async () => {
    const admin = await f.admin();
    const created = await f.createOrder();
    expect((await request(t.app).get(`/api/orders/${created.id}`).set(admin.auth)).status).toBe(200);
  });
});

describe('orders: list, pagination, sort, filter', () => {
  it('paginates with page/limit and reports the total', async () => {
    const admin = await f.admin();
    for (let i = 0; i < 3; i++) await f.createOrder();
    const page1 = await request(t.app).get('/api/orders?limit=2').set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2 });
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await request(t.app).get('/api/orders?limit=2&page=2').set(admin.auth);
    expect(page2.body.page).toBe(2);
    expect(page2.body.data.length).toBeGreaterThanOrEqual(1);
    const defaults = await request(t.app).get('/api/orders').set(admin.auth);
    expect(defaults.body).toMatchObject({ page: 1, limit: 20 });
  });

  it('sorts by total, ascending and descending (nulls last)', async () => {
    const admin = await f.admin();
    await f.createOrder();
    await f.createOrder();
    const values = async (sort: string) => {
      const res = await request(t.app).get(`/api/orders?limit=100&sort=${sort}`).set(admin.auth);
      expect(res.status).toBe(200);
      return (res.body.data as { total: number | null }[]).map((r) => r.total).filter((v) => v !== null);
    };
    const asc = await values('total');
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = await values('-total');
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
  });

  it('filters by exact match on status', async () => {
    const admin = await f.admin();
    const created = await f.createOrder();
    const value = created['status'] as string | number;
    const res = await request(t.app)
      .get(`/api/orders?limit=100&status=${encodeURIComponent(String(value))}`)
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(created.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['status'] === value)).toBe(true);
  });

  it('answers 400 with field errors for invalid query parameters', async () => {
    const admin = await f.admin();
    const errors = expectProblem(
      await request(t.app).get('/api/orders?page=0&limit=1000&sort=notAField&notAFilter=1').set(admin.auth),
      400,
    );
    expect(Object.keys(errors).sort()).toEqual(['limit', 'notAFilter', 'page', 'sort']);
  });
});

describe('orders: relations', () => {


  it('GET /api/orders/:id/items reads the Items of an order', async () => {
    const admin = await f.admin();

    const parentId = (await f.createOrder()).id;
    const child = await f.createOrderItem(undefined, { orderId: parentId });
    const res = await request(t.app).get(`/api/orders/${parentId}/items`).set(admin.auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(child.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['orderId'] === parentId)).toBe(true);
    expectProblem(await request(t.app).get(`/api/orders/${MISSING_ID}/items`).set(admin.auth), 404);
  });




});

