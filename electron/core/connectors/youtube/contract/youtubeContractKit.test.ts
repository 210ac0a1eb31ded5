import { describe, expect, it } from 'vitest';
import { youtubeContractKit } from './youtubeContractKit';

describe('YouTube contract kit', () => {
  it('starts a channel with a comment to answer and sees the brand’s replies as the kill test counts them', async () => {
    const running = await youtubeContractKit.start();
    try {
      const threads = await fetch(`${running.origin}/youtube/v3/commentThreads?part=snippet&allThreadsRelatedToChannelId=UC_x5XG1OV2P6uZZ5FSM9Ttw`);
      // Without a token Google answers 401, as for any call.
      expect(threads.status).toBe(401);
      expect(running.isReplyPost('POST', '/youtube/v3/comments')).toBe(true);
      expect(running.isReplyPost('POST', '/youtube/v3/comments/setModerationStatus')).toBe(false);
      expect(running.repliesReceived()).toEqual([]);
    } finally {
      await running.close();
    }
  });
});
