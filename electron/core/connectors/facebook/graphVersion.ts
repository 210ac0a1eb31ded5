/**
 * The Graph API version every call names: the newest stable one on Meta's changelog when this was
 * written (v26.0, introduced 29 July 2026). Versions live about two years; upgrading is changing
 * this one constant after reading that version's changelog.
 */
export const GRAPH_VERSION = 'v26.0';

/** Meta's real hosts: the API and token endpoint on graph.facebook.com, the consent page on www.facebook.com. */
const REAL = { graph: 'https://graph.facebook.com', www: 'https://www.facebook.com' } as const;

export type GraphOrigins = { graph: string; www: string };

/** Where Facebook is reached: its real hosts, or one loopback contract server standing for both (tests, the harness). */
export const graphOrigins = (origin: string | null): GraphOrigins => (origin === null ? REAL : { graph: origin, www: origin });
