import { createServer } from 'node:net';

// Below Linux's ephemeral range (32768–60999), so outgoing connections and other programs' port-0 listeners
// (which the kernel hands out from that range, often in sequence) do not take a port between the moment the
// rig picks it and the moment a daemon binds it. Picking at random keeps concurrent rigs apart.
const lowestPort = 20_000;
const highestPort = 32_000;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `count` distinct loopback ports that are free right now. */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) {
    const candidate = lowestPort + Math.floor(Math.random() * (highestPort - lowestPort));
    if (!ports.has(candidate) && (await isFree(candidate))) ports.add(candidate);
  }
  return [...ports];
}
