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
          .createTable('users')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('bio', 'text')

          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('refresh_tokens')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('user_id', t.uuid, (c) => c.notNull().references('users.id').onDelete('cascade'))
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
          .createTable('posts')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('status', 'text')
          .addColumn('published_at', t.timestamp)
          .addColumn('views', t.integer)
          .addColumn('author_id', t.uuid, (c) => c.notNull().references('users.id').onDelete('cascade'))

          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('posts_author_id_idx').on('posts').column('author_id').execute();


        await db.schema
          .createTable('comments')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('author_id', t.uuid, (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('post_id', t.uuid, (c) => c.notNull().references('posts.id').onDelete('cascade'))

          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('comments_author_id_idx').on('comments').column('author_id').execute();
        await db.schema.createIndex('comments_post_id_idx').on('comments').column('post_id').execute();


        await db.schema
          .createTable('tags')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull().unique())


          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();



        await db.schema
          .createTable('post_tags')
          .addColumn('post_id', t.uuid, (c) => c.notNull().references('posts.id').onDelete('cascade'))
          .addColumn('tag_id', t.uuid, (c) => c.notNull().references('tags.id').onDelete('cascade'))
          .addPrimaryKeyConstraint('post_tags_pk', ['post_id', 'tag_id'])
          .execute();
        await db.schema.createIndex('post_tags_tag_id_idx').on('post_tags').column('tag_id').execute();

      },
      async down(db: Kysely<unknown>): Promise<void> {
        for (const table of ['post_tags', 'refresh_tokens', 'tags', 'comments', 'posts', 'users']) {
          await db.schema.dropTable(table).ifExists().execute();
        }
      },
    },
  };
}
