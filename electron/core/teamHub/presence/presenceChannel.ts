import type pg from 'pg';
import type { ConversationPresence, PresenceActivity } from '../../../../shared/api/hub';
import type { Clock } from '../../clock';
import { listenOnChannel, type ChannelListener } from '../../hub/channelListener';
import { connectionConfig } from '../../hub/hubAddress';
import { hubMemberSchema, type HubMember } from '../../hub/hubInputs';
import type { Logger } from '../../log/logger';
import { PresenceBoard } from './presenceBoard';
import { encodeNotice, parseNotice, presenceChannelOf, type PresenceNotice } from './presenceNotice';

/** How often this desktop repeats what it is doing, and how long a silent teammate stays shown. */
export type PresenceTiming = { heartbeatMs: number; forgetAfterMs: number };
const TIMING: PresenceTiming = { heartbeatMs: 10_000, forgetAfterMs: 25_000 };

export type PresenceOptions = {
  member: HubMember;
  me: { role: string; name: string };
  clock: Clock;
  onChange(list: ConversationPresence[]): void;
  log?: Logger;
  /** Shorter for tests; the defaults let two heartbeats go missing before someone disappears. */
  timing?: PresenceTiming;
};

/**
 * Who is viewing or writing in which conversation, across the team's desktops, through NOTIFY on
 * the workspace's presence channel: ephemeral, never written to a table. Each desktop repeats its
 * announcement as a heartbeat; one not heard for a while is forgotten. Its own connection, as the
 * member's role, reconnects after a drop and announces again.
 */
export class PresenceChannel {
  private readonly board = new PresenceBoard();
  private current: { conversationId: string; activity: PresenceActivity } | null = null;
  private listener!: ChannelListener;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly options: PresenceOptions & { timing: PresenceTiming },
    private readonly channel: string,
  ) {}

  /** Resolves once listening (rejects when the hub cannot be reached at all). */
  static async open(options: PresenceOptions): Promise<PresenceChannel> {
    const member = hubMemberSchema.parse(options.member);
    const presence = new PresenceChannel({ ...options, timing: options.timing ?? TIMING }, presenceChannelOf(member.workspaceId));
    await presence.listen(connectionConfig(member.url, member));
    presence.timer = setInterval(() => presence.beat(), presence.options.timing.heartbeatMs);
    return presence;
  }

  /** What this person now does in a conversation; null when they leave it. Sent now and repeated. */
  announce(conversationId: string, activity: PresenceActivity | null): void {
    if (activity === null) {
      // Leaving a conversation already left (another was opened since) says nothing.
      if (this.current?.conversationId !== conversationId) return;
      this.current = null;
    } else {
      this.current = { conversationId, activity };
    }
    void this.send({ conversationId, activity });
  }

  list(): ConversationPresence[] {
    return this.board.list();
  }

  /** Says this person left (when the hub can still hear it), so teammates need not wait for silence, and hangs up. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    const left = this.current;
    this.current = null;
    if (left) await this.send({ conversationId: left.conversationId, activity: null });
    await this.listener.close();
  }

  private listen(config: pg.ClientConfig): Promise<void> {
    return new Promise((resolve, reject) => {
      let isOpen = false;
      this.listener = listenOnChannel(config, this.channel, {
        applicationName: 'pieuvre-hub-presence',
        onNotification: (payload) => this.heard(payload),
        onState: (state, error) => {
          if (state === 'listening') {
            isOpen = true;
            // Notices sent while away were lost: teammates hear where this person is at once.
            if (this.current) void this.send(this.current);
            resolve();
          } else if (!isOpen) {
            void this.listener.close();
            reject(error ?? new Error('The hub could not be reached for presence.'));
          } else {
            this.options.log?.warn('Presence lost the hub; reconnecting.', { err: error });
          }
        },
      });
    });
  }

  private heard(payload: string | undefined): void {
    const parsed = parseNotice(payload);
    if ('problem' in parsed) {
      this.options.log?.warn('A presence notice was ignored.', { problem: parsed.problem });
      return;
    }
    if (parsed.notice.role === this.options.me.role) return;
    if (this.board.heard(parsed.notice, this.options.clock())) this.changed();
  }

  /** Repeats the announcement and forgets those silent too long. */
  private beat(): void {
    if (this.current) void this.send(this.current);
    if (this.board.forgetSilent(this.options.clock() - this.options.timing.forgetAfterMs)) this.changed();
  }

  private async send(what: Pick<PresenceNotice, 'conversationId' | 'activity'>): Promise<void> {
    const connection = this.listener.connection();
    // Offline: the next connection announces the latest state.
    if (!connection) return;
    let payload: string;
    try {
      payload = encodeNotice({ ...what, role: this.options.me.role, name: this.options.me.name, at: this.options.clock() });
    } catch (error) {
      this.options.log?.warn('A presence notice could not be sent.', { err: error });
      return;
    }
    // A failed send shows as a dropped connection, which reconnects and sends again.
    await connection.query('SELECT pg_notify($1, $2)', [this.channel, payload]).catch(() => {});
  }

  private changed(): void {
    this.options.onChange(this.board.list());
  }
}
