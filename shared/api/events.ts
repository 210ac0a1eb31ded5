/** Events the core pushes to every connected client. */
export type ApiEvents = {
  /**
   * These conversations changed (new messages, status, tags...): refetch what shows them.
   * `everything` means too much changed to list (an account removed): refetch all views.
   */
  'inbox.changed': { conversationIds: string[]; everything: boolean };
};

export type EventName = keyof ApiEvents;
