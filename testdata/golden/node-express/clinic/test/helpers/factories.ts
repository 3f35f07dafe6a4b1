// Test fixtures: actors and records created through the HTTP API (black-box, so the same helpers
// work against any implementation of the contract), each created on first use. Role changes for
// tests go to the database directly: there is deliberately no API for them.
import request from 'supertest';
import { expect } from 'vitest';
import type { TestContext } from './context.js';
import { asFixture } from './examples.js';

let sequence = 0;
/** A number that differs for every record of a test file (keeps unique fields unique). */
export const next = (): number => ++sequence;

export const PASSWORD = 'correct horse battery staple';

/** A well-formed UUID that names nothing. */
export const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** A record as the API returns it. */
export interface Rec {
  id: string;
  [key: string]: unknown;
}

export interface Actor {
  id: string;
  role: string;
  accessToken: string;
  refreshToken: string;
  /** `Authorization` header for supertest's `.set()` (empty without auth). */
  auth: Record<string, string>;
  user: Rec;
}

interface AuthBody {
  accessToken: string;
  refreshToken: string;
  user: Rec & { role: string };
}

export function registerInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = next();
  return {
    name: `name ${n}`,
    email: `user${n}@example.com`,
    dateOfBirth: '2024-01-15',
    password: PASSWORD,
    ...overrides,
  };
}

export function actorFrom(body: AuthBody): Actor {
  return {
    id: body.user.id,
    role: body.user.role,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    auth: { Authorization: `Bearer ${body.accessToken}` },
    user: body.user,
  };
}

export async function registerUser(t: TestContext, overrides: Record<string, unknown> = {}): Promise<Actor> {
  const res = await asFixture(request(t.app).post('/auth/register').send(registerInput(overrides)));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return actorFrom(res.body as AuthBody);
}

/** Registers a user and gives it `role` directly in the database. */
export async function createUserWithRole(t: TestContext, role: string): Promise<Actor> {
  const actor = await registerUser(t);
  await t.deps.db.kysely.updateTable('users').set({ role }).where('id', '=', actor.id).execute();
  return { ...actor, role, user: { ...actor.user, role } };
}


/** Creates a value once, on first use, and shares it between the tests of a file. */
export function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

/** The given keys of a body (the required fields of a create body). */
export function pick(body: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([k]) => keys.includes(k)));
}

/** Asserts an RFC 9457 problem response; returns its field errors as `path -> message`. */
export function expectProblem(res: request.Response, status: number): Record<string, string> {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.body as { type: string; title: string; status: number; errors?: { path: string; message: string }[] };
  expect(body.status).toBe(status);
  expect(body.type).toBe('about:blank');
  expect(typeof body.title).toBe('string');
  return Object.fromEntries((body.errors ?? []).map((e) => [e.path, e.message]));
}

/** Actors and records of one test file. */
export class Fixtures {
  constructor(private readonly t: () => TestContext) {}

  private readonly actors = new Map<string, Promise<Actor>>();

  private once(key: string, make: () => Promise<Actor>): Promise<Actor> {
    let actor = this.actors.get(key);
    if (actor === undefined) {
      actor = make();
      this.actors.set(key, actor);
    }
    return actor;
  }

  /** A user with the default role (patient). */
  member = (): Promise<Actor> => this.once('member', () => registerUser(this.t()));
  /** Another user with the default role. */
  other = (): Promise<Actor> => this.once('other', () => registerUser(this.t()));
  admin = (): Promise<Actor> => this.once('admin', () => createUserWithRole(this.t(), "admin"));
  withRole = (role: string): Promise<Actor> => this.once(`role:${role}`, () => createUserWithRole(this.t(), role));


  /** A user (registered through /auth/register). */
  async createUser(_actor?: Actor, overrides: Record<string, unknown> = {}): Promise<Rec> {
    return (await registerUser(this.t(), overrides)).user;
  }



  /** A valid create body for a doctor; required references are created first. */
  doctorInput(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const n = next();
    const input: Record<string, unknown> = {
      name: `name ${n}`,
      specialty: "general",
      licenseNumber: `license number ${n}`,
      rating: 1.25,

      ...overrides,
    };
    return Promise.resolve(input);
  }

  /** A doctor created through the API (by `actor`, else by someone allowed to). */
  async createDoctor(actor?: Actor, overrides: Record<string, unknown> = {}): Promise<Rec> {
    const by = actor ?? (await this.withRole("staff"));
    const input = await this.doctorInput(overrides);
    const res = await asFixture(request(this.t().app).post('/api/doctors').set(by.auth).send(input));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Rec;
  }


  /** A valid create body for a doctor profile; required references are created first. */
  async doctorProfileInput(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const n = next();
    const input: Record<string, unknown> = {
      bio: `bio ${n}`,
      photoUrl: `https://example.com/doctor-profile/${n}`,
      languages: { note: 'sample', tags: ['a'] },
      doctorId: (await this.createDoctor()).id,
      ...overrides,
    };
    return input;
  }

  /** A doctor profile created through the API (by `actor`, else by someone allowed to). */
  async createDoctorProfile(actor?: Actor, overrides: Record<string, unknown> = {}): Promise<Rec> {
    const by = actor ?? (await this.withRole("staff"));
    const input = await this.doctorProfileInput(overrides);
    const res = await asFixture(request(this.t().app).post('/api/doctor-profiles').set(by.auth).send(input));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Rec;
  }


  /** A valid create body for a room; required references are created first. */
  roomInput(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const n = next();
    const input: Record<string, unknown> = {
      code: `cod ${n}`,
      floor: 1,

      ...overrides,
    };
    return Promise.resolve(input);
  }

  /** A room created through the API (by `actor`, else by someone allowed to). */
  async createRoom(actor?: Actor, overrides: Record<string, unknown> = {}): Promise<Rec> {
    const by = actor ?? (await this.withRole("staff"));
    const input = await this.roomInput(overrides);
    const res = await asFixture(request(this.t().app).post('/api/rooms').set(by.auth).send(input));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Rec;
  }


  /** A valid create body for an appointment; required references are created first. */
  async appointmentInput(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const n = next();
    const input: Record<string, unknown> = {
      startsAt: '2024-01-15T10:00:00.000Z',
      durationMinutes: 11,
      reason: `reason ${n}`,
      status: "requested",
      externalRef: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      doctorId: (await this.createDoctor()).id,
      ...overrides,
    };
    return input;
  }

  /** A appointment created through the API (by `actor`, else by someone allowed to). */
  async createAppointment(actor?: Actor, overrides: Record<string, unknown> = {}): Promise<Rec> {
    const by = actor ?? (await this.member());
    const input = await this.appointmentInput(overrides);
    const res = await asFixture(request(this.t().app).post('/api/appointments').set(by.auth).send(input));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Rec;
  }
}
