import * as z from 'zod';
import { type Dict, emptyDict, isPlainObject, setKey } from './records.js';

/** Descriptions and JSON Schema hints for the exported schemas, kept off zod's global registry. */
export const schemaDocs = z.registry<Record<string, unknown>>();

/** Attaches a description (and optional JSON Schema keywords) to a schema. */
export type Documenter = <T extends z.ZodType>(schema: T, description: string, extra?: object) => T;

/** Documents into {@link schemaDocs}: used once, for the exported schemas. */
export const doc: Documenter = (schema, description, extra) => {
  schemaDocs.add(schema, { description, ...extra });
  return schema;
};

/** Documents nothing: per-call schemas must not grow a module-level registry. */
export const noDoc: Documenter = (schema) => schema;

/** Checks that need the `Intl` data of the engine; parse passes memoised versions per call. */
export interface IntlChecks {
  readonly timeZone: (name: string) => string | undefined;
  readonly language: (tag: string) => string | undefined;
}

/** A label: trimmed, non-empty, bounded so hostile input cannot make us fold megabytes. */
export function label(max = 100) {
  return z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });
}

/** A list of labels, bounded in length. */
export function labels(max = 50) {
  return z.array(label(), { error: 'must be a list of text labels' }).max(max, {
    error: `must have at most ${max} entries`,
  });
}

/** A calendar date `YYYY-MM-DD`. */
export function isoDate() {
  return z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
}

/** An integer in `[min, max]` with one clear message for every way of missing it. */
export function intBetween(min: number, max: number) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.int({ error }).min(min, { error }).max(max, { error });
}

/**
 * A string-keyed record whose output has a null prototype. zod's own `z.record` assigns keys with
 * `=`, so a `__proto__` key from `JSON.parse` would be lost (or, with an object value, would
 * replace the prototype); here every own key is kept as a plain key.
 */
export function safeRecord<V extends z.ZodType>(
  value: V,
  options: { maxKeys: number; valueDescription: object; document: Documenter },
): z.ZodType<Dict<z.output<V>>, Dict<z.input<V>>> {
  const schema = z.unknown().transform((input, ctx) => {
    if (!isPlainObject(input)) {
      ctx.issues.push({
        code: 'invalid_type',
        expected: 'record',
        input,
        message: 'must be an object of named values',
      });
      return z.NEVER;
    }
    const keys = Object.keys(input);
    if (keys.length > options.maxKeys) {
      ctx.issues.push({
        code: 'too_big',
        origin: 'object',
        maximum: options.maxKeys,
        input,
        message: `must have at most ${options.maxKeys} keys`,
      });
      return z.NEVER;
    }
    const out = emptyDict<z.output<V>>();
    let ok = true;
    for (const key of keys) {
      const result = value.safeParse(input[key], { reportInput: true });
      if (result.success) {
        setKey(out, key, result.data);
      } else {
        ok = false;
        for (const issue of result.error.issues) {
          ctx.issues.push({ ...issue, path: [key, ...issue.path] } as never);
        }
      }
    }
    return ok ? out : z.NEVER;
  });
  options.document(schema, 'An object of named values.', {
    type: 'object',
    additionalProperties: options.valueDescription,
    maxProperties: options.maxKeys,
  });
  return schema as unknown as z.ZodType<Dict<z.output<V>>, Dict<z.input<V>>>;
}

/** An IANA time zone, canonicalised (`europe/berlin` → `Europe/Berlin`); participants and programs share it. */
export function ianaTimeZone(checks: IntlChecks) {
  return z
    .string({ error: 'must be an IANA time zone such as "Europe/Berlin"' })
    .transform((name, ctx) => {
      const canonical = checks.timeZone(name.trim());
      if (canonical === undefined) {
        ctx.issues.push({
          code: 'custom',
          input: name,
          message:
            'is not a time zone known to this JavaScript engine (use an IANA name such as "Europe/Berlin")',
          params: { code: 'UNKNOWN_TIME_ZONE' },
        });
        return z.NEVER;
      }
      return canonical;
    });
}

/** A BCP 47 language tag, canonicalised (`EN_gb` → `en-GB`); participants and programs share it. */
export function languageTag(checks: IntlChecks) {
  return z
    .string({ error: 'must be a BCP 47 language tag such as "en" or "pt-BR"' })
    .transform((tag, ctx) => {
      const canonical = checks.language(tag);
      if (canonical === undefined) {
        ctx.issues.push({
          code: 'custom',
          input: tag,
          message: 'is not a valid BCP 47 language tag (e.g. "en", "de-CH", "zh-Hant")',
          params: { code: 'INVALID_LANGUAGE_TAG' },
        });
        return z.NEVER;
      }
      return canonical;
    });
}
