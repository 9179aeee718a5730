/** A call from one formula or table to another, where it is written. */
export interface CallEdge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly pointer: string;
}

/** A cycle of calls: the nodes in call order (the first is called again by the last) and the edges. */
export interface CallCycle {
  readonly nodes: readonly string[];
  readonly edges: readonly CallEdge[];
}

/**
 * The cycles of a call graph, one per group of nodes that call each other (strongly
 * connected components, Tarjan), each given as one concrete loop from the group's first node
 * in `order`. A node that calls itself is a cycle of one.
 *
 * @example
 * findCycles(['formula:a', 'formula:b'], [a→b, b→a]); // [{ nodes: ['formula:a', 'formula:b'], … }]
 */
export function findCycles(order: readonly string[], edges: readonly CallEdge[]): CallCycle[] {
  const out = new Map<string, CallEdge[]>();
  for (const edge of edges) {
    const list = out.get(edge.from) ?? [];
    list.push(edge);
    out.set(edge.from, list);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const { to } of out.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) as number, low.get(to) as number));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) as number, index.get(to) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      groups.push(group);
    }
  };
  const nodes = [...new Set([...order, ...edges.flatMap((e) => [e.from, e.to])])];
  for (const node of nodes) if (!index.has(node)) visit(node);

  const position = new Map(nodes.map((node, i) => [node, i]));
  return groups
    .filter(
      (group) =>
        group.length > 1 || (out.get(group[0] as string) ?? []).some((e) => e.to === e.from),
    )
    .map((group) => {
      const members = new Set(group);
      const start = [...group].sort(
        (a, b) => (position.get(a) as number) - (position.get(b) as number),
      )[0] as string;
      return loopFrom(start, members, out);
    })
    .sort(
      (a, b) =>
        (position.get(a.nodes[0] as string) as number) -
        (position.get(b.nodes[0] as string) as number),
    );
}

/** A shortest loop from `start` back to it inside the group (breadth first). */
function loopFrom(
  start: string,
  members: ReadonlySet<string>,
  out: ReadonlyMap<string, readonly CallEdge[]>,
): CallCycle {
  const via = new Map<string, CallEdge>();
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as string;
    for (const edge of out.get(node) ?? []) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const edges: CallEdge[] = [edge];
        let at = node;
        while (at !== start) {
          const previous = via.get(at) as CallEdge;
          edges.unshift(previous);
          at = previous.from;
        }
        return { nodes: edges.map((e) => e.from), edges };
      }
      if (!via.has(edge.to) && edge.to !== start) {
        via.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  return { nodes: [start], edges: [] };
}
