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
