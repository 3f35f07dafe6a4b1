// /auth: registration, login (with its failure limit), refresh-token rotation, me, ADMIN_EMAIL.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from './helpers/context.js';
import { PASSWORD, actorFrom, expectProblem, registerInput } from './helpers/factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ LOGIN_MAX_FAILURES: '3' });
});
afterAll(async () => {
  await t.close();
});

async function register(overrides: Record<string, unknown> = {}) {
  const input = registerInput(overrides);
  const res = await request(t.app).post('/auth/register').send(input);
  return { input, res };
}

describe('auth: register', () => {
  it('creates an account with the default role and signs it in (201)', async () => {
    const { input, res } = await register();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number) });
    expect(typeof res.body.accessToken).toBe('string');
    expect(typeof res.body.refreshToken).toBe('string');
    expect(res.body.user).toMatchObject({ email: input['email'], role: "user" });
    expect(JSON.stringify(res.body)).not.toContain(PASSWORD);
    expect(res.body.user).not.toHaveProperty('passwordHash');
  });

  it('answers 409 when the email is taken', async () => {
    const { input } = await register();
    const again = await request(t.app).post('/auth/register').send(registerInput({ email: input['email'] }));
    expectProblem(again, 409);
  });

  it('answers 422 for a short password, a bad email and unknown fields (a role cannot be chosen)', async () => {
    const errors = expectProblem(
      await request(t.app)
        .post('/auth/register')
        .send(registerInput({ password: 'short', email: 'not-an-email', role: "admin" })),
      422,
    );
    expect(Object.keys(errors).sort()).toEqual(['email', 'password', 'role'].sort());
  });
});

describe('auth: login and me', () => {
  it('logs in with the right password and GET /auth/me returns the user', async () => {
    const { input } = await register();
    const login = await request(t.app).post('/auth/login').send({ email: input['email'], password: PASSWORD });
    expect(login.status).toBe(200);
    const me = await request(t.app).get('/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: login.body.user.id, email: input['email'] });
  });

  it('answers 401 for a wrong password or an unknown account', async () => {
    const { input } = await register();
    expectProblem(await request(t.app).post('/auth/login').send({ email: input['email'], password: 'wrong password' }), 401);
    expectProblem(await request(t.app).post('/auth/login').send({ email: 'nobody@example.com', password: PASSWORD }), 401);
  });

  it('answers 429 with Retry-After after too many failed logins', async () => {
    const { input } = await register();
    const attempt = () => request(t.app).post('/auth/login').send({ email: input['email'], password: 'wrong password' });
    for (let i = 0; i < 3; i++) expectProblem(await attempt(), 401);
    const limited = await attempt();
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 401 on /auth/me without a token or with a forged one', async () => {
    expectProblem(await request(t.app).get('/auth/me'), 401);
    expectProblem(await request(t.app).get('/auth/me').set('Authorization', 'Bearer not.a.jwt'), 401);
  });
});

describe('auth: refresh', () => {
  it('rotates: a new pair, the old refresh token stops working, reuse revokes the family', async () => {
    const { res } = await register();
    const first = actorFrom(res.body);
    const rotated = await request(t.app).post('/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expectProblem(await request(t.app).post('/auth/refresh').send({ refreshToken: first.refreshToken }), 401);
    // The reuse above revoked the whole family, including the newer token.
    expectProblem(await request(t.app).post('/auth/refresh').send({ refreshToken: rotated.body.refreshToken }), 401);
  });

  it('answers 401 for an unknown refresh token and 422 without one', async () => {
    expectProblem(await request(t.app).post('/auth/refresh').send({ refreshToken: 'nope' }), 401);
    expectProblem(await request(t.app).post('/auth/refresh').send({}), 422);
  });
});

describe('auth: ADMIN_EMAIL', () => {
  it('creates the admin account at start from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    const ctx = await createTestContext({ ADMIN_EMAIL: 'Boss@Example.com', ADMIN_PASSWORD: 'admin-password-1' });
    try {
      const login = await request(ctx.app).post('/auth/login').send({ email: 'boss@example.com', password: 'admin-password-1' });
      expect(login.status).toBe(200);
      expect(login.body.user.role).toBe("admin");
    } finally {
      await ctx.close();
    }
  });
});
