// @ts-check
/**
 * @noble/ciphers' AES, as the bundle gives it to pdfkit (see scripts/bundle.mjs): the package is
 * loaded on the first cipher asked for, not when pdfkit loads. It builds its lookup tables as it
 * loads, about 7 ms of every process that renders, and pdfkit uses AES only to encrypt a PDF with a
 * password, which handout never asks for. The ciphers are the package's own.
 */
/** @type {typeof import('@noble/ciphers/aes') | undefined} */
let aes;
const load = () => (aes ??= require('@noble/ciphers/aes'));

/** @type {typeof import('@noble/ciphers/aes').cbc} */
exports.cbc = (...args) => load().cbc(...args);
/** @type {typeof import('@noble/ciphers/aes').ecb} */
exports.ecb = (...args) => load().ecb(...args);
