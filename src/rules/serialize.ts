// A compiled rule set as plain JSON and back: Maps, Sets, RegExps, undefined, non-finite numbers and shared
// objects (the lesson index points into the programs) survive the round trip, so the revived rule set is the
// same graph as the compiled one. Anything else (functions, class instances, Dates…) refuses to encode.

/** Tagged forms use keys starting with one `$`; a plain object's own `$…` key is written with one more `$`. */
type Encoded = null | boolean | number | string | Encoded[] | { [k: string]: Encoded };

export class NotSerializable extends Error {}

function isPlain(v: object): boolean {
  return Object.getPrototypeOf(v) === Object.prototype;
}

/** Encode `value` into a JSON-safe form; throws NotSerializable for values it cannot restore exactly. */
export function encodeGraph(value: unknown): Encoded {
  // pass 1: which objects are reached more than once (they get an id, later visits a reference)
  const seen = new Set<object>();
  const shared = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    if (seen.has(v)) {
      shared.add(v);
      return;
    }
    seen.add(v);
    if (Array.isArray(v)) v.forEach(visit);
    else if (v instanceof Map) for (const [k, x] of v) (visit(k), visit(x));
    else if (v instanceof Set) v.forEach(visit);
    else if (v instanceof RegExp) return;
    else if (isPlain(v)) Object.values(v).forEach(visit);
  };
  visit(value);

  const ids = new Map<object, number>();
  const enc = (v: unknown): Encoded => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        if (Number.isNaN(v)) return { $n: 'NaN' };
        if (v === Infinity) return { $n: 'Infinity' };
        if (v === -Infinity) return { $n: '-Infinity' };
        if (Object.is(v, -0)) return { $n: '-0' };
        return v;
      case 'undefined':
        return { $u: 1 };
      case 'object':
        break;
      default:
        throw new NotSerializable(`cannot encode a ${typeof v}`);
    }
    if (v === null) return null;
    const id = ids.get(v);
    if (id !== undefined) return { $ref: id };
    let body: Encoded;
    const mine = shared.has(v) ? ids.size : undefined;
    if (mine !== undefined) ids.set(v, mine);
    if (Array.isArray(v)) {
      if (Object.keys(v).length !== v.length) throw new NotSerializable('sparse or decorated array');
      body = v.map(enc);
    } else if (v instanceof Map) {
      if (Object.getPrototypeOf(v) !== Map.prototype) throw new NotSerializable('Map subclass');
      body = { $map: [...v].map(([k, x]) => [enc(k), enc(x)]) };
    } else if (v instanceof Set) {
      if (Object.getPrototypeOf(v) !== Set.prototype) throw new NotSerializable('Set subclass');
      body = { $set: [...v].map(enc) };
    } else if (v instanceof RegExp) {
      if (Object.getPrototypeOf(v) !== RegExp.prototype || v.lastIndex !== 0) throw new NotSerializable('stateful RegExp');
      body = { $re: [v.source, v.flags] };
    } else if (isPlain(v)) {
      const o: Record<string, Encoded> = {};
      for (const [k, x] of Object.entries(v)) o[k.startsWith('$') ? `$${k}` : k] = enc(x);
      if (Object.getOwnPropertySymbols(v).length > 0 || Object.isFrozen(v) && Object.keys(v).length > 0) {
        throw new NotSerializable('symbols or frozen object');
      }
      body = o;
    } else {
      throw new NotSerializable(`cannot encode ${Object.prototype.toString.call(v)}`);
    }
    return mine === undefined ? body : { $id: mine, $v: body };
  };
  return enc(value);
}

/** A tag key: one `$` (a plain object's own `$…` key is written `$$…`). */
const isTag = (k: string): boolean => k.charCodeAt(0) === 36 && k.charCodeAt(1) !== 36;

/**
 * The inverse of encodeGraph. Throws on any malformed input (a corrupt cache is then simply recompiled).
 * `data` is taken over: fresh from JSON.parse, its plain arrays and objects are the decoded ones, changed in place
 * where a child is tagged (rebuilding every object cost a cold start several milliseconds, issue 10).
 */
export function decodeGraph(data: unknown): unknown {
  const byId = new Map<number, unknown>();
  const fail = (why: string): never => {
    throw new Error(`malformed rule-set cache: ${why}`);
  };
  const dec = (d: unknown, id?: number): unknown => {
    if (d === null || typeof d !== 'object') {
      if (id !== undefined) fail('id on a primitive');
      return d;
    }
    const register = <T>(x: T): T => {
      if (id !== undefined) byId.set(id, x);
      return x;
    };
    if (Array.isArray(d)) {
      register(d);
      for (let i = 0; i < d.length; i++) {
        const x: unknown = d[i];
        if (x !== null && typeof x === 'object') d[i] = dec(x);
      }
      return d;
    }
    const o = d as Record<string, unknown>;
    // most objects have no `$…` key: they are decoded in place without listing their keys
    let dollar = false;
    for (const k in o) {
      if (k.charCodeAt(0) === 36) {
        dollar = true;
        break;
      }
    }
    if (!dollar) {
      // a plain object as JSON.parse made it (a "__proto__" key is its own property, and stays one when set)
      register(o);
      for (const k in o) {
        const x = o[k];
        if (x !== null && typeof x === 'object') o[k] = dec(x);
      }
      return o;
    }
    const keys = Object.keys(o);
    if (isTag(keys[0]!) && keys.every(isTag)) {
      if ('$id' in o) {
        if (id !== undefined || typeof o.$id !== 'number' || !('$v' in o) || keys.length !== 2) fail('bad $id');
        return dec(o.$v, o.$id as number);
      }
      if ('$ref' in o) {
        if (!byId.has(o.$ref as number)) fail('dangling $ref');
        return byId.get(o.$ref as number);
      }
      if ('$map' in o && Array.isArray(o.$map)) {
        const m = register(new Map<unknown, unknown>());
        for (const pair of o.$map as unknown[]) {
          if (!Array.isArray(pair) || pair.length !== 2) fail('bad $map entry');
          const [k, v] = pair as [unknown, unknown];
          m.set(dec(k), dec(v));
        }
        return m;
      }
      if ('$set' in o && Array.isArray(o.$set)) {
        const s = register(new Set<unknown>());
        for (const x of o.$set as unknown[]) s.add(dec(x));
        return s;
      }
      if ('$re' in o && Array.isArray(o.$re)) return register(new RegExp(String(o.$re[0]), String(o.$re[1])));
      if ('$u' in o) return undefined;
      if ('$n' in o) {
        const n = { NaN, Infinity, '-Infinity': -Infinity, '-0': -0 }[String(o.$n)];
        return n === undefined ? fail('bad $n') : n;
      }
      fail(`unknown tag ${keys.join(',')}`);
    }
    // an own `$…` key was written `$$…`: rebuilt, keeping the key order
    const out = register({} as Record<string, unknown>);
    for (const k of keys) {
      const key = k.charCodeAt(0) === 36 && k.charCodeAt(1) === 36 ? k.slice(1) : k;
      const value = dec(o[k]);
      // plain assignment (fast) is the same as defining the property, but for the one inherited setter
      if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
    }
    return out;
  };
  return dec(data);
}
