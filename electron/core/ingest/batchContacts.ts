import type { IncomingItem } from '../../../shared/domain/incomingItem';
import type { Clock } from '../clock';
import { newId } from '../ids';
import type { IngestStatements } from './ingestStatements';

/** Contacts and posts one batch touches, each looked up or written once per batch. Returns row keys. */
export class BatchContacts {
  private readonly contacts = new Map<string, number>();
  private readonly posts = new Map<string, number>();

  constructor(
    private readonly statements: IngestStatements,
    private readonly accountSeq: number,
    private readonly clock: Clock,
  ) {}

  /** Upserts the author; a changed name, handle, avatar or follower count is kept up to date. */
  contactFor(item: IncomingItem): number {
    const { author } = item;
    const cached = this.contacts.get(author.externalId);
    if (cached !== undefined) return cached;
    const found = this.statements.findContact.get(item.platform, author.externalId);
    const row = { ...author, platform: item.platform, now: this.clock() };
    let seq: number;
    if (!found) {
      seq = Number(this.statements.insertContact.run({ ...row, id: newId() }).lastInsertRowid);
    } else {
      seq = found.seq;
      const isChanged =
        found.handle !== author.handle ||
        found.name !== author.name ||
        found.avatar_url !== author.avatarUrl ||
        found.follower_count !== author.followerCount;
      if (isChanged) this.statements.updateContact.run({ ...row, seq });
    }
    this.contacts.set(author.externalId, seq);
    return seq;
  }

  postFor(item: IncomingItem): number | null {
    const { post } = item;
    if (!post) return null;
    const cached = this.posts.get(post.externalId);
    if (cached !== undefined) return cached;
    const found = this.statements.findPost.get(this.accountSeq, post.externalId);
    const seq = found?.seq ?? Number(this.statements.insertPost.run({ ...post, id: newId(), accountSeq: this.accountSeq }).lastInsertRowid);
    this.posts.set(post.externalId, seq);
    return seq;
  }
}
