// Comment business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope, requireActor } from '../../auth/access.js';
import { assertReferencesExist } from '../../db/integrity.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { CommentRepository } from './repository.js';
import type { CommentCreateInput, CommentDto, CommentListFilter, CommentUpdateInput } from './schema.js';

/** Who may do what with comments; admins may always. */
export const COMMENT_ACCESS = {
  read: { public: false, authenticated: true, owner: false, roles: [] },
  create: { public: false, authenticated: true, owner: false, roles: [] },
  update: { public: false, authenticated: false, owner: true, roles: [] },
  delete: { public: false, authenticated: false, owner: true, roles: [] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns a comment (null: nobody in particular). */
function ownerOf(dto: CommentDto): string | null {
  return dto.authorId;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishComment(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: CommentDto): void {
  events.publish(`comment.${action}`, dto.id, dto, (actor) => can(actor, COMMENT_ACCESS.read, ownerOf(dto)));
}

export class CommentService {
  private readonly repo: CommentRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new CommentRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: CommentListFilter): Promise<Page<CommentDto>> {
    const scope = readScope(actor, COMMENT_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query, ownedBy: scope.ownerId });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<CommentListFilter, 'page' | 'limit'>): Promise<CommentDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('Comment not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<CommentDto> {
    const dto = await this.load(id);
    check(actor, COMMENT_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('Comment not found');
  }

  async create(actor: Principal | undefined, input: CommentCreateInput): Promise<CommentDto> {
    precheck(actor, COMMENT_ACCESS.create);
    const owner = requireActor(actor);
    const db = this.deps.db.kysely;

    await assertReferencesExist(db, [
      { table: 'posts', path: 'postId', ids: input.postId },

    ]);
    const id = await db.transaction().execute(async (trx) => {
      const repo = new CommentRepository(trx);
      const newId = await repo.create({
        body: input.body,
        postId: input.postId,
        authorId: owner.id,
      });

      return newId;
    });
    const dto = await this.load(id);
    publishComment(this.deps.events, 'created', dto);
    return dto;
  }

  async update(actor: Principal | undefined, id: string, input: CommentUpdateInput): Promise<CommentDto> {
    precheck(actor, COMMENT_ACCESS.update);
    const existing = await this.load(id);
    check(actor, COMMENT_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;

    await assertReferencesExist(db, [
      { table: 'posts', path: 'postId', ids: input.postId },

    ]);
    await db.transaction().execute(async (trx) => {
      const repo = new CommentRepository(trx);
      await repo.update(id, input);

    });
    const dto = await this.load(id);
    publishComment(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, COMMENT_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, COMMENT_ACCESS.delete, ownerOf(existing));

    await this.repo.delete(id);
    publishComment(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<CommentDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('Comment not found');
    return dto;
  }
}
