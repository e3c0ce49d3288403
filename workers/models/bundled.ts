/**
 * The trained models bundled into the Worker (trained-model contract, folders `models/<id>/` written by
 * `npm run train`): record.json plus grad.onnx, params.bin and eval.bin imported as Data modules
 * (wrangler.toml `[[rules]]`). forward.onnx is not bundled: the probes run grad.onnx only.
 */

import DigitsMlpAdamEval from '../../models/digits-mlp-adam/eval.bin'
import DigitsMlpAdamGrad from '../../models/digits-mlp-adam/grad.onnx'
import DigitsMlpAdamParams from '../../models/digits-mlp-adam/params.bin'
import DigitsMlpAdamRecord from '../../models/digits-mlp-adam/record.json'
import DigitsMlpSgdEval from '../../models/digits-mlp-sgd/eval.bin'
import DigitsMlpSgdGrad from '../../models/digits-mlp-sgd/grad.onnx'
import DigitsMlpSgdParams from '../../models/digits-mlp-sgd/params.bin'
import DigitsMlpSgdRecord from '../../models/digits-mlp-sgd/record.json'
import FashionMlpAdamEval from '../../models/fashion-mlp-adam/eval.bin'
import FashionMlpAdamGrad from '../../models/fashion-mlp-adam/grad.onnx'
import FashionMlpAdamParams from '../../models/fashion-mlp-adam/params.bin'
import FashionMlpAdamRecord from '../../models/fashion-mlp-adam/record.json'
import FashionMlpSgdEval from '../../models/fashion-mlp-sgd/eval.bin'
import FashionMlpSgdGrad from '../../models/fashion-mlp-sgd/grad.onnx'
import FashionMlpSgdParams from '../../models/fashion-mlp-sgd/params.bin'
import FashionMlpSgdRecord from '../../models/fashion-mlp-sgd/record.json'
import type { ModelRecord } from '../../src/probe/index.ts'
import type { BundledModel } from './modelRecord.ts'

export const BUNDLED_MODELS: BundledModel[] = [
  {
    record: DigitsMlpSgdRecord as unknown as ModelRecord,
    grad: DigitsMlpSgdGrad,
    params: DigitsMlpSgdParams,
    eval: DigitsMlpSgdEval,
  },
  {
    record: DigitsMlpAdamRecord as unknown as ModelRecord,
    grad: DigitsMlpAdamGrad,
    params: DigitsMlpAdamParams,
    eval: DigitsMlpAdamEval,
  },
  {
    record: FashionMlpSgdRecord as unknown as ModelRecord,
    grad: FashionMlpSgdGrad,
    params: FashionMlpSgdParams,
    eval: FashionMlpSgdEval,
  },
  {
    record: FashionMlpAdamRecord as unknown as ModelRecord,
    grad: FashionMlpAdamGrad,
    params: FashionMlpAdamParams,
    eval: FashionMlpAdamEval,
  },
]
