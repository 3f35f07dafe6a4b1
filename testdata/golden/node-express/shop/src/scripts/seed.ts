// `npm run seed [-- --reset]`: deterministic development data (same ids, values and dates on
// every run). Users: admin@example.com (role admin) and more users, all with the password
// SEED_PASSWORD (default "password123"). Refuses to run with NODE_ENV=production.
import { hashPassword } from '../auth/passwords.js';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { CustomerRepository } from '../entities/customer/repository.js';
import { CategoryRepository } from '../entities/category/repository.js';
import { ProductRepository } from '../entities/product/repository.js';
import { OrderRepository } from '../entities/order/repository.js';
import { OrderItemRepository } from '../entities/order-item/repository.js';
import { createLogger } from '../logger.js';
import { mockCustomer, mockCategory, mockProduct, mockOrder, mockOrderItem } from '../mock/data.js';
import { Prng } from '../mock/prng.js';
import { SeedIds } from '../mock/seed-ids.js';

const SEED = 20_240_101;
const PER_ENTITY = 8;
const BASE = new Date('2025-06-01T00:00:00.000Z');
const SINCE = new Date('2024-06-01T00:00:00.000Z');

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.nodeEnv === 'production') throw new Error('Refusing to seed with NODE_ENV=production');
  const reset = process.argv.includes('--reset');

  const db = await createDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db, logger);
    const k = db.kysely;
    const existing = await k.selectFrom('customers').select('id').limit(1).execute();
    if (existing.length > 0 && !reset) {
      logger.info('database already has data; run `npm run seed -- --reset` to replace it');
      return;
    }

    const rng = new Prng(SEED);
    const passwordHash = await hashPassword(process.env['SEED_PASSWORD'] ?? 'password123');
    const ids = new SeedIds(rng);

    await k.transaction().execute(async (trx) => {
      for (const table of ['refresh_tokens', 'order_items', 'orders', 'products', 'categories', 'customers'] as const) {
        await trx.deleteFrom(table).execute();
      }

      const customerRepo = new CustomerRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockCustomer(rng, i);
        await customerRepo.create(
          {
            ...values,

            email: i === 0 ? 'admin@example.com' : values.email,
            role: i === 0 ? "admin" : "customer",
            passwordHash,
          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('Customer').push(id);
      }

      const categoryRepo = new CategoryRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockCategory(rng, i);
        await categoryRepo.create(
          {
            ...values,
            parentId: ids.pickOrNull('Category'),

          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('Category').push(id);
      }

      const productRepo = new ProductRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockProduct(rng, i);
        await productRepo.create(
          {
            ...values,
            categoryId: ids.pickOrNull('Category'),

          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('Product').push(id);
      }

      const orderRepo = new OrderRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockOrder(rng, i);
        await orderRepo.create(
          {
            ...values,
            customerId: ids.pick('Customer'),

          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('Order').push(id);
      }

      const orderItemRepo = new OrderItemRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockOrderItem(rng, i);
        await orderItemRepo.create(
          {
            ...values,
            orderId: ids.pick('Order'),
            productId: ids.pick('Product'),

          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('OrderItem').push(id);
      }

    });
    logger.info({ customers: ids.of('Customer').length, categories: ids.of('Category').length, products: ids.of('Product').length, orders: ids.of('Order').length, orderItems: ids.of('OrderItem').length }, 'seeded');
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Seed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
