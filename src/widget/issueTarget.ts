/**
 * Which input of the widget a request field belongs to: maps the dotted path of a validation issue
 * (docs/api.md#errors: problem `errors[].path`, or a core FieldIssue) to the id of the control that sets it.
 */
const TARGETS: [RegExp, string][] = [
  [/^basin\.left$/, 'left'],
  [/^basin\.right$/, 'right'],
  [/^basin\.curvatures(\.\d+)?$/, 'curvatures'],
  [/^basin\.height$/, 'height'],
  [/^basin(\.kind)?$/, 'basin'],
  [/^noise\.scale(\.\d+)?$/, 'noise-scale'],
  [/^noise\.model$/, 'noise-model'],
  [/^normalization$/, 'normalization'],
  [/^optimizers\.sgd\.alpha$/, 'sgd-alpha'],
  [/^optimizers\.sgd\.lr$/, 'sgd-lr'],
  [/^optimizers\.adam\.alpha$/, 'adam-alpha'],
  [/^optimizers\.adam\.lr$/, 'adam-lr'],
  [/^optimizers\.adam\.preconditioner(\.\d+)?$/, 'adam-pre'],
]

/**
 * The id of the widget control that sets the request field at a validation issue's dotted `path`
 * (docs/api.md#errors), or undefined when no control sets it.
 */
export function issueTarget(path: string): string | undefined {
  for (const [re, id] of TARGETS) if (re.test(path)) return id
  return undefined
}
