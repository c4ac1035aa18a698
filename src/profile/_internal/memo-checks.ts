import { canonicalLanguageTag } from './language-tag.js';
import type { IntlChecks } from './schema-kit.js';
import { canonicalTimeZone } from './time-zone.js';

/**
 * `Intl` checks memoised for one call. Building a `DateTimeFormat` costs tens of microseconds;
 * a cohort has a handful of distinct zones, so one lookup per distinct name keeps parsing linear
 * without a module-level cache (which would be state shared between calls).
 */
export function memoChecks(): IntlChecks {
  const zones = new Map<string, string | undefined>();
  const languages = new Map<string, string | undefined>();
  return {
    timeZone(name) {
      if (zones.has(name)) return zones.get(name);
      const canonical = canonicalTimeZone(name);
      zones.set(name, canonical);
      return canonical;
    },
    language(tag) {
      if (languages.has(tag)) return languages.get(tag);
      const canonical = canonicalLanguageTag(tag);
      languages.set(tag, canonical);
      return canonical;
    },
  };
}
