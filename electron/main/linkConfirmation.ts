import type { MessageBoxOptions } from 'electron';
import type { ShellStrings } from './shellStrings';
import type { LinkRisk } from './urlPolicy';

/** The question asked before a risky link opens; "Cancel" is the default, so Enter does not open it. */
export function linkConfirmation(url: string, risk: LinkRisk, strings: ShellStrings): MessageBoxOptions {
  return {
    type: 'warning',
    title: strings.openLinkTitle,
    message: risk === 'localNetwork' ? strings.localNetworkLink : strings.insecureLink,
    detail: url,
    buttons: [strings.openLink, strings.cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** Button 0 is "Open". */
export const isOpenChosen = (response: number): boolean => response === 0;
