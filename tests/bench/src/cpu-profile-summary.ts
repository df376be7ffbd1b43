// `pnpm bench:profile <file.cpuprofile>…`: where a process's CPU time went, from the profiles
// `--cpu-prof` writes (`pnpm bench:flash-sale --cpu-prof <dir>`, `pnpm bench:checkout --cpu-prof
// <dir>`): self time by library or workspace package, then the heaviest functions, then the
// functions with the most time under them (inclusive). A profile's stacks are synchronous: what
// runs after an `await` sits under the microtask queue, not under its async function, so the
// inclusive table finds synchronous costs (a query plan, a library's entry point), not a flow's.
//   --last <seconds>   only each profile's last seconds (the load a bench ran before stopping
//                      the shop), without its start-up and set-up
//   --top <n>          rows per table (25)
//   --match <regex>    only the functions matching it in the inclusive table (e.g. 'mikro-orm')
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** What a frame belongs to: an npm package, a package of this workspace, Node itself or V8. */
function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? `V8 ${functionName}` : 'V8 (native)';
  if (url.startsWith('node:')) return 'Node internals';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
  if (dependency) return dependency[1]!;
  const workspace = /\/((?:subgraphs|packages|router|scripts|tests|tools)\/[^/]+)\//.exec(url);
  return workspace ? workspace[1]! : url;
}

const functionKey = (frame: ProfileNode['callFrame']) =>
  `${frame.functionName || '(anonymous)'} · ${ownerOf(frame.url, frame.functionName)}`;

/** Each node's function and those of its callers, each once (recursion counts once). */
function stacksOf(byId: Map<number, ProfileNode>): Map<number, Set<string>> {
  const parentOf = new Map<number, number>();
  for (const node of byId.values())
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const stacks = new Map<number, Set<string>>();
  const stackOf = (id: number): Set<string> => {
    const known = stacks.get(id);
    if (known) return known;
    const parent = parentOf.get(id);
    const stack = new Set(parent === undefined ? [] : stackOf(parent));
    stack.add(functionKey(byId.get(id)!.callFrame));
    stacks.set(id, stack);
    return stack;
  };
  for (const id of byId.keys()) stackOf(id);
  return stacks;
}

/**
 * Self time (µs) by owner and by function, and inclusive time by function, over every profile
 * given (its last `lastMicros`).
 */
function summarise(
  profiles: CpuProfile[],
  lastMicros: number,
): {
  total: number;
  byOwner: Map<string, number>;
  byFunction: Map<string, number>;
  inclusive: Map<string, number>;
} {
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const stacks = stacksOf(nodes);
    const from = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) - lastMicros;
    let at = 0;
    profile.samples.forEach((id, i) => {
      const micros = profile.timeDeltas[i] ?? 0;
      at += micros;
      if (at < from) return;
      const frame = nodes.get(id)!.callFrame;
      total += micros;
      const owner = ownerOf(frame.url, frame.functionName);
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
      const name = functionKey(frame);
      byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
      for (const caller of stacks.get(id)!)
        inclusive.set(caller, (inclusive.get(caller) ?? 0) + micros);
    });
  }
  return { total, byOwner, byFunction, inclusive };
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '25' },
    last: { type: 'string' },
    match: { type: 'string' },
  },
});
if (positionals.length === 0) {
  console.error(
    'usage: pnpm bench:profile <file.cpuprofile>… [--last <seconds>] [--top 25] [--match <regex>]',
  );
  process.exit(2);
}
const { total, byOwner, byFunction, inclusive } = summarise(
  positionals.map((file) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile),
  values.last === undefined ? Infinity : Number(values.last) * 1e6,
);
const top = Number(values.top);
const matching = new RegExp(values.match ?? '');
const table = (title: string, entries: Map<string, number>, time = 'self time') => [
  `| ${title} | ${time} | share |`,
  '|---|---:|---:|',
  ...[...entries]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, micros]) =>
        `| ${name} | ${(micros / 1e6).toFixed(2)} s | ${((100 * micros) / total).toFixed(1)} % |`,
    ),
];
console.log(
  [
    `${(total / 1e6).toFixed(1)} s of samples in ${positionals.length} profile(s).`,
    '',
    ...table('owner', byOwner),
    '',
    ...table('function', byFunction),
    '',
    ...table(
      'function',
      new Map([...inclusive].filter(([name]) => matching.test(name))),
      'inclusive time',
    ),
  ].join('\n'),
);
