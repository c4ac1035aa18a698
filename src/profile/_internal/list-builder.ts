/**
 * Builds compressed-sparse-row lists with parallel byte columns, growing by doubling so a
 * cohort of any size is built in linear time with one final trim.
 */
export class ListBuilder {
  readonly offsets: Int32Array;
  private values = new Int32Array(64);
  private extra: Uint8Array[];
  private length = 0;
  private row = 0;

  constructor(rows: number, extraColumns = 0) {
    this.offsets = new Int32Array(rows + 1);
    this.extra = Array.from({ length: extraColumns }, () => new Uint8Array(64));
  }

  /** Appends one entry to the current row. */
  push(value: number, a = 0, b = 0): void {
    if (this.length === this.values.length) this.grow();
    this.values[this.length] = value;
    if (this.extra.length > 0) this.extra[0][this.length] = a;
    if (this.extra.length > 1) this.extra[1][this.length] = b;
    this.length++;
  }

  /** Closes the current row: entries pushed since the last call belong to it. */
  endRow(): void {
    this.row++;
    this.offsets[this.row] = this.length;
  }

  private grow(): void {
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
    this.extra = this.extra.map((column) => {
      const wider = new Uint8Array(column.length * 2);
      wider.set(column);
      return wider;
    });
  }

  finish(): { offsets: Int32Array; values: Int32Array; extra: Uint8Array[] } {
    return {
      offsets: this.offsets,
      values: this.values.slice(0, this.length),
      extra: this.extra.map((column) => column.slice(0, this.length)),
    };
  }
}

/** Sorts ids ascending and drops repeats, in place; returns the new length. */
export function sortUnique(ids: number[]): number {
  ids.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[n++] = ids[i];
  ids.length = n;
  return n;
}
