// Runs scanPhoto in a child process for scan-photo-isolated.ts, so a file that made the reader
// loop forever would be cut off by the test instead of hanging it.
import { scanPhoto } from '../../../../src/core/image/scan-photo';

process.on('message', async (bytes: Uint8Array) => {
  try {
    process.send!({ report: await scanPhoto(new Uint8Array(bytes)) });
  } catch (error) {
    process.send!({ thrown: String(error) });
  }
});
