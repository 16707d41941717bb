import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Module, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiParam } from '@nestjs/swagger';
import { z } from 'zod';
import { describeService } from '../service/openapi-document';
import { UsccParamPipe } from './param.pipes';
import { ZodPipe } from './zod-body.pipe';

const keySchema = z.object({ division: z.string().regex(/^[A-T]\d{2}$/), period: z.string().regex(/^\d{4}-\d{2}$/) });
const querySchema = z.object({ product: z.string().max(100).default('green-loan'), page: z.coerce.number().int() });
const bodySchema = z.strictObject({ name: z.string().min(1) });

@Controller('things')
class ThingsController {
  @Get(':division/:period')
  @ApiParam({ name: 'division', description: 'GB/T 4754 division' })
  get(@Param(new ZodPipe(keySchema)) _key: unknown, @Query(new ZodPipe(querySchema)) _query: unknown) {
    return {};
  }

  @Post(':uscc')
  @HttpCode(202)
  create(@Param('uscc', UsccParamPipe) _uscc: string, @Body(new ZodPipe(bodySchema)) _body: unknown) {
    return {};
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('documentValidatedInputs (through describeService)', () => {
  let document: ReturnType<typeof describeService>;

  beforeAll(async () => {
    const app = await NestFactory.create(ThingsModule, new FastifyAdapter(), { preview: true, logger: false });
    document = describeService(app, { title: 'Things', description: 'test' });
  });

  it('documents path and query parameters from the zod schema of the pipe, keeping declared descriptions', () => {
    const get = document.paths['/things/{division}/{period}'].get!;
    expect(get.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'division', in: 'path', required: true, description: 'GB/T 4754 division', schema: { type: 'string', pattern: '^[A-T]\\d{2}$' } }),
        expect.objectContaining({ name: 'period', in: 'path', required: true }),
        expect.objectContaining({ name: 'product', in: 'query', required: false, schema: expect.objectContaining({ maxLength: 100, default: 'green-loan' }) }),
        expect.objectContaining({ name: 'page', in: 'query', required: true }),
      ]),
    );
    expect(Object.keys(get.responses)).toEqual(expect.arrayContaining(['200', '400']));
  });

  it('documents a body, a named parameter checked by a pipe class, and the declared success status', () => {
    const post = document.paths['/things/{uscc}'].post!;
    expect(post.parameters).toEqual([expect.objectContaining({ name: 'uscc', in: 'path', schema: expect.objectContaining({ pattern: expect.any(String) }) })]);
    expect(post.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string', minLength: 1 } }, required: ['name'], additionalProperties: false } } } });
    expect(Object.keys(post.responses).sort()).toEqual(['202', '400']);
  });
});
