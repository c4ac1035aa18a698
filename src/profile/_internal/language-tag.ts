/** The canonical BCP 47 form of a language tag (`EN_gb` → `en-GB`), or undefined if invalid. */
export function canonicalLanguageTag(tag: string): string | undefined {
  const trimmed = tag.trim().replace(/_/g, '-');
  if (trimmed.length === 0 || trimmed.length > 64) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    return canonical;
  } catch {
    return undefined;
  }
}
