// /api/doctor-profiles: Doctor Profiles. Behaviour from the spec: CRUD, validation, access, lists, relations.
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

describe('doctor profiles: CRUD', () => {
  it('POST creates a doctor profile (201 + Location) and GET returns it', async () => {
    const by = await f.withRole("staff");
    const input = await f.doctorProfileInput();
    const res = await request(t.app).post('/api/doctor-profiles').set(by.auth).send(input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers['location']).toBe(`/api/doctor-profiles/${res.body.id}`);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.bio).toEqual(input['bio']);
    expect(res.body.photoUrl).toEqual(input['photoUrl']);
    expect(res.body.languages).toEqual(input['languages']);
    expect(res.body.doctorId).toEqual(input['doctorId'] ?? null);

    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    expect(res.body.updatedAt).toBe(res.body.createdAt);
    const got = await request(t.app).get(`/api/doctor-profiles/${res.body.id}`).set(by.auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('applies defaults and leaves unset optional fields null', async () => {
    const by = await f.withRole("staff");
    const full = await f.doctorProfileInput();
    const minimal = pick(full, ['doctorId']);
    const res = await request(t.app).post('/api/doctor-profiles').set(by.auth).send(minimal);
    expect(res.status, JSON.stringify(res.body)).toBe(201);

    expect(res.body.bio).toBeNull();

    expect(res.body.photoUrl).toBeNull();

    expect(res.body.languages).toBeNull();


  });

  it('PATCH changes only the given fields; DELETE removes the doctor profile', async () => {
    const admin = await f.admin();
    const created = await f.createDoctorProfile();
    const n = 90_000 + Math.floor(Math.random() * 9_000);
    const change = { bio: `bio new ${n}` };
    const patched = await request(t.app).patch(`/api/doctor-profiles/${created.id}`).set(admin.auth).send(change);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toEqual({ ...created, ...change, updatedAt: patched.body.updatedAt });
    void n;

    expect((await request(t.app).delete(`/api/doctor-profiles/${created.id}`).set(admin.auth)).status).toBe(204);
    expectProblem(await request(t.app).get(`/api/doctor-profiles/${created.id}`).set(admin.auth), 404);
  });

  it('answers 404 for a missing or malformed id', async () => {
    const admin = await f.admin();
    expectProblem(await request(t.app).get(`/api/doctor-profiles/${MISSING_ID}`).set(admin.auth), 404);
    expectProblem(await request(t.app).get('/api/doctor-profiles/not-a-uuid').set(admin.auth), 404);
    expectProblem(await request(t.app).patch(`/api/doctor-profiles/${MISSING_ID}`).set(admin.auth).send({}), 404);
    expectProblem(await request(t.app).delete(`/api/doctor-profiles/${MISSING_ID}`).set(admin.auth), 404);
  });
});

describe('doctor profiles: validation', () => {
  it('answers 422 with a field error for each missing required field', async () => {
    const by = await f.withRole("staff");
    const errors = expectProblem(await request(t.app).post('/api/doctor-profiles').set(by.auth).send({}), 422);
    expect(Object.keys(errors).sort()).toEqual(['doctorId'].sort());
  });

  it('answers 422 for an invalid bio on POST and PATCH', async () => {
    const by = await f.withRole("staff");
    const admin = await f.admin();
    const res = await request(t.app)
      .post('/api/doctor-profiles')
      .set(by.auth)
      .send(await f.doctorProfileInput({ bio: 12345 }));
    expect(expectProblem(res, 422)).toHaveProperty('bio');
    const created = await f.createDoctorProfile();
    const patched = await request(t.app).patch(`/api/doctor-profiles/${created.id}`).set(admin.auth).send({ bio: 12345 });
    expect(expectProblem(patched, 422)).toHaveProperty('bio');
  });

  it('answers 422 for unknown fields', async () => {
    const by = await f.withRole("staff");
    const res = await request(t.app)
      .post('/api/doctor-profiles')
      .set(by.auth)
      .send(await f.doctorProfileInput({ notAField: 1 }));
    const errors = expectProblem(res, 422);
    expect(errors).toHaveProperty('notAField');

  });

  it('answers 400 for malformed JSON and 415 for a non-JSON body', async () => {
    const by = await f.withRole("staff");
    expectProblem(
      await request(t.app).post('/api/doctor-profiles').set(by.auth).set('Content-Type', 'application/json').send('{"x":'),
      400,
    );
    expectProblem(await request(t.app).post('/api/doctor-profiles').set(by.auth).set('Content-Type', 'text/plain').send('hello'), 415);
  });
});


describe('doctor profiles: access', () => {

  it('lets anyone read without a token', async () => {
    const created = await f.createDoctorProfile();
    expect((await request(t.app).get('/api/doctor-profiles')).status).toBe(200);
    expect((await request(t.app).get(`/api/doctor-profiles/${created.id}`)).status).toBe(200);
  });


  it('answers 403 when a patient creates a doctor profile', async () => {
    const member = await f.member();
    expectProblem(await request(t.app).post('/api/doctor-profiles').set(member.auth).send(await f.doctorProfileInput()), 403);
  });



  it('answers 403 when a patient changes a doctor profile', async () => {
    const member = await f.member();
    const created = await f.createDoctorProfile();
    expectProblem(await request(t.app).patch(`/api/doctor-profiles/${created.id}`).set(member.auth).send({}), 403);
  });

  it('answers 403 when a patient deletes a doctor profile', async () => {
    const member = await f.member();
    const created = await f.createDoctorProfile();
    expectProblem(await request(t.app).delete(`/api/doctor-profiles/${created.id}`).set(member.auth), 403);
  });

  it('lets an admin read every doctor profile', async () => {
    const admin = await f.admin();
    const created = await f.createDoctorProfile();
    expect((await request(t.app).get(`/api/doctor-profiles/${created.id}`).set(admin.auth)).status).toBe(200);
  });
});

describe('doctor profiles: list, pagination, sort, filter', () => {
  it('paginates with page/limit and reports the total', async () => {
    const admin = await f.admin();
    for (let i = 0; i < 3; i++) await f.createDoctorProfile();
    const page1 = await request(t.app).get('/api/doctor-profiles?limit=2').set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2 });
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await request(t.app).get('/api/doctor-profiles?limit=2&page=2').set(admin.auth);
    expect(page2.body.page).toBe(2);
    expect(page2.body.data.length).toBeGreaterThanOrEqual(1);
    const defaults = await request(t.app).get('/api/doctor-profiles').set(admin.auth);
    expect(defaults.body).toMatchObject({ page: 1, limit: 20 });
  });


  it('filters by exact match on photoUrl', async () => {
    const admin = await f.admin();
    const created = await f.createDoctorProfile();
    const value = created['photoUrl'] as string | number;
    const res = await request(t.app)
      .get(`/api/doctor-profiles?limit=100&photoUrl=${encodeURIComponent(String(value))}`)
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(created.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['photoUrl'] === value)).toBe(true);
  });

  it('answers 400 with field errors for invalid query parameters', async () => {
    const admin = await f.admin();
    const errors = expectProblem(
      await request(t.app).get('/api/doctor-profiles?page=0&limit=1000&sort=notAField&notAFilter=1').set(admin.auth),
      400,
    );
    expect(Object.keys(errors).sort()).toEqual(['limit', 'notAFilter', 'page', 'sort']);
  });
});

describe('doctor profiles: relations', () => {
  it('answers 422 when doctorId names no doctor', async () => {
    const admin = await f.admin();
    const created = await f.createDoctorProfile();
    const res = await request(t.app).patch(`/api/doctor-profiles/${created.id}`).set(admin.auth).send({ doctorId: MISSING_ID });
    expect(expectProblem(res, 422)).toHaveProperty('doctorId');
  });

  it('answers 409 when another doctor profile already has this doctorId (one-to-one)', async () => {
    const parent = await f.createDoctor();
    await f.createDoctorProfile(undefined, { doctorId: parent.id });
    const by = await f.withRole("staff");
    const res = await request(t.app)
      .post('/api/doctor-profiles')
      .set(by.auth)
      .send(await f.doctorProfileInput({ doctorId: parent.id }));
    expect(expectProblem(res, 409)).toHaveProperty('doctorId');
  });




});

