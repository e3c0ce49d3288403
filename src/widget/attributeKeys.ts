/**
 * The element's attributes and the query keys they stand for (docs/api.md#get-forms). An
 * embed snippet writes attributes, a link writes query keys; both read back to the same state.
 */
export const ATTRIBUTE_KEYS: Readonly<Record<string, string>> = Object.freeze({
  basin: 'basin.kind',
  left: 'basin.left',
  right: 'basin.right',
  curvatures: 'basin.curvatures',
  height: 'basin.height',
  'noise-scale': 'noise.scale',
  'noise-model': 'noise.model',
  normalization: 'normalization',
  'sgd-alpha': 'optimizers.sgd.alpha',
  'sgd-lr': 'optimizers.sgd.lr',
  'adam-alpha': 'optimizers.adam.alpha',
  'adam-lr': 'optimizers.adam.lr',
  'adam-preconditioner': 'optimizers.adam.preconditioner',
  panel: 'panel',
  'watch-seed': 'watch.seed',
  'watch-speed': 'watch.speed',
})
