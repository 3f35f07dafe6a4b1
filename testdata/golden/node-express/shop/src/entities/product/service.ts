// Product business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope } from '../../auth/access.js';
import { assertUnique, assertNotReferenced, assertReferencesExist } from '../../db/integrity.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { ProductRepository } from './repository.js';
import type { ProductCreateInput, ProductDto, ProductListFilter, ProductUpdateInput } from './schema.js';

/** Who may do what with products; admins may always. */
export const PRODUCT_ACCESS = {
  read: { public: false, authenticated: true, owner: false, roles: [] },
  create: { public: false, authenticated: false, owner: false, roles: ["admin"] },
  update: { public: false, authenticated: false, owner: false, roles: ["admin"] },
  delete: { public: false, authenticated: false, owner: false, roles: ["admin"] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns a product (null: nobody in particular). */
function ownerOf(_dto: ProductDto): string | null {
  return null;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishProduct(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: ProductDto): void {
  events.publish(`product.${action}`, dto.id, dto, (actor) => can(actor, PRODUCT_ACCESS.read, ownerOf(dto)));
}

export class ProductService {
  private readonly repo: ProductRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new ProductRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: ProductListFilter): Promise<Page<ProductDto>> {
    const scope = readScope(actor, PRODUCT_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<ProductListFilter, 'page' | 'limit'>): Promise<ProductDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('Product not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<ProductDto> {
    const dto = await this.load(id);
    check(actor, PRODUCT_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('Product not found');
  }

  async create(actor: Principal | undefined, input: ProductCreateInput): Promise<ProductDto> {
    precheck(actor, PRODUCT_ACCESS.create);

    const db = this.deps.db.kysely;
    await assertUnique(db, 'products', [

      { column: 'sku', path: 'sku', value: input.sku },






    ]);
    await assertReferencesExist(db, [
      { table: 'categories', path: 'categoryId', ids: input.categoryId },

    ]);
    const id = await db.transaction().execute(async (trx) => {
      const repo = new ProductRepository(trx);
      const newId = await repo.create({
        name: input.name,
        sku: input.sku,
        description: input.description ?? null,
        price: input.price,
        stock: input.stock,
        imageUrl: input.imageUrl ?? null,
        active: input.active ?? null,
        categoryId: input.categoryId ?? null,

      });

      return newId;
    });
    const dto = await this.load(id);
    publishProduct(this.deps.events, 'created', dto);
    return dto;
  }

  async update(actor: Principal | undefined, id: string, input: ProductUpdateInput): Promise<ProductDto> {
    precheck(actor, PRODUCT_ACCESS.update);
    const existing = await this.load(id);
    check(actor, PRODUCT_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;
    await assertUnique(
      db,
      'products',
      [

        { column: 'sku', path: 'sku', value: input.sku },






      ],
      id,
    );
    await assertReferencesExist(db, [
      { table: 'categories', path: 'categoryId', ids: input.categoryId },

    ]);
    await db.transaction().execute(async (trx) => {
      const repo = new ProductRepository(trx);
      await repo.update(id, input);

    });
    const dto = await this.load(id);
    publishProduct(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, PRODUCT_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, PRODUCT_ACCESS.delete, ownerOf(existing));
    await assertNotReferenced(this.deps.db.kysely, id, [
      { table: 'order_items', column: 'product_id', what: 'order items' },
    ]);
    await this.repo.delete(id);
    publishProduct(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<ProductDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('Product not found');
    return dto;
  }
}
