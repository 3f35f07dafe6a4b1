// OrderItem business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope } from '../../auth/access.js';
import { assertReferencesExist } from '../../db/integrity.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { OrderItemRepository } from './repository.js';
import type { OrderItemCreateInput, OrderItemDto, OrderItemListFilter, OrderItemUpdateInput } from './schema.js';

/** Who may do what with order items; admins may always. */
export const ORDER_ITEM_ACCESS = {
  read: { public: false, authenticated: true, owner: false, roles: [] },
  create: { public: false, authenticated: false, owner: false, roles: ["customer"] },
  update: { public: false, authenticated: false, owner: false, roles: ["admin"] },
  delete: { public: false, authenticated: false, owner: false, roles: ["admin"] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns an order item (null: nobody in particular). */
function ownerOf(_dto: OrderItemDto): string | null {
  return null;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishOrderItem(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: OrderItemDto): void {
  events.publish(`order-item.${action}`, dto.id, dto, (actor) => can(actor, ORDER_ITEM_ACCESS.read, ownerOf(dto)));
}

export class OrderItemService {
  private readonly repo: OrderItemRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new OrderItemRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: OrderItemListFilter): Promise<Page<OrderItemDto>> {
    const scope = readScope(actor, ORDER_ITEM_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<OrderItemListFilter, 'page' | 'limit'>): Promise<OrderItemDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('OrderItem not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<OrderItemDto> {
    const dto = await this.load(id);
    check(actor, ORDER_ITEM_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('OrderItem not found');
  }

  async create(actor: Principal | undefined, input: OrderItemCreateInput): Promise<OrderItemDto> {
    precheck(actor, ORDER_ITEM_ACCESS.create);

    const db = this.deps.db.kysely;

    await assertReferencesExist(db, [
      { table: 'orders', path: 'orderId', ids: input.orderId },
      { table: 'products', path: 'productId', ids: input.productId },

    ]);
    const id = await db.transaction().execute(async (trx) => {
      const repo = new OrderItemRepository(trx);
      const newId = await repo.create({
        quantity: input.quantity,
        unitPrice: input.unitPrice,
        orderId: input.orderId,
        productId: input.productId,

      });

      return newId;
    });
    const dto = await this.load(id);
    publishOrderItem(this.deps.events, 'created', dto);
    return dto;
  }

  async update(actor: Principal | undefined, id: string, input: OrderItemUpdateInput): Promise<OrderItemDto> {
    precheck(actor, ORDER_ITEM_ACCESS.update);
    const existing = await this.load(id);
    check(actor, ORDER_ITEM_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;

    await assertReferencesExist(db, [
      { table: 'orders', path: 'orderId', ids: input.orderId },
      { table: 'products', path: 'productId', ids: input.productId },

    ]);
    await db.transaction().execute(async (trx) => {
      const repo = new OrderItemRepository(trx);
      await repo.update(id, input);

    });
    const dto = await this.load(id);
    publishOrderItem(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, ORDER_ITEM_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, ORDER_ITEM_ACCESS.delete, ownerOf(existing));

    await this.repo.delete(id);
    publishOrderItem(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<OrderItemDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('OrderItem not found');
    return dto;
  }
}
