// User business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope } from '../../auth/access.js';
import { assertUnique } from '../../db/integrity.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { UserRepository } from './repository.js';
import type { UserDto, UserListFilter, UserUpdateInput } from './schema.js';

/** Who may do what with users; admins may always. */
export const USER_ACCESS = {
  read: { public: false, authenticated: true, owner: false, roles: [] },
  create: { public: false, authenticated: false, owner: false, roles: ["admin"] },
  update: { public: false, authenticated: false, owner: true, roles: [] },
  delete: { public: false, authenticated: false, owner: false, roles: ["admin"] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns an user (null: nobody in particular). */
function ownerOf(dto: UserDto): string | null {
  return dto.id;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishUser(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: UserDto): void {
  events.publish(`user.${action}`, dto.id, dto, (actor) => can(actor, USER_ACCESS.read, ownerOf(dto)));
}

export class UserService {
  private readonly repo: UserRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new UserRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: UserListFilter): Promise<Page<UserDto>> {
    const scope = readScope(actor, USER_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query, ownedBy: scope.ownerId });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<UserListFilter, 'page' | 'limit'>): Promise<UserDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('User not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<UserDto> {
    const dto = await this.load(id);
    check(actor, USER_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('User not found');
  }


  async update(actor: Principal | undefined, id: string, input: UserUpdateInput): Promise<UserDto> {
    precheck(actor, USER_ACCESS.update);
    const existing = await this.load(id);
    check(actor, USER_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;
    await assertUnique(
      db,
      'users',
      [



      ],
      id,
    );

    await db.transaction().execute(async (trx) => {
      const repo = new UserRepository(trx);
      await repo.update(id, input);

    });
    const dto = await this.load(id);
    publishUser(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, USER_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, USER_ACCESS.delete, ownerOf(existing));

    await this.repo.delete(id);
    publishUser(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<UserDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('User not found');
    return dto;
  }
}
