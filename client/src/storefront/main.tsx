import { bootstrap } from '../shared/bootstrap';
import { StorefrontApp } from './App';

void bootstrap(() => <StorefrontApp />);
