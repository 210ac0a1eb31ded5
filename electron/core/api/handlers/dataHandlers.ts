import { ApiFailure } from '../../../../shared/api/result';
import type { DataService } from '../../data/dataService';
import type { Handlers } from '../apiServer';

type DataHandlers = Pick<Handlers, 'data.backups.list' | 'data.backupNow' | 'data.restore' | 'data.export'>;

export function dataHandlers(data: DataService | null): DataHandlers {
  const service = () => {
    if (!data) throw new ApiFailure('unavailable', 'This workspace lives in memory only: it has no data folder to back up, restore or export.');
    return data;
  };
  return {
    'data.backups.list': () => service().list(),
    'data.backupNow': () => service().backupNow('manual'),
    'data.restore': (source) => service().restore(source),
    'data.export': ({ path }) => service().export(path),
  };
}
