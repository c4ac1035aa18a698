/**
 * A binary min-heap of events, each a time and an integer item, in typed arrays that grow by
 * doubling. Events are never removed early: a stale one is recognised when it is popped (lazy
 * deletion), which keeps pushing O(log n) with no index to maintain.
 */
export class EventQueue {
  private time = new Float64Array(64);
  private item = new Int32Array(64);
  private size = 0;

  get length(): number {
    return this.size;
  }

  clear(): void {
    this.size = 0;
  }

  push(time: number, item: number): void {
    if (this.size === this.time.length) {
      const t = new Float64Array(2 * this.size);
      const x = new Int32Array(2 * this.size);
      t.set(this.time);
      x.set(this.item);
      this.time = t;
      this.item = x;
    }
    const { time: ts, item: xs } = this;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (ts[up] <= time) break;
      ts[i] = ts[up];
      xs[i] = xs[up];
      i = up;
    }
    ts[i] = time;
    xs[i] = item;
  }

  /** Time of the earliest event (the queue must not be empty). */
  peekTime(): number {
    return this.time[0];
  }

  /** Removes the earliest event and returns its item (the queue must not be empty). */
  pop(): number {
    const { time: ts, item: xs } = this;
    const top = xs[0];
    const n = --this.size;
    const time = ts[n];
    const item = xs[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && ts[child + 1] < ts[child]) child++;
      if (ts[child] >= time) break;
      ts[i] = ts[child];
      xs[i] = xs[child];
      i = child;
    }
    ts[i] = time;
    xs[i] = item;
    return top;
  }
}
