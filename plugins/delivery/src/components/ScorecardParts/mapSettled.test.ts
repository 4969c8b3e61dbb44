import { mapSettled } from './mapSettled';

describe('mapSettled', () => {
  it('keeps at most `limit` calls in flight and answers in the order of the items', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const items = Array.from({ length: 10 }, (_, i) => i);
    const results = await mapSettled(items, 3, async item => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Later items finish first, so the order of the answers is not the order of completion.
      await new Promise(resolve => setTimeout(resolve, (10 - item) * 2));
      inFlight -= 1;
      return item * 10;
    });
    expect(maxInFlight).toBe(3);
    expect(results).toEqual(
      items.map(item => ({ status: 'fulfilled', value: item * 10 })),
    );
  });

  it('settles a failure on its own and goes on with the rest', async () => {
    const error = new Error('boom');
    const calls: string[] = [];
    const results = await mapSettled(['a', 'b', 'c'], 1, async item => {
      calls.push(item);
      if (item === 'b') {
        throw error;
      }
      return item.toUpperCase();
    });
    expect(calls).toEqual(['a', 'b', 'c']);
    expect(results).toEqual([
      { status: 'fulfilled', value: 'A' },
      { status: 'rejected', reason: error },
      { status: 'fulfilled', value: 'C' },
    ]);
  });

  it('answers an empty list without calling, and refuses a limit below one', async () => {
    const fn = jest.fn();
    await expect(mapSettled([], 6, fn)).resolves.toEqual([]);
    expect(fn).not.toHaveBeenCalled();
    await expect(mapSettled([1], 0, fn)).rejects.toThrow(RangeError);
  });
});
