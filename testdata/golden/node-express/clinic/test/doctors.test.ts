// /api/doctors: Doctors. Behaviour from the spec: CRUD, validation, access, lists, relations.
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

describe('doctors: CRUD', () => {
  it('POST creates a doctor (201 + Location) and GET returns it', async () => {
    const by = await f.withRole("staff");
    const input = await f.doctorInput();
    const res = await request(t.app).post('/api/doctors').set(by.auth).send(input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers['location']).toBe(`/api/doctors/${res.body.id}`);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.name).toEqual(input['name']);
    expect(res.body.specialty).toEqual(input['specialty']);
    expect(res.body.licenseNumber).toEqual(input['licenseNumber']);
    expect(res.body.rating).toEqual(input['rating']);


    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    expect(res.body.updatedAt).toBe(res.body.createdAt);
    const got = await request(t.app).get(`/api/doctors/${res.body.id}`).set(by.auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('applies defaults and leaves unset optional fields null', async () => {
    const by = await f.withRole("staff");
    const full = await f.doctorInput();
    const minimal = pick(full, ['name', 'specialty', 'licenseNumber']);
    const res = await request(t.app).post('/api/doctors').set(by.auth).send(minimal);
    expect(res.status, JSON.stringify(res.body)).toBe(201);







    expect(res.body.rating).toBeNull();

    expect(res.body.roomIds).toEqual([]);
  });

  it('PATCH changes only the given fields; DELETE removes the doctor', async () => {
    const admin = await f.admin();
    const created = await f.createDoctor();
    const n = 90_000 + Math.floor(Math.random() * 9_000);
    const change = { name: `name new ${n}` };
    const patched = await request(t.app).patch(`/api/doctors/${created.id}`).set(admin.auth).send(change);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toEqual({ ...created, ...change, updatedAt: patched.body.updatedAt });
    void n;

    expect((await request(t.app).delete(`/api/doctors/${created.id}`).set(admin.auth)).status).toBe(204);
    expectProblem(await request(t.app).get(`/api/doctors/${created.id}`).set(admin.auth), 404);
  });

  it('answers 404 for a missing or malformed id', async () => {
    const admin = await f.admin();
    expectProblem(await request(t.app).get(`/api/doctors/${MISSING_ID}`).set(admin.auth), 404);
    expectProblem(await request(t.app).get('/api/doctors/not-a-uuid').set(admin.auth), 404);
    expectProblem(await request(t.app).patch(`/api/doctors/${MISSING_ID}`).set(admin.auth).send({}), 404);
    expectProblem(await request(t.app).delete(`/api/doctors/${MISSING_ID}`).set(admin.auth), 404);
  });
});

describe('doctors: validation', () => {
  it('answers 422 with a field error for each missing required field', async () => {
    const by = await f.withRole("staff");
    const errors = expectProblem(await request(t.app).post('/api/doctors').set(by.auth).send({}), 422);
    expect(Object.keys(errors).sort()).toEqual(['name', 'specialty', 'licenseNumber'].sort());
  });

  it('answers 422 for an invalid name on POST and PATCH', async () => {
    const by = await f.withRole("staff");
    const admin = await f.admin();
    const res = await request(t.app)
      .post('/api/doctors')
      .set(by.auth)
      .send(await f.doctorInput({ name: 12345 }));
    expect(expectProblem(res, 422)).toHaveProperty('name');
    const created = await f.createDoctor();
    const patched = await request(t.app).patch(`/api/doctors/${created.id}`).set(admin.auth).send({ name: 12345 });
    expect(expectProblem(patched, 422)).toHaveProperty('name');
  });

  it('answers 422 for unknown fields', async () => {
    const by = await f.withRole("staff");
    const res = await request(t.app)
      .post('/api/doctors')
      .set(by.auth)
      .send(await f.doctorInput({ notAField: 1 }));
    const errors = expectProblem(res, 422);
    expect(errors).toHaveProperty('notAField');

  });

  it('answers 400 for malformed JSON and 415 for a non-JSON body', async () => {
    const by = await f.withRole("staff");
    expectProblem(
      await request(t.app).post('/api/doctors').set(by.auth).set('Content-Type', 'application/json').send('{"x":'),
      400,
    );
    expectProblem(await request(t.app).post('/api/doctors').set(by.auth).set('Content-Type', 'text/plain').send('hello'), 415);
  });
});


describe('doctors: access', () => {

  it('lets anyone read without a token', async () => {
    const created = await f.createDoctor();
    expect((await request(t.app).get('/api/doctors')).status).toBe(200);
    expect((await request(t.app).get(`/api/doctors/${created.id}`)).status).toBe(200);
  });


  it('answers 403 when a patient creates a doctor', async () => {
    const member = await f.member();
    expectProblem(await request(t.app).post('/api/doctors').set(member.auth).send(await f.doctorInput()), 403);
  });



  it('answers 403 when a patient changes a doctor', async () => {
    const member = await f.member();
    const created = await f.createDoctor();
    expectProblem(await request(t.app).patch(`/api/doctors/${created.id}`).set(member.auth).send({}), 403);
  });

  it('answers 403 when a patient deletes a doctor', async () => {
    const member = await f.member();
    const created = await f.createDoctor();
    expectProblem(await request(t.app).delete(`/api/doctors/${created.id}`).set(member.auth), 403);
  });

  it('lets an admin read every doctor', async () => {
    const admin = await f.admin();
    const created = await f.createDoctor();
    expect((await request(t.app).get(`/api/doctors/${created.id}`).set(admin.auth)).status).toBe(200);
  });
});

describe('doctors: list, pagination, sort, filter', () => {
  it('paginates with page/limit and reports the total', async () => {
    const admin = await f.admin();
    for (let i = 0; i < 3; i++) await f.createDoctor();
    const page1 = await request(t.app).get('/api/doctors?limit=2').set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2 });
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await request(t.app).get('/api/doctors?limit=2&page=2').set(admin.auth);
    expect(page2.body.page).toBe(2);
    expect(page2.body.data.length).toBeGreaterThanOrEqual(1);
    const defaults = await request(t.app).get('/api/doctors').set(admin.auth);
    expect(defaults.body).toMatchObject({ page: 1, limit: 20 });
  });

  it('sorts by rating, ascending and descending (nulls last)', async () => {
    const admin = await f.admin();
    await f.createDoctor();
    await f.createDoctor();
    const values = async (sort: string) => {
      const res = await request(t.app).get(`/api/doctors?limit=100&sort=${sort}`).set(admin.auth);
      expect(res.status).toBe(200);
      return (res.body.data as { rating: number | null }[]).map((r) => r.rating).filter((v) => v !== null);
    };
    const asc = await values('rating');
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = await values('-rating');
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
  });

  it('filters by exact match on name', async () => {
    const admin = await f.admin();
    const created = await f.createDoctor();
    const value = created['name'] as string | number;
    const res = await request(t.app)
      .get(`/api/doctors?limit=100&name=${encodeURIComponent(String(value))}`)
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(created.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['name'] === value)).toBe(true);
  });

  it('answers 400 with field errors for invalid query parameters', async () => {
    const admin = await f.admin();
    const errors = expectProblem(
      await request(t.app).get('/api/doctors?page=0&limit=1000&sort=notAField&notAFilter=1').set(admin.auth),
      400,
    );
    expect(Object.keys(errors).sort()).toEqual(['limit', 'notAFilter', 'page', 'sort']);
  });
});

