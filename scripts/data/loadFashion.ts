/**
 * Fashion-MNIST (Xiao, Rasul & Vollgraf 2017; Zalando SE, MIT licence): 60,000 training and 10,000
 * test images of 28×28 uint8 pixels, 10 classes. Read from Debian's `dataset-fashion-mnist` package
 * (installed files `/usr/share/datasets/fashion-mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz`);
 * nothing is vendored. The sha256 of each .gz file is verified against the values below (those of
 * dataset-fashion-mnist 0.0~git20200523.55506a9-1, identical to upstream's release files).
 *
 * `trainLimit` keeps the first n training images (the training scripts use a 20,000-image subset).
 */
import { existsSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import type { Dataset, Split } from './dataset.ts'
import { parseIdx } from './parseIdx.ts'
import { sha256 } from './sha256.ts'

export const FASHION_DIR = '/usr/share/datasets/fashion-mnist'
export const FASHION_FILES = {
  trainImages: { file: 'train-images-idx3-ubyte.gz', sha256: 'b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7' },
  trainLabels: { file: 'train-labels-idx1-ubyte.gz', sha256: '0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056' },
  testImages: { file: 't10k-images-idx3-ubyte.gz', sha256: 'cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa' },
  testLabels: { file: 't10k-labels-idx1-ubyte.gz', sha256: '8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05' },
} as const
export const FASHION_INSTALL_HINT =
  'Fashion-MNIST is read from Debian\'s dataset-fashion-mnist package; install it with: sudo apt-get update && sudo apt-get install dataset-fashion-mnist'
export const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']

function readVerified(dir: string, key: keyof typeof FASHION_FILES): Uint8Array {
  const { file, sha256: want } = FASHION_FILES[key]
  const path = join(dir, file)
  if (!existsSync(path)) throw new Error(`${path} not found. ${FASHION_INSTALL_HINT}`)
  const gz = readFileSync(path)
  const got = sha256(gz)
  if (got !== want) throw new Error(`${path}: sha256 ${got} differs from ${want}`)
  return gz
}

function split(images: Uint8Array, labels: Uint8Array, limit: number): Split {
  const im = parseIdx(gunzipSync(images))
  const lb = parseIdx(gunzipSync(labels))
  if (im.dims.length !== 3 || im.dims[1] !== 28 || im.dims[2] !== 28) throw new Error(`Fashion-MNIST: image dims ${im.dims}`)
  if (lb.dims.length !== 1 || lb.dims[0] !== im.dims[0]) throw new Error('Fashion-MNIST: label count differs from image count')
  const n = Math.min(limit, im.dims[0])
  return { n, x: im.data.slice(0, n * 784), y: lb.data.slice(0, n) }
}

/** The sha256 over the four .gz files in the order train images, train labels, test images, test labels. */
export function fashionChecksum(parts: Uint8Array[]): string {
  return sha256(...parts)
}

export function loadFashion(opts: { trainLimit?: number; testLimit?: number; dir?: string } = {}): Dataset {
  const dir = opts.dir ?? FASHION_DIR
  if (!existsSync(dir)) throw new Error(`${dir} not found. ${FASHION_INSTALL_HINT}`)
  const parts = (['trainImages', 'trainLabels', 'testImages', 'testLabels'] as const).map((k) => readVerified(dir, k))
  return {
    name: 'fashion',
    inputDim: 784,
    classes: 10,
    inputScale: 1 / 255,
    checksum: fashionChecksum(parts),
    train: split(parts[0], parts[1], opts.trainLimit ?? Infinity),
    test: split(parts[2], parts[3], opts.testLimit ?? Infinity),
  }
}
