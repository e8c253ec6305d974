/** OpenAPI's /laws/{id} as Hono's /laws/:id. */
export const honoPath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ':$1');
