/**
 * The in-memory form of a labelled image dataset used by the training scripts: raw uint8 pixels
 * (row-major, one row of `inputDim` values per image) and uint8 labels, split into train and test.
 * The network input is x = pixel × `inputScale` (the model record stores the same factor).
 */
export interface Split {
  /** Number of images. */
  n: number
  /** uint8 pixels, n × inputDim, row-major. */
  x: Uint8Array
  /** uint8 labels in [0, classes). */
  y: Uint8Array
}

export interface Dataset {
  name: 'digits' | 'fashion'
  inputDim: number
  classes: number
  /** Multiply a raw pixel by this to get the network input (1/16 for digits, 1/255 for Fashion-MNIST). */
  inputScale: number
  /** sha256 hex of the source files (see each loader for which bytes). */
  checksum: string
  train: Split
  test: Split
}

/** The first `n` rows of a split (or the whole split when n ≥ its size). */
export function headSplit(s: Split, n: number, inputDim: number): Split {
  const m = Math.min(n, s.n)
  return { n: m, x: s.x.subarray(0, m * inputDim), y: s.y.subarray(0, m) }
}
