import { spawn } from 'node:child_process';
import { basename } from 'node:path';

export interface ChildMeasurement {
  seconds: number;
  /** Peak resident set size of the child (the largest process it ran), in MB. */
  peakRssMb: number;
  stdout: string;
}

// Node cannot read a child's rusage, so a few lines of Python run the command and report what the kernel
// says about it: wall time around the child alone, and RUSAGE_CHILDREN's ru_maxrss (kB on Linux).
const rusageWrapper = `
import json, resource, subprocess, sys, time
started = time.monotonic()
completed = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE)
seconds = time.monotonic() - started
sys.stdout.buffer.write(completed.stdout)
sys.stderr.write("\\n@@rusage " + json.dumps({"seconds": seconds, "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "code": completed.returncode}) + "\\n")
`;

/** Runs a program as a child and measures its wall time and peak RSS apart from this process's own. */
export function runMeasured(argv: string[], options: { cwd?: string; label?: string } = {}): Promise<ChildMeasurement> {
  const label = options.label ?? argv.join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', rusageWrapper, ...argv], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', () => {
      const report = /@@rusage (.*)/.exec(stderr)?.[1];
      if (!report) return reject(new Error(`bench: ${label} did not run: ${stderr}`));
      const usage = JSON.parse(report) as { seconds: number; maxrss_kb: number; code: number };
      if (usage.code !== 0) return reject(new Error(`bench: ${label} exited with ${usage.code}:\n${stderr.replace(/@@rusage.*/, '')}`));
      resolve({ seconds: usage.seconds, peakRssMb: usage.maxrss_kb / 1024, stdout });
    });
  });
}

/** Runs a TypeScript entry point of the bench in its own Node process (so its memory is its own). */
export function runMeasuredScript(script: string, args: string[]): Promise<ChildMeasurement> {
  return runMeasured([process.execPath, '--import', 'tsx', script, ...args], { label: basename(script) });
}

/** Runs built JavaScript (no TypeScript loader) in its own Node process. */
export function runMeasuredBuilt(script: string, args: string[]): Promise<ChildMeasurement> {
  return runMeasured([process.execPath, script, ...args], { label: basename(script) });
}

/** The child's own error line ("Error: …") from a failed run, without the stack. */
export function childErrorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /^\w*Error: (.*)$/m.exec(message)?.[1] ?? message.split('\n')[0] ?? message;
}
