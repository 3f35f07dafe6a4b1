// Sample values for every entity (seed data and the ADMIN_EMAIL account), from the generator's
// reading of each field's meaning. `i` is the record's index (keeps unique fields unique).
import type { Prng } from './prng.js';
import { mock } from './values.js';

export function mockUser(rng: Prng, i: number) {
  return {
    name: mock.text(rng, i, "personName", { maxLength: 100 }),
    email: mock.text(rng, i, "email", { unique: true }),
    bio: mock.text(rng, i, "paragraph", {}),
  };
}

export function mockPost(rng: Prng, i: number) {
  return {
    title: mock.text(rng, i, "title", { maxLength: 200 }),
    body: mock.text(rng, i, "paragraph", {}),
    status: rng.pick(["draft", "published"] as const),
    publishedAt: mock.datetime(rng),
    views: mock.integer(rng, i, "count", { min: 0 }),
  };
}

export function mockComment(rng: Prng, i: number) {
  return {
    body: mock.text(rng, i, "paragraph", { maxLength: 2000 }),
  };
}

export function mockTag(rng: Prng, i: number) {
  return {
    name: mock.text(rng, i, "title", { maxLength: 50, unique: true }),
  };
}
