// Tag business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope } from '../../auth/access.js';
import { assertUnique } from '../../db/integrity.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { TagRepository } from './repository.js';
import type { TagCreateInput, TagDto, TagListFilter, TagUpdateInput } from './schema.js';

/** Who may do what with tags; admins may always. */
export const TAG_ACCESS = {
  read: { public: false, authenticated: true, owner: false, roles: [] },
  create: { public: false, authenticated: false, owner: false, roles: ["admin"] },
  update: { public: false, authenticated: false, owner: false, roles: ["admin"] },
  delete: { public: false, authenticated: false, owner: false, roles: ["admin"] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns a tag (null: nobody in particular). */
function ownerOf(_dto: TagDto): string | null {
  return null;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishTag(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: TagDto): void {
  events.publish(`tag.${action}`, dto.id, dto, (actor) => can(actor, TAG_ACCESS.read, ownerOf(dto)));
}

export class TagService {
  private readonly repo: TagRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new TagRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: TagListFilter): Promise<Page<TagDto>> {
    const scope = readScope(actor, TAG_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<TagListFilter, 'page' | 'limit'>): Promise<TagDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('Tag not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<TagDto> {
    const dto = await this.load(id);
    check(actor, TAG_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('Tag not found');
  }

  async create(actor: Principal | undefined, input: TagCreateInput): Promise<TagDto> {
    precheck(actor, TAG_ACCESS.create);

    const db = this.deps.db.kysely;
    await assertUnique(db, 'tags', [
      { column: 'name', path: 'name', value: input.name },

    ]);

    const id = await db.transaction().execute(async (trx) => {
      const repo = new TagRepository(trx);
      const newId = await repo.create({
        name: input.name,


      });

      return newId;
    });
    const dto = await this.load(id);
    publishTag(this.deps.events, 'created', dto);
    return dto;
  }

  async update(actor: Principal | undefined, id: string, input: TagUpdateInput): Promise<TagDto> {
    precheck(actor, TAG_ACCESS.update);
    const existing = await this.load(id);
    check(actor, TAG_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;
    await assertUnique(
      db,
      'tags',
      [
        { column: 'name', path: 'name', value: input.name },

      ],
      id,
    );

    await db.transaction().execute(async (trx) => {
      const repo = new TagRepository(trx);
      await repo.update(id, input);

    });
    const dto = await this.load(id);
    publishTag(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, TAG_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, TAG_ACCESS.delete, ownerOf(existing));

    await this.repo.delete(id);
    publishTag(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<TagDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('Tag not found');
    return dto;
  }
}
