/** The package version, reported by `GET /healthz` (api.md "Health and description"). */
import pkg from '../package.json'

export const VERSION: string = pkg.version
