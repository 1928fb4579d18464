// Serves the web console (apps/console, built by `npm run console:build`) at /console: its files,
// and index.html for every other /console path so the single-page app's own routes survive a
// reload. Nothing here touches /api/v1.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

export const CONSOLE_PATH = '/console';
/** apps/console/dist next to this app (ts-node), or dist/apps/console/dist (compiled image). */
export const CONSOLE_DIST = path.resolve(__dirname, '../../console/dist');

export function serveConsole(app: NestExpressApplication, dist = CONSOLE_DIST): void {
  const index = path.join(dist, 'index.html');
  // Hashed asset names change with every build, so they may be cached for long; index.html never.
  app.useStaticAssets(dist, { prefix: `${CONSOLE_PATH}/`, index: false, immutable: true, maxAge: '30d' });
  app.use(CONSOLE_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // A missing file (it has an extension) is a 404, not the app.
    if (path.extname(req.path)) return next();
    if (req.originalUrl === CONSOLE_PATH) return res.redirect(301, `${CONSOLE_PATH}/`);
    if (!existsSync(index)) return res.status(503).type('text/plain').send('The console is not built: run `npm run console:build`.');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
