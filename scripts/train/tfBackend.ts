/**
 * tfjs for the offline scripts: pure-JS `cpu` or `wasm` (@tensorflow/tfjs-backend-wasm, ~6× faster
 * in Node). tfjs-node is not used (it cannot install offline).
 */
import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'

export type BackendName = 'wasm' | 'cpu'

export async function useBackend(name: BackendName): Promise<typeof tf> {
  if (tf.getBackend() !== name) {
    const ok = await tf.setBackend(name)
    if (!ok) throw new Error(`tfjs backend ${name} failed to initialise`)
  }
  await tf.ready()
  return tf
}

export { tf }
