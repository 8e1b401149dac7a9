import { describe, expect, it } from 'vitest'
import { paidCost, sumSeries, total } from '../src/stats.js'

describe('paidCost', () => {
  it('prices phone number exchanges at 0.03 to 0.04 元 each', () => {
    expect(paidCost(0)).toEqual({ low: '0.00', high: '0.00' })
    expect(paidCost(1234)).toEqual({ low: '37.02', high: '49.36' })
  })
})

describe('sumSeries', () => {
  it('adds each day over the apps, and an app without the series counts 0', () => {
    const apps = [{ paidCalls: [1, 2, 3] }, { paidCalls: [0, 5, 1] }, {}]

    const summed = sumSeries(apps, 3, (a) => a.paidCalls)

    expect(summed).toEqual([1, 7, 4])
    expect(total(summed)).toBe(12)
  })
})
