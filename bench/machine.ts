/** What the run was measured on, printed first and stored with the results. */
import { arch, cpus, release, totalmem, type as osType } from 'node:os'

export interface MachineInfo {
  cpu: string
  cores: number
  memoryGB: number
  os: string
  node: string
  v8: string
  java?: string
  /** Cores kept busy by other processes when the run started (other work skews timings). */
  otherLoadAtStart?: number
}

export function machineInfo(java?: string): MachineInfo {
  const list = cpus()
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${osType()} ${release()} ${arch()}`,
    node: process.version,
    v8: process.versions.v8,
    ...(java ? { java } : {}),
  }
}

function cpuBusyMs(): number {
  let busy = 0
  for (const c of cpus()) busy += c.times.user + c.times.nice + c.times.sys + c.times.irq
  return busy
}

/**
 * How many cores other processes keep busy, sampled over `ms` milliseconds: the machine's
 * busy CPU time minus this process's own, divided by the wall time.
 */
export async function otherCpuLoad(ms = 1000): Promise<number> {
  const busy0 = cpuBusyMs()
  const own0 = process.cpuUsage()
  const t0 = performance.now()
  await new Promise((resolve) => setTimeout(resolve, ms))
  const own = process.cpuUsage(own0)
  const elapsed = performance.now() - t0
  const others = cpuBusyMs() - busy0 - (own.user + own.system) / 1000
  return Math.max(0, Math.round((others / elapsed) * 100) / 100)
}
