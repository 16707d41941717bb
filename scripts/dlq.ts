// Lists a dead-letter topic, or re-drives its dead letters to their source topic once the cause is fixed.
//   npm run dlq -- list <topic> [--json]
//   npm run dlq -- redrive <topic> [--group <consumer group>] [--reason <regex>] [--dry-run] [--json]
// Reads KAFKA_BROKERS and KAFKA_TOPIC_PREFIX. Exit codes: 0 done, 1 failed, 2 bad arguments or configuration.
import { ALL_TOPICS } from '@gec/contracts';
import {
  ConfigError,
  createKafkaClient,
  DeadLetterRedriver,
  deadLetterJson,
  DLQ_USAGE,
  DlqCommand,
  formatDeadLetterLine,
  parseDlqCommandLine,
  readDlqConfig,
  RedriveReport,
  TopicNames,
} from '@gec/platform';
import pino from 'pino';

const out = (text: string) => process.stdout.write(`${text}\n`);
const note = (text: string) => process.stderr.write(`${text}\n`);

async function main(argv: string[]): Promise<number> {
  const parsed = parseDlqCommandLine(argv, ALL_TOPICS.map((t) => t.name));
  if (!parsed.ok) {
    note(`dlq: ${parsed.error}\n\n${DLQ_USAGE}`);
    return 2;
  }
  if (parsed.command.kind === 'help') {
    out(DLQ_USAGE);
    return 0;
  }
  let config;
  try {
    config = readDlqConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    note(`dlq: ${error.message}`);
    return 2;
  }
  // kafkajs warns of things an operator can't act on (retries of the idempotent producer); failures end the command.
  const logger = pino({ level: 'error' }, pino.destination(2));
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'gec-dlq', logger });
  const topics = new TopicNames(config.KAFKA_TOPIC_PREFIX);
  const redriver = new DeadLetterRedriver(kafka, topics);
  return parsed.command.kind === 'list' ? list(redriver, topics, parsed.command) : redrive(redriver, parsed.command);
}

async function list(redriver: DeadLetterRedriver, topics: TopicNames, command: Extract<DlqCommand, { kind: 'list' }>): Promise<number> {
  const listed = await redriver.list(command.topic);
  const status = (redriven: boolean) => (redriven ? 'redriven' : 'pending');
  if (command.json) out(JSON.stringify(listed.map((l) => deadLetterJson(l.letter, status(l.redriven))), null, 2));
  else listed.forEach((l) => out(formatDeadLetterLine(l.letter, status(l.redriven))));
  const pending = listed.filter((l) => !l.redriven).length;
  note(`${listed.length} dead letter(s) in ${topics.deadLetter(command.topic)}, ${pending} pending (not re-driven by ${redriver.redriveGroupId(command.topic)})`);
  return 0;
}

async function redrive(redriver: DeadLetterRedriver, command: Extract<DlqCommand, { kind: 'redrive' }>): Promise<number> {
  const report = await redriver.redrive(command.topic, {
    consumerGroup: command.consumerGroup,
    reason: command.reason,
    dryRun: command.dryRun,
    onLetter: command.json ? undefined : ({ letter, outcome }) => out(formatDeadLetterLine(letter, outcome)),
  });
  if (command.json) {
    const { results, ...summary } = report;
    out(JSON.stringify({ ...summary, deadLetters: results.map((r) => deadLetterJson(r.letter, r.outcome)) }, null, 2));
  }
  note(summarize(report));
  return 0;
}

function summarize(report: RedriveReport): string {
  const { counts } = report;
  const lines: string[] = [];
  if (report.dryRun) {
    lines.push(`dry run: ${counts['would-send']} dead letter(s) of ${report.deadLetterTopic} would be sent to ${report.sourceTopic}; nothing was sent or committed`);
  } else if (counts.sent > 0) {
    lines.push(`sent ${counts.sent} dead letter(s) of ${report.deadLetterTopic} to ${report.sourceTopic}; ${report.groupId} remembers them`);
  } else {
    lines.push(`nothing to send from ${report.deadLetterTopic}`);
  }
  if (counts.duplicate > 0) lines.push(`${counts.duplicate} dead letter(s) of an event already sent in this run were not sent again (every consumer group receives the one sent)`);
  if (counts['already-redriven'] > 0) lines.push(`${counts['already-redriven']} dead letter(s) were re-driven by an earlier run`);
  if (counts['left-out'] > 0) {
    lines.push(`${counts['left-out']} dead letter(s) left out by --group/--reason stay pending: a later run offers them again`);
  }
  if (report.forgotten > 0) lines.push(`warning: ${report.forgotten} re-driven dead letter(s) after a pending one did not fit the commit metadata; a later run sends them again (consumers skip events they already processed)`);
  return lines.join('\n');
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    note(`dlq: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
