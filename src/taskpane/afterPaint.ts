/**
 * Runs `then` once the page has painted: a frame's callback runs just before that frame paints, and the
 * task it queues runs after it. For work that need not hold up what the user first sees (the closed
 * sections' contents, the pane's first read of the workbook). Returns a function that cancels it.
 */
export function afterNextPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(then, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
