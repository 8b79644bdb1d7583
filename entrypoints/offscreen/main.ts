import { findFacesInPage } from '../../src/extension/faces/find-faces-in-page';
import { serveFaceRequests } from '../../src/extension/faces/face-page-server';

serveFaceRequests(findFacesInPage);
