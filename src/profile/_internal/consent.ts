import type { ConsentField, Participant } from '../participant-schema.js';
import type { Program } from '../program-schema.js';
import { CONSENT_FIELDS } from './build-participant-schema.js';

/** Bit of each consent field in a `withheld` mask, in `CONSENT_FIELDS` order. */
export const CONSENT_BIT: ReadonlyMap<ConsentField, number> = new Map(
  CONSENT_FIELDS.map((field, i) => [field, 1 << i]),
);
export const ALL_CONSENT = (1 << CONSENT_FIELDS.length) - 1;

/** Mask of the fields the participant shares (their own consent, else the program default). */
export function sharedMask(participant: Participant, program: Program): number {
  const consent = participant.consent ?? program.consentDefault;
  if (consent === 'all') return ALL_CONSENT;
  let mask = 0;
  for (const field of consent) mask |= CONSENT_BIT.get(field) ?? 0;
  return mask;
}

/** True when `field` is shared under `mask`. */
export function shares(mask: number, field: ConsentField): boolean {
  return (mask & (CONSENT_BIT.get(field) ?? 0)) !== 0;
}

/** Whether the participant actually filled in a consentable field (so withholding drops data). */
export function hasData(participant: Participant, field: ConsentField): boolean {
  switch (field) {
    case 'skills':
      return participant.skills.offered.length + participant.skills.wanted.length > 0;
    case 'availability':
      return (
        participant.availability.windows.length > 0 ||
        participant.availability.timeZone !== undefined
      );
    case 'meeting':
      return (
        participant.cadence !== undefined ||
        participant.sessionMinutes !== undefined ||
        participant.modes.length > 0
      );
    case 'attributes':
      return participant.attributes !== undefined && Object.keys(participant.attributes).length > 0;
    case 'goals':
    case 'interests':
    case 'background':
    case 'languages':
      return participant[field].length > 0;
    default:
      return participant[field] !== undefined;
  }
}

/**
 * A copy of the participant without the fields it did not agree to share. Withheld fields are
 * removed (not blanked to a default) so nothing downstream can mistake "withheld" for "empty".
 */
export function redact(participant: Participant, mask: number): Participant {
  if (mask === ALL_CONSENT) return participant;
  const copy: Record<string, unknown> = { ...participant };
  for (const field of CONSENT_FIELDS) {
    if (shares(mask, field)) continue;
    if (field === 'meeting') {
      delete copy.cadence;
      delete copy.sessionMinutes;
      delete copy.modes;
    } else {
      delete copy[field];
    }
  }
  return copy as Participant;
}
