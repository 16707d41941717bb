import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentValidatedInputs } from '../http/validated-inputs.openapi';

/** A service's OpenAPI document, made once at start (createService) and served as it is. */
export class OpenApiDocument {
  private json?: string;

  set(document: object): void {
    this.json = JSON.stringify(document);
  }

  /** The serialized document. */
  serialized(): string {
    if (this.json === undefined) throw new Error('the OpenAPI document is made in createService, before the service listens');
    return this.json;
  }
}

export interface ServiceDescription {
  title: string;
  description: string;
}

const documents = new WeakMap<INestApplication, OpenAPIObject>();

/** Makes a service's OpenAPI document from its controllers' decorators; `openApiDocumentOf` gives it back. */
export function describeService(app: INestApplication, description: ServiceDescription): OpenAPIObject {
  documentValidatedInputs(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(description.title)
      .setDescription(
        `${description.description}\n\nEvery operation but the health probes needs a bearer token (JWT) from the identity provider; \`x-allowed-roles\` lists the roles that may call it, and an enterprise, bank or regulator then sees only its own, consented or regional data.`,
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  documents.set(app, document);
  return document;
}

export function openApiDocumentOf(app: INestApplication): OpenAPIObject {
  const document = documents.get(app);
  if (!document) throw new Error('This app was not made by createService, so it has no OpenAPI document.');
  return document;
}

/** The body of every app's openapi.ts: prints the service's OpenAPI document as JSON, without starting anything. */
export async function printOpenApiDocument(create: (options: { preview: boolean }) => Promise<{ app: INestApplication }>): Promise<void> {
  const { app } = await create({ preview: true });
  process.stdout.write(`${JSON.stringify(openApiDocumentOf(app), null, 2)}\n`);
}
