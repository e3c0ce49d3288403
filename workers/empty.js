// Empty module: the wrangler [alias] for zod/v4/core points here, so hono-openapi's optional zod vendor
// converters stay out of the bundle. Only valibot schemas are used.
export default {}
