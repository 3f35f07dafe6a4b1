// `npm run seed [-- --reset]`: deterministic development data (same ids, values and dates on
// every run). Users: admin@example.com (role admin) and more users, all with the password
// SEED_PASSWORD (default "password123"). Refuses to run with NODE_ENV=production.
import { hashPassword } from '../auth/passwords.js';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { UserRepository } from '../entities/user/repository.js';
import { DoctorRepository } from '../entities/doctor/repository.js';
import { DoctorProfileRepository } from '../entities/doctor-profile/repository.js';
import { RoomRepository } from '../entities/room/repository.js';
import { AppointmentRepository } from '../entities/appointment/repository.js';
import { createLogger } from '../logger.js';
import { mockUser, mockDoctor, mockDoctorProfile, mockRoom, mockAppointment } from '../mock/data.js';
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
    const existing = await k.selectFrom('users').select('id').limit(1).execute();
    if (existing.length > 0 && !reset) {
      logger.info('database already has data; run `npm run seed -- --reset` to replace it');
      return;
    }

    const rng = new Prng(SEED);
    const passwordHash = await hashPassword(process.env['SEED_PASSWORD'] ?? 'password123');
    const ids = new SeedIds(rng);

    await k.transaction().execute(async (trx) => {
      for (const table of ['doctor_rooms', 'refresh_tokens', 'appointments', 'rooms', 'doctor_profiles', 'doctors', 'users'] as const) {
        await trx.deleteFrom(table).execute();
      }

      const userRepo = new UserRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockUser(rng, i);
        await userRepo.create(
          {
            ...values,

            email: i === 0 ? 'admin@example.com' : values.email,
            role: i === 0 ? "admin" : "patient",
            passwordHash,
          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('User').push(id);
      }

      const doctorRepo = new DoctorRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockDoctor(rng, i);
        await doctorRepo.create(
          {
            ...values,


          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('Doctor').push(id);
      }

      const doctorProfileRepo = new DoctorProfileRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockDoctorProfile(rng, i);
        await doctorProfileRepo.create(
          {
            ...values,
            doctorId: ids.nth('Doctor', i),

          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('DoctorProfile').push(id);
      }

      const roomRepo = new RoomRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockRoom(rng, i);
        await roomRepo.create(
          {
            ...values,


          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('Room').push(id);
      }

      const appointmentRepo = new AppointmentRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockAppointment(rng, i);
        await appointmentRepo.create(
          {
            ...values,
            doctorId: ids.pick('Doctor'),
            patientId: ids.pick('User'),
            roomId: ids.pickOrNull('Room'),

          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('Appointment').push(id);
      }

      for (const left of ids.of('Doctor')) {
        for (const right of rng.sample(ids.of('Room'), 2)) {
          await trx.insertInto('doctor_rooms').values({ doctor_id: left, room_id: right }).execute();
        }
      }
    });
    logger.info({ users: ids.of('User').length, doctors: ids.of('Doctor').length, doctorProfiles: ids.of('DoctorProfile').length, rooms: ids.of('Room').length, appointments: ids.of('Appointment').length }, 'seeded');
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Seed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
