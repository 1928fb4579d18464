import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import { MetricsService } from './metrics.service';

/** Records every HTTP request's latency under its route pattern (not the raw URL: bounded labels). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: MetricsService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request>();
    const end = this.metrics.httpDuration.startTimer({ method: req.method, route: (req.route as { path?: string } | undefined)?.path ?? 'unknown' });
    const finish = () => end({ status: String(ctx.switchToHttp().getResponse<Response>().statusCode) });
    return next.handle().pipe(tap({ next: finish, error: (e: { status?: number }) => end({ status: String(e?.status ?? 500) }) }));
  }
}
