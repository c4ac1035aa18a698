/**
 * A short, safe rendering of a bad value for an error message. Never throws: hostile input may
 * hold getters, cycles or huge strings, and an error message must not become a second failure.
 */
export function describeValue(value: unknown): string {
  try {
    if (value === undefined) return 'nothing';
    if (typeof value === 'string') return quote(value);
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
      return String(value);
    }
    if (typeof value === 'bigint') return `${value}n`;
    if (Array.isArray(value)) return `an array of ${value.length}`;
    if (typeof value === 'object') {
      const keys = Object.keys(value);
      return keys.length === 0 ? 'an empty object' : `an object with keys ${clip(keys.join(', '))}`;
    }
    return `a ${typeof value}`;
  } catch {
    return 'an unreadable value';
  }
}

function quote(text: string): string {
  return JSON.stringify(clip(text));
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
