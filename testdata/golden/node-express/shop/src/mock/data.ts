// Sample values for every entity (seed data and the ADMIN_EMAIL account), from the generator's
// reading of each field's meaning. `i` is the record's index (keeps unique fields unique).
import type { Prng } from './prng.js';
import { mock } from './values.js';

export function mockCustomer(rng: Prng, i: number) {
  return {
    fullName: mock.text(rng, i, "personName", { maxLength: 120 }),
    email: mock.text(rng, i, "email", { unique: true }),
    phone: mock.text(rng, i, "phone", { maxLength: 30 }),
    isVip: rng.bool(),
  };
}

export function mockCategory(rng: Prng, i: number) {
  return {
    name: mock.text(rng, i, "title", { maxLength: 80 }),
    slug: mock.text(rng, i, "slug", { maxLength: 80, unique: true }),
  };
}

export function mockProduct(rng: Prng, i: number) {
  return {
    name: mock.text(rng, i, "title", { maxLength: 160 }),
    sku: mock.text(rng, i, "code", { maxLength: 40, unique: true }),
    description: mock.text(rng, i, "paragraph", {}),
    price: mock.number(rng, i, "money", { min: 0 }),
    stock: mock.integer(rng, i, "count", { min: 0 }),
    imageUrl: mock.text(rng, i, "imageUrl", {}),
    active: rng.bool(),
  };
}

export function mockOrder(rng: Prng, i: number) {
  return {
    status: rng.pick(["pending", "paid", "shipped", "delivered", "cancelled"] as const),
    total: mock.number(rng, i, "money", { min: 0 }),
    placedAt: mock.datetime(rng),
    shippingAddress: mock.text(rng, i, "street", { maxLength: 300 }),
  };
}

export function mockOrderItem(rng: Prng, i: number) {
  return {
    quantity: mock.integer(rng, i, "count", { min: 1, max: 1000 }),
    unitPrice: mock.number(rng, i, "money", { min: 0 }),
  };
}
