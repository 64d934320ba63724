// Request values from a route's own schemas: the JSON Schema zod gives for its
// body or query (the one the OpenAPI document shows), filled mostly with valid
// values at the boundaries (shortest, longest, CJK, 4-byte emoji, first and last
// allowed year), then broken on purpose (wrong types, one past a limit, junk).
import fc from 'fast-check';
import { z, type ZodType } from 'zod';
import type { Random } from './random';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: Json[];
  const?: Json;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  additionalProperties?: boolean | JsonSchema;
}

/** The input JSON Schema of a request schema, as the OpenAPI document builds it. */
export function jsonSchemaOf(schema: ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
}

/** Values the run has seen in answers (ids, codes), offered for fields and path parameters named like them. */
export type Pool = Map<string, string[]>;

const CJK = '科普汇活动报名唐山市柳州科技馆青少年志愿者岗位签到健康应急航天食品安全生态环境讲解实验';
const EMOJI = ['😀', '🚀', '🧪', '𠀀', '𪚥'];
const ODD = [
  '\u0000',
  '\r',
  '\n',
  '\t',
  '\u007f',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u3000',
  "'",
  '"',
  '%',
  '_',
  '\\',
  '<',
  '>',
  '&',
  ';',
  ',',
  '\u0085',
  '\u2028',
];
const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';

type Alphabet = 'cjk' | 'emoji' | 'ascii' | 'odd' | 'mixed';

/** A string of exactly `units` UTF-16 code units (what zod's min/max count). */
export function text(random: Random, units: number, alphabet: Alphabet = random.pick(['cjk', 'emoji', 'ascii', 'odd', 'mixed'] as const)): string {
  let out = '';
  while (out.length < units) {
    const left = units - out.length;
    const kind = alphabet === 'mixed' ? random.pick(['cjk', 'emoji', 'ascii', 'odd'] as const) : alphabet;
    if (kind === 'emoji' && left >= 2) out += random.pick(EMOJI);
    else if (kind === 'ascii') out += ASCII[random.int(0, ASCII.length - 1)];
    else if (kind === 'odd' && random.chance(0.3)) out += random.pick(ODD);
    else out += CJK[random.int(0, CJK.length - 1)];
  }
  return out;
}

const VALID_TIMES = [
  '1970-01-01T00:00:00+08:00',
  '1970-01-01T00:00:00.001+08:00',
  '2100-12-31T23:59:59+08:00',
  '2100-12-31T23:59:59.999+08:00',
  '2024-02-29T12:00:00Z',
  '2026-12-05T09:00:00.123456789+08:00',
];
const INVALID_TIMES = [
  '0001-01-01T00:00:00Z',
  '1000-01-01T00:00:00Z',
  '1969-12-31T23:59:59+08:00',
  '1970-01-01T00:00:00+23:59',
  '2101-01-01T00:00:00+08:00',
  '2100-12-31T23:59:59-23:59',
  '9999-12-31T23:59:59Z',
  '10000-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2023-02-29T09:00:00+08:00',
  '2023-09-16T24:00:00+08:00',
  '2023-09-16T09:00:00',
  '2023-09-16 09:00:00+08:00',
  '2023-09-16',
  'Infinity',
  '',
];
const VALID_DATES = ['1970-01-01', '2100-12-31', '2024-02-29', '2026-11-25', '2026-12-31'];
const INVALID_DATES = ['0001-01-01', '1969-12-31', '2101-01-01', '9999-12-31', '10000-01-01', '2023-02-29', '2023-13-01', '2023-9-1', '20230901', ''];

/** A time near the test clock, so events and shifts land in states worth reaching. */
function nearTime(random: Random, around: Date): string {
  const at = new Date(around.getTime() + random.int(-15, 60) * 86_400_000 + random.int(0, 23) * 3_600_000);
  at.setUTCMinutes(random.pick([0, 0, 30]), 0, 0);
  const cst = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
  return random.chance(0.8) ? `${cst}+08:00` : `${at.toISOString().slice(0, 19)}Z`;
}

