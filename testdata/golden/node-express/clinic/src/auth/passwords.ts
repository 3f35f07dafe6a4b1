// Shared infrastructure: argon2id password hashing (@node-rs/argon2; prebuilt N-API binary from npm).
import { hash, verify } from '@node-rs/argon2';

// OWASP Password Storage Cheat Sheet, argon2id option 2: m=19 MiB, t=2, p=1 (~55 ms per hash).
// The test suite (NODE_ENV=test) uses a cheaper setting: it registers hundreds of users.
// @node-rs/argon2 defaults to the argon2id variant.
const OPTIONS =
  process.env['NODE_ENV'] === 'test'
    ? ({ memoryCost: 1024, timeCost: 1, parallelism: 1 } as const)
    : ({ memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const);

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the account is unknown, so both paths cost one argon2 verification.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password');
  await verifyPassword(await dummyHash, password);
}
