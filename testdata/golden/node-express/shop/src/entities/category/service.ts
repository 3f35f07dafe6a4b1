// Category business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope } from '../../auth/access.js';
import { assertUnique, assertReferencesExist } from '../../db/integrity.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { CategoryRepository } from './repository.js';
import type { CategoryCreateInput, CategoryDto, CategoryListFilter, CategoryUpdateInput } from './schema.js';

/** Who may do what with categories; admins may always. */
export const CATEGORY_ACCESS = {
  read: { public: false, authenticated: true, owner: false, roles: [] },
  create: { public: false, authenticated: false, owner: false, roles: ["admin"] },
  update: { public: false, authenticated: false, owner: false, roles: ["admin"] },
  delete: { public: false, authenticated: false, owner: false, roles: ["admin"] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns a category (null: nobody in particular). */
function ownerOf(_dto: CategoryDto): string | null {
  return null;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishCategory(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: CategoryDto): void {
  events.publish(`category.${action}`, dto.id, dto, (actor) => can(actor, CATEGORY_ACCESS.read, ownerOf(dto)));
}

export class CategoryService {
  private readonly repo: CategoryRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new CategoryRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: CategoryListFilter): Promise<Page<CategoryDto>> {
    const scope = readScope(actor, CATEGORY_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<CategoryListFilter, 'page' | 'limit'>): Promise<CategoryDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('Category not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<CategoryDto> {
    const dto = await this.load(id);
    check(actor, CATEGORY_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('Category not found');
  }

  async create(actor: Principal | undefined, input: CategoryCreateInput): Promise<CategoryDto> {
    precheck(actor, CATEGORY_ACCESS.create);

    const db = this.deps.db.kysely;
    await assertUnique(db, 'categories', [

      { column: 'slug', path: 'slug', value: input.slug },

    ]);
    await assertReferencesExist(db, [
      { table: 'categories', path: 'parentId', ids: input.parentId },

    ]);
    const id = await db.transaction().execute(async (trx) => {
      const repo = new CategoryRepository(trx);
      const newId = await repo.create({
        name: input.name,
        slug: input.slug,
        parentId: input.parentId ?? null,

      });

      return newId;
    });
    const dto = await this.load(id);
    publishCategory(this.deps.events, 'created', dto);
    return dto;
  }

  async update(actor: Principal | undefined, id: string, input: CategoryUpdateInput): Promise<CategoryDto> {
    precheck(actor, CATEGORY_ACCESS.update);
    const existing = await this.load(id);
    check(actor, CATEGORY_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;
    await assertUnique(
      db,
      'categories',
      [

        { column: 'slug', path: 'slug', value: input.slug },

      ],
      id,
    );
    await assertReferencesExist(db, [
      { table: 'categories', path: 'parentId', ids: input.parentId },

    ]);
    await db.transaction().execute(async (trx) => {
      const repo = new CategoryRepository(trx);
      await repo.update(id, input);

    });
    const dto = await this.load(id);
    publishCategory(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, CATEGORY_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, CATEGORY_ACCESS.delete, ownerOf(existing));

    await this.repo.delete(id);
    publishCategory(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<CategoryDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('Category not found');
    return dto;
  }
}
