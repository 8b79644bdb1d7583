import { startOptionsPage } from '../../src/extension/ui/options';

void startOptionsPage(document);
