/** A program that starts a browser through the pool, prints its pid and waits to be killed (see browser-pool.test.ts). */
import { createBrowserPool } from '../../../src/pdf/browser-pool.js';

const pool = createBrowserPool();
const { browser, pid } = await pool.lease();
await (await browser.newPage()).setContent('<p>a renderer</p>');
process.stdout.write(`${pid}\n`);
setInterval(() => undefined, 60_000);
