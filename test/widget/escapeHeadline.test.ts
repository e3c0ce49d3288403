import { describe, expect, it } from 'vitest'
import { escapeHeadline, SINGLE_STEP_TEXT } from '../../src/widget/escapeHeadline.ts'

describe('escapeHeadline', () => {
  it('writes the iterations with the unit in the normal regime', () => {
    expect(escapeHeadline({ meanEscapeIterations: 217.55495847859683 })).toEqual({
      text: '217.6',
      unit: 'iterations',
      singleStep: false,
    })
  })
  it('says "leaves within one step" for a mean under one iteration (0.1585 would mean nothing)', () => {
    expect(escapeHeadline({ meanEscapeIterations: 0.1585 })).toEqual({
      text: SINGLE_STEP_TEXT,
      unit: '',
      singleStep: true,
    })
    expect(escapeHeadline({ meanEscapeIterations: 1.57e-5 }).text).toBe('leaves within one step')
  })
  it("follows the API's regime flag even when the mean is above one", () => {
    expect(escapeHeadline({ meanEscapeIterations: 1.4, regime: 'single-step' }).singleStep).toBe(true)
    expect(escapeHeadline({ meanEscapeIterations: 1 }).singleStep).toBe(false)
  })
  it('shows a dash when there is no finite value', () => {
    expect(escapeHeadline(undefined).text).toBe('—')
    expect(escapeHeadline({ meanEscapeIterations: Number.NaN }).text).toBe('—')
  })
})
