import { accountsCommand } from './accountsCommand';
import type { Command } from './command';
import { backupCommand, exportCommand, restoreCommand } from './dataCommands';
import { inboxCommand } from './inboxCommand';
import { replyCommand } from './replyCommand';

/** Every command, by the word that names it; `accounts add`, `sync`… join with #10's accounts. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  accounts: accountsCommand,
  inbox: inboxCommand,
  reply: replyCommand,
  backup: backupCommand,
  restore: restoreCommand,
  export: exportCommand,
};
