/** Null-prototype dictionaries: keys such as `__proto__` or `constructor` are plain keys here. */
export type Dict<V> = Record<string, V>;

/** A fresh object with no prototype, so no key can reach `Object.prototype`. */
export function emptyDict<V>(): Dict<V> {
  return Object.create(null) as Dict<V>;
}

/** Assigns with `defineProperty`, which never triggers the `__proto__` setter. */
export function setKey<V>(dict: Dict<V>, key: string, value: V): void {
  Object.defineProperty(dict, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A plain JSON-like object (not an array, not a class instance such as `Date`). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
