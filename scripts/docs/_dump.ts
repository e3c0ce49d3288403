import { writeFileSync } from 'node:fs'
import { app } from '../../workers/app.ts'

const d = await (await app.request('/openapi.json')).json()
writeFileSync('/tmp/docs-work/openapi.json', JSON.stringify(d, null, 2))
