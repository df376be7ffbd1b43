import { bootstrap } from '../shared/bootstrap';
import { AdminApp } from './App';

void bootstrap(() => <AdminApp />);
