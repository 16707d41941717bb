import { decodeOffsets, encodeOffsets, RedriveProgress } from './redrive-progress';

describe('redrive progress', () => {
  it('moves the committed offset past everything re-driven when nothing was left out', () => {
    const progress = RedriveProgress.fromCommit('-1', null);
    ['0', '1', '2'].forEach((o) => progress.markRedriven(o));
    expect(progress.checkpoint('2')).toEqual({ offset: '3', metadata: null, forgotten: 0 });
    expect(progress.isRedriven('2')).toBe(true);
    expect(progress.isRedriven('3')).toBe(false);
  });

  it('stops at the first dead letter left out and remembers the ones re-driven after it', () => {
    const progress = RedriveProgress.fromCommit('10', null);
    progress.markRedriven('10');
    progress.markLeftOut('11');
    progress.markRedriven('12');
    progress.markRedriven('13');
    progress.markLeftOut('14');
    progress.markRedriven('15');
    expect(progress.checkpoint('15')).toEqual({ offset: '11', metadata: 'redriven:12-13,15', forgotten: 0 });

    const next = RedriveProgress.fromCommit('11', 'redriven:12-13,15');
    expect(['11', '12', '13', '14', '15', '16'].map((o) => next.isRedriven(o))).toEqual([false, true, true, false, true, false]);
    // The next run re-drives 11 but leaves out 14 again.
    next.markRedriven('11');
    next.markLeftOut('14');
    next.markRedriven('16');
    expect(next.checkpoint('16')).toEqual({ offset: '14', metadata: 'redriven:15-16', forgotten: 0 });
  });

  it('never moves the committed offset back', () => {
    const progress = RedriveProgress.fromCommit('5', null);
    expect(progress.checkpoint('3').offset).toBe('5');
  });

  it.each([
    [null, []],
    ['', []],
    ['written by someone else', []],
    ['redriven:3', [3]],
    ['redriven:3-5,9', [3, 4, 5, 9]],
    ['redriven:5-3', []],
    ['redriven:1,x', []],
  ])('reads metadata %p', (metadata, offsets) => {
    expect([...decodeOffsets(metadata)]).toEqual(offsets);
  });

  it('drops the highest offsets when the metadata would be too long, and says how many', () => {
    const alternate = Array.from({ length: 2000 }, (_, i) => 1_000_000 + 2 * i);
    const { metadata, forgotten } = encodeOffsets(alternate);
    expect(metadata!.length).toBeLessThanOrEqual(4000);
    const kept = decodeOffsets(metadata);
    expect(kept.size + forgotten).toBe(2000);
    expect(forgotten).toBeGreaterThan(0);
    expect(Math.max(...kept)).toBeLessThan(Math.min(...alternate.filter((o) => !kept.has(o))));
  });
});
