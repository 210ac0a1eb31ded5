import { accountsCommand } from './accountsCommand';
import { assignCommand } from './assignCommand';
import type { Command } from './command';
import { backupCommand, exportCommand, restoreCommand } from './dataCommands';
import { inboxCommand } from './inboxCommand';
import { replyCommand } from './replyCommand';
import { rulesCommand } from './rulesCommand';
import { syncCommand } from './syncCommand';
import { teamCommand } from './teamCommand';

/** Every command, by the word that names it. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  accounts: accountsCommand,
  sync: syncCommand,
  inbox: inboxCommand,
  reply: replyCommand,
  backup: backupCommand,
  restore: restoreCommand,
  export: exportCommand,
  rules: rulesCommand,
  assign: assignCommand,
  team: teamCommand,
};
