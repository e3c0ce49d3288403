/** Worker bindings (wrangler.toml `[vars]`) and the hono environment type shared by every route module. */
export type Bindings = {
  /** Comma-separated CORS allowlist; `*` allows every origin (docs/api.md#cors). */
  CORS_ORIGINS?: string
}

export type AppEnv = { Bindings: Bindings }
