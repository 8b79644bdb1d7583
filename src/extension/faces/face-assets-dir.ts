/** Where the face finder's model and WebAssembly files sit in the built extension (see face-assets.ts). */
export const FACE_ASSET_DIR = 'faces';