describe('doctors: relations', () => {


  it('GET /api/doctors/:id/profile reads the Profile of a doctor', async () => {
    const admin = await f.admin();

    const parentId = (await f.createDoctor()).id;
    const child = await f.createDoctorProfile(undefined, { doctorId: parentId });
    const res = await request(t.app).get(`/api/doctors/${parentId}/profile`).set(admin.auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: child.id, doctorId: parentId });
    const lonely = await f.createDoctor();
    expectProblem(await request(t.app).get(`/api/doctors/${lonely.id}/profile`).set(admin.auth), 404);

    expectProblem(await request(t.app).get(`/api/doctors/${MISSING_ID}/profile`).set(admin.auth), 404);
  });


  it('GET /api/doctors/:id/appointments reads the Appointments of a doctor', async () => {
    const admin = await f.admin();

    const parentId = (await f.createDoctor()).id;
    const child = await f.createAppointment(undefined, { doctorId: parentId });
    const res = await request(t.app).get(`/api/doctors/${parentId}/appointments`).set(admin.auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(child.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['doctorId'] === parentId)).toBe(true);
    expectProblem(await request(t.app).get(`/api/doctors/${MISSING_ID}/appointments`).set(admin.auth), 404);
  });

  it('answers 409 when a doctor that still has Appointments is deleted (restrict)', async () => {
    const admin = await f.admin();
    const parent = await f.createDoctor();
    await f.createAppointment(undefined, { doctorId: parent.id });
    expectProblem(await request(t.app).delete(`/api/doctors/${parent.id}`).set(admin.auth), 409);
  });

  it('sets roomIds, replaces them on PATCH and lists them at /:id/rooms', async () => {
    const admin = await f.admin();
    const [a, b, c] = [await f.createRoom(), await f.createRoom(), await f.createRoom()];
    const created = await f.createDoctor();
    const set = await request(t.app).patch(`/api/doctors/${created.id}`).set(admin.auth).send({ roomIds: [a.id, b.id] });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect([...(set.body.roomIds as string[])].sort()).toEqual([a.id, b.id].sort());
    const listed = await request(t.app).get(`/api/doctors/${created.id}/rooms`).set(admin.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(2);
    const replaced = await request(t.app).patch(`/api/doctors/${created.id}`).set(admin.auth).send({ roomIds: [c.id] });
    expect(replaced.body.roomIds).toEqual([c.id]);
    const withIds = await f.createDoctor(undefined, { roomIds: [a.id] });
    expect(withIds['roomIds']).toEqual([a.id]);
  });

  it('answers 422 for roomIds that name no room', async () => {
    const admin = await f.admin();
    const created = await f.createDoctor();
    const res = await request(t.app).patch(`/api/doctors/${created.id}`).set(admin.auth).send({ roomIds: [MISSING_ID] });
    expect(expectProblem(res, 422)).toHaveProperty('roomIds.0');
  });


});

describe('doctors: unique fields', () => {
  it('answers 409 when licenseNumber is already in use', async () => {
    const first = await f.createDoctor();

    const by = await f.withRole("staff");
    const res = await request(t.app)
      .post('/api/doctors')
      .set(by.auth)
      .send(await f.doctorInput({ licenseNumber: first['licenseNumber'] }));
    expect(expectProblem(res, 409)).toHaveProperty('licenseNumber');
  });

});
