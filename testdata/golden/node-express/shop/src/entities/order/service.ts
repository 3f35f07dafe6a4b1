// Order business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope, requireActor } from '../../auth/access.js';

import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { OrderRepository } from './repository.js';
import type { OrderCreateInput, OrderDto, OrderListFilter, OrderUpdateInput } from './schema.js';

/** Who may do what with orders; admins may always. */
export const ORDER_ACCESS = {
  read: { public: false, authenticated: true, owner: false, roles: [] },
  create: { public: false, authenticated: true, owner: false, roles: [] },
  update: { public: false, authenticated: false, owner: true, roles: [] },
  delete: { public: false, authenticated: false, owner: true, roles: [] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns an order (null: nobody in particular). */
function ownerOf(dto: OrderDto): string | null {
  return dto.customerId;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishOrder(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: OrderDto): void {
  events.publish(`order.${action}`, dto.id, dto, (actor) => can(actor, ORDER_ACCESS.read, ownerOf(dto)));
}

export class OrderService {
  private readonly repo: OrderRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new OrderRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: OrderListFilter): Promise<Page<OrderDto>> {
    const scope = readScope(actor, ORDER_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query, ownedBy: scope.ownerId });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<OrderListFilter, 'page' | 'limit'>): Promise<OrderDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('Order not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<OrderDto> {
    const dto = await this.load(id);
    check(actor, ORDER_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('Order not found');
  }

  async create(actor: Principal | undefined, input: OrderCreateInput): Promise<OrderDto> {
    precheck(actor, ORDER_ACCESS.create);
    const owner = requireActor(actor);
    const db = this.deps.db.kysely;


    const id = await db.transaction().execute(async (trx) => {
      const repo = new OrderRepository(trx);
      const newId = await repo.create({
        status: input.status,
        total: input.total,
        placedAt: input.placedAt,
        shippingAddress: input.shippingAddress,

        customerId: owner.id,
      });

      return newId;
    });
    const dto = await this.load(id);
    publishOrder(this.deps.events, 'created', dto);
    return dto;
  }

  async update(actor: Principal | undefined, id: string, input: OrderUpdateInput): Promise<OrderDto> {
    precheck(actor, ORDER_ACCESS.update);
    const existing = await this.load(id);
    check(actor, ORDER_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;


    await db.transaction().execute(async (trx) => {
      const repo = new OrderRepository(trx);
      await repo.update(id, input);

    });
    const dto = await this.load(id);
    publishOrder(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, ORDER_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, ORDER_ACCESS.delete, ownerOf(existing));

    await this.repo.delete(id);
    publishOrder(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<OrderDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('Order not found');
    return dto;
  }
}
