/**
 * Loaded with `node --require heapProbe.js …` by the memory bench: when the process exits, writes its
 * peak resident memory (the kernel's figure) and the heap's limit to the file INSPECTION_READY_HEAP_OUT
 * names. The heap's own peak is read from V8's trace of garbage collections (benchKit.cliMemory).
 */
import { writeFileSync } from "node:fs";
import v8 from "node:v8";

const out = process.env.INSPECTION_READY_HEAP_OUT;
if (out) {
  process.on("exit", () => {
    writeFileSync(
      out,
      JSON.stringify({
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        heapLimitMb: Math.round(v8.getHeapStatistics().heap_size_limit / 1024 / 1024),
      }),
    );
  });
}
