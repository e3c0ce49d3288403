/**
 * Per-call time of an operation inside workerd, whose clock ticks in whole milliseconds (and, locally, advances
 * during execution, so with no I/O elapsed time is CPU time): one warm-up call, then k chosen so that k back-to-back
 * calls last at least 40 ms, then `repeats` batches of k calls. Used by the bench Workers (apiBenchWorker.ts,
 * refusalBenchWorker.ts).
 */
export async function batchTiming(
  once: () => Promise<unknown>,
  repeats: number,
): Promise<{ median: number; max: number; k: number }> {
  await once()
  let k = 0
  const c0 = performance.now()
  while (performance.now() - c0 < 40) {
    await once()
    k++
  }
  const times: number[] = []
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now()
    for (let i = 0; i < k; i++) await once()
    times.push((performance.now() - t0) / k)
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1], k }
}
