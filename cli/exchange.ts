/**
 * One request of the CLI to the API, in a form that crosses a worker-thread boundary (plain data), and its
 * answer. `toRequest` rebuilds the HTTP request: a JSON body, or the multipart upload of `POST /v1/probe`.
 */
export interface Exchange {
  path: string
  json?: string
  form?: { model: Uint8Array; modelName: string; data: string | Uint8Array; dataName: string; options: string }
}

export interface Answer {
  status: number
  body: string
}

export function toRequest(base: string, x: Exchange): Request {
  if (x.form) {
    const form = new FormData()
    form.set('model', new Blob([x.form.model as Uint8Array<ArrayBuffer>]), x.form.modelName)
    if (typeof x.form.data === 'string')
      form.set('data', new Blob([x.form.data], { type: 'application/json' }), x.form.dataName)
    else form.set('data', new Blob([x.form.data as Uint8Array<ArrayBuffer>]), x.form.dataName)
    form.set('options', x.form.options)
    return new Request(`${base}${x.path}`, { method: 'POST', body: form })
  }
  return new Request(`${base}${x.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: x.json ?? '{}',
  })
}

/** Sends an exchange to `fetcher` and reads the answer. */
export async function send(
  base: string,
  x: Exchange,
  fetcher: (r: Request) => Response | Promise<Response>,
): Promise<Answer> {
  const res = await fetcher(toRequest(base, x))
  return { status: res.status, body: await res.text() }
}
