import { startPopup } from '../../src/extension/ui/popup';

void startPopup(document);
