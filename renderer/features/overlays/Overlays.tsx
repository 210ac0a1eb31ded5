import { lazy, Suspense } from 'react';
import { HoursDialog } from '../duty/HoursDialog';
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
