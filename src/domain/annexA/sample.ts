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

/** A child on a list, with the team and worker the list allocates them to (blank when it has none). */
export interface SampleChild {
  id: string;
  row: number;
  team: string;
  worker: string;
}

export interface SampleList {
  list: number;
  title: string;
  sheet: string;
  children: SampleChild[];
}

export interface SampledCase extends ChosenCase {
  team: string;
  worker: string;
}

/** A small seeded generator (mulberry32): the same seed draws the same sample, on any machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws n children for audit from a seed: shared out across the lists in turn, and within a list the
 * child whose team and worker have been drawn least so far (ties settled by the seed), so the sample
 * reaches every team and worker before it returns to one; no child twice, none of `exclude` (children
 * audited recently). The same lists, n, seed and exclusions draw the same sample.
 */
export function drawSample(
  lists: SampleList[],
  n: number,
  seed: number,
  exclude: ReadonlySet<string> = new Set(),
): SampledCase[] {
  const random = seededRandom(seed);
  const key = (id: string) => id.trim().toLowerCase();
  const pools = lists.map((list) => {
    const pool = list.children.filter((c) => !exclude.has(key(c.id)));
    // Fisher–Yates with the seeded generator.
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return { list, pool };
  });
  const chosen: SampledCase[] = [];
  const seen = new Set<string>();
  const teams = new Map<string, number>();
  const workers = new Map<string, number>();
  const usage = (c: SampleChild) =>
    (teams.get(c.team.toLowerCase()) ?? 0) * 1000 + (workers.get(c.worker.toLowerCase()) ?? 0);
  let progress = true;
  while (chosen.length < n && progress) {
    progress = false;
    for (const { list, pool } of pools) {
      if (chosen.length >= n) break;
      let best = -1;
      for (let i = 0; i < pool.length; i++) {
        if (seen.has(key(pool[i]!.id))) continue;
        if (best < 0 || usage(pool[i]!) < usage(pool[best]!)) best = i;
      }
      if (best < 0) continue;
      const [child] = pool.splice(best, 1);
      seen.add(key(child!.id));
      teams.set(child!.team.toLowerCase(), (teams.get(child!.team.toLowerCase()) ?? 0) + 1);
      workers.set(child!.worker.toLowerCase(), (workers.get(child!.worker.toLowerCase()) ?? 0) + 1);
      chosen.push({ list: list.list, title: list.title, sheet: list.sheet, ...child! });
      progress = true;
    }
  }
  return chosen;
}
