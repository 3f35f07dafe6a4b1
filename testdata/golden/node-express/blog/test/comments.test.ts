// /api/comments: Comments. Behaviour from the spec: CRUD, validation, access, lists, relations.
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

describe('comments: CRUD', () => {
  it('POST creates a comment (201 + Location) and GET returns it', async () => {
    const by = await f.member();
    const input = await f.commentInput();
    const res = await request(t.app).post('/api/comments').set(by.auth).send(input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers['location']).toBe(`/api/comments/${res.body.id}`);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.body).toEqual(input['body']);
    expect(res.body.postId).toEqual(input['postId'] ?? null);
    expect(res.body.authorId).toBe(by.id);
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    expect(res.body.updatedAt).toBe(res.body.createdAt);
    const got = await request(t.app).get(`/api/comments/${res.body.id}`).set(by.auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('applies defaults and leaves unset optional fields null', async () => {
    const by = await f.member();
    const full = await f.commentInput();
    const minimal = pick(full, ['body', 'postId']);
    const res = await request(t.app).post('/api/comments').set(by.auth).send(minimal);
    expect(res.status, JSON.stringify(res.body)).toBe(201);




  });

  it('PATCH changes only the given fields; DELETE removes the comment', async () => {
    const admin = await f.admin();
    const created = await f.createComment();
    const n = 90_000 + Math.floor(Math.random() * 9_000);
    const change = { body: `body new ${n}` };
    const patched = await request(t.app).patch(`/api/comments/${created.id}`).set(admin.auth).send(change);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toEqual({ ...created, ...change, updatedAt: patched.body.updatedAt });
    void n;

    expect((await request(t.app).delete(`/api/comments/${created.id}`).set(admin.auth)).status).toBe(204);
    expectProblem(await request(t.app).get(`/api/comments/${created.id}`).set(admin.auth), 404);
  });

  it('answers 404 for a missing or malformed id', async () => {
    const admin = await f.admin();
    expectProblem(await request(t.app).get(`/api/comments/${MISSING_ID}`).set(admin.auth), 404);
    expectProblem(await request(t.app).get('/api/comments/not-a-uuid').set(admin.auth), 404);
    expectProblem(await request(t.app).patch(`/api/comments/${MISSING_ID}`).set(admin.auth).send({}), 404);
    expectProblem(await request(t.app).delete(`/api/comments/${MISSING_ID}`).set(admin.auth), 404);
  });
});

describe('comments: validation', () => {
  it('answers 422 with a field error for each missing required field', async () => {
    const by = await f.member();
    const errors = expectProblem(await request(t.app).post('/api/comments').set(by.auth).send({}), 422);
    expect(Object.keys(errors).sort()).toEqual(['body', 'postId'].sort());
  });

  it('answers 422 for an invalid body on POST and PATCH', async () => {
    const by = await f.member();
    const admin = await f.admin();
    const res = await request(t.app)
      .post('/api/comments')
      .set(by.auth)
      .send(await f.commentInput({ body: 12345 }));
    expect(expectProblem(res, 422)).toHaveProperty('body');
    const created = await f.createComment();
    const patched = await request(t.app).patch(`/api/comments/${created.id}`).set(admin.auth).send({ body: 12345 });
    expect(expectProblem(patched, 422)).toHaveProperty('body');
  });

  it('answers 422 for unknown fields, including authorId (the author comes from the token)', async () => {
    const by = await f.member();
    const res = await request(t.app)
      .post('/api/comments')
      .set(by.auth)
      .send(await f.commentInput({ notAField: 1, authorId: by.id }));
    const errors = expectProblem(res, 422);
    expect(errors).toHaveProperty('notAField');
    expect(errors).toHaveProperty('authorId');
  });

  it('answers 400 for malformed JSON and 415 for a non-JSON body', async () => {
    const by = await f.member();
    expectProblem(
      await request(t.app).post('/api/comments').set(by.auth).set('Content-Type', 'application/json').send('{"x":'),
      400,
    );
    expectProblem(await request(t.app).post('/api/comments').set(by.auth).set('Content-Type', 'text/plain').send('hello'), 415);
  });
});


describe('comments: access', () => {
  it('answers 401 without a token', async () => {
    expectProblem(await request(t.app).get('/api/comments'), 401);
    expectProblem(await request(t.app).get(`/api/comments/${MISSING_ID}`), 401);
    expectProblem(await request(t.app).post('/api/comments').send({}), 401);
  });




  it('lets the author change a comment, and answers 403 to others', async () => {
    const owner = await f.member();
    const other = await f.other();
    const created = await f.createComment(owner);
    expectProblem(await request(t.app).patch(`/api/comments/${created.id}`).set(other.auth).send({}), 403);
    expect((await request(t.app).patch(`/api/comments/${created.id}`).set(owner.auth).send({})).status).toBe(200);
  });

  it('lets the author delete a comment, and answers 403 to others', async () => {
    const owner = await f.member();
    const other = await f.other();
    const created = await f.createComment(owner);
    expectProblem(await request(t.app).delete(`/api/comments/${created.id}`).set(other.auth), 403);
    expect((await request(t.app).delete(`/api/comments/${created.id}`).set(owner.auth)).status).toBe(204);
  });



  it('lets an admin read every comment', async () => {
    const admin = await f.admin();
    const created = await f.createComment();
    expect((await request(t.app).get(`/api/comments/${created.id}`).set(admin.auth)).status).toBe(200);
  });
});

describe('comments: list, pagination, sort, filter', () => {
  it('paginates with page/limit and reports the total', async () => {
    const admin = await f.admin();
    for (let i = 0; i < 3; i++) await f.createComment();
    const page1 = await request(t.app).get('/api/comments?limit=2').set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2 });
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await request(t.app).get('/api/comments?limit=2&page=2').set(admin.auth);
    expect(page2.body.page).toBe(2);
    expect(page2.body.data.length).toBeGreaterThanOrEqual(1);
    const defaults = await request(t.app).get('/api/comments').set(admin.auth);
    expect(defaults.body).toMatchObject({ page: 1, limit: 20 });
  });



  it('answers 400 with field errors for invalid query parameters', async () => {
    const admin = await f.admin();
    const errors = expectProblem(
      await request(t.app).get('/api/comments?page=0&limit=1000&sort=notAField&notAFilter=1').set(admin.auth),
      400,
    );
    expect(Object.keys(errors).sort()).toEqual(['limit', 'notAFilter', 'page', 'sort']);
  });
});

describe('comments: relations', () => {
  it('answers 422 when postId names no post', async () => {
    const admin = await f.admin();
    const created = await f.createComment();
    const res = await request(t.app).patch(`/api/comments/${created.id}`).set(admin.auth).send({ postId: MISSING_ID });
    expect(expectProblem(res, 422)).toHaveProperty('postId');
  });





});

