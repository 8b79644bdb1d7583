import { startSidePanel } from '../../src/extension/ui/side-panel';

void startSidePanel(document);
