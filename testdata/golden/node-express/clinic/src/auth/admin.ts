// ADMIN_EMAIL + ADMIN_PASSWORD: the account is created with the admin role at start, or promoted
// if it exists (its password is then left as it is). Never at registration: without e-mail
// verification, that would let whoever registers the address first become admin.
import type { Db } from '../db/database.js';
import { UserRepository } from '../entities/user/repository.js';
import type { Logger } from '../logger.js';
import { mockUser } from '../mock/data.js';
import { Prng } from '../mock/prng.js';
import { ADMIN_ROLE } from './access.js';
import { hashPassword } from './passwords.js';

export async function ensureAdmin(
  db: Db,
  admin: { identity: string; password: string | undefined },
  logger: Logger,
): Promise<void> {
  const users = new UserRepository(db.kysely);
  const identity = admin.identity.toLowerCase();
  if (await users.setRoleByIdentity(identity, ADMIN_ROLE)) {
    logger.info('ADMIN_EMAIL: the account has the admin role');
    return;
  }
  if (admin.password === undefined) {
    logger.warn('ADMIN_EMAIL: no such account and no ADMIN_PASSWORD to create it');
    return;
  }
  const profile = mockUser(new Prng(1), 0);
  await users.create({

    name: profile.name,

    email: identity,



    dateOfBirth: null,
    role: ADMIN_ROLE,
    passwordHash: await hashPassword(admin.password),
  });
  logger.info('ADMIN_EMAIL: admin account created');
}
