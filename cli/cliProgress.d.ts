/** The part of cli-progress 3.12 (no bundled types) that cli/levyEscape.ts uses. */
declare module 'cli-progress' {
  interface BarOptions {
    format?: string
    barsize?: number
    hideCursor?: boolean
    clearOnComplete?: boolean
    stream?: NodeJS.WritableStream
  }
  class SingleBar {
    constructor(options: BarOptions, preset?: object)
    start(total: number, value: number): void
    update(value: number): void
    stop(): void
  }
  const cliProgress: { SingleBar: typeof SingleBar; Presets: { shades_classic: object } }
  export default cliProgress
}
