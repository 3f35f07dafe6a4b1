// /api/posts: Posts. Behaviour from the spec: CRUD, validation, access, lists, relations.
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

describe('posts: CRUD', () => {
  it('POST creates a post (201 + Location) and GET returns it', async () => {
    const by = await f.member();
    const input = await f.postInput();
    const res = await request(t.app).post('/api/posts').set(by.auth).send(input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers['location']).toBe(`/api/posts/${res.body.id}`);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.title).toEqual(input['title']);
    expect(res.body.body).toEqual(input['body']);
    expect(res.body.status).toEqual(input['status']);
    expect(res.body.publishedAt).toEqual(input['publishedAt']);
    expect(res.body.views).toEqual(input['views']);

    expect(res.body.authorId).toBe(by.id);
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    expect(res.body.updatedAt).toBe(res.body.createdAt);
    const got = await request(t.app).get(`/api/posts/${res.body.id}`).set(by.auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('applies defaults and leaves unset optional fields null', async () => {
    const by = await f.member();
    const full = await f.postInput();
    const minimal = pick(full, ['title', 'body']);
    const res = await request(t.app).post('/api/posts').set(by.auth).send(minimal);
    expect(res.status, JSON.stringify(res.body)).toBe(201);




    expect(res.body.status).toEqual("draft");


    expect(res.body.publishedAt).toBeNull();
    expect(res.body.views).toEqual(0);


    expect(res.body.tagIds).toEqual([]);
  });

  it('PATCH changes only the given fields; DELETE removes the post', async () => {
    const admin = await f.admin();
    const created = await f.createPost();
    const n = 90_000 + Math.floor(Math.random() * 9_000);
    const change = { title: `title new ${n}` };
    const patched = await request(t.app).patch(`/api/posts/${created.id}`).set(admin.auth).send(change);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toEqual({ ...created, ...change, updatedAt: patched.body.updatedAt });
    void n;

    expect((await request(t.app).delete(`/api/posts/${created.id}`).set(admin.auth)).status).toBe(204);
    expectProblem(await request(t.app).get(`/api/posts/${created.id}`).set(admin.auth), 404);
  });

  it('answers 404 for a missing or malformed id', async () => {
    const admin = await f.admin();
    expectProblem(await request(t.app).get(`/api/posts/${MISSING_ID}`).set(admin.auth), 404);
    expectProblem(await request(t.app).get('/api/posts/not-a-uuid').set(admin.auth), 404);
    expectProblem(await request(t.app).patch(`/api/posts/${MISSING_ID}`).set(admin.auth).send({}), 404);
    expectProblem(await request(t.app).delete(`/api/posts/${MISSING_ID}`).set(admin.auth), 404);
  });
});

describe('posts: validation', () => {
  it('answers 422 with a field error for each missing required field', async () => {
    const by = await f.member();
    const errors = expectProblem(await request(t.app).post('/api/posts').set(by.auth).send({}), 422);
    expect(Object.keys(errors).sort()).toEqual(['title', 'body'].sort());
  });

  it('answers 422 for an invalid title on POST and PATCH', async () => {
    const by = await f.member();
    const admin = await f.admin();
    const res = await request(t.app)
      .post('/api/posts')
      .set(by.auth)
      .send(await f.postInput({ title: 12345 }));
    expect(expectProblem(res, 422)).toHaveProperty('title');
    const created = await f.createPost();
    const patched = await request(t.app).patch(`/api/posts/${created.id}`).set(admin.auth).send({ title: 12345 });
    expect(expectProblem(patched, 422)).toHaveProperty('title');
  });

  it('answers 422 for unknown fields, including authorId (the author comes from the token)', async () => {
    const by = await f.member();
    const res = await request(t.app)
      .post('/api/posts')
      .set(by.auth)
      .send(await f.postInput({ notAField: 1, authorId: by.id }));
    const errors = expectProblem(res, 422);
    expect(errors).toHaveProperty('notAField');
    expect(errors).toHaveProperty('authorId');
  });

  it('answers 400 for malformed JSON and 415 for a non-JSON body', async () => {
    const by = await f.member();
    expectProblem(
      await request(t.app).post('/api/posts').set(by.auth).set('Content-Type', 'application/json').send('{"x":'),
      400,
    );
    expectProblem(await request(t.app).post('/api/posts').set(by.auth).set('Content-Type', 'text/plain').send('hello'), 415);
  });
});


describe('posts: access', () => {
  it('answers 401 without a token', async () => {
    expectProblem(await request(t.app).get('/api/posts'), 401);
    expectProblem(await request(t.app).get(`/api/posts/${MISSING_ID}`), 401);
    expectProblem(await request(t.app).post('/api/posts').send({}), 401);
  });




  it('lets the author change a post, and answers 403 to others', async () => {
    const owner = await f.member();
    const other = await f.other();
    const created = await f.createPost(owner);
    expectProblem(await request(t.app).patch(`/api/posts/${created.id}`).set(other.auth).send({}), 403);
    expect((await request(t.app).patch(`/api/posts/${created.id}`).set(owner.auth).send({})).status).toBe(200);
  });

  it('lets the author delete a post, and answers 403 to others', async () => {
    const owner = await f.member();
    const other = await f.other();
    const created = await f.createPost(owner);
    expectProblem(await request(t.app).delete(`/api/posts/${created.id}`).set(other.auth), 403);
    expect((await request(t.app).delete(`/api/posts/${created.id}`).set(owner.auth)).status).toBe(204);
  });



  it('lets an admin read every post', async () => {
    const admin = await f.admin();
    const created = await f.createPost();
    expect((await request(t.app).get(`/api/posts/${created.id}`).set(admin.auth)).status).toBe(200);
  });
});

describe('posts: list, pagination, sort, filter', () => {
  it('paginates with page/limit and reports the total', async () => {
    const admin = await f.admin();
    for (let i = 0; i < 3; i++) await f.createPost();
    const page1 = await request(t.app).get('/api/posts?limit=2').set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2 });
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await request(t.app).get('/api/posts?limit=2&page=2').set(admin.auth);
    expect(page2.body.page).toBe(2);
    expect(page2.body.data.length).toBeGreaterThanOrEqual(1);
    const defaults = await request(t.app).get('/api/posts').set(admin.auth);
    expect(defaults.body).toMatchObject({ page: 1, limit: 20 });
  });

  it('sorts by views, ascending and descending (nulls last)', async () => {
    const admin = await f.admin();
    await f.createPost();
    await f.createPost();
    const values = async (sort: string) => {
      const res = await request(t.app).get(`/api/posts?limit=100&sort=${sort}`).set(admin.auth);
      expect(res.status).toBe(200);
      return (res.body.data as { views: number | null }[]).map((r) => r.views).filter((v) => v !== null);
    };
    const asc = await values('views');
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = await values('-views');
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
  });

  it('filters by exact match on title', async () => {
    const admin = await f.admin();
    const created = await f.createPost();
    const value = created['title'] as string | number;
    const res = await request(t.app)
      .get(`/api/posts?limit=100&title=${encodeURIComponent(String(value))}`)
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(created.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['title'] === value)).toBe(true);
  });

  it('answers 400 with field errors for invalid query parameters', async () => {
    const admin = await f.admin();
    const errors = expectProblem(
      await request(t.app).get('/api/posts?page=0&limit=1000&sort=notAField&notAFilter=1').set(admin.auth),
      400,
    );
    expect(Object.keys(errors).sort()).toEqual(['limit', 'notAFilter', 'page', 'sort']);
  });
});

