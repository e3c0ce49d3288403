/**
 * Request validation middlewares (docs/api.md#errors: route → the one parse step → one core function).
 * `jsonInput` reads a JSON body (415 when the body is not declared JSON or declares a charset other than UTF-8,
 * 400 when it does not parse or is not a JSON object),
 * `queryInput` reads a GET form (dotted query keys, see `queryToInput`). Both hand the value to
 * `parseInput` (src/parse): non-finite numbers, nulls, deep nesting and unknown keys are refused, and every
 * failing field becomes one entry of a 400 problem with its dotted path. The validated value is read with
 * `c.req.valid('json' | 'query')`.
 */
import type { MiddlewareHandler } from 'hono'
import type { GenericSchema, InferInput, InferOutput } from 'valibot'
import { parseInput, queryToInput } from '../../src/parse/index.ts'
import type { FieldIssue } from '../../src/result.ts'
import { failureToProblem, problem, validationProblem } from '../problem.ts'

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i

/** The charset parameter of a Content-Type (unquoted, lower case), or undefined when there is none. */
export function contentCharset(type: string): string | undefined {
  const m = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(type)
  return m ? m[2].toLowerCase() : undefined
}

type Validated<S extends GenericSchema, T extends 'json' | 'query'> = T extends 'json'
  ? { in: { json: InferInput<S> }; out: { json: InferOutput<S> } }
  : { in: { query: Record<string, string> }; out: { query: InferOutput<S> } }

function validate(
  c: Parameters<MiddlewareHandler>[0],
  schema: GenericSchema,
  value: unknown,
  pre: FieldIssue[],
): Response | { ok: unknown } {
  if (pre.length > 0) return validationProblem(c, pre)
  const parsed = parseInput(schema, value)
  return parsed.ok ? { ok: parsed.value } : failureToProblem(c, parsed)
}

/** Validates a JSON request body against `schema`. */
export function jsonInput<S extends GenericSchema>(schema: S): MiddlewareHandler<any, string, Validated<S, 'json'>> {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? ''
    if (!JSON_TYPE.test(type)) {
      return problem(
        c,
        415,
        `Send the body as JSON with \`Content-Type: application/json\` (got ${type ? `\`${type.slice(0, 80)}\`` : 'no Content-Type'}).`,
      )
    }
    const charset = contentCharset(type)
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return problem(
        c,
        415,
        `JSON bodies are read as UTF-8 (RFC 8259); send \`Content-Type: application/json\` or \`application/json; charset=utf-8\` with UTF-8 bytes (got charset \`${charset.slice(0, 40)}\`).`,
      )
    }
    const text = await c.req.text()
    if (text.trim() === '')
      return validationProblem(c, [{ path: '', message: 'the body is empty; send a JSON object' }])
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (e) {
      return problem(c, 400, `The body is not valid JSON: ${(e as Error).message.slice(0, 200)}`, [
        { path: '', message: 'malformed JSON' },
      ])
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
      return problem(c, 400, `The body must be a JSON object ({…}); got ${got}.`, [
        { path: '', message: `the body must be a JSON object (got ${got})` },
      ])
    }
    const result = validate(c, schema, value, [])
    if (result instanceof Response) return result
    c.req.addValidatedData('json', result.ok as object)
    await next()
  }
}

/** Validates a GET form (dotted query keys) against `schema`. */
export function queryInput<S extends GenericSchema>(schema: S): MiddlewareHandler<any, string, Validated<S, 'query'>> {
  return async (c, next) => {
    const { value, issues } = queryToInput(new URL(c.req.url).searchParams, schema)
    const result = validate(c, schema, value, issues)
    if (result instanceof Response) return result
    c.req.addValidatedData('query', result.ok as object)
    await next()
  }
}
