/**
 * Typed client of the calculator API for TypeScript tools (hono's `hc`): paths, request bodies and response
 * types come from the route definitions, so a renamed field is a compile error.
 *
 *   const api = createClient('https://levy-escape.example.workers.dev')
 *   const res = await api.v1['escape-time'].$post({ json: { basin: { kind: 'interval', left: 1, right: 2 },
 *     noise: { scale: 1 }, optimizers: { sgd: { alpha: 1.5, lr: 0.01 } } } })
 *   if (res.ok) console.log((await res.json()).sgd?.meanEscapeIterations)
 *
 * GET forms take the flattened query: `api.v1.stable.pdf.$get({ query: { alpha: '1.5', x: '0,1,2' } })`.
 */
import { type ClientRequestOptions, hc } from 'hono/client'
import type { CalculatorType } from './createApp.ts'

export type { CalculatorType } from './createApp.ts'

export const createClient = (baseUrl: string, options?: ClientRequestOptions) => hc<CalculatorType>(baseUrl, options)

export type Client = ReturnType<typeof createClient>
