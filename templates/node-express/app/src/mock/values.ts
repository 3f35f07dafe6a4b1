// Shared infrastructure: realistic sample values by meaning ("semantic", decided by the
// generator from a field's type and name), within the field's constraints. Deterministic for a
// given PRNG, so seed data is the same on every run.
import type { Prng } from './prng.js';

export interface Constraints {
  maxLength?: number;
  min?: number;
  max?: number;
  unique?: boolean;
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim', 'Margaret', 'Linus'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Berners-Lee'];
const WORDS = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'iris', 'juniper', 'kestrel', 'lumen'];
const CITIES = ['Lisbon', 'Oslo', 'Kyoto', 'Quito', 'Accra', 'Hobart', 'Tallinn', 'Porto', 'Valparaiso', 'Dakar'];
const COUNTRIES = ['Portugal', 'Norway', 'Japan', 'Ecuador', 'Ghana', 'Australia', 'Estonia', 'Chile', 'Senegal'];
const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Labs', 'Hooli', 'Vandelay Industries'];
const COLORS = ['red', 'green', 'blue', 'orange', 'purple', 'teal'];
const SENTENCES = [
  'A quick note about the plan for next week.',
  'Everything went better than expected.',
  'Please review the attached details before Friday.',
  'This is a sample written for development data.',
  'The first draft is ready; feedback is welcome.',
];

function clip(text: string, c: Constraints): string {
  return c.maxLength !== undefined && text.length > c.maxLength ? text.slice(0, Math.max(1, c.maxLength)) : text;
}

function person(rng: Prng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

export const mock = {
  text(rng: Prng, i: number, semantic: string, c: Constraints): string {
    const suffix = c.unique === true ? ` ${i + 1}` : '';
    let text: string;
    switch (semantic) {
      case 'email':
        return clip(`${rng.pick(FIRST).toLowerCase()}.${i + 1}@example.com`, c);
      case 'url':
        return clip(`https://example.com/${rng.pick(WORDS)}/${i + 1}`, c);
      case 'imageUrl':
        return clip(`https://picsum.photos/seed/${i + 1}/640/480`, c);
      case 'personName':
        text = person(rng);
        break;
      case 'firstName':
        text = rng.pick(FIRST);
        break;
      case 'lastName':
        text = rng.pick(LAST);
        break;
      case 'username':
        return clip(`${rng.pick(FIRST).toLowerCase()}${i + 1}`, c);
      case 'phone':
        text = `+1 555 ${String(rng.int(1000, 9999))}`;
        break;
      case 'city':
        text = rng.pick(CITIES);
        break;
      case 'country':
        text = rng.pick(COUNTRIES);
        break;
      case 'street':
        text = `${rng.int(1, 250)} ${rng.pick(WORDS)} street`;
        break;
      case 'postalCode':
        text = String(rng.int(10000, 99999));
        break;
      case 'company':
        text = rng.pick(COMPANIES);
        break;
      case 'color':
        text = rng.pick(COLORS);
        break;
      case 'slug':
        return clip(`${rng.pick(WORDS)}-${i + 1}`, c);
      case 'code':
        return clip(`${rng.pick(WORDS).slice(0, 3).toUpperCase()}-${1000 + i}`, c);
      case 'title':
        text = `${rng.pick(WORDS)} ${rng.pick(WORDS)}`.replace(/^./, (ch) => ch.toUpperCase());
        break;
      case 'sentence':
      case 'paragraph':
        text = rng.pick(SENTENCES);
        break;
      default:
        text = rng.pick(WORDS);
    }
    return clip(`${text}${suffix}`, c).trim() || 'x';
  },

  integer(rng: Prng, i: number, semantic: string, c: Constraints): number {
    const lo = Math.ceil(c.min ?? (semantic === 'year' ? 1990 : semantic === 'age' ? 18 : semantic === 'rating' ? 1 : 0));
    const hi = Math.floor(c.max ?? (semantic === 'year' ? 2025 : semantic === 'age' ? 90 : semantic === 'rating' ? 5 : 100));
    if (c.unique === true) return lo + i;
    return rng.int(lo, Math.max(lo, hi));
  },

  number(rng: Prng, i: number, semantic: string, c: Constraints): number {
    const lo = c.min ?? (semantic === 'latitude' ? -90 : semantic === 'longitude' ? -180 : 0);
    const hi = c.max ?? (semantic === 'latitude' ? 90 : semantic === 'longitude' ? 180 : semantic === 'money' ? 500 : 100);
    if (c.unique === true) return lo + i;
    return Math.round((lo + rng.next() * (hi - lo)) * 100) / 100;
  },

  datetime(rng: Prng): string {
    return rng.dateBetween(new Date('2024-06-01T00:00:00.000Z'), new Date('2025-06-01T00:00:00.000Z'));
  },

  date(rng: Prng, semantic: string): string {
    const from = semantic === 'birthDate' ? new Date('1950-01-01T00:00:00.000Z') : new Date('2024-06-01T00:00:00.000Z');
    const to = semantic === 'birthDate' ? new Date('2005-12-31T00:00:00.000Z') : new Date('2025-06-01T00:00:00.000Z');
    return rng.dateBetween(from, to).slice(0, 10);
  },
};
