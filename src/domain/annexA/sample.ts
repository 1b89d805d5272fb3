/** A list's children, by the row they are on, for choosing cases to audit. */
export interface ListChildren {
  list: number;
  title: string;
  sheet: string;
  /** Child (or adopter) identifiers in row order, with their 1-based rows. */
  children: { id: string; row: number }[];
}

export interface ChosenCase {
  list: number;
  title: string;
  sheet: string;
  id: string;
  row: number;
}

/**
 * Chooses n cases spread across the lists: one from each list in turn, each list's picks evenly spaced
 * through it (so they are not all the newest or the oldest), and no child twice. Deterministic: the same
 * lists give the same cases, so a choice can be checked and repeated.
 */
export function chooseCases(lists: ListChildren[], n: number): ChosenCase[] {
  const withRows = lists.filter((l) => l.children.length > 0);
  const chosen: ChosenCase[] = [];
  const seen = new Set<string>();
  const quota = new Map<number, number>();
  // How many each list gives if the n are shared out in turn.
  let remaining = n;
  while (remaining > 0 && withRows.some((l) => (quota.get(l.list) ?? 0) < l.children.length)) {
    for (const list of withRows) {
      if (remaining === 0) break;
      const q = quota.get(list.list) ?? 0;
      if (q < list.children.length) {
        quota.set(list.list, q + 1);
        remaining--;
      }
    }
  }
  const queues = withRows.map((list) => {
    const want = quota.get(list.list) ?? 0;
    const stride = list.children.length / Math.max(want, 1);
    const order: number[] = [];
    for (let i = 0; i < want; i++) order.push(Math.floor(i * stride + stride / 2));
    // Then the rest of the list in order, for when a pick is a child already chosen from another list.
    for (let i = 0; i < list.children.length; i++) if (!order.includes(i)) order.push(i);
    return { list, order, taken: 0, want };
  });
  let progress = true;
  while (chosen.length < n && progress) {
    progress = false;
    for (const queue of queues) {
      if (chosen.length >= n || queue.taken >= queue.want) continue;
      while (queue.order.length > 0) {
        const child = queue.list.children[queue.order.shift()!]!;
        const key = child.id.trim().toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        chosen.push({
          list: queue.list.list,
          title: queue.list.title,
          sheet: queue.list.sheet,
          id: child.id,
          row: child.row,
        });
        queue.taken++;
        progress = true;
        break;
      }
    }
  }
  return chosen;
}
