import os from 'node:os';

/** The machine a run ran on, recorded so throughput is only compared between equal hardware. */
export function hostInfo(): { platform: string; arch: string; cpu: string; cores: number; memory_gb: number } {
  const cpus = os.cpus();
  return { platform: os.platform(), arch: os.arch(), cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, memory_gb: Math.round(os.totalmem() / 2 ** 30) };
}
