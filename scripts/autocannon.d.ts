/** The part of autocannon 9's API that scripts/load.ts uses (the package ships no types). */
declare module 'autocannon' {
  interface Options {
    url: string
    method?: string
    body?: string
    headers?: Record<string, string>
    connections?: number
    duration?: number
    amount?: number
    /** Stops after this many requests even if the duration has not elapsed (amount would override duration). */
    maxOverallRequests?: number
    timeout?: number
  }
  interface Histogram {
    average: number
    total: number
    p50: number
    p99: number
  }
  interface Result {
    requests: Histogram
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
