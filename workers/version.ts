/** The package version, reported by `GET /healthz` (docs/api.md#health). A named JSON import, so
 * the bundler keeps only this field of package.json. */
import { version } from '../package.json'

export const VERSION: string = version
