/** Which conversation goes to whom: the oldest first, each to the next receiver in turn (one receiver takes all). */
export function shareOut(conversationIds: readonly string[], receiverIds: readonly string[]): Map<string, string[]> {
  const byReceiver = new Map<string, string[]>();
  conversationIds.forEach((id, index) => {
    const receiver = receiverIds[index % receiverIds.length];
    if (receiver) byReceiver.set(receiver, [...(byReceiver.get(receiver) ?? []), id]);
  });
  return byReceiver;
}
