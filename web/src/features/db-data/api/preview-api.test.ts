import { describe, expect, it } from 'vitest';
import { allowedOf, defaultCollection, referenceTargets, rowLabel, type Collection } from './preview-api';

const uuid = { type: 'string', format: 'uuid' };
const col = (name: string, path: string, properties: Record<string, object> = {}): Collection => ({ name, path, schema: { type: 'object', properties }, canCreate: true, createAllowed: '' });

describe('references of the DB Data form', () => {
  const users = col('User', '/api/users');
  const orders = col('Order', '/api/orders');
  const products = col('Product', '/api/products');
  const items = col('OrderItem', '/api/order-items', { quantity: { type: 'integer' }, orderId: uuid, productId: uuid, authorId: uuid, id: uuid });
  const all = [users, orders, products, items];

  it('reads the referenced table from the spec relations (inverse names the field)', () => {
    const refs = referenceTargets(items, all, [
      { from: 'Order', to: 'OrderItem', kind: 'one-to-many', inverse: 'order' },
      { from: 'User', to: 'OrderItem', kind: 'one-to-many', inverse: 'author' },
    ]);
    expect(Object.fromEntries(Object.entries(refs).map(([k, c]) => [k, c.name]))).toEqual({ orderId: 'Order', productId: 'Product', authorId: 'User' });
  });

  it('falls back to the entity the field is named after, and skips unknown ones', () => {
    const refs = referenceTargets(items, all);
    expect(Object.keys(refs).sort()).toEqual(['orderId', 'productId']);
  });

  it('labels a row by its name-like field', () => {
    expect(rowLabel({ id: '12345678-aaaa', name: 'Lamp' })).toBe('Lamp (12345678)');
    expect(rowLabel({ id: '12345678-aaaa', email: 'a@b.c' })).toBe('a@b.c (12345678)');
    expect(rowLabel({ id: 'x1', createdAt: '2024', note: 'hi' })).toBe('hi (x1)');
    expect(rowLabel({ id: 'x2' })).toBe('x2');
  });
});

describe('the table DB Data opens first', () => {
  it('is one any signed-in user may add rows to', () => {
    expect(allowedOf('create a product Allowed: admin.')).toBe('admin');
    expect(allowedOf('Allowed: any signed-in user.')).toBe('any signed-in user');
    expect(allowedOf(undefined)).toBe('');
    const list: Collection[] = [
      { ...col('User', '/api/users'), canCreate: false },
      { ...col('Product', '/api/products'), createAllowed: 'admin' },
      { ...col('Order', '/api/orders'), createAllowed: 'any signed-in user' },
    ];
    expect(defaultCollection(list)).toBe(2);
    expect(defaultCollection(list.slice(0, 2))).toBe(1);
    expect(defaultCollection([])).toBe(0);
  });
});
