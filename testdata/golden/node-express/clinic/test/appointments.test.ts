// /api/appointments: Appointments. Behaviour from the spec: CRUD, validation, access, lists, relations.
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

describe('appointments: CRUD', () => {
  it('POST creates an appointment (201 + Location) and GET returns it', async () => {
    const by = await f.member();
    const input = await f.appointmentInput();
    const res = await request(t.app).post('/api/appointments').set(by.auth).send(input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers['location']).toBe(`/api/appointments/${res.body.id}`);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.startsAt).toEqual(input['startsAt']);
    expect(res.body.durationMinutes).toEqual(input['durationMinutes']);
    expect(res.body.reason).toEqual(input['reason']);
    expect(res.body.status).toEqual(input['status']);
    expect(res.body.externalRef).toEqual(input['externalRef']);
    expect(res.body.doctorId).toEqual(input['doctorId'] ?? null);
    expect(res.body.roomId).toEqual(input['roomId'] ?? null);
    expect(res.body.patientId).toBe(by.id);
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    expect(res.body.updatedAt).toBe(res.body.createdAt);
    const got = await request(t.app).get(`/api/appointments/${res.body.id}`).set(by.auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('applies defaults and leaves unset optional fields null', async () => {
    const by = await f.member();
    const full = await f.appointmentInput();
    const minimal = pick(full, ['startsAt', 'doctorId']);
    const res = await request(t.app).post('/api/appointments').set(by.auth).send(minimal);
    expect(res.status, JSON.stringify(res.body)).toBe(201);


    expect(res.body.durationMinutes).toEqual(30);


    expect(res.body.reason).toBeNull();
    expect(res.body.status).toEqual("requested");


    expect(res.body.externalRef).toBeNull();

    expect(res.body.roomId).toBeNull();

  });

  it('PATCH changes only the given fields; DELETE removes the appointment', async () => {
    const admin = await f.admin();
    const created = await f.createAppointment();
    const n = 90_000 + Math.floor(Math.random() * 9_000);
    const change = { startsAt: '2024-02-20T08:30:00.000Z' };
    const patched = await request(t.app).patch(`/api/appointments/${created.id}`).set(admin.auth).send(change);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toEqual({ ...created, ...change, updatedAt: patched.body.updatedAt });
    void n;

    expect((await request(t.app).delete(`/api/appointments/${created.id}`).set(admin.auth)).status).toBe(204);
    expectProblem(await request(t.app).get(`/api/appointments/${created.id}`).set(admin.auth), 404);
  });

  it('answers 404 for a missing or malformed id', async () => {
    const admin = await f.admin();
    expectProblem(await request(t.app).get(`/api/appointments/${MISSING_ID}`).set(admin.auth), 404);
    expectProblem(await request(t.app).get('/api/appointments/not-a-uuid').set(admin.auth), 404);
    expectProblem(await request(t.app).patch(`/api/appointments/${MISSING_ID}`).set(admin.auth).send({}), 404);
    expectProblem(await request(t.app).delete(`/api/appointments/${MISSING_ID}`).set(admin.auth), 404);
  });
});

describe('appointments: validation', () => {
  it('answers 422 with a field error for each missing required field', async () => {
    const by = await f.member();
    const errors = expectProblem(await request(t.app).post('/api/appointments').set(by.auth).send({}), 422);
    expect(Object.keys(errors).sort()).toEqual(['startsAt', 'doctorId'].sort());
  });

  it('answers 422 for an invalid startsAt on POST and PATCH', async () => {
    const by = await f.member();
    const admin = await f.admin();
    const res = await request(t.app)
      .post('/api/appointments')
      .set(by.auth)
      .send(await f.appointmentInput({ startsAt: 'not-a-date' }));
    expect(expectProblem(res, 422)).toHaveProperty('startsAt');
    const created = await f.createAppointment();
    const patched = await request(t.app).patch(`/api/appointments/${created.id}`).set(admin.auth).send({ startsAt: 'not-a-date' });
    expect(expectProblem(patched, 422)).toHaveProperty('startsAt');
  });

  it('answers 422 for unknown fields, including patientId (the patient comes from the token)', async () => {
    const by = await f.member();
    const res = await request(t.app)
      .post('/api/appointments')
      .set(by.auth)
      .send(await f.appointmentInput({ notAField: 1, patientId: by.id }));
    const errors = expectProblem(res, 422);
    expect(errors).toHaveProperty('notAField');
    expect(errors).toHaveProperty('patientId');
  });

  it('answers 400 for malformed JSON and 415 for a non-JSON body', async () => {
    const by = await f.member();
    expectProblem(
      await request(t.app).post('/api/appointments').set(by.auth).set('Content-Type', 'application/json').send('{"x":'),
      400,
    );
    expectProblem(await request(t.app).post('/api/appointments').set(by.auth).set('Content-Type', 'text/plain').send('hello'), 415);
  });
});


describe('appointments: access', () => {
  it('answers 401 without a token', async () => {
    expectProblem(await request(t.app).get('/api/appointments'), 401);
    expectProblem(await request(t.app).get(`/api/appointments/${MISSING_ID}`), 401);
    expectProblem(await request(t.app).post('/api/appointments').send({}), 401);
  });




  it('lets the patient change an appointment, and answers 403 to others', async () => {
    const owner = await f.member();
    const other = await f.other();
    const created = await f.createAppointment(owner);
    expectProblem(await request(t.app).patch(`/api/appointments/${created.id}`).set(other.auth).send({}), 403);
    expect((await request(t.app).patch(`/api/appointments/${created.id}`).set(owner.auth).send({})).status).toBe(200);
  });

  it('lets the patient delete an appointment, and answers 403 to others', async () => {
    const owner = await f.member();
    const other = await f.other();
    const created = await f.createAppointment(owner);
    expectProblem(await request(t.app).delete(`/api/appointments/${created.id}`).set(other.auth), 403);
    expect((await request(t.app).delete(`/api/appointments/${created.id}`).set(owner.auth)).status).toBe(204);
  });



  it('lets an admin read every appointment', async () => {
    const admin = await f.admin();
    const created = await f.createAppointment();
    expect((await request(t.app).get(`/api/appointments/${created.id}`).set(admin.auth)).status).toBe(200);
  });
});

describe('appointments: list, pagination, sort, filter', () => {
  it('paginates with page/limit and reports the total', async () => {
    const admin = await f.admin();
    for (let i = 0; i < 3; i++) await f.createAppointment();
    const page1 = await request(t.app).get('/api/appointments?limit=2').set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2 });
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await request(t.app).get('/api/appointments?limit=2&page=2').set(admin.auth);
    expect(page2.body.page).toBe(2);
    expect(page2.body.data.length).toBeGreaterThanOrEqual(1);
    const defaults = await request(t.app).get('/api/appointments').set(admin.auth);
    expect(defaults.body).toMatchObject({ page: 1, limit: 20 });
  });

  it('sorts by durationMinutes, ascending and descending (nulls last)', async () => {
    const admin = await f.admin();
    await f.createAppointment();
    await f.createAppointment();
    const values = async (sort: string) => {
      const res = await request(t.app).get(`/api/appointments?limit=100&sort=${sort}`).set(admin.auth);
      expect(res.status).toBe(200);
      return (res.body.data as { durationMinutes: number | null }[]).map((r) => r.durationMinutes).filter((v) => v !== null);
    };
    const asc = await values('durationMinutes');
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = await values('-durationMinutes');
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
  });

  it('filters by exact match on startsAt', async () => {
    const admin = await f.admin();
    const created = await f.createAppointment();
    const value = created['startsAt'] as string | number;
    const res = await request(t.app)
      .get(`/api/appointments?limit=100&startsAt=${encodeURIComponent(String(value))}`)
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(created.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['startsAt'] === value)).toBe(true);
  });

  it('answers 400 with field errors for invalid query parameters', async () => {
    const admin = await f.admin();
    const errors = expectProblem(
      await request(t.app).get('/api/appointments?page=0&limit=1000&sort=notAField&notAFilter=1').set(admin.auth),
      400,
    );
    expect(Object.keys(errors).sort()).toEqual(['limit', 'notAFilter', 'page', 'sort']);
  });
});

describe('appointments: relations', () => {
  it('answers 422 when doctorId names no doctor', async () => {
    const admin = await f.admin();
    const created = await f.createAppointment();
    const res = await request(t.app).patch(`/api/appointments/${created.id}`).set(admin.auth).send({ doctorId: MISSING_ID });
    expect(expectProblem(res, 422)).toHaveProperty('doctorId');
  });

  it('answers 422 when roomId names no room', async () => {
    const admin = await f.admin();
    const created = await f.createAppointment();
    const res = await request(t.app).patch(`/api/appointments/${created.id}`).set(admin.auth).send({ roomId: MISSING_ID });
    expect(expectProblem(res, 422)).toHaveProperty('roomId');
  });





});

