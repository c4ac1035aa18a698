import * as z from 'zod';
import { schemaDocs } from './_internal/schema-kit.js';
import { ParticipantSchema } from './participant-schema.js';
import { ProgramSchema } from './program-schema.js';

/** A JSON Schema document (draft 2020-12), as plain JSON data. */
export type JSONSchemaDocument = Record<string, unknown>;

/**
 * JSON Schema (draft 2020-12) of the participant record and of the program configuration, for
 * integrators who validate or generate forms outside TypeScript. The schemas describe the
 * *input* (fields with defaults are optional). Checks JSON Schema cannot express — time zones
 * and language tags known to `Intl`, windows whose end follows their start, taxonomy cycles —
 * are left to {@link parseParticipants} and {@link parseProgram}. Each call returns fresh objects.
 *
 * @returns `{ participant, program }`, each a JSON Schema document.
 * @example
 * ```ts
 * toJSONSchema().participant.required;
 * //=> ['id', 'role']
 * ```
 */
export function toJSONSchema(): { participant: JSONSchemaDocument; program: JSONSchemaDocument } {
  const options = { io: 'input', metadata: schemaDocs, unrepresentable: 'any' } as const;
  return {
    participant: z.toJSONSchema(ParticipantSchema, options) as JSONSchemaDocument,
    program: z.toJSONSchema(ProgramSchema, options) as JSONSchemaDocument,
  };
}
