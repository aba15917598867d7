// Runs the docs' programs one after another in one Node process (faster than a process each):
// each is imported from its own folder, with everything it writes to stdout and stderr captured.
// Usage: node run-programs.mjs <jobs.json> <results.json>; jobs: [{ file, cwd }].
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const [jobsFile, resultsFile] = process.argv.slice(2)
const jobs = JSON.parse(readFileSync(jobsFile, 'utf8'))
const original = { stdout: process.stdout.write, stderr: process.stderr.write }
const results = []
for (const job of jobs) {
  let output = ''
  const capture = (chunk, encoding, callback) => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    const done = typeof encoding === 'function' ? encoding : callback
    if (typeof done === 'function') done()
    return true
  }
  mkdirSync(job.cwd, { recursive: true })
  process.chdir(job.cwd)
  process.stdout.write = capture
  process.stderr.write = capture
  let error
  try {
    await import(pathToFileURL(job.file).href)
  } catch (thrown) {
    error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown)
  } finally {
    process.stdout.write = original.stdout
    process.stderr.write = original.stderr
  }
  results.push({ file: job.file, output, error })
  writeFileSync(resultsFile, JSON.stringify(results))
}
