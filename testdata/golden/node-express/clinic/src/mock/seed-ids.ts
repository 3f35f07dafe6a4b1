// Ids of seeded records per entity, and how seed data picks references among them.
import type { Prng } from './prng.js';

export class SeedIds {
  private readonly ids = new Map<string, string[]>();

  constructor(private readonly rng: Prng) {}

  of(entity: string): string[] {
    const list = this.ids.get(entity) ?? [];
    this.ids.set(entity, list);
    return list;
  }

  /** A required reference. */
  pick(entity: string): string {
    return this.rng.pick(this.of(entity));
  }

  /** An optional reference: sometimes none. */
  pickOrNull(entity: string): string | null {
    const list = this.of(entity);
    return list.length === 0 || this.rng.bool(0.2) ? null : this.rng.pick(list);
  }

  /** A one-to-one reference: the i-th record, so that no two records share one. */
  nth(entity: string, i: number): string {
    const list = this.of(entity);
    const id = list[i % Math.max(1, list.length)];
    if (id === undefined) throw new Error(`no ${entity} to refer to`);
    return id;
  }
}
