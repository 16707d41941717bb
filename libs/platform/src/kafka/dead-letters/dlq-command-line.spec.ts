import { DlqCommand, parseDlqCommandLine } from './dlq-command-line';

const TOPICS = ['intake.report-accepted.v1', 'metrics.indicators-computed.v1'];
const parse = (line: string) => parseDlqCommandLine(line.split(' ').filter(Boolean), TOPICS);

describe('dlq command line', () => {
  it.each<[string, DlqCommand]>([
    ['list intake.report-accepted.v1', { kind: 'list', topic: 'intake.report-accepted.v1', json: false }],
    ['list intake.report-accepted.v1.dlq --json', { kind: 'list', topic: 'intake.report-accepted.v1', json: true }],
    ['--json list intake.report-accepted.v1', { kind: 'list', topic: 'intake.report-accepted.v1', json: true }],
    ['redrive metrics.indicators-computed.v1', { kind: 'redrive', topic: 'metrics.indicators-computed.v1', json: false, dryRun: false, consumerGroup: undefined, reason: undefined }],
    [
      'redrive intake.report-accepted.v1 --group metrics --dry-run --json',
      { kind: 'redrive', topic: 'intake.report-accepted.v1', json: true, dryRun: true, consumerGroup: 'metrics', reason: undefined },
    ],
    ['redrive intake.report-accepted.v1 --group=rating', { kind: 'redrive', topic: 'intake.report-accepted.v1', json: false, dryRun: false, consumerGroup: 'rating', reason: undefined }],
    ['help', { kind: 'help' }],
    ['redrive intake.report-accepted.v1 --help', { kind: 'help' }],
    ['-h', { kind: 'help' }],
  ])('%s', (line, expected) => {
    expect(parse(line)).toEqual({ ok: true, command: expected });
  });

  it('takes --reason as a case-insensitive regular expression, spaces included', () => {
    const parsed = parseDlqCommandLine(['redrive', 'intake.report-accepted.v1', '--reason', 'unknown enterprise|schema'], TOPICS);
    expect(parsed.ok && parsed.command.kind === 'redrive' && parsed.command.reason?.test('RetryableEventError: Unknown Enterprise 9133')).toBe(true);
    const inline = parseDlqCommandLine(['redrive', 'intake.report-accepted.v1', '--reason=^gave up'], TOPICS);
    expect(inline.ok && inline.command.kind === 'redrive' && inline.command.reason?.source).toBe('^gave up');
  });

  it.each([
    ['', /no command given/],
    ['purge intake.report-accepted.v1', /unknown command "purge"/],
    ['list', /list needs a topic; known topics:\n {2}intake\.report-accepted\.v1\n {2}metrics\.indicators-computed\.v1/],
    ['list intake.report-acepted.v1', /unknown topic "intake.report-acepted.v1"; known topics:\n {2}intake\.report-accepted\.v1/],
    ['list t1.intake.report-accepted.v1', /unknown topic/],
    ['list intake.report-accepted.v1 extra', /unexpected argument: extra/],
    ['list intake.report-accepted.v1 --dry-run', /--dry-run applies to redrive only/],
    ['list intake.report-accepted.v1 --group metrics', /--group applies to redrive only/],
    ['redrive intake.report-accepted.v1 --group', /--group needs a value/],
    ['redrive intake.report-accepted.v1 --group --dry-run', /--group needs a value/],
    ['redrive intake.report-accepted.v1 --reason=', /--reason needs a value/],
    ['redrive intake.report-accepted.v1 --reason (', /--reason is not a valid regular expression/],
    ['redrive intake.report-accepted.v1 --dry-run --dry-run', /--dry-run is given twice/],
    ['redrive intake.report-accepted.v1 --dry-run=yes', /--dry-run takes no value/],
    ['redrive intake.report-accepted.v1 --force', /unknown option --force/],
  ])('refuses "%s"', (line, message) => {
    const parsed = parse(line);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });
});
