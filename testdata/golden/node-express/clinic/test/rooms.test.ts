// /api/rooms: Rooms. Behaviour from the spec: CRUD, validation, access, lists, relations.
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

describe('rooms: CRUD', () => {
  it('POST creates a room (201 + Location) and GET returns it', async () => {
    const by = await f.withRole("staff");
    const input = await f.roomInput();
    const res = await request(t.app).post('/api/rooms').set(by.auth).send(input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers['location']).toBe(`/api/rooms/${res.body.id}`);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.code).toEqual(input['code']);
    expect(res.body.floor).toEqual(input['floor']);


    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    expect(res.body.updatedAt).toBe(res.body.createdAt);
    const got = await request(t.app).get(`/api/rooms/${res.body.id}`).set(by.auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('applies defaults and leaves unset optional fields null', async () => {
    const by = await f.withRole("staff");
    const full = await f.roomInput();
    const minimal = pick(full, ['code']);
    const res = await request(t.app).post('/api/rooms').set(by.auth).send(minimal);
    expect(res.status, JSON.stringify(res.body)).toBe(201);



    expect(res.body.floor).toBeNull();


  });

  it('PATCH changes only the given fields; DELETE removes the room', async () => {
    const admin = await f.admin();
    const created = await f.createRoom();
    const n = 90_000 + Math.floor(Math.random() * 9_000);
    const change = { code: `cod ${n}` };
    const patched = await request(t.app).patch(`/api/rooms/${created.id}`).set(admin.auth).send(change);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toEqual({ ...created, ...change, updatedAt: patched.body.updatedAt });
    void n;

    expect((await request(t.app).delete(`/api/rooms/${created.id}`).set(admin.auth)).status).toBe(204);
    expectProblem(await request(t.app).get(`/api/rooms/${created.id}`).set(admin.auth), 404);
  });

  it('answers 404 for a missing or malformed id', async () => {
    const admin = await f.admin();
    expectProblem(await request(t.app).get(`/api/rooms/${MISSING_ID}`).set(admin.auth), 404);
    expectProblem(await request(t.app).get('/api/rooms/not-a-uuid').set(admin.auth), 404);
    expectProblem(await request(t.app).patch(`/api/rooms/${MISSING_ID}`).set(admin.auth).send({}), 404);
    expectProblem(await request(t.app).delete(`/api/rooms/${MISSING_ID}`).set(admin.auth), 404);
  });
});

describe('rooms: validation', () => {
  it('answers 422 with a field error for each missing required field', async () => {
    const by = await f.withRole("staff");
    const errors = expectProblem(await request(t.app).post('/api/rooms').set(by.auth).send({}), 422);
    expect(Object.keys(errors).sort()).toEqual(['code'].sort());
  });

  it('answers 422 for an invalid code on POST and PATCH', async () => {
    const by = await f.withRole("staff");
    const admin = await f.admin();
    const res = await request(t.app)
      .post('/api/rooms')
      .set(by.auth)
      .send(await f.roomInput({ code: 12345 }));
    expect(expectProblem(res, 422)).toHaveProperty('code');
    const created = await f.createRoom();
    const patched = await request(t.app).patch(`/api/rooms/${created.id}`).set(admin.auth).send({ code: 12345 });
    expect(expectProblem(patched, 422)).toHaveProperty('code');
  });

  it('answers 422 for unknown fields', async () => {
    const by = await f.withRole("staff");
    const res = await request(t.app)
      .post('/api/rooms')
      .set(by.auth)
      .send(await f.roomInput({ notAField: 1 }));
    const errors = expectProblem(res, 422);
    expect(errors).toHaveProperty('notAField');

  });

  it('answers 400 for malformed JSON and 415 for a non-JSON body', async () => {
    const by = await f.withRole("staff");
    expectProblem(
      await request(t.app).post('/api/rooms').set(by.auth).set('Content-Type', 'application/json').send('{"x":'),
      400,
    );
    expectProblem(await request(t.app).post('/api/rooms').set(by.auth).set('Content-Type', 'text/plain').send('hello'), 415);
  });
});


describe('rooms: access', () => {
  it('answers 401 without a token', async () => {
    expectProblem(await request(t.app).get('/api/rooms'), 401);
    expectProblem(await request(t.app).get(`/api/rooms/${MISSING_ID}`), 401);
    expectProblem(await request(t.app).post('/api/rooms').send({}), 401);
  });



  it('answers 403 when a patient creates a room', async () => {
    const member = await f.member();
    expectProblem(await request(t.app).post('/api/rooms').set(member.auth).send(await f.roomInput()), 403);
  });



  it('answers 403 when a patient changes a room', async () => {
    const member = await f.member();
    const created = await f.createRoom();
    expectProblem(await request(t.app).patch(`/api/rooms/${created.id}`).set(member.auth).send({}), 403);
  });

  it('answers 403 when a patient deletes a room', async () => {
    const member = await f.member();
    const created = await f.createRoom();
    expectProblem(await request(t.app).delete(`/api/rooms/${created.id}`).set(member.auth), 403);
  });

  it('lets an admin read every room', async () => {
    const admin = await f.admin();
    const created = await f.createRoom();
    expect((await request(t.app).get(`/api/rooms/${created.id}`).set(admin.auth)).status).toBe(200);
  });
});

describe('rooms: list, pagination, sort, filter', () => {
  it('paginates with page/limit and reports the total', async () => {
    const admin = await f.admin();
    for (let i = 0; i < 3; i++) await f.createRoom();
    const page1 = await request(t.app).get('/api/rooms?limit=2').set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2 });
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await request(t.app).get('/api/rooms?limit=2&page=2').set(admin.auth);
    expect(page2.body.page).toBe(2);
    expect(page2.body.data.length).toBeGreaterThanOrEqual(1);
    const defaults = await request(t.app).get('/api/rooms').set(admin.auth);
    expect(defaults.body).toMatchObject({ page: 1, limit: 20 });
  });

  it('sorts by floor, ascending and descending (nulls last)', async () => {
    const admin = await f.admin();
    await f.createRoom();
    await f.createRoom();
    const values = async (sort: string) => {
      const res = await request(t.app).get(`/api/rooms?limit=100&sort=${sort}`).set(admin.auth);
      expect(res.status).toBe(200);
      return (res.body.data as { floor: number | null }[]).map((r) => r.floor).filter((v) => v !== null);
    };
    const asc = await values('floor');
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = await values('-floor');
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
  });

  it('filters by exact match on code', async () => {
    const admin = await f.admin();
    const created = await f.createRoom();
    const value = created['code'] as string | number;
    const res = await request(t.app)
      .get(`/api/rooms?limit=100&code=${encodeURIComponent(String(value))}`)
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(created.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['code'] === value)).toBe(true);
  });

  it('answers 400 with field errors for invalid query parameters', async () => {
    const admin = await f.admin();
    const errors = expectProblem(
      await request(t.app).get('/api/rooms?page=0&limit=1000&sort=notAField&notAFilter=1').set(admin.auth),
      400,
    );
    expect(Object.keys(errors).sort()).toEqual(['limit', 'notAFilter', 'page', 'sort']);
  });
});

