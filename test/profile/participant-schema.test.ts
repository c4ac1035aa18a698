import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CONSENT_FIELD_NAMES,
  type ConsentField,
  type Participant,
  type ParticipantInput,
  ParticipantSchema,
} from '../../src/profile/participant-schema.js';

describe('ParticipantSchema', () => {
  it("ParticipantSchema.parse({ id: 'ana', role: 'mentor', languages: ['EN_gb'] }) canonicalises the tag", () => {
    expect(
      ParticipantSchema.parse({ id: 'ana', role: 'mentor', languages: ['EN_gb'] }).languages,
    ).toEqual(['en-GB']);
  });

  it('ParticipantSchema.safeParse(record) fails on an unknown time zone on its own, without parseParticipants', () => {
    const result = ParticipantSchema.safeParse({
      id: 'a',
      role: 'peer',
      availability: { timeZone: 'Europe/Atlantis' },
    });
    expect(result.success).toBe(false);
  });

  it('ParticipantSchema gives each record fresh default arrays, never a shared one', () => {
    const a = ParticipantSchema.parse({ id: 'a', role: 'peer' });
    const b = ParticipantSchema.parse({ id: 'b', role: 'peer' });
    expect(a.skills.offered).not.toBe(b.skills.offered);
    expect(a.availability.windows).not.toBe(b.availability.windows);
  });

  it('Participant and ParticipantInput infer the documented shapes (type test)', () => {
    expectTypeOf<ParticipantInput['capacity']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Participant['skills']['wanted'][number]>().toEqualTypeOf<{
      name: string;
      level: number;
      priority: number;
    }>();
    expectTypeOf<Participant['availability']['windows'][number]['days'][number]>().toEqualTypeOf<
      'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'
    >();
    expectTypeOf(CONSENT_FIELD_NAMES).toEqualTypeOf<readonly ConsentField[]>();
    expect(Object.isFrozen(CONSENT_FIELD_NAMES)).toBe(true);
  });
});
