// Sample values for every entity (seed data and the ADMIN_EMAIL account), from the generator's
// reading of each field's meaning. `i` is the record's index (keeps unique fields unique).
import type { Prng } from './prng.js';
import { mock } from './values.js';

export function mockUser(rng: Prng, i: number) {
  return {
    name: mock.text(rng, i, "personName", { maxLength: 100 }),
    email: mock.text(rng, i, "email", { unique: true }),
    dateOfBirth: mock.date(rng, "birthDate"),
  };
}

export function mockDoctor(rng: Prng, i: number) {
  return {
    name: mock.text(rng, i, "title", { maxLength: 100 }),
    specialty: rng.pick(["general", "cardiology", "dermatology", "pediatrics"] as const),
    licenseNumber: mock.text(rng, i, "code", { maxLength: 30, unique: true }),
    rating: mock.number(rng, i, "rating", { min: 0, max: 5 }),
  };
}

export function mockDoctorProfile(rng: Prng, i: number) {
  return {
    bio: mock.text(rng, i, "paragraph", {}),
    photoUrl: mock.text(rng, i, "imageUrl", {}),
    languages: { note: mock.text(rng, i, 'word', {}) },
  };
}

export function mockRoom(rng: Prng, i: number) {
  return {
    code: mock.text(rng, i, "code", { maxLength: 10, unique: true }),
    floor: mock.integer(rng, i, "count", { min: 0, max: 50 }),
  };
}

export function mockAppointment(rng: Prng, i: number) {
  return {
    startsAt: mock.datetime(rng),
    durationMinutes: mock.integer(rng, i, "count", { min: 10, max: 240 }),
    reason: mock.text(rng, i, "word", { maxLength: 500 }),
    status: rng.pick(["requested", "confirmed", "completed", "cancelled"] as const),
    externalRef: rng.uuid(),
  };
}
