// The invariants of the deployables' images, read from the Dockerfile's text (no container engine runs here):
// every image target ends as a non-root user, every base image is pinned to a versioned tag, no ENV or ARG carries a
// secret, and the entry point is in exec form (java is PID 1 and gets SIGTERM itself: graceful shutdown) and sizes the
// heap from the container's memory, itself or through a wrapper script copied from the repository that execs java.

const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL|(^|_)KEY$|KEY_|SIGNINGKEY|ENCRYPTIONKEY|HMACKEY|MANAGELINKKEY|UNSUBSCRIBEKEY)/i;
const VERSIONED_TAG = /^[^\s:@]+(:[^\s@]*\d+\.\d+[^\s@]*)(@sha256:[0-9a-f]{64})?$/;

/** The Dockerfile's instructions: continuation lines joined, comments and blank lines dropped. */
export function instructions(text) {
  const result = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue; // a comment inside a continued instruction
    if (line.endsWith('\\')) {
      pending += line.slice(0, -1) + ' ';
      continue;
    }
    const whole = (pending + line).trim();
    pending = '';
    if (whole === '') continue;
    const [keyword, ...rest] = whole.split(/\s+/);
    result.push({ keyword: keyword.toUpperCase(), args: rest.join(' ') });
  }
  return result;
}

/** ARG defaults declared before the first FROM: the only ones a FROM line can use. */
function globalArgs(all) {
  const args = {};
  for (const { keyword, args: value } of all) {
    if (keyword === 'FROM') break;
    if (keyword === 'ARG') {
      const [name, ...def] = value.split('=');
      args[name] = def.join('=');
    }
  }
  return args;
}

function substitute(value, args) {
  return value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name) => args[name] ?? '');
}

/** Each stage: its name, what it is built FROM, and its instructions. */
export function stages(text) {
  const all = instructions(text);
  const args = globalArgs(all);
  const result = [];
  for (const instruction of all) {
    if (instruction.keyword === 'FROM') {
      const parts = instruction.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      const from = substitute(parts[0], args);
      const name = parts.length >= 3 && parts[1].toUpperCase() === 'AS' ? parts[2] : null;
      result.push({ name, from, instructions: [] });
    } else if (result.length > 0) {
      result[result.length - 1].instructions.push(instruction);
    }
  }
  return result;
}

/** The script an exec-form entry point runs, when the target COPYs it from the build context; null otherwise. */
function wrapperSource(steps, program) {
  for (const step of steps) {
    if (step.keyword !== 'COPY') continue;
    const parts = step.args.split(/\s+/).filter((p) => !p.startsWith('--'));
    if (parts.length === 2 && parts[1] === program && !step.args.includes('--from=')) return parts[0];
  }
  return null;
}

/**
 * The problems found in a Dockerfile whose image targets are `targets`; empty when it keeps every invariant.
 * `readSource` reads a file of the build context (a wrapper script an entry point runs).
 */
export function dockerfileProblems(text, targets, readSource = () => '') {
  const problems = [];
  const all = stages(text);
  const byName = new Map(all.filter((s) => s.name).map((s) => [s.name, s]));
  for (const stage of all) {
    if (byName.has(stage.from)) continue;
    if (!VERSIONED_TAG.test(stage.from)) {
      problems.push(`base image ${stage.from || '(none)'} is not pinned to a versioned tag`);
    }
  }
  for (const instruction of instructions(text)) {
    if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
    for (const name of instruction.args.match(/[A-Za-z_][A-Za-z0-9_]*(?==)/g) ?? [instruction.args.split(/[\s=]/)[0]]) {
      if (SECRET_NAME.test(name)) problems.push(`${instruction.keyword} ${name} looks like a secret baked into the image`);
    }
  }
  for (const target of targets) {
    const chain = [];
    for (let stage = byName.get(target); stage; stage = byName.get(stage.from)) chain.unshift(stage);
    if (chain.length === 0) {
      problems.push(`no stage named ${target}`);
      continue;
    }
    const steps = chain.flatMap((s) => s.instructions);
    const users = steps.filter((i) => i.keyword === 'USER').map((i) => i.args.split(':')[0]);
    const user = users.length > 0 ? users[users.length - 1] : 'root';
    if (user === 'root' || user === '0') problems.push(`${target} runs as root (add a USER with a non-zero id)`);
    const entrypoints = steps.filter((i) => i.keyword === 'ENTRYPOINT');
    const entrypoint = entrypoints.length > 0 ? entrypoints[entrypoints.length - 1].args : '';
    if (!entrypoint.startsWith('[')) {
      problems.push(`${target} has no ENTRYPOINT in exec form (java must be PID 1 to get SIGTERM)`);
    } else if (!/MaxRAMPercentage/.test(entrypoint) && !wrapperSizesHeap(steps, JSON.parse(entrypoint)[0], readSource)) {
      problems.push(`${target} does not size the heap from the container's memory (-XX:MaxRAMPercentage)`);
    }
  }
  return problems;
}

function wrapperSizesHeap(steps, program, readSource) {
  const source = wrapperSource(steps, program);
  if (source === null) return false;
  const script = readSource(source);
  return /^exec java .*-XX:MaxRAMPercentage=/m.test(script);
}
