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
          .addColumn('date_of_birth', t.date)

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
          .createTable('doctors')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('specialty', 'text', (c) => c.notNull())
          .addColumn('license_number', 'text', (c) => c.notNull().unique())
          .addColumn('rating', t.double)


          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();



        await db.schema
          .createTable('doctor_profiles')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('bio', 'text')
          .addColumn('photo_url', 'text')
          .addColumn('languages', 'text')
          .addColumn('doctor_id', t.uuid, (c) => c.notNull().unique().references('doctors.id').onDelete('cascade'))

          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('doctor_profiles_doctor_id_idx').on('doctor_profiles').column('doctor_id').execute();


        await db.schema
          .createTable('rooms')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.notNull().unique())
          .addColumn('floor', t.integer)


          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();



        await db.schema
          .createTable('appointments')
          .addColumn('id', t.uuid, (c) => c.primaryKey())
          .addColumn('starts_at', t.timestamp, (c) => c.notNull())
          .addColumn('duration_minutes', t.integer, (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('external_ref', t.uuid)
          .addColumn('doctor_id', t.uuid, (c) => c.notNull().references('doctors.id').onDelete('restrict'))
          .addColumn('patient_id', t.uuid, (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('room_id', t.uuid, (c) => c.references('rooms.id').onDelete('set null'))

          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('appointments_doctor_id_idx').on('appointments').column('doctor_id').execute();
        await db.schema.createIndex('appointments_patient_id_idx').on('appointments').column('patient_id').execute();
        await db.schema.createIndex('appointments_room_id_idx').on('appointments').column('room_id').execute();


        await db.schema
          .createTable('doctor_rooms')
          .addColumn('doctor_id', t.uuid, (c) => c.notNull().references('doctors.id').onDelete('cascade'))
          .addColumn('room_id', t.uuid, (c) => c.notNull().references('rooms.id').onDelete('cascade'))
          .addPrimaryKeyConstraint('doctor_rooms_pk', ['doctor_id', 'room_id'])
          .execute();
        await db.schema.createIndex('doctor_rooms_room_id_idx').on('doctor_rooms').column('room_id').execute();

      },
      async down(db: Kysely<unknown>): Promise<void> {
        for (const table of ['doctor_rooms', 'refresh_tokens', 'appointments', 'rooms', 'doctor_profiles', 'doctors', 'users']) {
          await db.schema.dropTable(table).ifExists().execute();
        }
      },
    },
  };
}
