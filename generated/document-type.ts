/**
 * The shape of a dereferenced OpenAPI document as generated/ stores it: plain JSON.
 * Hand-written (the generator imports it); everything else in generated/ is produced by `npm run generate`.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type OpenApiDocument = { [key: string]: JsonValue };
