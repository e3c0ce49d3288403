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
