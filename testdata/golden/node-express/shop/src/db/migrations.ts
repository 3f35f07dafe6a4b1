// The schema migrations, in code (no migration files to ship or locate at run time).
// Append new migrations; never edit one that has been released.
import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from './database.js';

/** Column types that differ between the dialects. */
function columnTypes(dialect: SqlDialect) {
  const pg = dialect === 'postgres';
  return {
    uuid: pg ? 'uuid' : 'text',
    timestamp: pg ? 'timestamptz' : 'text',
    date: pg ? 'date' : 'text',
    integer: pg ? 'bigint' : 'integer',
    double: pg ? 'double precision' : 'real',
    boolean: pg ? 'boolean' : 'integer',
  } as const;
}

export function buildMigrations(dialect: SqlDialect): Record<string, Migration> {
  const t = columnTypes(dialect);
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('customers')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('full_name', 'text', (c) => c.notNull())
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('phone', 'text')
          .addColumn('is_vip', t.boolean)

          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('refresh_tokens')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('user_id', t.uuid, (c) => c.notNull().references('customers.id').onDelete('cascade'))
          .addColumn('family_id', t.uuid, (c) => c.notNull())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('expires_at', t.timestamp, (c) => c.notNull())
          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('revoked_at', t.timestamp)
          .addColumn('replaced_by', t.uuid)
          .execute();
        await db.schema.createIndex('refresh_tokens_user_id_idx').on('refresh_tokens').column('user_id').execute();
        await db.schema.createIndex('refresh_tokens_family_id_idx').on('refresh_tokens').column('family_id').execute();

        await db.schema
          .createTable('categories')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('slug', 'text', (c) => c.notNull().unique())
          .addColumn('parent_id', t.uuid, (c) => c.references('categories.id').onDelete('set null'))

          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('categories_parent_id_idx').on('categories').column('parent_id').execute();


        await db.schema
          .createTable('products')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('sku', 'text', (c) => c.notNull().unique())
          .addColumn('description', 'text')
          .addColumn('price', t.double, (c) => c.notNull())
          .addColumn('stock', t.integer, (c) => c.notNull())
          .addColumn('image_url', 'text')
          .addColumn('active', t.boolean)
          .addColumn('category_id', t.uuid, (c) => c.references('categories.id').onDelete('set null'))

          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('products_category_id_idx').on('products').column('category_id').execute();


        await db.schema
          .createTable('orders')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('total', t.double, (c) => c.notNull())
          .addColumn('placed_at', t.timestamp, (c) => c.notNull())
          .addColumn('shipping_address', 'text', (c) => c.notNull())
          .addColumn('customer_id', t.uuid, (c) => c.notNull().references('customers.id').onDelete('cascade'))

          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('orders_customer_id_idx').on('orders').column('customer_id').execute();


        await db.schema
          .createTable('order_items')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('quantity', t.integer, (c) => c.notNull())
          .addColumn('unit_price', t.double, (c) => c.notNull())
          .addColumn('order_id', t.uuid, (c) => c.notNull().references('orders.id').onDelete('cascade'))
          .addColumn('product_id', t.uuid, (c) => c.notNull().references('products.id').onDelete('restrict'))

          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('order_items_order_id_idx').on('order_items').column('order_id').execute();
        await db.schema.createIndex('order_items_product_id_idx').on('order_items').column('product_id').execute();



      },
      async down(db: Kysely<unknown>): Promise<void> {
        for (const table of ['refresh_tokens', 'order_items', 'orders', 'products', 'categories', 'customers']) {
          await db.schema.dropTable(table).ifExists().execute();
        }
      },
    },
  };
}
