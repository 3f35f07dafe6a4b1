// Customer business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope } from '../../auth/access.js';
import { assertUnique } from '../../db/integrity.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { CustomerRepository } from './repository.js';
import type { CustomerDto, CustomerListFilter, CustomerUpdateInput } from './schema.js';

/** Who may do what with customers; admins may always. */
export const CUSTOMER_ACCESS = {
  read: { public: false, authenticated: true, owner: false, roles: [] },
  create: { public: false, authenticated: false, owner: false, roles: ["admin"] },
  update: { public: false, authenticated: false, owner: true, roles: [] },
  delete: { public: false, authenticated: false, owner: false, roles: ["admin"] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns a customer (null: nobody in particular). */
function ownerOf(dto: CustomerDto): string | null {
  return dto.id;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishCustomer(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: CustomerDto): void {
  events.publish(`customer.${action}`, dto.id, dto, (actor) => can(actor, CUSTOMER_ACCESS.read, ownerOf(dto)));
}

export class CustomerService {
  private readonly repo: CustomerRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new CustomerRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: CustomerListFilter): Promise<Page<CustomerDto>> {
    const scope = readScope(actor, CUSTOMER_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query, ownedBy: scope.ownerId });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<CustomerListFilter, 'page' | 'limit'>): Promise<CustomerDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('Customer not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<CustomerDto> {
    const dto = await this.load(id);
    check(actor, CUSTOMER_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('Customer not found');
  }


  async update(actor: Principal | undefined, id: string, input: CustomerUpdateInput): Promise<CustomerDto> {
    precheck(actor, CUSTOMER_ACCESS.update);
    const existing = await this.load(id);
    check(actor, CUSTOMER_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;
    await assertUnique(
      db,
      'customers',
      [




      ],
      id,
    );

    await db.transaction().execute(async (trx) => {
      const repo = new CustomerRepository(trx);
      await repo.update(id, input);

    });
    const dto = await this.load(id);
    publishCustomer(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, CUSTOMER_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, CUSTOMER_ACCESS.delete, ownerOf(existing));

    await this.repo.delete(id);
    publishCustomer(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<CustomerDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('Customer not found');
    return dto;
  }
}
