/**
 * CPU budget of the probe endpoints. A request whose a-priori estimate (src/probe/estimateProbeCost.ts)
 * exceeds PROBE_BUDGET_SECONDS is answered 422 with the estimate and how to reduce it, so that no probe
 * runs into the Workers CPU limit (30 s by default on the paid plan; a third of it is kept as margin: the
 * estimate was 7–13% above the measured CPU for the digits models). A default probe of a bundled
 * Fashion-MNIST model (25,450 parameters, 1,000 evaluation samples) is estimated at 12.7 s and measured at
 * 8.2 s of workerd CPU.
 *
 * SECONDS_PER_PARAMETER_SAMPLE is the CPU per parameter of one per-sample gradient evaluation of
 * grad.onnx in workerd, measured by scripts/bench/probe.bench.ts (bench/results/probe.md: 4.4–4.7e-9
 * for the digits models, 3.2e-9 for Fashion-MNIST; workerd CPU time from /proc), rounded up.
 */
export const PROBE_BUDGET_SECONDS = 20

export const SECONDS_PER_PARAMETER_SAMPLE = 5e-9

/** Largest batches × parameters held for the noise rows (float64: 32 MiB, within the 128 MB isolate). */
export const MAX_NOISE_FLOATS = 4_194_304

/**
 * Wall-clock deadline of a running probe, checked between oracle calls (workers/models/withDeadline.ts): past it,
 * the probe stops and answers 422 with what was done. Above the budget (an estimate may be low by up to the
 * factor of two it is accurate to), under the platform's default 30 s CPU limit.
 */
export const PROBE_DEADLINE_SECONDS = 25

/** Samples of the one real run of an uploaded graph that is timed before its probe, to re-check the static estimate. */
export const MEASURED_BATCH = 8

/**
 * Largest estimated CPU of one run of an uploaded graph (one oracle call at the largest batch). The deadline can
 * stop a probe only between runs, so each run must be short; a default probe of the user-model fixture runs
 * about 20 ms per call (bench/results/graphCost.md).
 */
export const MAX_RUN_SECONDS = 1
