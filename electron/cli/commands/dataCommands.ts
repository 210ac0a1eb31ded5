import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CommandFailure } from '../cliErrors';
import { t } from '../cliText';
import { expectPositionals, type Command } from './command';

/** Backs up now (online, as the app's button does), then copies the backup to FILE. */
export const backupCommand: Command = {
  usage: () => 'backup FILE',
  options: {},
  async run(session, args) {
    const [file = ''] = expectPositionals(args, ['FILE'], this.usage());
    const backup = await session.call('data.backupNow', {});
    const { folder } = await session.call('data.backups.list', {});
    const path = resolve(file);
    try {
      copyFileSync(join(folder, backup.name), path);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? t('errors.noFolder') : (error as Error).message;
      throw new CommandFailure(t('data.cannotWriteBackup', { path, reason, folder, name: backup.name }));
    }
    return { json: { path, createdAt: backup.createdAt, sizeBytes: backup.sizeBytes }, text: t('data.backedUp', { path }) };
  },
};

export const restoreCommand: Command = {
  usage: () => 'restore FILE',
  options: {},
  async run(session, args) {
    const [file = ''] = expectPositionals(args, ['FILE'], this.usage());
    const result = await session.call('data.restore', { path: resolve(file) });
    const safety = result.safetyBackup ? t('data.safety', { name: result.safetyBackup.name }) : '';
    return { json: result, text: `${t('data.restored', { from: result.restoredFrom })}${safety}` };
  },
};

export const exportCommand: Command = {
  usage: () => 'export [--out FILE]',
  options: { out: { type: 'string' } },
  async run(session, args) {
    expectPositionals(args, [], this.usage());
    const out = args.values.out;
    const result = await session.call('data.export', typeof out === 'string' ? { path: resolve(out) } : {});
    return { json: result, text: t('data.exported', { rows: result.rows, tables: result.tables, path: result.path }) };
  },
};
