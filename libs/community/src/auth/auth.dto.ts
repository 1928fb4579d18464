import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@demo.community', description: 'phone number or e-mail' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  login: string;

  @ApiProperty({ example: 'demo-password-1' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(300)
  refreshToken: string;
}
