// Module declarations for the files wrangler imports as modules.
declare module 'onnxruntime-web/ort-wasm-simd-threaded.wasm' {
  const module: WebAssembly.Module
  export default module
}
declare module '*.onnx' {
  const data: ArrayBuffer
  export default data
}
declare module '*.bin' {
  const data: ArrayBuffer
  export default data
}
