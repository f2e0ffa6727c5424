// Preloaded into the action by bench row 5 (NODE_OPTIONS=--import): writes the CPU time of the whole
// process, every thread included, to the file named by CPD_BENCH_CPU_FILE when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => writeFileSync(process.env.CPD_BENCH_CPU_FILE, JSON.stringify(process.cpuUsage())));
