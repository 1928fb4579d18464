import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { CurrentUser, CursorQueryDto, Page, Principal } from '@app/core';
import { NotificationsService, NotificationView } from './notifications.service';

export class NotificationQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationIdParamDto {
  @IsUUID()
  id: string;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() user: Principal, @Query() q: NotificationQueryDto): Promise<Page<NotificationView> & { unread: number }> {
    return this.notifications.list(user, q);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() user: Principal): Promise<{ updated: number }> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: Principal, @Param() p: NotificationIdParamDto): Promise<NotificationView> {
    return this.notifications.markRead(user, p.id);
  }
}
