export type DlqCommand =
  | { kind: 'help' }
  | { kind: 'list'; topic: string; json: boolean }
  | { kind: 'redrive'; topic: string; json: boolean; dryRun: boolean; consumerGroup?: string; reason?: RegExp };

export type DlqCommandLine = { ok: true; command: DlqCommand } | { ok: false; error: string };

export const DLQ_USAGE = `Usage:
  npm run dlq -- list <topic> [--json]
  npm run dlq -- redrive <topic> [--group <consumer group>] [--reason <regex>] [--dry-run] [--json]

  <topic>             a logical topic, e.g. intake.report-accepted.v1 (its dead letters are in <prefix><topic>.dlq)
  --group <group>     re-drive only dead letters of this consumer group (with or without KAFKA_TOPIC_PREFIX)
  --reason <regex>    re-drive only dead letters whose reason matches (JavaScript regex, case-insensitive)
  --dry-run           print what would be sent; send and commit nothing
  --json              print JSON instead of one line per dead letter

Dead letters left out by --group or --reason stay pending for a later run; those sent are never sent again.
Environment: KAFKA_BROKERS (default 127.0.0.1:19092), KAFKA_TOPIC_PREFIX (default empty).`;

const FLAGS = { '--json': 'json', '--dry-run': 'dryRun' } as const;
const OPTIONS = { '--group': 'consumerGroup', '--reason': 'reason' } as const;
const REDRIVE_ONLY = new Set(['--dry-run', '--group', '--reason']);

/** Parses `dlq <command> <topic> [options]`; the topic must be one of `knownTopics` (a `.dlq` suffix is accepted). */
export function parseDlqCommandLine(argv: readonly string[], knownTopics: readonly string[]): DlqCommandLine {
  if (argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') return { ok: true, command: { kind: 'help' } };
  const positional: string[] = [];
  const flags: Partial<Record<(typeof FLAGS)[keyof typeof FLAGS], boolean>> = {};
  const values: Partial<Record<(typeof OPTIONS)[keyof typeof OPTIONS], string>> = {};
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (seen.has(name)) return fail(`${name} is given twice`);
    seen.add(name);
    if (name in FLAGS) {
      if (inline !== undefined) return fail(`${name} takes no value`);
      flags[FLAGS[name as keyof typeof FLAGS]] = true;
    } else if (name in OPTIONS) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) return fail(`${name} needs a value`);
      values[OPTIONS[name as keyof typeof OPTIONS]] = value;
    } else {
      return fail(`unknown option ${name}`);
    }
  }

  const [command, topicArg, ...extra] = positional;
  if (command === undefined) return fail('no command given');
  if (command !== 'list' && command !== 'redrive') return fail(`unknown command "${command}" (expected list or redrive)`);
  if (topicArg === undefined) return fail(`${command} needs a topic; known topics:\n${knownList(knownTopics)}`);
  if (extra.length > 0) return fail(`unexpected argument${extra.length > 1 ? 's' : ''}: ${extra.join(' ')}`);
  const topic = topicArg.endsWith('.dlq') ? topicArg.slice(0, -'.dlq'.length) : topicArg;
  if (!knownTopics.includes(topic)) return fail(`unknown topic "${topicArg}"; known topics:\n${knownList(knownTopics)}`);

  if (command === 'list') {
    const misplaced = [...seen].find((name) => REDRIVE_ONLY.has(name));
    if (misplaced) return fail(`${misplaced} applies to redrive only`);
    return { ok: true, command: { kind: 'list', topic, json: flags.json ?? false } };
  }
  let reason: RegExp | undefined;
  if (values.reason !== undefined) {
    try {
      reason = new RegExp(values.reason, 'i');
    } catch (error) {
      return fail(`--reason is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  return {
    ok: true,
    command: { kind: 'redrive', topic, json: flags.json ?? false, dryRun: flags.dryRun ?? false, consumerGroup: values.consumerGroup, reason },
  };
}

function fail(error: string): DlqCommandLine {
  return { ok: false, error };
}

function knownList(topics: readonly string[]): string {
  return topics.map((t) => `  ${t}`).join('\n');
}
