import type { Vocabulary } from '../cohort.js';

/** Interns strings to dense ids in order of first appearance. */
export class Interner {
  readonly names: string[] = [];
  readonly idOf = new Map<string, number>();

  constructor(initial: readonly string[] = []) {
    for (const name of initial) this.id(name);
  }

  id(name: string): number {
    let id = this.idOf.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.idOf.set(name, id);
    }
    return id;
  }

  freeze(): Vocabulary {
    return Object.freeze({ names: Object.freeze(this.names), idOf: this.idOf });
  }
}
