// Figures the dashboard derives from GET /admin/api/stats.

// WeChat charges 0.03–0.04 元 for each phone number exchange.
export const PAID_CALL_PRICE = { low: 0.03, high: 0.04 }

export function paidCost(calls) {
  return {
    low: (calls * PAID_CALL_PRICE.low).toFixed(2),
    high: (calls * PAID_CALL_PRICE.high).toFixed(2)
  }
}

// Each series summed over the apps shown, one value per day.
export function sumSeries(apps, days, series) {
  const result = new Array(days).fill(0)
  for (const app of apps) (series(app) ?? []).forEach((v, i) => (result[i] += v))
  return result
}

export const total = (values) => values.reduce((a, b) => a + b, 0)
