#!/usr/bin/env node
/**
 * The `levy-escape` executable: the command line of cli/main.ts with Node's file system, `fetch` for `--url`,
 * a progress bar (cli-progress) on a terminal while long work runs, and local long work in a worker thread
 * (this same file), so the bar moves while the simulation or the probe computes.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import cliProgress from 'cli-progress'
import { version } from '../package.json'
import { type Answer, type Exchange, send } from './exchange.ts'
import { localApp } from './localApp.ts'
import { type Io, main } from './main.ts'

const LOCAL = 'http://levy-escape.local'

const inProcess = async (x: Exchange): Promise<Answer> => {
  const app = await localApp()
  return send(LOCAL, x, (r) => app.fetch(r))
}

function inWorker(x: Exchange): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { levyEscapeExchange: x },
      execArgv: process.execArgv,
    })
    worker.once('message', (a: Answer) => {
      resolve(a)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the computation stopped (exit code ${code})`))
    })
  })
}

async function progress<T>(label: string, work: Promise<T>): Promise<T> {
  if (!process.stderr.isTTY) return work
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {duration}s`,
      barsize: 30,
      hideCursor: true,
      stream: process.stderr,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  )
  // the work reports no fraction done: the bar sweeps while it runs and the elapsed time counts up
  bar.start(100, 0)
  let t = 0
  const timer = setInterval(() => {
    t += 5
    bar.update(t % 105)
  }, 100)
  try {
    return await work
  } finally {
    clearInterval(timer)
    bar.stop()
  }
}

const io: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path),
  local: (x, long) => (long && process.stderr.isTTY ? inWorker(x) : inProcess(x)),
  remote: (url, x) => send(url, x, (r) => fetch(r)),
  progress,
  version,
}

if (!isMainThread && workerData?.levyEscapeExchange) {
  parentPort?.postMessage(await inProcess(workerData.levyEscapeExchange as Exchange))
} else {
  process.exitCode = await main(process.argv.slice(2), io)
}