export interface Generator {
  random: Random;
  pool: Pool;
  now: () => Date;
}

/** A value the schema accepts (refinements aside), leaning on boundaries. */
export function valid(g: Generator, schema: JsonSchema, name = ''): Json {
  const { random } = g;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return random.pick(schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches?.length) return valid(g, random.pick(branches), name);
  if (schema.allOf?.length) return valid(g, schema.allOf[0]!, name);
  const type = Array.isArray(schema.type) ? random.pick(schema.type) : schema.type;
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return random.chance(0.5);
    case 'integer':
    case 'number':
      return number(g, schema, type === 'integer');
    case 'string':
      return string(g, schema, name);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? 8, 60);
      const length = random.chance(0.15) ? max : random.chance(0.2) ? min : random.int(min, Math.min(max, min + 3));
      return Array.from({ length }, () => valid(g, schema.items ?? {}, name));
    }
    case 'object': {
      const out: Record<string, Json> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (required.has(key) || random.chance(0.6)) out[key] = valid(g, property, key);
      }
      return out;
    }
    default:
      return junk(g);
  }
}

function number(g: Generator, schema: JsonSchema, integer: boolean): number {
  const { random } = g;
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.25) : -1000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 0.25) : 1000);
  const roll = random.next();
  if (roll < 0.15) return min;
  if (roll < 0.3) return max;
  // Mostly small values: capacities, counts and task numbers that exist.
  const hi = Math.min(max, min + (random.chance(0.7) ? 10 : 1000));
  const value = min + random.next() * (hi - min);
  return integer ? Math.round(value) : Math.round(value * 4) / 4;
}

function string(g: Generator, schema: JsonSchema, name: string): string {
  const { random } = g;
  if (schema.format === 'date-time') return random.chance(0.75) ? nearTime(random, g.now()) : random.pick(VALID_TIMES);
  if (schema.format === 'date') return random.chance(0.6) ? nearTime(random, g.now()).slice(0, 10) : random.pick(VALID_DATES);
  // Ids and codes the run has seen, for fields named like them.
  const known = pooled(g, name);
  if (known && random.chance(0.8)) return known;
  if (schema.pattern) return fc.sample(fc.stringMatching(new RegExp(schema.pattern), { size: 'small' }), { seed: random.seed(), numRuns: 1 })[0]!;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const roll = random.next();
  const length = roll < 0.2 ? max : roll < 0.3 ? min : random.int(Math.max(min, 2), Math.max(min, Math.min(max, 12)));
  // Leading and trailing blanks are trimmed by most schemas: keep the value valid after trimming.
  return text(random, length, random.pick(['cjk', 'cjk', 'emoji', 'ascii', 'mixed'] as const)).replace(/^\s|\s$/g, '科');
}

/** A value from the pool for a field or parameter of this name (eventId, userId, id, code …). */
export function pooled(g: Generator, name: string): string | undefined {
  const { random, pool } = g;
  const exact = pool.get(name);
  if (exact?.length) return random.pick(exact);
  if (/id$/i.test(name)) {
    const ids = pool.get('id');
    if (ids?.length) return random.pick(ids);
  }
  return undefined;
}

