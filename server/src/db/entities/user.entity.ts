// A person using the mini-program, identified by their WeChat openid.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ViewerAudience } from '@kepu/shared';

/** What an erased account leaves where a name was: the row stays, the person does not. */
export const ERASED_NAME = '已注销';

@Entity('users')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Null once the user erased their data: the row stays so sign-up history stays consistent. */
  @Column({ type: 'varchar', length: 64, nullable: true, unique: true })
  openid: string | null;

  @Column({ type: 'varchar', length: 32 })
  nickname: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'boolean', default: false })
  largeText: boolean;

  /** Who is looking (老年人, 家长, 学生, 其他); null until the user says. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  audience: ViewerAudience | null;

  @Column({ type: 'boolean', default: false })
  isReviewer: boolean;

  @Column({ type: 'boolean', default: false })
  isAdmin: boolean;

  @Column({ type: 'datetime', nullable: true })
  erasedAt: Date | null;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
