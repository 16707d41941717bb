import { INestApplication, PipeTransform, Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common/enums/request-method.enum';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { NestContainer } from '@nestjs/core';
import { z } from 'zod';
import { openApiSchema } from './openapi-schema';
import { problemResponse } from './problem-response.decorator';

// @nestjs/swagger's metadata keys (its DECORATORS constant, which the package does not export); the spec of this
// file fails if they change.
const API_PARAMETERS = 'swagger/apiParameters';
const API_RESPONSE = 'swagger/apiResponse';

/** A pipe that validates with a zod schema, and so can document what it accepts. */
export interface SchemaPipe {
  readonly schema: z.ZodType;
}

interface RouteArg {
  index: number;
  data?: string;
  pipes?: Array<PipeTransform | Type<PipeTransform>>;
}

interface ParameterMetadata {
  name: string;
  in: 'path' | 'query' | 'header' | 'body';
  required?: boolean;
  description?: string;
  schema?: SchemaObject;
}

/**
 * Documents every route's inputs from the zod schemas that validate them, so the OpenAPI document states the
 * constraints the service enforces: path and query parameters and bodies behind a `ZodPipe` (or any pipe with a
 * `schema`), a 400 problem wherever something is validated, and the success status where none is declared.
 * Descriptions given with `@ApiParam`/`@ApiQuery` are kept. Runs once per controller method, before the document is made.
 */
export function documentValidatedInputs(app: INestApplication): void {
  const container = (app as unknown as { container: NestContainer }).container;
  for (const module of container.getModules().values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const method = controller.prototype[name];
        if (typeof method !== 'function' || Reflect.getMetadata(METHOD_METADATA, method) === undefined || documented.has(method)) continue;
        documented.add(method);
        documentMethod(controller, name, method);
      }
    }
  }
}

const documented = new WeakSet<object>();

function documentMethod(controller: Type, name: string, method: object): void {
  const args: Record<string, RouteArg> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
  const generated: ParameterMetadata[] = [];
  for (const [key, arg] of Object.entries(args)) {
    const schema = schemaOf(arg.pipes ?? []);
    if (!schema) continue;
    const type = Number(key.split(':')[0]);
    if (type === RouteParamtypes.BODY) generated.push({ in: 'body', required: true, schema: openApiSchema(schema) } as ParameterMetadata);
    if (type === RouteParamtypes.PARAM) generated.push(...parameters('path', arg.data, schema));
    if (type === RouteParamtypes.QUERY) generated.push(...parameters('query', arg.data, schema));
  }

  const declared: ParameterMetadata[] = Reflect.getMetadata(API_PARAMETERS, method) ?? [];
  const declaredOnClass: ParameterMetadata[] = Reflect.getMetadata(API_PARAMETERS, controller) ?? [];
  const same = (a: ParameterMetadata) => (b: ParameterMetadata) => a.in === b.in && (a.in === 'body' || a.name === b.name);
  const merged = [
    ...generated.map((p) => ({ ...p, description: [...declared, ...declaredOnClass].find(same(p))?.description ?? p.description })),
    ...declared.filter((d) => !generated.some(same(d))),
  ];
  // `type: String` tells @nestjs/swagger to take `schema` as it is.
  Reflect.defineMetadata(API_PARAMETERS, merged.map((p) => ({ type: String, ...p })), method);

  const responses: Record<string, unknown> = { ...(Reflect.getMetadata(API_RESPONSE, method) ?? {}) };
  if (!Object.keys(responses).some((status) => status.startsWith('2'))) responses[successStatus(method)] = { description: 'Success' };
  if (generated.length > 0 && !responses['400']) responses['400'] = problemResponse(400);
  Reflect.defineMetadata(API_RESPONSE, responses, method);
}

function schemaOf(pipes: Array<PipeTransform | Type<PipeTransform>>): z.ZodType | undefined {
  for (const pipe of pipes) {
    const instance = typeof pipe === 'function' ? new pipe() : pipe;
    const schema = (instance as Partial<SchemaPipe>).schema;
    if (schema instanceof z.ZodType) return schema;
  }
  return undefined;
}

/** One named parameter, or one per property of an object schema (`@Param(pipe)`/`@Query(pipe)` without a name). */
function parameters(location: 'path' | 'query', name: string | undefined, schema: z.ZodType): ParameterMetadata[] {
  const json = openApiSchema(schema);
  if (name) return [{ name, in: location, required: location === 'path' || !schema.safeParse(undefined).success, schema: json }];
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([property, propertySchema]) => ({
    name: property,
    in: location,
    required: location === 'path' || required.has(property),
    schema: propertySchema as SchemaObject,
    description: (propertySchema as SchemaObject).description,
  }));
}

function successStatus(method: object): number {
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, method) as number | undefined;
  if (declared) return declared;
  return Reflect.getMetadata(METHOD_METADATA, method) === RequestMethod.POST ? 201 : 200;
}
