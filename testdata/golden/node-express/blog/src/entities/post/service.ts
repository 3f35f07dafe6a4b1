// Post business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope, requireActor } from '../../auth/access.js';
import { assertReferencesExist } from '../../db/integrity.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { PostRepository } from './repository.js';
import type { PostCreateInput, PostDto, PostListFilter, PostUpdateInput } from './schema.js';

/** Who may do what with posts; admins may always. */
export const POST_ACCESS = {
  read: { public: false, authenticated: true, owner: false, roles: [] },
  create: { public: false, authenticated: true, owner: false, roles: [] },
  update: { public: false, authenticated: false, owner: true, roles: [] },
  delete: { public: false, authenticated: false, owner: true, roles: [] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns a post (null: nobody in particular). */
function ownerOf(dto: PostDto): string | null {
  return dto.authorId;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishPost(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: PostDto): void {
  events.publish(`post.${action}`, dto.id, dto, (actor) => can(actor, POST_ACCESS.read, ownerOf(dto)));
}

export class PostService {
  private readonly repo: PostRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new PostRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: PostListFilter): Promise<Page<PostDto>> {
    const scope = readScope(actor, POST_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query, ownedBy: scope.ownerId });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<PostListFilter, 'page' | 'limit'>): Promise<PostDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('Post not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<PostDto> {
    const dto = await this.load(id);
    check(actor, POST_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('Post not found');
  }

  async create(actor: Principal | undefined, input: PostCreateInput): Promise<PostDto> {
    precheck(actor, POST_ACCESS.create);
    const owner = requireActor(actor);
    const db = this.deps.db.kysely;

    await assertReferencesExist(db, [

      { table: 'tags', path: 'tagIds', ids: input.tagIds },
    ]);
    const id = await db.transaction().execute(async (trx) => {
      const repo = new PostRepository(trx);
      const newId = await repo.create({
        title: input.title,
        body: input.body,
        status: input.status ?? null,
        publishedAt: input.publishedAt ?? null,
        views: input.views ?? null,

        authorId: owner.id,
      });
      await repo.setTagIds(newId, input.tagIds);
      return newId;
    });
    const dto = await this.load(id);
    publishPost(this.deps.events, 'created', dto);
    return dto;
  }

  async update(actor: Principal | undefined, id: string, input: PostUpdateInput): Promise<PostDto> {
    precheck(actor, POST_ACCESS.update);
    const existing = await this.load(id);
    check(actor, POST_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;

    await assertReferencesExist(db, [

      { table: 'tags', path: 'tagIds', ids: input.tagIds },
    ]);
    await db.transaction().execute(async (trx) => {
      const repo = new PostRepository(trx);
      await repo.update(id, input);
      if (input.tagIds !== undefined) await repo.setTagIds(id, input.tagIds);
    });
    const dto = await this.load(id);
    publishPost(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, POST_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, POST_ACCESS.delete, ownerOf(existing));

    await this.repo.delete(id);
    publishPost(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<PostDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('Post not found');
    return dto;
  }
}
