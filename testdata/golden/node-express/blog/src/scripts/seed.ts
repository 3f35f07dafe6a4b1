// `npm run seed [-- --reset]`: deterministic development data (same ids, values and dates on
// every run). Users: admin@example.com (role admin) and more users, all with the password
// SEED_PASSWORD (default "password123"). Refuses to run with NODE_ENV=production.
import { hashPassword } from '../auth/passwords.js';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { UserRepository } from '../entities/user/repository.js';
import { PostRepository } from '../entities/post/repository.js';
import { CommentRepository } from '../entities/comment/repository.js';
import { TagRepository } from '../entities/tag/repository.js';
import { createLogger } from '../logger.js';
import { mockUser, mockPost, mockComment, mockTag } from '../mock/data.js';
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
      for (const table of ['post_tags', 'refresh_tokens', 'tags', 'comments', 'posts', 'users'] as const) {
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
            role: i === 0 ? "admin" : "user",
            passwordHash,
          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('User').push(id);
      }

      const postRepo = new PostRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockPost(rng, i);
        await postRepo.create(
          {
            ...values,
            authorId: ids.pick('User'),

          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('Post').push(id);
      }

      const commentRepo = new CommentRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockComment(rng, i);
        await commentRepo.create(
          {
            ...values,
            authorId: ids.pick('User'),
            postId: ids.pick('Post'),

          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('Comment').push(id);
      }

      const tagRepo = new TagRepository(trx);
      for (let i = 0; i < PER_ENTITY; i++) {
        const id = rng.uuid();
        const values = mockTag(rng, i);
        await tagRepo.create(
          {
            ...values,


          },
          id,
          rng.dateBetween(SINCE, BASE),
        );
        ids.of('Tag').push(id);
      }

      for (const left of ids.of('Post')) {
        for (const right of rng.sample(ids.of('Tag'), 2)) {
          await trx.insertInto('post_tags').values({ post_id: left, tag_id: right }).execute();
        }
      }
    });
    logger.info({ users: ids.of('User').length, posts: ids.of('Post').length, comments: ids.of('Comment').length, tags: ids.of('Tag').length }, 'seeded');
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Seed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
