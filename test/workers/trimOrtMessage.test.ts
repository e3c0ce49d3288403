import { describe, expect, it } from 'vitest'
import { trimOrtMessage } from '../../workers/ort/trimOrtMessage.ts'

describe('trimOrtMessage', () => {
  it('removes build paths and internal namespaces, keeps the words', () => {
    const raw =
      "Can't create a session. ERROR_CODE: 1, ERROR_MESSAGE: /onnxruntime_src/onnxruntime/core/graph/graph.cc:1490 void onnxruntime::Graph::InitializeStateFromModelFileGraphProto() This is an invalid model. C:\\a\\_work\\1\\s\\onnxruntime\\core\\session\\inference_session.cc:22 Error"
    const t = trimOrtMessage(raw)
    expect(t).toBe(
      "Can't create a session. ERROR_CODE: 1, ERROR_MESSAGE: void Graph::InitializeStateFromModelFileGraphProto() This is an invalid model. Error",
    )
    expect(t).not.toMatch(/\.cc|onnxruntime_src|\\_work/)
  })
  it('cuts long messages at the limit with an ellipsis', () => {
    const t = trimOrtMessage('x'.repeat(500), 50)
    expect(t.length).toBe(50)
    expect(t.endsWith('…')).toBe(true)
  })
})
