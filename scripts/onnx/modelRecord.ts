/**
 * What the exporter's caller supplies for a checkpoint. The record type itself (record.json of
 * `models/<id>/`, the trained-model contract) is defined once in src/probe/modelRecord.ts and
 * re-exported here for the scripts.
 */
import type { ModelRecord } from '../../src/probe/index.ts'

export type { HistoryEntry, ModelRecord } from '../../src/probe/index.ts'

/** Everything the caller supplies; the rest (layout, counts, files, packageVersion) is derived. */
export type CheckpointMeta = Omit<
  ModelRecord,
  'architecture' | 'inputDim' | 'classes' | 'parameters' | 'layout' | 'evalSamples' | 'files' | 'packageVersion'
> & { layers: number[]; packageVersion?: string }
