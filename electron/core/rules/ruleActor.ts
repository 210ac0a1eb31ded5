/** The history's actor for what a rule does: the digest and the pane name the rule from it. */
export const ruleActor = (ruleId: string): string => `rule:${ruleId}`;