/** Anything at all, of any type: what a hostile client sends. */
export function junk(g: Generator, depth = 0): Json {
  const { random } = g;
  switch (random.int(0, 19)) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, -0.5, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324]);
    case 3:
      return '';
    case 4:
      return text(random, random.pick([1, 65, 201, 257, 5001, 70_000]), random.pick(['cjk', 'emoji', 'odd', 'mixed'] as const));
    case 5:
      return random.pick(INVALID_TIMES);
    case 6:
      return random.pick(INVALID_DATES);
    case 7:
      return random.pick(VALID_TIMES);
    case 8:
      return random.pick([
        "' OR '1'='1' -- ",
        '%',
        '_',
        '\\',
        '../../etc/passwd',
        '${7*7}',
        '{{7*7}}',
        '<script>alert(1)</script>',
        'null',
        'undefined',
        'NaN',
      ]);
    case 9:
      return depth > 3 ? [] : Array.from({ length: random.int(0, 4) }, () => junk(g, depth + 1));
    case 10:
      return depth > 3 ? {} : Object.fromEntries(Array.from({ length: random.int(0, 4) }, () => [junkKey(random), junk(g, depth + 1)]));
    case 11:
      return nested(random.pick([50, 500, 3000]));
    case 12:
      return Array.from({ length: random.pick([1000, 20_000]) }, (_, i) => i);
    case 13:
      // Own "__proto__" and "constructor" keys, as JSON.parse makes them.
      return JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}},"roles":["admin"]}') as Json;
    case 14:
      return pooled(g, 'id') ?? 'x';
    case 15:
      return random.pick(['13812345678', '1381234567', '23812345678', '１３８１２３４５６７８', '+8613812345678']);
    case 16:
      return random.pick(['39.6,118.1', '91,181', '-90,-180', '1,2,3', 'NaN,NaN', '1e3,1']);
    default:
      return text(random, random.int(0, 40));
  }
}

function junkKey(random: Random): string {
  return random.pick([
    '__proto__',
    'constructor',
    'prototype',
    '',
    ' ',
    'id',
    'status',
    'confirmedCount',
    'isAdmin',
    'organizerId',
    '$where',
    '键',
    '😀',
    'a'.repeat(300),
  ]);
}

function nested(depth: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

/** A valid-looking value broken in one to three places: a field of the wrong type, one past a limit, missing, null or extra. */
export function mutate(g: Generator, value: Json, schema: JsonSchema): Json {
  const { random } = g;
  let out = JSON.parse(JSON.stringify(value)) as Json;
  for (let i = random.int(1, 3); i > 0; i -= 1) out = mutateOnce(g, out, schema);
  return out;
}

function mutateOnce(g: Generator, value: Json, schema: JsonSchema): Json {
  const { random } = g;
  if (value === null || typeof value !== 'object') return random.chance(0.5) ? junk(g) : (pastLimit(g, schema) ?? junk(g));
  const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value);
  const propertyOf = (key: string): JsonSchema => (Array.isArray(value) ? (schema.items ?? {}) : (schema.properties?.[key] ?? {}));
  const roll = random.next();
  if (!Array.isArray(value) && (roll < 0.15 || keys.length === 0)) {
    value[random.chance(0.5) ? junkKey(random) : `extra${random.int(0, 9)}`] = junk(g);
    return value;
  }
  const key = random.pick(keys.length ? keys : ['0']);
  const target = value as Record<string, Json>;
  if (roll < 0.3) {
    delete target[key];
  } else if (roll < 0.4) {
    target[key] = null;
  } else if (roll < 0.7) {
    target[key] = pastLimit(g, propertyOf(key)) ?? junk(g);
  } else if (roll < 0.85 && target[key] !== null && typeof target[key] === 'object') {
    target[key] = mutateOnce(g, target[key], propertyOf(key));
  } else {
    target[key] = junk(g);
  }
  return value;
}

/** One step outside what the schema allows, of the right type, when it has a limit. */
function pastLimit(g: Generator, schema: JsonSchema): Json | undefined {
  const { random } = g;
  const branch = schema.anyOf?.[0] ?? schema;
  const type = Array.isArray(branch.type) ? branch.type[0] : branch.type;
  if (branch.format === 'date-time') return random.pick(INVALID_TIMES);
  if (branch.format === 'date') return random.pick(INVALID_DATES);
  if (type === 'string' && branch.maxLength !== undefined) return text(g.random, branch.maxLength + 1);
  if (type === 'string' && branch.minLength) return text(g.random, branch.minLength - 1);
  if ((type === 'integer' || type === 'number') && branch.maximum !== undefined)
    return random.pick([branch.maximum + 1, branch.maximum * 1000, (branch.minimum ?? 0) - 1, 0.5]);
  if (type === 'array' && branch.maxItems !== undefined) return Array.from({ length: branch.maxItems + 1 }, () => valid(g, branch.items ?? {}));
  return undefined;
}
