import { lazy, Suspense } from 'react';
import { DigestDialog } from '../digest/DigestDialog';
import { HoursDialog } from '../duty/HoursDialog';
import { TeamDialog } from '../team/TeamDialog';
import { ConfirmModeration } from '../moderation/ConfirmModeration';
import { ModerationPicker } from '../moderation/ModerationPicker';
import { CommandPalette } from './CommandPalette';
import { useOverlayStore } from './overlayStore';
import { ShortcutSheet } from './ShortcutSheet';
import { SnoozePicker } from './SnoozePicker';
import { TagPicker } from './TagPicker';

// The template editor brings the template engine (liquidjs): loaded when first opened, not with the app.
const TemplatesDialog = lazy(() => import('../templates/TemplatesDialog').then((module) => ({ default: module.TemplatesDialog })));

export function Overlays() {
  const open = useOverlayStore((s) => s.open);
  switch (open) {
    case 'snooze':
      return <SnoozePicker />;
    case 'tag':
      return <TagPicker />;
    case 'palette':
      return <CommandPalette />;
    case 'shortcuts':
      return <ShortcutSheet />;
    case 'hours':
      return <HoursDialog />;
    case 'team':
      return <TeamDialog />;
    case 'digest':
      return <DigestDialog />;
    case 'moderate':
      return <ModerationPicker />;
    case 'confirmModeration':
      return <ConfirmModeration />;
    case 'templates':
      return (
        <Suspense fallback={null}>
          <TemplatesDialog />
        </Suspense>
      );
    case null:
      return null;
  }
}
