/**
 * The column convention of participant CSV files: which header names which profile field, and
 * how its cells are written. docs/csv.md is the user-facing version of this table.
 */

/** How a cell of a column is turned into a value of the participant record. */
export type CsvCellKind =
  /** Kept as text (trimmed). */
  | 'text'
  /** A whole number when it looks like one, else left as text for validation to report. */
  | 'integer'
  /** A list: `a; b; c`. */
  | 'list'
  /** `all`, or a list of field names. */
  | 'consent'
  /** `true/false`, `yes/no`, `y/n`, `1/0` (any case). */
  | 'boolean'
  /** `YYYY-MM-DD` (also `YYYY/MM/DD`, or a date-time whose date part is taken). */
  | 'date'
  /** Offered skills: `python:4; sql:2` (name, optional level). */
  | 'offered'
  /** Wanted skills: `python:4:5; sql` (name, optional level, optional priority). */
  | 'wanted';

/** A profile field, as a path into the participant record, and how its cells are read. */
export interface CsvField {
  readonly path: readonly string[];
  readonly kind: CsvCellKind;
}

const field = (path: string, kind: CsvCellKind): CsvField => ({ path: path.split('.'), kind });

/** Every field a CSV column can fill, by its canonical header (the field path). */
export const CSV_FIELDS: Readonly<Record<string, CsvField>> = Object.freeze({
  id: field('id', 'text'),
  role: field('role', 'text'),
  capacity: field('capacity', 'integer'),
  name: field('name', 'text'),
  email: field('email', 'text'),
  'skills.offered': field('skills.offered', 'offered'),
  'skills.wanted': field('skills.wanted', 'wanted'),
  goals: field('goals', 'list'),
  interests: field('interests', 'list'),
  background: field('background', 'list'),
  stage: field('stage', 'text'),
  department: field('department', 'text'),
  team: field('team', 'text'),
  managerId: field('managerId', 'text'),
  location: field('location', 'text'),
  languages: field('languages', 'list'),
  'availability.timeZone': field('availability.timeZone', 'text'),
  'availability.windows': field('availability.windows', 'list'),
  cadence: field('cadence', 'text'),
  sessionMinutes: field('sessionMinutes', 'integer'),
  modes: field('modes', 'list'),
  communicationStyle: field('communicationStyle', 'text'),
  learningStyle: field('learningStyle', 'text'),
  'safeguarding.minor': field('safeguarding.minor', 'boolean'),
  'safeguarding.vulnerable': field('safeguarding.vulnerable', 'boolean'),
  'safeguarding.backgroundCheck.checkedOn': field('safeguarding.backgroundCheck.checkedOn', 'date'),
  'safeguarding.backgroundCheck.expiresOn': field('safeguarding.backgroundCheck.expiresOn', 'date'),
  consent: field('consent', 'consent'),
  optOut: field('optOut', 'boolean'),
  prefer: field('prefer', 'list'),
  avoid: field('avoid', 'list'),
  previousPartners: field('previousPartners', 'list'),
});

/** Shorter headers spreadsheets tend to use, mapped to the canonical field. */
const ALIASES: Readonly<Record<string, string>> = {
  offered: 'skills.offered',
  offers: 'skills.offered',
  wanted: 'skills.wanted',
  wants: 'skills.wanted',
  manager: 'managerId',
  timezone: 'availability.timeZone',
  availability: 'availability.windows',
  windows: 'availability.windows',
  minor: 'safeguarding.minor',
  vulnerable: 'safeguarding.vulnerable',
  backgroundcheckcheckedon: 'safeguarding.backgroundCheck.checkedOn',
  backgroundcheckexpireson: 'safeguarding.backgroundCheck.expiresOn',
  backgroundcheckexpires: 'safeguarding.backgroundCheck.expiresOn',
};

/** Case, spaces, dots, dashes and underscores do not matter in a header: `Manager_ID` = `managerId`. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, CsvField>();
for (const [name, f] of Object.entries(CSV_FIELDS)) BY_KEY.set(headerKey(name), f);
for (const [alias, name] of Object.entries(ALIASES)) BY_KEY.set(alias, CSV_FIELDS[name]);

const ATTRIBUTE = /^\s*(?:attributes|attribute|attr)\s*[.:]\s*(\S.*?)\s*$/i;

/**
 * The field a header names by the convention, or `undefined` for an unknown header.
 * `attributes.<key>` (or `attr.<key>`) fills `attributes[key]` as text.
 *
 * @example
 * ```ts
 * fieldForHeader('Manager ID');
 * //=> { path: ['managerId'], kind: 'text' }
 * fieldForHeader('attr.shirt size');
 * //=> { path: ['attributes', 'shirt size'], kind: 'text' }
 * ```
 */
export function fieldForHeader(header: string): CsvField | undefined {
  const attribute = ATTRIBUTE.exec(header);
  if (attribute) return { path: ['attributes', attribute[1]], kind: 'text' };
  return BY_KEY.get(headerKey(header));
}
