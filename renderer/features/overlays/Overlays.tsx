import { lazy, Suspense, type ReactNode } from 'react';
import { DigestDialog } from '../digest/DigestDialog';
import { HoursDialog } from '../duty/HoursDialog';
import { AssignPicker } from '../assign/AssignPicker';
import { HandOffDialog } from '../handOff/HandOffDialog';
import { ConfirmModeration } from '../moderation/ConfirmModeration';
import { ModerationPicker } from '../moderation/ModerationPicker';
import { CommandPalette } from './CommandPalette';
import { useOverlayStore } from './overlayStore';
import { ShortcutSheet } from './ShortcutSheet';
import { SnoozePicker } from './SnoozePicker';
import { TagPicker } from './TagPicker';
import { SettingsDialog } from '../settings/SettingsDialog';
import { ConnectDialog } from '../accounts/ConnectDialog';
import { DisconnectDialog } from '../accounts/DisconnectDialog';
import { RemoveDemoDialog } from '../accounts/RemoveDemoDialog';

// The template editor and the Team dialog (its away-reply preview) bring the template engine
// (liquidjs): loaded when first opened, not with the app.
const TemplatesDialog = lazy(() => import('../templates/TemplatesDialog').then((module) => ({ default: module.TemplatesDialog })));
const TeamDialog = lazy(() => import('../team/TeamDialog').then((module) => ({ default: module.TeamDialog })));
const later = (dialog: ReactNode) => <Suspense fallback={null}>{dialog}</Suspense>;

export function Overlays() {
  const open = useOverlayStore((s) => s.open);
  switch (open) {
    case 'snooze':
      return <SnoozePicker />;
    case 'tag':
      return <TagPicker />;
    case 'assign':
      return <AssignPicker />;
    case 'handOff':
      return <HandOffDialog />;
    case 'palette':
      return <CommandPalette />;
    case 'shortcuts':
      return <ShortcutSheet />;
    case 'hours':
      return <HoursDialog />;
    case 'team':
      return later(<TeamDialog />);
    case 'digest':
      return <DigestDialog />;
    case 'moderate':
      return <ModerationPicker />;
    case 'confirmModeration':
      return <ConfirmModeration />;
    case 'templates':
      return later(<TemplatesDialog />);
    case 'settings':
      return <SettingsDialog />;
    case 'connectAccount':
      return <ConnectDialog />;
    case 'disconnectAccount':
      return <DisconnectDialog />;
    case 'removeDemo':
      return <RemoveDemoDialog />;
    case null:
      return null;
  }
}
