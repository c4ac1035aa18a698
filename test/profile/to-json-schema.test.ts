import { describe, expect, it } from 'vitest';
import { toJSONSchema } from '../../src/profile/to-json-schema.js';

describe('toJSONSchema', () => {
  it('toJSONSchema() describes the participant input: id and role required, documented fields, 2020-12 dialect', () => {
    const { participant } = toJSONSchema();
    expect(participant.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(participant.required).toEqual(['id', 'role']);
    const properties = participant.properties as Record<string, Record<string, unknown>>;
    expect(properties.capacity).toMatchObject({ type: 'integer', minimum: 0, default: 1 });
    expect(properties.managerId.description).toMatch(/reporting line/);
    expect(properties.attributes).toMatchObject({ type: 'object', maxProperties: 50 });
  });

  it('toJSONSchema() describes the program input with only date required', () => {
    const { program } = toJSONSchema();
    expect(program.required).toEqual(['date']);
    expect((program.properties as Record<string, unknown>).slotMinutes).toMatchObject({
      enum: [5, 10, 15, 30, 60],
    });
  });

  it('toJSONSchema() returns fresh, JSON-serialisable objects each call', () => {
    const a = toJSONSchema();
    const b = toJSONSchema();
    expect(a).not.toBe(b);
    expect(a.participant).not.toBe(b.participant);
    expect(JSON.parse(JSON.stringify(a))).toEqual(b);
  });
});