describe('rooms: relations', () => {


  it('GET /api/rooms/:id/appointments reads the Appointments of a room', async () => {
    const admin = await f.admin();

    const parentId = (await f.createRoom()).id;
    const child = await f.createAppointment(undefined, { roomId: parentId });
    const res = await request(t.app).get(`/api/rooms/${parentId}/appointments`).set(admin.auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(child.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['roomId'] === parentId)).toBe(true);
    expectProblem(await request(t.app).get(`/api/rooms/${MISSING_ID}/appointments`).set(admin.auth), 404);
  });



  it('GET /api/rooms/:id/doctors lists the Doctors linked to a room', async () => {
    const admin = await f.admin();
    const target = await f.createRoom();
    const linked = await f.createDoctor();
    const link = await request(t.app).patch(`/api/doctors/${linked.id}`).set(admin.auth).send({ roomIds: [target.id] });
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    const res = await request(t.app).get(`/api/rooms/${target.id}/doctors`).set(admin.auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toEqual([linked.id]);
    expectProblem(await request(t.app).get(`/api/rooms/${MISSING_ID}/doctors`).set(admin.auth), 404);
  });

});

describe('rooms: unique fields', () => {
  it('answers 409 when code is already in use', async () => {
    const first = await f.createRoom();

    const by = await f.withRole("staff");
    const res = await request(t.app)
      .post('/api/rooms')
      .set(by.auth)
      .send(await f.roomInput({ code: first['code'] }));
    expect(expectProblem(res, 409)).toHaveProperty('code');
  });

});
