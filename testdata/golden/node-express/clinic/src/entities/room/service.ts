// Room business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope } from '../../auth/access.js';
import { assertUnique } from '../../db/integrity.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { RoomRepository } from './repository.js';
import type { RoomCreateInput, RoomDto, RoomListFilter, RoomUpdateInput } from './schema.js';

/** Who may do what with rooms; admins may always. */
export const ROOM_ACCESS = {
  read: { public: false, authenticated: true, owner: false, roles: [] },
  create: { public: false, authenticated: false, owner: false, roles: ["staff"] },
  update: { public: false, authenticated: false, owner: false, roles: ["staff"] },
  delete: { public: false, authenticated: false, owner: false, roles: ["staff"] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns a room (null: nobody in particular). */
function ownerOf(_dto: RoomDto): string | null {
  return null;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishRoom(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: RoomDto): void {
  events.publish(`room.${action}`, dto.id, dto, (actor) => can(actor, ROOM_ACCESS.read, ownerOf(dto)));
}

export class RoomService {
  private readonly repo: RoomRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new RoomRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: RoomListFilter): Promise<Page<RoomDto>> {
    const scope = readScope(actor, ROOM_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<RoomListFilter, 'page' | 'limit'>): Promise<RoomDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('Room not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<RoomDto> {
    const dto = await this.load(id);
    check(actor, ROOM_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('Room not found');
  }

  async create(actor: Principal | undefined, input: RoomCreateInput): Promise<RoomDto> {
    precheck(actor, ROOM_ACCESS.create);

    const db = this.deps.db.kysely;
    await assertUnique(db, 'rooms', [
      { column: 'code', path: 'code', value: input.code },


    ]);

    const id = await db.transaction().execute(async (trx) => {
      const repo = new RoomRepository(trx);
      const newId = await repo.create({
        code: input.code,
        floor: input.floor ?? null,


      });

      return newId;
    });
    const dto = await this.load(id);
    publishRoom(this.deps.events, 'created', dto);
    return dto;
  }

  async update(actor: Principal | undefined, id: string, input: RoomUpdateInput): Promise<RoomDto> {
    precheck(actor, ROOM_ACCESS.update);
    const existing = await this.load(id);
    check(actor, ROOM_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;
    await assertUnique(
      db,
      'rooms',
      [
        { column: 'code', path: 'code', value: input.code },


      ],
      id,
    );

    await db.transaction().execute(async (trx) => {
      const repo = new RoomRepository(trx);
      await repo.update(id, input);

    });
    const dto = await this.load(id);
    publishRoom(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, ROOM_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, ROOM_ACCESS.delete, ownerOf(existing));

    await this.repo.delete(id);
    publishRoom(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<RoomDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('Room not found');
    return dto;
  }
}
