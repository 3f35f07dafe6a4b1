// /api/customers: Customers. Behaviour from the spec: CRUD, validation, access, lists, relations.
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


describe('customers: accounts', () => {
  it('GET returns a customer with its role and never a password hash', async () => {
    const member = await f.member();
    const res = await request(t.app).get(`/api/customers/${member.id}`).set(member.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: member.id, role: member.role });
    expect(JSON.stringify(res.body)).not.toMatch(/password/i);
  });

  it('PATCH lets a customer change their own profile', async () => {
    const member = await f.member();
    const n = 90_000 + Math.floor(Math.random() * 9_000);
    const change = { fullName: `full name new ${n}` };
    const res = await request(t.app).patch(`/api/customers/${member.id}`).set(member.auth).send(change);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject(change);
    void n;
  });

  it('answers 422 for a PATCH of the email, the role or unknown fields', async () => {
    const member = await f.member();
    const errors = expectProblem(
      await request(t.app).patch(`/api/customers/${member.id}`).set(member.auth).send({ email: 'x@example.com', role: "admin", notAField: 1 }),
      422,
    );
    expect(Object.keys(errors).sort()).toEqual(['email', 'notAField', 'role'].sort());
  });

  it('answers 403 when a customer changes someone else', async () => {
    const member = await f.member();
    const other = await f.other();
    expectProblem(await request(t.app).patch(`/api/customers/${other.id}`).set(member.auth).send({}), 403);
  });

  it('only admins delete customers (403 for others)', async () => {
    const member = await f.member();
    const victim = await f.createCustomer();
    expectProblem(await request(t.app).delete(`/api/customers/${victim.id}`).set(member.auth), 403);
    const admin = await f.admin();
    expect((await request(t.app).delete(`/api/customers/${victim.id}`).set(admin.auth)).status).toBe(204);
    expectProblem(await request(t.app).get(`/api/customers/${victim.id}`).set(admin.auth), 404);
  });

  it('answers 404 for a missing or malformed id', async () => {
    const admin = await f.admin();
    expectProblem(await request(t.app).get(`/api/customers/${MISSING_ID}`).set(admin.auth), 404);
    expectProblem(await request(t.app).get('/api/customers/not-a-uuid').set(admin.auth), 404);
  });
});

describe('customers: access', () => {
  it('answers 401 without a token', async () => {
    expectProblem(await request(t.app).get('/api/customers'), 401);
    expectProblem(await request(t.app).get(`/api/customers/${MISSING_ID}`), 401);

  });








  it('lets an admin read every customer', async () => {
    const admin = await f.admin();
    const created = await f.createCustomer();
    expect((await request(t.app).get(`/api/customers/${created.id}`).set(admin.auth)).status).toBe(200);
  });
});

describe('customers: list, pagination, sort, filter', () => {
  it('paginates with page/limit and reports the total', async () => {
    const admin = await f.admin();
    for (let i = 0; i < 3; i++) await f.createCustomer();
    const page1 = await request(t.app).get('/api/customers?limit=2').set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2 });
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await request(t.app).get('/api/customers?limit=2&page=2').set(admin.auth);
    expect(page2.body.page).toBe(2);
    expect(page2.body.data.length).toBeGreaterThanOrEqual(1);
    const defaults = await request(t.app).get('/api/customers').set(admin.auth);
    expect(defaults.body).toMatchObject({ page: 1, limit: 20 });
  });


  it('filters by exact match on fullName', async () => {
    const admin = await f.admin();
    const created = await f.createCustomer();
    const value = created['fullName'] as string | number;
    const res = await request(t.app)
      .get(`/api/customers?limit=100&fullName=${encodeURIComponent(String(value))}`)
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(created.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['fullName'] === value)).toBe(true);
  });

  it('answers 400 with field errors for invalid query parameters', async () => {
    const admin = await f.admin();
    const errors = expectProblem(
      await request(t.app).get('/api/customers?page=0&limit=1000&sort=notAField&notAFilter=1').set(admin.auth),
      400,
    );
    expect(Object.keys(errors).sort()).toEqual(['limit', 'notAFilter', 'page', 'sort']);
  });
});

describe('customers: relations', () => {


  it('GET /api/customers/:id/orders reads the Orders of a customer', async () => {
    const admin = await f.admin();
    const owner = await f.member();
    const parentId = owner.id;
    const child = await f.createOrder(owner);

    const res = await request(t.app).get(`/api/customers/${parentId}/orders`).set(admin.auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(child.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['customerId'] === parentId)).toBe(true);
    expectProblem(await request(t.app).get(`/api/customers/${MISSING_ID}/orders`).set(admin.auth), 404);
  });




});

describe('customers: unique fields', () => {
  it('answers 409 when email is already in use', async () => {
    const first = await f.createCustomer();
    expectProblem(await request(t.app).post('/auth/register').send(registerInput({ email: first['email'] })), 409);

  });

});
