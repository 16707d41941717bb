import { Injectable } from '@nestjs/common';
import { AccessRecorder, Caller, DomainError, grantAccess } from '@gec/platform';
import { AccessLogEntry } from '../access-log-entry';
import { AccessLogRepository } from '../access-log.repository';
import { AccessLogQuery } from './get-access-log.dto';

export interface AccessLogView {
  uscc: string;
  month: string;
  entries: AccessLogEntry[];
  /** Pass as `after` for the next (older) page; null on the last page. */
  next: string | null;
}

@Injectable()
export class GetAccessLogUseCase {
  constructor(
    private readonly logs: AccessLogRepository,
    private readonly accessLog: AccessRecorder,
  ) {}

  /** Who read the enterprise's data in a month, newest first, a page at a time: for the enterprise itself or an administrator. */
  async execute(caller: Caller, uscc: string, query: AccessLogQuery): Promise<AccessLogView> {
    const access = grantAccess(caller, uscc, ['self', 'admin']);
    if (!access) throw DomainError.notFound(`No access log of enterprise ${uscc}.`);
    const page = await this.logs.find(access, query.month, query.limit, query.after);
    await this.accessLog.record(access, `access log ${query.month}`);
    return { uscc, month: query.month, ...page };
  }
}
