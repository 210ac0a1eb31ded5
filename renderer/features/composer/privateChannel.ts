import type { Platform } from '../../../shared/domain/platform';

/** Where a private reply lands: Messenger for a Facebook Page, Instagram's direct messages for Instagram. */
export const privateChannelKey = (platform: Platform) => (platform === 'instagram' ? 'composer.privateChannel.instagram' : 'composer.privateChannel.facebook');
