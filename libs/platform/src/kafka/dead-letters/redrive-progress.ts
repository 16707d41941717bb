/** Kafka keeps up to `offset.metadata.max.bytes` (4096 by default) of metadata with a committed offset. */
const MAX_METADATA_LENGTH = 4000;
const METADATA_PREFIX = 'redriven:';

/** The offset and metadata to commit for one partition, and how many re-driven offsets did not fit the metadata. */
export interface RedriveCheckpoint {
  offset: string;
  metadata: string | null;
  forgotten: number;
}

/**
 * What the redrive consumer group remembers of one partition of a dead-letter topic. The committed offset is never
 * moved past a dead letter that was left out (filtered away), so it stays pending; the dead letters re-driven after it
 * are listed in the commit's metadata (as offset ranges), so a later run does not send them again.
 */
export class RedriveProgress {
  private readonly leftOut = new Set<number>();

  private constructor(
    private next: number,
    private readonly redriven: Set<number>,
  ) {}

  /** From the group's committed offset ('-1' when it has none) and the metadata committed with it. */
  static fromCommit(offset: string | null, metadata: string | null): RedriveProgress {
    const next = offset !== null && /^\d+$/.test(offset) ? Number(offset) : 0;
    return new RedriveProgress(next, new Set([...decodeOffsets(metadata)].filter((o) => o >= next)));
  }

  /** The first offset that may still be pending. */
  get nextOffset(): number {
    return this.next;
  }

  isRedriven(offset: string): boolean {
    const o = Number(offset);
    return o < this.next || this.redriven.has(o);
  }

  markRedriven(offset: string): void {
    this.redriven.add(Number(offset));
  }

  markLeftOut(offset: string): void {
    this.leftOut.add(Number(offset));
  }

  /** Once every offset up to `upTo` was either re-driven or left out: what to commit. */
  checkpoint(upTo: string): RedriveCheckpoint {
    const firstLeftOut = Math.min(...[...this.leftOut].filter((o) => o >= this.next));
    this.next = Math.max(this.next, Math.min(firstLeftOut, Number(upTo) + 1));
    for (const o of this.redriven) if (o < this.next) this.redriven.delete(o);
    const { metadata, forgotten } = encodeOffsets([...this.redriven]);
    return { offset: String(this.next), metadata, forgotten };
  }
}

/** `redriven:12-15,19`; the highest offsets are dropped until it fits (they would be offered again, never lost). */
export function encodeOffsets(offsets: number[]): { metadata: string | null; forgotten: number } {
  const kept: string[] = [];
  let length = METADATA_PREFIX.length - 1;
  let forgotten = 0;
  for (const [from, to] of toRanges(offsets)) {
    const range = from === to ? String(from) : `${from}-${to}`;
    if (forgotten === 0 && length + 1 + range.length <= MAX_METADATA_LENGTH) {
      kept.push(range);
      length += 1 + range.length;
    } else {
      forgotten += to - from + 1;
    }
  }
  return { metadata: kept.length === 0 ? null : METADATA_PREFIX + kept.join(','), forgotten };
}

/** Metadata this command did not write (another tool, an offset reset) counts as nothing re-driven. */
export function decodeOffsets(metadata: string | null): Set<number> {
  const offsets = new Set<number>();
  if (!metadata?.startsWith(METADATA_PREFIX)) return offsets;
  for (const range of metadata.slice(METADATA_PREFIX.length).split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(range);
    if (!match) return new Set();
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from || to - from > 1_000_000) return new Set();
    for (let o = from; o <= to; o++) offsets.add(o);
  }
  return offsets;
}

function toRanges(offsets: number[]): [number, number][] {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const o of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === o - 1) last[1] = o;
    else ranges.push([o, o]);
  }
  return ranges;
}