describe('posts: relations', () => {


  it('GET /api/posts/:id/comments reads the Comments of a post', async () => {
    const admin = await f.admin();

    const parentId = (await f.createPost()).id;
    const child = await f.createComment(undefined, { postId: parentId });
    const res = await request(t.app).get(`/api/posts/${parentId}/comments`).set(admin.auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(child.id);
    expect(res.body.data.every((r: Record<string, unknown>) => r['postId'] === parentId)).toBe(true);
    expectProblem(await request(t.app).get(`/api/posts/${MISSING_ID}/comments`).set(admin.auth), 404);
  });


  it('sets tagIds, replaces them on PATCH and lists them at /:id/tags', async () => {
    const admin = await f.admin();
    const [a, b, c] = [await f.createTag(), await f.createTag(), await f.createTag()];
    const created = await f.createPost();
    const set = await request(t.app).patch(`/api/posts/${created.id}`).set(admin.auth).send({ tagIds: [a.id, b.id] });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect([...(set.body.tagIds as string[])].sort()).toEqual([a.id, b.id].sort());
    const listed = await request(t.app).get(`/api/posts/${created.id}/tags`).set(admin.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(2);
    const replaced = await request(t.app).patch(`/api/posts/${created.id}`).set(admin.auth).send({ tagIds: [c.id] });
    expect(replaced.body.tagIds).toEqual([c.id]);
    const withIds = await f.createPost(undefined, { tagIds: [a.id] });
    expect(withIds['tagIds']).toEqual([a.id]);
  });

  it('answers 422 for tagIds that name no tag', async () => {
    const admin = await f.admin();
    const created = await f.createPost();
    const res = await request(t.app).patch(`/api/posts/${created.id}`).set(admin.auth).send({ tagIds: [MISSING_ID] });
    expect(expectProblem(res, 422)).toHaveProperty('tagIds.0');
  });


});

