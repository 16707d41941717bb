import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Allow, ApiProblems, Caller, CurrentCaller, DomainError, ZodPipe } from '@gec/platform';
import { GetImportUseCase } from './get-import/get-import.use-case';
import { csvOf, templateCsv, templateXlsx } from './import-template/import-template';
import { CSV_TYPE, IMPORT_FILE_TYPES, ImportFileType, XLSX_TYPE } from './import-file.reader';
import { IMPORTING_ROLES } from './import-scope';
import { UploadImportUseCase } from './upload-import/upload-import.use-case';

const uploadQuerySchema = z.object({ filename: z.string().trim().min(1).max(200) });
const importIdSchema = z.object({ importId: z.uuid() });

@ApiTags('imports')
@Controller('v1/imports')
export class ImportsController {
  constructor(
    private readonly upload: UploadImportUseCase,
    private readonly imports: GetImportUseCase,
  ) {}

  @Post()
  @Allow(...IMPORTING_ROLES)
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Upload a CSV or XLSX file of periodic reports (one row per enterprise and period; see the template) as the raw request body, processed as a job. An enterprise imports its own reports, an administrator any. The same file from the same caller is the same import (same id, nothing changes). Location: the progress.',
  })
  @ApiConsumes(...IMPORT_FILE_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'filename', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 }, description: "the file's name, quoted in revision reasons" })
  @ApiProblems(400, 413, 415)
  async create(@CurrentCaller() caller: Caller, @Query(new ZodPipe(uploadQuerySchema)) query: z.infer<typeof uploadQuerySchema>, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const type = mediaType(reply.request.headers['content-type']);
    if (!type || !Buffer.isBuffer(body)) throw DomainError.validation([{ field: 'content-type', reason: `send the file as the body, with content type ${CSV_TYPE} or ${XLSX_TYPE}` }]);
    const result = await this.upload.execute(caller, query.filename, type, body);
    void reply.header('location', `/v1/imports/${result.importId}`);
    return result;
  }

  @Get('template.csv')
  @Allow(...IMPORTING_ROLES)
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="report-import-template.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The import template as CSV: every accepted column and an example row (an enterprise gets its own code in it)' })
  templateCsv(@CurrentCaller() caller: Caller) {
    return templateCsv(caller);
  }

  @Get('template.xlsx')
  @Allow(...IMPORTING_ROLES)
  @Header('content-type', XLSX_TYPE)
  @Header('content-disposition', 'attachment; filename="report-import-template.xlsx"')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: 'The import template as XLSX: the columns and an example row, and a sheet describing each column' })
  templateXlsx(@CurrentCaller() caller: Caller) {
    return templateXlsx(caller);
  }

  @Get(':importId')
  @Allow(...IMPORTING_ROLES)
  @ApiOperation({ summary: "An import's progress: status, rows total/done/ok/failed, started/finished, rows per second (its uploader, or an administrator)" })
  @ApiProblems(400, 404)
  progress(@CurrentCaller() caller: Caller, @Param(new ZodPipe(importIdSchema)) params: z.infer<typeof importIdSchema>) {
    return this.imports.progress(caller, params.importId);
  }

  @Get(':importId/errors.csv')
  @Allow(...IMPORTING_ROLES)
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: "An import's row errors as CSV: row (as numbered in the file, header = 1), field (the column), reason (its uploader, or an administrator)" })
  @ApiProblems(400, 404)
  async errors(@CurrentCaller() caller: Caller, @Param(new ZodPipe(importIdSchema)) params: z.infer<typeof importIdSchema>) {
    const errors = await this.imports.errors(caller, params.importId);
    return csvOf([['row', 'field', 'reason'], ...errors.map((e) => [e.row, e.field, e.reason])]);
  }
}

function mediaType(header: string | undefined): ImportFileType | undefined {
  const type = header?.split(';')[0].trim().toLowerCase();
  return IMPORT_FILE_TYPES.find((t) => t === type);
}
